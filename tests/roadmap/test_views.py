"""The roadmap's pages as people meet them: the grid and its filters, exports, the feed, a
product, its forms with bad input, and the project and organisation sections."""

import csv
import datetime
import io

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from openpyxl import load_workbook

from heartbeat.core import registry
from heartbeat.portfolio.models import Visibility
from heartbeat.roadmap.models import Adoption, Product, ProductStatus
from heartbeat.roadmap.quarters import add_quarters, quarter_end, quarter_of
from tests.portfolio.factories import AnticipatedProductFactory, ProjectFactory, ThemeFactory
from tests.roadmap.factories import AdoptionFactory, ProductFactory, live_product, make_member

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = timezone.localdate()
NOW = quarter_of(TODAY)


def _page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_roadmap_reads_as_a_table_of_themes_by_quarters(client):
    theme = ThemeFactory(name="Digital Leadership")
    ProductFactory(
        name="Scrutiny guide",
        project=ProjectFactory(theme=theme, planned_start=None, planned_end=None),
        planned_quarter=add_quarters(NOW, 1),
    )
    page = _page(client, reverse("roadmap:roadmap"))
    assert '<table class="hb-roadmap" id="roadmap">' in page
    assert '<th scope="row">Digital Leadership' in page
    assert "Scrutiny guide" in page
    assert "This quarter" in page
    assert "Not scheduled" in page


def _crowd(theme, quarter, n):
    for i in range(n):
        ProductFactory(
            name=f"Product {i:02d}",
            planned_quarter=quarter,
            project=ProjectFactory(theme=theme, planned_start=None, planned_end=None),
        )


def test_a_full_cell_links_to_the_rest(client, monkeypatch):
    from heartbeat.roadmap.selectors import grid

    theme = ThemeFactory(name="Digital Services", slug="digital-services")
    _crowd(theme, add_quarters(NOW, 1), grid.CELL_LIMIT + 2)
    page = _page(client, reverse("roadmap:roadmap"), status="planned")
    assert page.count("Product 0") == grid.CELL_LIMIT
    assert (
        '<a class="ds_link" href="?status=planned&amp;theme=digital-services">and 2 more'
        '<span class="visually-hidden"> in Digital Services</span></a>'
    ) in page
    # The theme's own roadmap lists them all; past its own limit, it offers the download.
    page = _page(client, reverse("roadmap:roadmap"), theme="digital-services")
    assert page.count("Product 0") == grid.CELL_LIMIT + 2
    assert "more" not in page.split('id="roadmap"')[1].split("</table>")[0]
    monkeypatch.setattr(grid, "THEME_CELL_LIMIT", 3)
    page = _page(client, reverse("roadmap:roadmap"), theme="digital-services")
    assert page.count("Product 0") == 3
    assert 'href="?theme=digital-services&amp;format=csv">and 4 more: download the list' in page


def test_the_roadmap_page_costs_the_same_with_full_cells(client, member):
    from tests.querybudget import assert_same_queries

    themes = [ThemeFactory(name=f"Theme {i}") for i in range(3)]
    quarters = [add_quarters(NOW, i) for i in range(-3, 9)] + [None]

    def products(n):
        for i in range(Product.objects.count(), n):
            live = i % 3 == 0
            ProductFactory(
                project=ProjectFactory(theme=themes[i % 3], planned_start=None, planned_end=None),
                planned_quarter=quarters[i % len(quarters)],
                status=ProductStatus.LIVE if live else ProductStatus.PLANNED,
                delivered_on=TODAY if live else None,
            )

    client.force_login(member)
    for params in ({}, {"theme": themes[0].slug}):
        Product.objects.all().delete()
        assert_same_queries(
            products,
            lambda params=params: client.get(reverse("roadmap:roadmap"), params),
            sizes=(3, 120),
            budget=12,
        )


def test_filters_live_in_the_address_and_bad_ones_are_explained(client):
    theme = ThemeFactory(name="Digital Services")
    ProductFactory(
        name="Repairs service",
        project=ProjectFactory(theme=theme, planned_start=None, planned_end=None),
        planned_quarter=NOW,
    )
    ProductFactory(
        name="Elsewhere",
        planned_quarter=NOW,
        project=ProjectFactory(planned_start=None, planned_end=None),
    )
    page = _page(client, reverse("roadmap:roadmap"), theme=theme.slug)
    assert "Repairs service" in page and "Elsewhere" not in page
    assert f'<option value="{theme.slug}" selected>' in page
    page = _page(client, reverse("roadmap:roadmap"), status="launched", council="nowhere")
    assert "Some filters were not used" in page
    assert "Choose a status from the list" in page
    assert "Repairs service" in page and "Elsewhere" in page


