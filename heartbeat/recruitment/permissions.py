"""Who may do what in recruitment. Every check about participation, pledges, capacity and
skills lives here.

Organisation leads act for their own organisation only; the programme office acts for any.
"""

from heartbeat.portfolio.permissions import can_view_project, is_programme_office


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def acts_for(user, organisation) -> bool:
    """The programme office, or a lead of this very organisation."""
    if organisation is None:
        return False
    if is_programme_office(user):
        return True
    return (
        _signed_in(user)
        and bool(user.is_organisation_lead)
        and user.organisation_id == organisation.pk
    )


def can_manage_participation(user, organisation) -> bool:
    return acts_for(user, organisation)


def can_pledge(user, organisation) -> bool:
    return acts_for(user, organisation)


def can_change_pledge(user, pledge) -> bool:
    return acts_for(user, pledge.organisation)


def can_act_for_an_organisation(user) -> bool:
    """Whether the person sees join and pledge buttons at all."""
    return is_programme_office(user) or (
        _signed_in(user) and bool(user.is_organisation_lead) and user.organisation_id is not None
    )


def can_see_pledged_people(user, project) -> bool:
    """Names of pledged people are for signed-in members, never the public register."""
    return _signed_in(user) and can_view_project(user, project)


def can_view_coverage(user, project) -> bool:
    return can_view_project(user, project)


def can_view_capacity(user, organisation) -> bool:
    """The organisation's own people and the programme office."""
    return is_programme_office(user) or (
        _signed_in(user) and organisation is not None and user.organisation_id == organisation.pk
    )


def can_declare_capacity(user, organisation) -> bool:
    return acts_for(user, organisation)


def can_view_contributions(user) -> bool:
    return _signed_in(user)


def can_see_where_to_help(user, organisation) -> bool:
    """An organisation lead for their organisation; the programme office for any."""
    return acts_for(user, organisation)


def can_manage_own_skills(user) -> bool:
    return _signed_in(user)


def can_manage_skills(user) -> bool:
    """The skills list is the programme office's."""
    return is_programme_office(user)
