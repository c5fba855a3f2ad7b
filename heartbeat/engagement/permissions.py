"""Who may do what in communication and engagement: the one place to ask.

Visitors read public news, events and published responses. Signed-in members read
partnership-only news, register for events, ask and upvote questions, give their views,
follow things and read their notifications. The programme office writes news, runs events,
moderates and answers questions and publishes responses. An organisation lead sees who from
their own organisation has registered for an event.
"""

from heartbeat.portfolio.models import Visibility


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_programme_office(user) -> bool:
    return _signed_in(user) and bool(user.is_programme_office)


def is_member(user) -> bool:
    return _signed_in(user)


# News --------------------------------------------------------------------------------------


def can_view_article(user, article) -> bool:
    if is_programme_office(user):
        return True
    if not article.is_published:
        return False
    return article.visibility == Visibility.PUBLIC or _signed_in(user)


def can_write_news(user) -> bool:
    return is_programme_office(user)


# Events ------------------------------------------------------------------------------------


def can_manage_events(user) -> bool:
    return is_programme_office(user)


def can_register(user) -> bool:
    """Signed-in members of a member organisation register for events."""
    return _signed_in(user) and user.organisation_id is not None


def can_view_attendees(user, organisation=None) -> bool:
    """The programme office sees everyone registered; an organisation lead sees their own
    organisation's people (``organisation`` given: may they see that organisation's?)."""
    if is_programme_office(user):
        return True
    if not (_signed_in(user) and user.is_organisation_lead and user.organisation_id):
        return False
    return organisation is None or organisation.pk == user.organisation_id


def attendees_scope(user):
    """None for everyone (programme office), an organisation id, or False for nothing."""
    if is_programme_office(user):
        return None
    if can_view_attendees(user):
        return user.organisation_id
    return False


def can_give_feedback(user) -> bool:
    return _signed_in(user)


def can_view_feedback(user) -> bool:
    return is_programme_office(user)


# Questions ---------------------------------------------------------------------------------


def can_ask(user) -> bool:
    return _signed_in(user)


def can_vote(user, question) -> bool:
    return _signed_in(user) and question.asker_id != user.pk


def can_moderate(user) -> bool:
    return is_programme_office(user)


def can_answer(user) -> bool:
    return is_programme_office(user)


def can_see_asker(user, question) -> bool:
    """Anonymous questions are anonymous to other members, never to the programme office
    (nor to the person who asked)."""
    if not question.anonymous:
        return _signed_in(user)
    return is_programme_office(user) or (_signed_in(user) and question.asker_id == user.pk)


def can_view_question(user, question) -> bool:
    """Approved (and merged) questions are public; pending and rejected ones are for their
    asker and the programme office."""
    if question.status in ("approved", "merged"):
        return True
    return is_programme_office(user) or (_signed_in(user) and question.asker_id == user.pk)


def can_publish_response(user) -> bool:
    return is_programme_office(user)


def can_view_response(user, response) -> bool:
    return response is not None and (response.is_published or is_programme_office(user))


# Follows and notifications -----------------------------------------------------------------


def can_follow(user) -> bool:
    return _signed_in(user)


def can_read_notifications(user) -> bool:
    return _signed_in(user)
