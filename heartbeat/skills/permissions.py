"""Who may change the skills list and people's skills."""


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_manage_own_skills(user) -> bool:
    return _signed_in(user)


def can_change_skills_of(user, person) -> bool:
    """A person keeps their own skills; the programme office can correct anyone's."""
    return _signed_in(user) and (user.pk == person.pk or bool(user.is_programme_office))


def can_manage_skills(user) -> bool:
    """The skills list is the programme office's."""
    return _signed_in(user) and bool(user.is_programme_office)
