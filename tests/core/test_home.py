"""The home page draws each person's blocks by role, and each block's full list on its own page."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from heartbeat.core import registry
from heartbeat.core.registry import HomeBlock
from heartbeat.partnership.models import Organisation
from tests.querybudget import queries_for

pytestmark = pytest.mark.django_db


def _block(key, *, title="A block", group="", count=None, empty="", rows=None):
    def contribution(request):
        limit = registry.list_limit(request, default=2)
        shown = rows if rows is None or limit is None else rows[:limit]
        return HomeBlock(
            key=key,
            title=title,
            template="core/tests/_rows.html",
            context={"rows": shown or []},
            count=count,
            link=registry.full_list_url(key) if title else None,
            group=group,
            empty=empty,
        )

    return contribution


@pytest.fixture
def rows_template(settings, tmp_path):
    folder = tmp_path / "core" / "tests"
    folder.mkdir(parents=True)
    (folder / "_rows.html").write_text(
        '<ul class="test-rows">{% for row in rows %}<li>{{ row }}</li>{% endfor %}</ul>'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]},
        *settings.TEMPLATES[1:],
    ]
    return folder


def test_blocks_come_under_one_heading_per_group_in_the_order_groups_first_appear(
    client_for, member, rows_template
):
    blocks = {
        "intro": _block("intro", title=""),
        "lead-one": _block("lead-one", title="Your projects", group="Project lead", count=1),
        "office": _block("office", title="Awaiting", group="Programme office", count=2),
        "lead-two": _block("lead-two", title="Needs", group="Project lead", count=3),
    }
    with registry.home_blocks.replaced(blocks):
        html = client_for(member).get("/").content.decode()
    headings = [html.index(text) for text in ("Project lead", "Your projects", "Needs")]
    assert headings == sorted(headings)
    assert html.index("Needs") < html.index("Programme office") < html.index("Awaiting")
    assert html.count(">Project lead</h2>") == 1
    assert '<h3 class="ds_h3" id="home-lead-two">Needs' in html


def test_a_block_with_nothing_to_count_says_so_and_offers_no_link(
    client_for, member, rows_template
):
    blocks = {
        "empty": _block("empty", title="Invitations", count=0, empty="Nobody is waiting."),
        "full": _block("full", title="Projects", count=3, rows=["a", "b", "c"]),
    }
    with registry.home_blocks.replaced(blocks):
        html = client_for(member).get("/").content.decode()
    assert "Nobody is waiting." in html
    assert reverse("core:your_work", args=["empty"]) not in html
    assert reverse("core:your_work", args=["full"]) in html
    # The home page lists the first rows only.
    assert "<li>a</li><li>b</li></ul>" in html


def test_a_blocks_own_page_lists_every_row(client_for, member, rows_template):
    blocks = {"full": _block("full", title="Projects", count=3, rows=["a", "b", "c"])}
    with registry.home_blocks.replaced(blocks):
        response = client_for(member).get(reverse("core:your_work", args=["full"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<li>a</li><li>b</li><li>c</li>" in html
    assert "<title>Projects – Heartbeat</title>" in html


def test_a_block_not_for_this_person_has_no_page(client_for, member, rows_template):
    blocks = {"hidden": lambda request: None, "intro": _block("intro", title="")}
    with registry.home_blocks.replaced(blocks):
        client = client_for(member)
        assert client.get(reverse("core:your_work", args=["hidden"])).status_code == 404
        assert client.get(reverse("core:your_work", args=["intro"])).status_code == 404
        assert client.get(reverse("core:your_work", args=["no-such-block"])).status_code == 404


def test_a_blocks_own_page_is_for_signed_in_people(client, rows_template):
    blocks = {"full": _block("full", title="Projects", count=1, rows=["a"])}
    with registry.home_blocks.replaced(blocks):
        response = client.get(reverse("core:your_work", args=["full"]))
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


@pytest.mark.parametrize("size", [3, 30])
def test_rows_and_count_reads_the_rows_and_their_total_in_one_query(size):
    for n in range(size):
        Organisation.objects.create(name=f"Council {n:02d}", slug=f"council-{n}", kind="partner")
    request = RequestFactory().get("/")
    queryset = Organisation.objects.order_by("name")
    result = {}

    def run():
        result["value"] = registry.rows_and_count(queryset, request)

    assert queries_for(run) == 1
    rows, count = result["value"]
    assert count == size
    assert [o.name for o in rows] == [f"Council {n:02d}" for n in range(min(size, 5))]
    setattr(request, registry.FULL_LIST, True)
    rows, count = registry.rows_and_count(queryset, request)
    assert len(rows) == count == size


def test_rows_and_count_of_nothing_is_zero():
    rows, count = registry.rows_and_count(Organisation.objects.none(), RequestFactory().get("/"))
    assert (rows, count) == ([], 0)


@pytest.mark.django_db(transaction=True)
def test_a_blocks_rows_and_total_are_kept_until_the_data_changes():
    for n in range(7):
        Organisation.objects.create(name=f"Council {n:02d}", slug=f"council-{n}", kind="partner")
    queryset = Organisation.objects.order_by("name")

    def read(qs=queryset, limit=5):
        result = {}

        def run():
            result["value"] = registry.rows_and_total(qs, limit)

        return queries_for(run), [o.name for o in result["value"][0]], result["value"][1]

    assert read() == (1, [f"Council {n:02d}" for n in range(5)], 7)
    assert read() == (0, [f"Council {n:02d}" for n in range(5)], 7)
    # Another query (another person's filter, another limit) is another answer.
    assert read(queryset.filter(name__gte="Council 05")) == (1, ["Council 05", "Council 06"], 2)
    assert read(limit=2)[0] == 1
    Organisation.objects.create(name="Council 00a", slug="council-00a", kind="partner")
    queries, names, total = read()
    assert (queries, names[:2], total) == (1, ["Council 00", "Council 00a"], 8)
