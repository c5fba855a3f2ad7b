"""The main navigation, in the order people see it.

Each entry is (label, URL name, who sees it); ``None`` means everyone.
"""

from collections.abc import Callable


def _programme_office(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_programme_office)


MAIN_NAVIGATION: list[tuple[str, str, Callable | None]] = [
    ("Programme", "portfolio:programme", None),
    ("Projects", "portfolio:project_list", None),
    ("Open needs", "recruitment:open_needs", None),
    ("Contributions", "recruitment:contributions", None),
    ("Organisations", "partnership:organisation_list", None),
    ("Programme terms", "partnership:term_list", None),
    ("Invitations", "accounts:invitation_list", _programme_office),
]


def nav_items(user=None) -> list[tuple[str, str]]:
    """The (label, URL name) pairs this person sees."""
    return [(label, name) for label, name, who in MAIN_NAVIGATION if who is None or who(user)]
