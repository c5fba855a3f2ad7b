import datetime

import pytest

from heartbeat.accounts.models import ApiToken
from heartbeat.portfolio import selectors, services
from heartbeat.portfolio.models import Project, Stage, Visibility
from tests.conftest import ROLE_FIXTURES
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import (
    ProjectFactory,
    ResourceRequirementFactory,
    SubAreaFactory,
    ThemeFactory,
    complete_definition,
)
from tests.querybudget import assert_same_queries
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


def _payload(theme_, skill=None, **changes):
    payload = {
        "title": "Digital telecare",
        "theme": theme_.slug,
        "summary": "Move telecare from analogue to digital.",
        "planned_start": "2026-04-01",
        "planned_end": "2027-03-31",
        "visibility": "public",
        "tags": ["Telecare"],
        "scope_in": [{"text": "Alarm receiving centres"}],
        "requirements": [{"text": "Digital alarms", "priority": "must"}],
        "products": [{"name": "Playbook", "product_type": "guidance"}],
        "benefits": [{"text": "Fewer failed calls"}],
        "resources": (
            [
                {
                    "skill": skill.slug,
                    "level": "practitioner",
                    "people": 2,
                    "days_per_month": "2.5",
                    "start_month": "2026-04-01",
                    "end_month": "2026-12-01",
                }
            ]
            if skill
            else []
        ),
    }
    payload.update(changes)
    return payload


def _post(client, url, data, **headers):
    return client.post(url, data, content_type="application/json", **headers)


def _put(client, url, data):
    return client.put(url, data, content_type="application/json")


@pytest.fixture
def theme():
    return ThemeFactory(name="Digital Services")


@pytest.fixture
def skill():
    return SkillFactory(name="Delivery manager")


# List -------------------------------------------------------------------------------------


def test_list_shows_visitors_public_projects_only(client, client_for, member):
    ProjectFactory(title="Open", visibility=Visibility.PUBLIC)
    ProjectFactory(title="Members only", visibility=Visibility.PARTNERSHIP)

    anonymous = client.get(f"{API}/projects").json()
    signed_in = client_for(member).get(f"{API}/projects").json()

    assert [p["title"] for p in anonymous["items"]] == ["Open"]
    assert anonymous["count"] == 1
    assert [p["title"] for p in signed_in["items"]] == ["Members only", "Open"]


def test_list_item_fields(client):
    theme = ThemeFactory(name="Digital Services")
    project = ProjectFactory(
        title="Telecare", theme=theme, sub_area=SubAreaFactory(theme=theme, name="Health and Care")
    )
    project.tags.create(name="Care", slug="care")

    item = client.get(f"{API}/projects").json()["items"][0]

    assert item["slug"] == project.slug
    assert item["theme"] == {"slug": "digital-services", "name": "Digital Services"}
    assert item["sub_area"] == {"slug": "health-and-care", "name": "Health and Care"}
    assert item["stage"] == "proposed"
    assert item["stage_label"] == "Proposed"
    assert item["lead_organisation"]["slug"] == project.lead_organisation.slug
    assert item["project_lead"] == {
        "id": project.project_lead.pk,
        "name": project.project_lead.display_name,
    }
    assert item["planned_start"] == "2026-04-01"
    assert item["tags"] == ["Care"]
    assert item["url"] == f"/projects/{project.slug}/"
    assert "email" not in str(item)


