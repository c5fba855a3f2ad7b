import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "sees_invitations"),
    [
        ("anonymous", False),
        ("member", False),
        ("organisation_lead", False),
        ("project_lead", False),
        ("board_member", False),
        ("programme_office", True),
    ],
)
def test_the_main_navigation_shows_invitations_to_the_programme_office_only(
    role, sees_invitations, user_for_role, client_for
):
    response = client_for(user_for_role(role)).get(reverse("portfolio:programme"))
    html = response.content.decode()
    nav = html[
        html.index('aria-label="Main"') : html.index("</nav>", html.index('aria-label="Main"'))
    ]
    assert ('href="/accounts/invitations/"' in nav) is sees_invitations
    assert 'href="/projects/"' in nav
    assert 'href="/organisations/"' in nav


def test_the_current_section_is_marked_in_the_navigation(client):
    html = client.get(reverse("partnership:organisation_list")).content.decode()
    assert 'href="/organisations/" aria-current="page"' in html
