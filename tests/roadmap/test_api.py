"""The roadmap API: products, growing them, adoption, changes; errors with stable codes."""

import datetime
import json

import pytest
from django.utils import timezone

from heartbeat.accounts.services import api_token_create
from heartbeat.portfolio.models import Visibility
from heartbeat.roadmap.models import Adoption, Product
from tests.factories import OrganisationFactory
from tests.portfolio.factories import AnticipatedProductFactory, ProjectFactory
from tests.roadmap.factories import AdoptionFactory, ProductFactory, live_product, make_member

pytestmark = pytest.mark.django_db

API = "/api/v1"
TODAY = timezone.localdate()


_TOKENS: dict[int, str] = {}


def _auth(user):
    raw = _TOKENS.get(user.pk)
    if raw is None or not user.api_tokens.exists():
        _, raw = api_token_create(actor=user, name=f"Script {len(_TOKENS)}")
        _TOKENS[user.pk] = raw
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _send(client, method, url, body, user):
    return getattr(client, method)(
        url, data=json.dumps(body), content_type="application/json", **_auth(user)
    )


def _product_body(product, **changes):
    body = {
        "name": product.name,
        "kind": product.kind,
        "status": product.status,
        "summary": product.summary,
        "planned_quarter": "2026-Q3",
        "delivered_on": None,
        "owner": None,
        "link": "",
        "version": product.version,
    }
    body.update(changes)
    return body


def test_visitors_list_public_products_with_adoption_rates(client):
    make_member(OrganisationFactory())
    adoption = AdoptionFactory()
    make_member(adoption.organisation)
    ProductFactory(project=ProjectFactory(visibility=Visibility.PARTNERSHIP))
    response = client.get(f"{API}/products")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["slug"] == adoption.product.slug
    assert (item["adopters"], item["adoption_rate"]) == (1, 50)
    assert item["planned_quarter"] == "2026-Q3"
    assert item["planned_quarter_label"] == "July to September 2026"