def test_list_filters_like_the_catalogue(client_for, member):
    theme = ThemeFactory(name="Digital Foundations")
    fife = OrganisationFactory(name="Fife")
    researcher = SkillFactory(name="User researcher")
    for i in range(12):
        project = ProjectFactory(
            title=f"Project {i:02d}",
            theme=theme if i % 2 else ThemeFactory(name="Digital Services"),
            lead_organisation=fife if i % 3 == 0 else OrganisationFactory(name="Angus"),
            stage=[Stage.PROPOSED, Stage.DEFINED, Stage.IN_DELIVERY][i % 3],
            visibility=Visibility.PUBLIC if i % 4 else Visibility.PARTNERSHIP,
            summary="Shared telecare platform" if i % 5 == 0 else "Other work",
        )
        if i % 2 == 0:
            ResourceRequirementFactory(project=project, skill=researcher)
    client = client_for(member)
    cases = [
        {},
        {"theme": "digital-foundations"},
        {"stage": "defined"},
        {"lead": "fife"},
        {"skill": "user-researcher"},
        {"visibility": "partnership"},
        {"q": "telecare"},
        {"sort": "-title"},
        {"sort": "stage", "theme": "digital-services", "lead": "fife"},
        {"skill": "user-researcher", "stage": "proposed", "sort": "-start"},
    ]
    for params in cases:
        response = client.get(f"{API}/projects", {**params, "limit": 200})
        assert response.status_code == 200, params
        filters, errors = selectors.parse_catalogue_filters(params)
        expected = [p.slug for p in selectors.project_catalogue(member, filters)]
        assert [p["slug"] for p in response.json()["items"]] == expected, params
        assert response.json()["count"] == len(expected)


@pytest.mark.parametrize(
    "params",
    [
        {"stage": "finished"},
        {"theme": "nowhere"},
        {"lead": "atlantis"},
        {"skill": "wizardry"},
        {"visibility": "secret"},
        {"sort": "colour"},
        {"limit": 0},
        {"limit": 201},
        {"offset": -1},
        {"limit": "many"},
    ],
)
def test_list_refuses_bad_filters(client, params):
    response = client.get(f"{API}/projects", params)

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


def test_list_pages_with_limit_and_offset(client):
    for i in range(5):
        ProjectFactory(title=f"Paged project {i}")

    page = client.get(f"{API}/projects", {"limit": 2, "offset": 2}).json()

    assert (page["count"], page["limit"], page["offset"]) == (5, 2, 2)
    assert [p["title"] for p in page["items"]] == ["Paged project 2", "Paged project 3"]


def test_list_queries_do_not_grow(client_for, member):
    client = client_for(member)

    def make_rows(n):
        while Project.objects.count() < n:
            project = ProjectFactory()
            project.tags.create(name=f"Tag {project.pk}", slug=f"tag-{project.pk}")

    def run():
        assert client.get(f"{API}/projects", {"limit": 200}).status_code == 200

    assert_same_queries(make_rows, run)


# Detail -----------------------------------------------------------------------------------


def test_detail_has_the_full_definition(client_for, programme_office):
    project = complete_definition(ProjectFactory(title="Telecare"))
    services.project_transition(actor=programme_office, project=project, to_stage="defined")

    body = client_for(programme_office).get(f"{API}/projects/{project.slug}").json()

    assert body["stage"] == "defined"
    assert body["version"] == 2
    assert len(body["scope_in"]) == 1
    assert body["scope_out"] == []
    assert body["requirements"][0]["priority"] == "must"
    assert body["products"][0]["product_type"] == "service"
    assert len(body["benefits"]) == 1
    resource = body["resources"][0]
    assert resource["skill"]["slug"] == project.resource_requirements.get().skill.slug
    assert (resource["people"], resource["days_per_month"]) == (1, "4.0")
    assert body["definition_complete"] is True
    assert [item["key"] for item in body["checklist"]][0] == "scope"
    assert [m["to_stage"] for m in body["allowed_moves"]] == [
        "approved",
        "proposed",
        "paused",
        "cancelled",
    ]
    transition = body["transitions"][0]
    assert (transition["from_stage"], transition["to_stage"]) == ("proposed", "defined")
    assert transition["actor"]["id"] == programme_office.pk


def test_detail_lists_the_moves_the_caller_may_make(client, client_for, member):
    project = ProjectFactory()
    lead = project.project_lead

    def moves(c):
        return [
            m["to_stage"] for m in c.get(f"{API}/projects/{project.slug}").json()["allowed_moves"]
        ]

    assert moves(client) == []
    assert moves(client_for(member)) == []
    assert moves(client_for(lead)) == ["defined"]


