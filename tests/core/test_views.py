import pytest
from django.urls import reverse

from heartbeat.portfolio.models import Stage, Visibility
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_home_counts_the_open_projects_each_visitor_may_see(client_for, member):
    ProjectFactory(stage=Stage.IN_DELIVERY, visibility=Visibility.PUBLIC)
    ProjectFactory(stage=Stage.RECRUITING, visibility=Visibility.PARTNERSHIP)
    ProjectFactory(stage=Stage.CLOSED, visibility=Visibility.PUBLIC)

    public = client_for(None).get(reverse("core:home")).content.decode()
    assert "their 1 open project," in public

    signed_in = client_for(member).get(reverse("core:home")).content.decode()
    assert "their 2 open projects," in signed_in


def test_healthz_answers_ok_while_the_database_is_reachable(client):
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.parametrize("name", ["core:accessibility", "core:privacy", "core:feedback"])
def test_static_pages_are_public(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200


def test_accessibility_statement_has_the_sections_the_regulations_ask_for(client):
    html = client.get(reverse("core:accessibility")).content.decode()
    for heading in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
    ):
        assert heading in html


def test_an_unknown_page_gets_the_designed_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_pages_send_security_headers(client):
    response = client.get(reverse("core:home"))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_old_icon_address_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("heartbeat/favicon.svg")
    assert client.get(response["Location"]).status_code == 200
