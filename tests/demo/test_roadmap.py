"""The demo roadmap: products of the approved demo projects, true to the roadmap's rules,
with a believable history and adoption, loaded again without duplicates."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from heartbeat.demo.loader import DEMO_LOADERS, load_demo
from heartbeat.portfolio.models import AnticipatedProduct, Stage
from heartbeat.roadmap import rules, selectors
from heartbeat.roadmap.models import Adoption, Product, ProductStatus

LOADERS = [
    "heartbeat.demo.partnership.load",
    "heartbeat.demo.skills.load",
    "heartbeat.demo.portfolio.load",
    "heartbeat.demo.recruitment.load",
    "heartbeat.demo.roadmap.load",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        context = load_demo(LOADERS)
        yield context
        transaction.set_rollback(True)


def _counts() -> dict[str, int]:
    return {
        "products": Product.objects.count(),
        "product history": Product.history.count(),
        "adoptions": Adoption.objects.count(),
        "adoption history": Adoption.history.count(),
    }


def test_the_loader_runs_after_the_work_programme_and_recruitment():
    assert DEMO_LOADERS.index("heartbeat.demo.roadmap.load") > DEMO_LOADERS.index(
        "heartbeat.demo.recruitment.load"
    )


def test_loading_again_duplicates_nothing(demo, db):
    before = _counts()
    load_demo(LOADERS)
    assert _counts() == before
    assert before["products"] >= 40 and before["adoptions"] >= 300


def test_approved_projects_products_are_on_the_roadmap(demo, db):
    on_roadmap = AnticipatedProduct.objects.filter(
        project__stage__in=("approved", "recruiting", "in_delivery", "paused", "closed")
    )
    assert set(Product.objects.values_list("anticipated_id", flat=True)) == set(
        on_roadmap.values_list("pk", flat=True)
    )
    assert not Product.objects.filter(project__stage__in=(Stage.PROPOSED, Stage.CANCELLED))
    statuses = set(Product.objects.values_list("status", flat=True))
    assert statuses == set(ProductStatus.values)


def test_every_product_and_adoption_keeps_the_rules(demo, db):
    today = timezone.localdate()
    for product in Product.objects.select_related("project"):
        rules.check_planned_quarter(product.planned_quarter, product.project)
        rules.check_delivered(product.status, product.delivered_on, today=today)
    members = set(rules.member_organisations().values_list("pk", flat=True))
    for adoption in Adoption.objects.select_related("product"):
        assert adoption.organisation_id in members
        assert adoption.product.status == ProductStatus.LIVE
        rules.check_adopted_on(adoption.adopted_on, adoption.product, today=today)


def test_the_issues_live_products(demo, db):
    toolkit = Product.objects.get(name="Digital maturity assessment toolkit")
    webinars = Product.objects.get(name="Elected members' digital leadership webinars")
    assert toolkit.status == webinars.status == ProductStatus.LIVE
    assert toolkit.kind == "toolkit" and webinars.kind == "training"
    assert toolkit.adoptions.count() == 32
    assert selectors.product_detail(None, toolkit.slug).rate == 100
    assert 0 < webinars.adoptions.count() < 32


def test_what_changed_recently_has_moves_deliveries_and_additions(demo, db):
    since = timezone.localdate() - datetime.timedelta(days=91)
    changes = selectors.changes_since(None, since)
    kinds = {(c.kind, c.product.name) for c in changes}
    assert ("moved", "Admissions integration component") in kinds
    assert ("delivered", "Elected members' digital leadership webinars") in kinds
    assert ("added", "Waste and recycling service patterns") in kinds
    moved = next(c for c in changes if c.product.name == "Admissions integration component")
    assert (moved.before, moved.after) == (datetime.date(2026, 10, 1), datetime.date(2027, 1, 1))
    # History is dated as the story goes, not when the demo was loaded.
    product = Product.objects.get(name="Digital telecare migration playbook")
    assert product.history.last().history_date.date() == datetime.date(2024, 3, 11)


def test_adoption_differs_by_council(demo, db):
    rates = {r.organisation.name: r.rate for r in selectors.adoption_by_council(None)}
    assert len(rates) == 32
    assert len(set(rates.values())) > 5