def test_detail_shows_the_checklist_of_an_incomplete_definition(client):
    project = ProjectFactory()

    body = client.get(f"{API}/projects/{project.slug}").json()

    assert body["definition_complete"] is False
    assert [i["key"] for i in body["checklist"] if not i["done"]] == [
        "scope",
        "requirements",
        "products",
        "benefits",
        "resources",
    ]


def test_a_partnership_project_is_404_for_visitors(client, client_for, member):
    project = ProjectFactory(visibility=Visibility.PARTNERSHIP)

    response = client.get(f"{API}/projects/{project.slug}")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert client_for(member).get(f"{API}/projects/{project.slug}").status_code == 200
    assert client.get(f"{API}/projects/nothing-here").status_code == 404


# Create ---------------------------------------------------------------------------------


def test_create(client_for, project_lead, theme, skill):
    response = _post(client_for(project_lead), f"{API}/projects", _payload(theme, skill))

    assert response.status_code == 201
    body = response.json()
    assert body["slug"] == "digital-telecare"
    assert body["stage"] == "proposed"
    assert body["project_lead"]["id"] == project_lead.pk
    assert body["resources"][0]["skill"]["slug"] == skill.slug
    assert body["resources"][0]["start_month"] == "2026-04-01"
    project = Project.objects.get(slug="digital-telecare")
    assert project.created_by == project_lead


def test_create_with_an_access_token(client, programme_office, theme):
    raw, token_hash = ApiToken.new_token()
    ApiToken.objects.create(
        user=programme_office, name="Importer", token_hash=token_hash, prefix=raw[:12]
    )

    response = _post(client, f"{API}/projects", _payload(theme), HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 201
    assert Project.objects.get().created_by == programme_office


def test_create_with_sub_area_and_lead_organisation(client_for, programme_office, theme, council):
    SubAreaFactory(theme=theme, name="Health and Care")

    response = _post(
        client_for(programme_office),
        f"{API}/projects",
        _payload(theme, sub_area="health-and-care", lead_organisation=council.slug),
    )

    assert response.status_code == 201
    assert response.json()["sub_area"]["slug"] == "health-and-care"
    assert response.json()["lead_organisation"]["slug"] == council.slug


def test_create_needs_authentication(client, theme):
    response = _post(client, f"{API}/projects", _payload(theme))

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert not Project.objects.exists()


def test_create_is_refused_to_members(client_for, member, theme):
    response = _post(client_for(member), f"{API}/projects", _payload(theme))

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"theme": "nowhere"}, "theme"),
        ({"sub_area": "nowhere"}, "sub_area"),
        ({"lead_organisation": "atlantis"}, "lead_organisation"),
        ({"project_lead": 999999}, "project_lead"),
        ({"planned_start": "2026-04-01", "planned_end": "2026-03-01"}, "planned_end"),
        ({"estimated_cost": "-5"}, "estimated_cost"),
        ({"slug": "Bad Slug"}, "slug"),
        ({"requirements": [{"text": "x", "priority": "nice"}]}, "requirements-0-priority"),
        ({"products": [{"name": "x", "product_type": "poster"}]}, "products-0-product_type"),
    ],
)
def test_create_refuses_invalid_data(client_for, programme_office, theme, changes, field):
    response = _post(client_for(programme_office), f"{API}/projects", _payload(theme, **changes))

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert response.json()["field"] == field
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"people": 0}, "people"),
        ({"people": -1}, "people"),
        ({"days_per_month": "0"}, "days_per_month"),
        ({"days_per_month": "-2"}, "days_per_month"),
        ({"skill": "wizardry"}, "skill"),
        ({"start_month": "2026-05-01", "end_month": "2026-04-01"}, "end_month"),
    ],
)
def test_create_refuses_invalid_resources(
    client_for, programme_office, theme, skill, changes, field
):
    payload = _payload(theme, skill)
    payload["resources"][0].update(changes)

    response = _post(client_for(programme_office), f"{API}/projects", payload)

    assert response.status_code == 422
    assert response.json()["field"] == f"resources-0-{field}"


