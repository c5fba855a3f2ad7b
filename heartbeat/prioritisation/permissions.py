"""Who may do what with prioritisation. The programme office keeps the criteria and scores
the rounds; every signed-in member reads the published method, scores and ranks."""

from heartbeat.portfolio.permissions import is_programme_office


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def can_view_ranking(user) -> bool:
    return _signed_in(user)


def can_view_round(user, round_) -> bool:
    """Published rounds for members; drafts for the programme office only."""
    if round_.is_published:
        return _signed_in(user)
    return is_programme_office(user)


def can_manage_criteria(user) -> bool:
    return is_programme_office(user)


def can_score(user) -> bool:
    return is_programme_office(user)


def can_open_round(user) -> bool:
    return is_programme_office(user)


def can_publish(user) -> bool:
    return is_programme_office(user)
