"""The main navigation: (label, URL name) pairs in the order people see them."""

MAIN_NAVIGATION: list[tuple[str, str]] = [
    ("Home", "core:home"),
    ("Programme", "portfolio:programme"),
    ("Projects", "portfolio:project_list"),
    ("Open needs", "recruitment:open_needs"),
    ("Contributions", "recruitment:contributions"),
    ("Organisations", "partnership:organisation_list"),
    ("Programme terms", "partnership:term_list"),
]


def nav_items() -> list[tuple[str, str]]:
    return MAIN_NAVIGATION