def test_create_refuses_an_inactive_skill(client_for, programme_office, theme):
    retired = SkillFactory(name="Retired", active=False)

    response = _post(client_for(programme_office), f"{API}/projects", _payload(theme, retired))

    assert response.status_code == 422
    assert response.json()["message"] == "Choose a skill from the list."


def test_create_refuses_a_duplicate_slug(client_for, programme_office, theme):
    ProjectFactory(slug="digital-telecare")

    response = _post(
        client_for(programme_office), f"{API}/projects", _payload(theme, slug="digital-telecare")
    )

    assert response.status_code == 422
    assert response.json()["code"] == "slug_taken"
    assert response.json()["field"] == "slug"


@pytest.mark.parametrize(
    "changes", [{"visibility": "secret"}, {"title": None}, {"planned_start": "soon"}]
)
def test_create_refuses_badly_formed_data(client_for, programme_office, theme, changes):
    response = _post(client_for(programme_office), f"{API}/projects", _payload(theme, **changes))

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


# Update -----------------------------------------------------------------------------------


def _read(client, slug):
    return client.get(f"{API}/projects/{slug}").json()


def _as_payload(body, **changes):
    payload = {
        "title": body["title"],
        "theme": body["theme"]["slug"],
        "summary": body["summary"],
        "slug": body["slug"],
        "visibility": body["visibility"],
        "sub_area": body["sub_area"]["slug"] if body["sub_area"] else None,
        "problem": body["problem"],
        "sponsor": body["sponsor"],
        "estimated_cost": body["estimated_cost"],
        "project_lead": body["project_lead"]["id"] if body["project_lead"] else None,
        "lead_organisation": (
            body["lead_organisation"]["slug"] if body["lead_organisation"] else None
        ),
        "planned_start": body["planned_start"],
        "planned_end": body["planned_end"],
        "tags": body["tags"],
        "scope_in": body["scope_in"],
        "scope_out": body["scope_out"],
        "requirements": body["requirements"],
        "products": body["products"],
        "benefits": body["benefits"],
        "resources": [{**r, "skill": r["skill"]["slug"]} for r in body["resources"]],
        "version": body["version"],
    }
    payload.update(changes)
    return payload


def test_update(client_for):
    project = complete_definition(ProjectFactory(title="Telecare"))
    client = client_for(project.project_lead)
    body = _read(client, project.slug)
    requirement_id = body["requirements"][0]["id"]
    requirements = [
        {**body["requirements"][0], "text": "Changed"},
        {"text": "Added", "priority": "could"},
    ]

    response = _put(
        client,
        f"{API}/projects/{project.slug}",
        _as_payload(body, summary="New summary", requirements=requirements),
    )

    assert response.status_code == 200
    updated = response.json()
    assert updated["summary"] == "New summary"
    assert updated["version"] == 2
    assert [(r["id"] == requirement_id, r["text"]) for r in updated["requirements"]] == [
        (True, "Changed"),
        (False, "Added"),
    ]


def test_update_needs_the_version(client_for):
    project = ProjectFactory()
    client = client_for(project.project_lead)
    payload = _as_payload(_read(client, project.slug))
    del payload["version"]

    response = _put(client, f"{API}/projects/{project.slug}", payload)

    assert response.status_code == 422
    assert "version" in response.json()["message"]


def test_update_with_a_stale_version_conflicts(client_for, programme_office):
    project = ProjectFactory(title="Telecare")
    lead_client = client_for(project.project_lead)
    stale = _read(lead_client, project.slug)
    services.project_transition(
        actor=programme_office, project=project, to_stage="paused", reason="Wait"
    )

    response = _put(lead_client, f"{API}/projects/{project.slug}", _as_payload(stale, title="Mine"))

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "edit_conflict"
    assert body["current_version"] == 2
    assert programme_office.display_name in body["message"]
    assert Project.objects.get(pk=project.pk).title == "Telecare"


def test_update_is_refused_to_another_project_lead(client_for, project_lead):
    project = ProjectFactory()
    client = client_for(project_lead)

    response = _put(
        client, f"{API}/projects/{project.slug}", _as_payload(_read(client, project.slug))
    )

    assert response.status_code == 403