def test_the_roadmap_exports_as_csv_and_xlsx_with_its_filters(client):
    make_member(AdoptionFactory().organisation)
    adopted = Adoption.objects.get().product
    ProductFactory(name="Planned thing", project=ProjectFactory(visibility=Visibility.PUBLIC))
    response = client.get(reverse("roadmap:roadmap"), {"format": "csv", "status": "live"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:3] == ["Product", "Type", "Status"]
    assert [r[0] for r in rows[1:]] == [adopted.name]
    assert rows[1][8:10] == ["1", "100"]
    response = client.get(reverse("roadmap:roadmap"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet["A1"].value == "Product"
    assert sheet.max_row == 3


def test_the_calendar_parses_and_holds_planned_and_delivered_dates(client):
    planned = ProductFactory(
        name="Playbook",
        planned_quarter=D(2027, 1, 1),
        project=ProjectFactory(planned_start=None, planned_end=None),
    )
    delivered = live_product(name="Toolkit", delivered_on=D(2026, 9, 15))
    ProductFactory(
        project=ProjectFactory(visibility=Visibility.PARTNERSHIP), planned_quarter=D(2026, 7, 1)
    )
    response = client.get(reverse("roadmap:calendar"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.getvalue())
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Due: Playbook", "Delivered: Toolkit"}
    assert events["Due: Playbook"].decoded("dtstart") == quarter_end(planned.planned_quarter)
    assert events["Delivered: Toolkit"].decoded("dtstart") == delivered.delivered_on
    assert str(events["Delivered: Toolkit"]["url"]).endswith(delivered.get_absolute_url())
    assert str(calendar["x-wr-calname"]) == "Heartbeat product roadmap"


def test_the_calendar_escapes_and_folds_what_it_writes(client):
    name = "Gàidhlig, Scots; and English \\ a guide to naming places in all three languages"
    title = "Place names\nin Scotland"
    product = ProductFactory(
        name=name,
        planned_quarter=D(2027, 4, 1),
        project=ProjectFactory(title=title, planned_start=None, planned_end=None),
    )
    response = client.get(reverse("roadmap:calendar"))
    assert response.streaming
    body = response.getvalue()
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert b"\r\n " in body  # the long lines are folded
    assert b"SUMMARY:Due: G\xc3\xa0idhlig\\, Scots\\; and English \\\\ a guide" in body
    event = Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(event["summary"]) == f"Due: {name}"
    assert str(event["description"]).startswith(f"{name} ({title}) is planned for April to June")
    assert str(event["uid"]) == f"roadmap-product-{product.pk}@testserver"
    assert event.decoded("dtend") == D(2027, 7, 1)
    assert event.decoded("dtstamp").tzinfo is not None
    assert [str(c) for c in event["categories"].cats] == ["Guidance"]


def test_the_calendar_costs_one_query_at_any_size(client):
    from tests.querybudget import assert_same_queries

    def products(n):
        for _ in range(Product.objects.count(), n):
            ProductFactory(project=ProjectFactory(planned_start=None, planned_end=None))

    bodies = []
    assert_same_queries(
        products,
        lambda: bodies.append(client.get(reverse("roadmap:calendar")).getvalue()),
        budget=1,
    )
    assert [body.count(b"BEGIN:VEVENT") for body in bodies] == [3, 30]


def test_what_changed_page_and_its_bad_dates(client):
    ProductFactory(name="Just added")
    page = _page(client, reverse("roadmap:changes"))
    assert "Just added" in page
    response = client.get(reverse("roadmap:changes"), {"since": "next tuesday"})
    assert response.status_code == 422
    assert "Enter the changes since as a date" in response.content.decode()
    future = (TODAY + datetime.timedelta(days=3)).isoformat()
    response = client.get(reverse("roadmap:changes"), {"since": future})
    assert response.status_code == 422
    assert "Choose today or a date in the past" in response.content.decode()
    response = client.get(reverse("roadmap:changes"), {"since": "2026-01-01", "format": "csv"})
    assert "Just added" in response.getvalue().decode("utf-8-sig")
    # The export link of the page as first opened has no date: the default applies.
    response = client.get(reverse("roadmap:changes"), {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_product_page_shows_its_adoption(client, member):
    first = make_member(AdoptionFactory().organisation)
    product = Adoption.objects.get().product
    make_member(AdoptionFactory(product=product).organisation)
    make_member(
        first.__class__.objects.create(
            name="Orkney Islands",
            official_name="Orkney Islands Council",
            slug="orkney-islands",
            kind="local_authority",
        )
    )
    client.force_login(member)
    page = _page(client, product.get_absolute_url())
    assert f'<a class="ds_link" href="{product.project.get_absolute_url()}">' in page
    assert 'id="adoption-rate">2 of the partnership' in page
    assert "(67%)" in page
    response = client.get(product.get_absolute_url(), {"format": "xlsx"})
    assert load_workbook(io.BytesIO(response.getvalue())).active.max_row == 3


def test_editing_a_product_with_bad_input_keeps_what_was_typed(client, programme_office):
    product = ProductFactory(name="Playbook")
    client.force_login(programme_office)
    url = reverse("roadmap:product_edit", args=[product.slug])
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        url,
        {
            "name": "Telecare playbook",
            "kind": "toolkit",
            "status": "live",
            "planned_quarter": "2026-Q3",
            "delivered_on": tomorrow,
            "version": product.version,
        },
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "There is a problem" in page
    assert "The delivered date cannot be in the future" in page
    assert 'value="Telecare playbook"' in page
    product.refresh_from_db()
    assert product.name == "Playbook"


def test_a_quarter_outside_the_project_is_refused_on_the_form(client, programme_office):
    product = ProductFactory(
        project=ProjectFactory(planned_start=D(2026, 4, 1), planned_end=D(2027, 3, 31))
    )
    client.force_login(programme_office)
    response = client.post(
        reverse("roadmap:product_edit", args=[product.slug]),
        {
            "name": product.name,
            "kind": "guidance",
            "status": "planned",
            "planned_quarter": "2028-Q1",
            "version": 1,
        },
    )
    # The form only offers the project's quarters; a forged one is still refused.
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()


def test_two_people_editing_a_product_do_not_overwrite_each_other(
    client, programme_office, project_lead
):
    product = ProductFactory(name="Playbook", project=ProjectFactory(project_lead=project_lead))
    data = {
        "name": "Office's name",
        "kind": "guidance",
        "status": "planned",
        "planned_quarter": "2026-Q3",
        "version": 1,
    }
    client.force_login(programme_office)
    assert (
        client.post(reverse("roadmap:product_edit", args=[product.slug]), data).status_code == 302
    )
    client.force_login(project_lead)
    response = client.post(
        reverse("roadmap:product_edit", args=[product.slug]), {**data, "name": "Lead's name"}
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "after you opened it" in page
    assert 'value="Lead&#39;s name"' in page
    assert 'name="version" value="2"' in page
    product.refresh_from_db()
    assert product.name == "Office's name"


def test_marking_adopted_with_bad_input(client, organisation_lead, council):
    make_member(council)
    product = live_product(delivered_on=D(2026, 9, 15))
    client.force_login(organisation_lead)
    url = reverse("roadmap:product_adopt", args=[product.slug])
    page = _page(client, url)
    assert "Record when Aberdeen City started using" in page
    response = client.post(url, {"adopted_on": "2026-09-01", "note": "Early pilot"})
    assert response.status_code == 422
    assert "was delivered on 15 September 2026" in response.content.decode()
    assert "Early pilot" in response.content.decode()
    response = client.post(url, {"adopted_on": "2026-10-01"})
    assert response.status_code == 302
    assert Adoption.objects.get().organisation == council


def test_a_body_that_is_not_a_member_gets_a_clear_message(client, organisation_lead, council):
    product = live_product()
    client.force_login(organisation_lead)
    response = client.post(
        reverse("roadmap:product_adopt", args=[product.slug]), {"adopted_on": "2026-10-01"}
    )
    assert response.status_code == 422
    assert "Aberdeen City is not a member of the partnership" in response.content.decode()
    assert not Adoption.objects.exists()


def test_the_project_page_lists_its_products_and_grows_them(client, project_lead):
    project = ProjectFactory(project_lead=project_lead, title="Digital telecare")
    AnticipatedProductFactory(project=project, name="Telecare playbook", planned_date=D(2026, 9, 1))
    AnticipatedProductFactory(project=project, name="Alarm framework")
    client.force_login(project_lead)
    page = _page(client, project.get_absolute_url())
    assert 'id="products"' in page
    assert "Add all 2 to the roadmap" in page
    response = client.post(reverse("roadmap:grow", args=[project.slug]))
    assert response.status_code == 302
    assert set(Product.objects.values_list("name", flat=True)) == {
        "Telecare playbook",
        "Alarm framework",
    }
    page = _page(client, project.get_absolute_url())
    assert "Add all" not in page
    assert "Jul to Sep 2026" in page


def test_the_organisation_section_lists_its_adoptions(member, council):
    make_member(council)
    adoption = AdoptionFactory(organisation=council)
    request = RequestFactory().get("/")
    request.user = member
    sections = registry.collect(registry.organisation_sections, request, council)
    section = next(s for s in sections if s.key == "adoptions")
    ((_, html),) = registry.render_sections(request, [section])
    assert adoption.product.name in html
    assert "?council=aberdeen-city" in html


def test_the_project_page_stays_within_its_budget_with_products(client, member):
    project = ProjectFactory()
    for _ in range(3):
        AnticipatedProductFactory(project=project)
    client.force_login(member)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(project.get_absolute_url())
    for _ in range(27):
        live_product(project=project)
    with CaptureQueriesContext(connection) as large:
        client.get(project.get_absolute_url())
    assert len(small.captured_queries) == len(large.captured_queries) <= 20


@pytest.mark.parametrize("status", [ProductStatus.PLANNED, ProductStatus.LIVE])
def test_status_tags_are_words_not_only_colours(client, status):
    product = ProductFactory(
        status=status, delivered_on=D(2026, 1, 5) if status == "live" else None
    )
    page = _page(client, product.get_absolute_url())
    assert f">{product.get_status_display()}</strong>" in page