def test_unknown_filters_are_a_422(client):
    response = client.get(f"{API}/products", {"status": "launched"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


def test_a_product_with_its_adopters(client, member):
    adoption = AdoptionFactory()
    response = client.get(f"{API}/products/{adoption.product.slug}", **_auth(member))
    body = response.json()
    assert body["adoptions"][0]["organisation"]["slug"] == adoption.organisation.slug
    private = ProductFactory(project=ProjectFactory(visibility=Visibility.PARTNERSHIP))
    assert client.get(f"{API}/products/{private.slug}").status_code == 404


def test_updating_a_product_with_its_version(client, programme_office):
    product = ProductFactory()
    body = _product_body(product, status="live", delivered_on="2026-09-01", name="Toolkit")
    response = _send(client, "put", f"{API}/products/{product.slug}", body, programme_office)
    assert response.status_code == 200, response.json()
    assert (response.json()["status"], response.json()["version"]) == ("live", 2)
    stale = _send(client, "put", f"{API}/products/{product.slug}", body, programme_office)
    assert stale.status_code == 409
    assert stale.json()["code"] == "edit_conflict"
    assert stale.json()["current_version"] == 2


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    [
        (
            {"status": "live", "delivered_on": (TODAY + datetime.timedelta(days=2)).isoformat()},
            422,
            "delivered_in_future",
        ),
        ({"planned_quarter": "2029-Q1"}, 422, "quarter_outside_project"),
        ({"planned_quarter": "2029-01"}, 422, "invalid_input"),
        ({"name": "x" * 201}, 422, "invalid_input"),
        ({"name": "Nul\u0000"}, 422, "invalid_input"),
        ({"kind": "brochure"}, 422, "invalid_input"),
        ({"link": "ftp://example.org/x"}, 422, "invalid_input"),
    ],
)
def test_bad_product_input_gets_a_stable_code(client, programme_office, changes, status, code):
    product = ProductFactory(name="Untouched")
    body = _product_body(product, **changes)
    response = _send(client, "put", f"{API}/products/{product.slug}", body, programme_office)
    assert response.status_code == status
    assert response.json()["code"] == code
    assert response.json()["message"]
    product.refresh_from_db()
    assert product.name == "Untouched"


def test_a_member_cannot_change_a_product(client, member):
    product = ProductFactory()
    response = _send(
        client, "put", f"{API}/products/{product.slug}", _product_body(product), member
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_growing_a_projects_products(client, project_lead):
    project = ProjectFactory(project_lead=project_lead)
    row = AnticipatedProductFactory(project=project, name="Playbook")
    AnticipatedProductFactory(project=project, name="Toolkit")
    url = f"{API}/projects/{project.slug}/products"
    response = _send(client, "post", url, {"anticipated_product": row.pk}, project_lead)
    assert response.status_code == 201
    assert [p["name"] for p in response.json()] == ["Playbook"]
    response = _send(client, "post", url, {}, project_lead)
    assert response.status_code == 201
    assert sorted(p["name"] for p in response.json()) == ["Playbook", "Toolkit"]
    response = _send(client, "post", url, {}, project_lead)
    assert response.status_code == 200
    assert Product.objects.filter(project=project).count() == 2
    missing = _send(client, "post", url, {"anticipated_product": 99999}, project_lead)
    assert missing.status_code == 404


def test_recording_adoption_through_the_api(client, organisation_lead, council, other_council):
    make_member(council)
    make_member(other_council)
    product = live_product()
    url = f"{API}/products/{product.slug}/adoptions"
    response = _send(
        client, "post", url, {"adopted_on": "2026-10-01", "note": "In use"}, organisation_lead
    )
    assert response.status_code == 201
    assert response.json()["organisation"]["slug"] == council.slug
    again = _send(client, "post", url, {"adopted_on": "2026-10-02"}, organisation_lead)
    assert (again.status_code, again.json()["code"]) == (409, "already_adopted")
    other = _send(
        client,
        "post",
        url,
        {"organisation": other_council.slug, "adopted_on": "2026-10-02"},
        organisation_lead,
    )
    assert (other.status_code, other.json()["code"]) == (403, "not_your_organisation")
    adoption_id = response.json()["id"]
    changed = _send(
        client,
        "put",
        f"{API}/adoptions/{adoption_id}",
        {"adopted_on": "2026-10-05", "note": "", "version": 1},
        organisation_lead,
    )
    assert changed.status_code == 200 and changed.json()["version"] == 2
    gone = client.delete(f"{API}/adoptions/{adoption_id}?version=2", **_auth(organisation_lead))
    assert gone.status_code == 204
    assert not Adoption.objects.exists()


def test_a_non_member_gets_not_a_member(client, programme_office):
    body = OrganisationFactory(kind="partner")
    product = live_product()
    response = _send(
        client,
        "post",
        f"{API}/products/{product.slug}/adoptions",
        {"organisation": body.slug, "adopted_on": "2026-10-01"},
        programme_office,
    )
    assert response.status_code == 422
    assert response.json()["code"] == "not_a_member"
    assert response.json()["field"] == "organisation"


def test_adoption_by_council_and_changes(client):
    adoption = AdoptionFactory()
    make_member(adoption.organisation)
    rows = client.get(f"{API}/adoption").json()
    assert rows == [
        {
            "organisation": {
                "slug": adoption.organisation.slug,
                "name": adoption.organisation.name,
            },
            "adopted": 1,
            "live_products": 1,
            "rate": 100,
        }
    ]
    changes = client.get(f"{API}/roadmap/changes", {"since": "2026-01-01"}).json()
    # Added live since the date: both added and delivered.
    assert {c["kind"] for c in changes} == {"added", "delivered"}
    assert client.get(f"{API}/roadmap/changes", {"since": "soon"}).status_code == 422