def test_update_with_invalid_data(client_for):
    project = ProjectFactory()
    client = client_for(project.project_lead)

    response = _put(
        client,
        f"{API}/projects/{project.slug}",
        _as_payload(_read(client, project.slug), planned_end="2020-01-01"),
    )

    assert response.status_code == 422
    assert response.json()["field"] == "planned_end"


def test_update_of_an_unknown_project_is_404(client_for, programme_office):
    project = ProjectFactory()
    client = client_for(programme_office)
    payload = _as_payload(_read(client, project.slug))

    assert _put(client, f"{API}/projects/nothing", payload).status_code == 404
    patch = _patch(client, f"{API}/projects/nothing", {"title": "New", "version": 1})
    assert patch.status_code == 404


@pytest.mark.parametrize("left_out", ["summary", "scope_in", "visibility", "sub_area"])
def test_a_put_that_leaves_a_field_out_is_refused_and_changes_nothing(client_for, left_out):
    project = complete_definition(ProjectFactory(title="Telecare", visibility="public"))
    client = client_for(project.project_lead)
    before = _read(client, project.slug)
    payload = _as_payload(before, title="Renamed")
    del payload[left_out]

    response = _put(client, f"{API}/projects/{project.slug}", payload)

    assert response.status_code == 422
    assert left_out in response.json()["message"]
    assert _read(client, project.slug) == before


def _patch(client, url, data):
    return client.patch(url, data, content_type="application/json")


def test_patch_changes_only_the_fields_sent(client_for):
    project = complete_definition(ProjectFactory(title="Telecare", visibility="public"))
    client = client_for(project.project_lead)
    before = _read(client, project.slug)

    response = _patch(
        client, f"{API}/projects/{project.slug}", {"summary": "Shorter", "version": 1}
    )

    assert response.status_code == 200
    after = response.json()
    assert after["summary"] == "Shorter"
    assert after["version"] == 2
    for kept in ("title", "visibility", "scope_in", "requirements", "resources", "tags"):
        assert after[kept] == before[kept]


def test_patch_with_a_list_replaces_that_list(client_for):
    project = complete_definition(ProjectFactory())
    client = client_for(project.project_lead)
    body = _read(client, project.slug)
    kept = body["requirements"][0]

    response = _patch(
        client,
        f"{API}/projects/{project.slug}",
        {"requirements": [kept, {"text": "Added", "priority": "should"}], "version": 1},
    )

    assert response.status_code == 200
    texts = [r["text"] for r in response.json()["requirements"]]
    assert texts == [kept["text"], "Added"]


def test_patch_refuses_null_for_a_field_that_cannot_be_empty(client_for):
    project = ProjectFactory(title="Telecare")
    client = client_for(project.project_lead)

    response = _patch(client, f"{API}/projects/{project.slug}", {"title": None, "version": 1})

    assert response.status_code == 422
    assert response.json()["field"] == "title"
    assert Project.objects.get(pk=project.pk).title == "Telecare"


def test_patch_with_a_stale_version_conflicts(client_for):
    project = ProjectFactory(title="Telecare")
    client = client_for(project.project_lead)
    assert _patch(client, f"{API}/projects/{project.slug}", {"title": "A", "version": 1})

    response = _patch(client, f"{API}/projects/{project.slug}", {"title": "B", "version": 1})

    assert response.status_code == 409
    assert response.json()["code"] == "edit_conflict"
    assert Project.objects.get(pk=project.pk).title == "A"


def test_patch_is_refused_to_another_project_lead(client_for, project_lead):
    project = ProjectFactory(title="Telecare")

    response = _patch(
        client_for(project_lead), f"{API}/projects/{project.slug}", {"title": "X", "version": 1}
    )

    assert response.status_code == 403
    assert Project.objects.get(pk=project.pk).title == "Telecare"


def test_patch_with_invalid_data_names_the_field(client_for):
    project = ProjectFactory()
    client = client_for(project.project_lead)

    response = _patch(
        client, f"{API}/projects/{project.slug}", {"planned_end": "2020-01-01", "version": 1}
    )

    assert response.status_code == 422
    assert response.json()["field"] == "planned_end"


# Transitions ------------------------------------------------------------------------------


def test_transition(client_for):
    project = complete_definition(ProjectFactory())
    lead = project.project_lead

    response = _post(
        client_for(lead), f"{API}/projects/{project.slug}/transitions", {"to_stage": "defined"}
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["from_stage"], body["to_stage"], body["reason"]) == ("proposed", "defined", "")
    assert body["actor"] == {"id": lead.pk, "name": lead.display_name}
    assert Project.objects.get(pk=project.pk).stage == Stage.DEFINED


def test_transition_with_a_reason(client_for, programme_office):
    project = ProjectFactory(stage=Stage.IN_DELIVERY)

    response = _post(
        client_for(programme_office),
        f"{API}/projects/{project.slug}/transitions",
        {"to_stage": "paused", "reason": "Waiting for the network"},
    )

    assert response.status_code == 201
    assert response.json()["reason"] == "Waiting for the network"


def test_transition_not_allowed_for_the_stage(client_for, programme_office):
    project = ProjectFactory()

    response = _post(
        client_for(programme_office),
        f"{API}/projects/{project.slug}/transitions",
        {"to_stage": "closed"},
    )

    assert response.status_code == 409
    assert response.json()["code"] == "transition_not_allowed"


def test_transition_with_an_incomplete_definition(client_for):
    project = ProjectFactory()

    response = _post(
        client_for(project.project_lead),
        f"{API}/projects/{project.slug}/transitions",
        {"to_stage": "defined"},
    )

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "definition_incomplete"
    assert body["missing"] == ["scope", "requirements", "products", "benefits", "resources"]


def test_transition_not_allowed_for_the_role(client_for):
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED))

    response = _post(
        client_for(project.project_lead),
        f"{API}/projects/{project.slug}/transitions",
        {"to_stage": "approved"},
    )

    assert response.status_code == 403
    assert response.json()["message"] == "Only the programme office can approve this project."


def test_transition_missing_a_reason(client_for, programme_office):
    project = ProjectFactory()

    response = _post(
        client_for(programme_office),
        f"{API}/projects/{project.slug}/transitions",
        {"to_stage": "cancelled"},
    )

    assert response.status_code == 422
    assert response.json()["field"] == "reason"


def test_transition_to_an_unknown_stage(client_for, programme_office):
    project = ProjectFactory()

    response = _post(
        client_for(programme_office),
        f"{API}/projects/{project.slug}/transitions",
        {"to_stage": "finished"},
    )

    assert response.status_code == 422
    assert response.json()["field"] == "to_stage"


def test_transition_needs_authentication(client):
    project = complete_definition(ProjectFactory())

    response = _post(client, f"{API}/projects/{project.slug}/transitions", {"to_stage": "defined"})

    assert response.status_code == 401


# Themes and skills ------------------------------------------------------------------------


def test_themes(client):
    services_theme = ThemeFactory(name="Digital Services", order=3, colour="#00838f")
    ThemeFactory(name="Digital Leadership", order=1)
    SubAreaFactory(theme=services_theme, name="Learning and Teaching", order=2)
    SubAreaFactory(theme=services_theme, name="Health and Care", order=1)

    body = client.get(f"{API}/themes").json()

    assert [t["name"] for t in body] == ["Digital Leadership", "Digital Services"]
    assert body[1]["colour"] == "#00838f"
    assert [s["slug"] for s in body[1]["sub_areas"]] == ["health-and-care", "learning-and-teaching"]


def test_skills_are_the_active_ones(client):
    SkillFactory(name="User researcher", family="user_centred_design")
    SkillFactory(name="Retired role", active=False)

    body = client.get(f"{API}/skills").json()

    assert body == [
        {"slug": "user-researcher", "name": "User researcher", "family": "user_centred_design"}
    ]


def test_the_schema_lists_the_project_endpoints(client):
    schema = client.get(f"{API}/openapi.json").json()
    paths = schema["paths"]

    assert {
        "/api/v1/projects",
        "/api/v1/projects/{slug}",
        "/api/v1/projects/{slug}/transitions",
    } <= set(paths)
    assert {"put", "patch"} <= set(paths["/api/v1/projects/{slug}"])
    # PUT takes the whole project: nothing is emptied by leaving a field out.
    put = schema["components"]["schemas"]["ProjectUpdateIn"]
    assert set(put["required"]) == set(put["properties"])
    assert schema["components"]["schemas"]["ProjectPatchIn"]["required"] == ["version"]


# Permission matrix ------------------------------------------------------------------------

ROLES = [*ROLE_FIXTURES, "own_lead"]

# What each role gets from each endpoint on a public, completely defined project.
EXPECTED = {
    "list": dict.fromkeys(ROLES, 200),
    "read": dict.fromkeys(ROLES, 200),
    "read_partnership": {**dict.fromkeys(ROLES, 200), "anonymous": 404},
    "create": {
        "anonymous": 401,
        "member": 403,
        "organisation_lead": 201,
        "project_lead": 201,
        "board_member": 403,
        "programme_office": 201,
        "own_lead": 201,
    },
    "update": {
        **dict.fromkeys(ROLES, 403),
        "anonymous": 401,
        "programme_office": 200,
        "own_lead": 200,
    },
    "patch": {
        **dict.fromkeys(ROLES, 403),
        "anonymous": 401,
        "programme_office": 200,
        "own_lead": 200,
    },
    "mark_defined": {
        **dict.fromkeys(ROLES, 403),
        "anonymous": 401,
        "programme_office": 201,
        "own_lead": 201,
    },
    "approve": {**dict.fromkeys(ROLES, 403), "anonymous": 401, "programme_office": 201},
    "cancel": {**dict.fromkeys(ROLES, 403), "anonymous": 401, "programme_office": 201},
}


def _call(action, client, project, theme):
    url = f"{API}/projects/{project.slug}"
    if action == "list":
        return client.get(f"{API}/projects")
    if action == "read":
        return client.get(url)
    if action == "read_partnership":
        Project.objects.filter(pk=project.pk).update(visibility=Visibility.PARTNERSHIP)
        return client.get(url)
    if action == "create":
        return _post(client, f"{API}/projects", _payload(theme, title="Another"))
    if action == "update":
        payload = {
            **_payload(theme, title="Renamed"),
            "slug": project.slug,
            "sub_area": None,
            "problem": "",
            "lead_organisation": project.lead_organisation.slug,
            "project_lead": project.project_lead_id,
            "sponsor": "",
            "estimated_cost": None,
            "scope_out": [],
            "version": 1,
        }
        return _put(client, url, payload)
    if action == "patch":
        return _patch(client, url, {"title": "Renamed", "version": 1})
    if action == "approve":
        Project.objects.filter(pk=project.pk).update(stage=Stage.DEFINED)
        return _post(client, f"{url}/transitions", {"to_stage": "approved"})
    if action == "cancel":
        return _post(client, f"{url}/transitions", {"to_stage": "cancelled", "reason": "Stop"})
    return _post(client, f"{url}/transitions", {"to_stage": "defined"})


@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_api_permission_matrix(role, action, request, client_for, council, theme):
    own_lead = UserFactory(organisation=council, is_project_lead=True)
    project = complete_definition(
        ProjectFactory(lead_organisation=council, project_lead=own_lead, theme=theme)
    )
    user = (
        None
        if role == "anonymous"
        else (own_lead if role == "own_lead" else request.getfixturevalue(role))
    )

    response = _call(action, client_for(user), project, theme)

    assert response.status_code == EXPECTED[action][role], response.content


def test_dates_in_the_past_are_accepted(client_for, programme_office, theme):
    # Projects recorded after the fact (the programme began in 2016) keep their real dates.
    response = _post(
        client_for(programme_office),
        f"{API}/projects",
        _payload(theme, planned_start="2016-10-01", planned_end="2017-03-31"),
    )

    assert response.status_code == 201
    assert Project.objects.get().planned_start == datetime.date(2016, 10, 1)
