"""Two people at the same moment, on two real database connections (PostgreSQL)."""

import datetime

import pytest
from django.db import connection

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.roadmap import services
from heartbeat.roadmap.inputs import ProductInput
from heartbeat.roadmap.models import Adoption, Product
from tests.factories import UserFactory
from tests.governance.test_concurrency import at_the_same_moment
from tests.roadmap.factories import ProductFactory, live_product, make_member

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite lets one connection write at a time, so two writers never overlap; "
        "the race runs on PostgreSQL in CI",
    ),
]


def test_two_leads_recording_the_same_adoption_record_it_once(council):
    make_member(council)
    product = live_product()
    leads = [
        UserFactory(organisation=council, is_organisation_lead=True),
        UserFactory(organisation=council, is_organisation_lead=True),
    ]
    results = at_the_same_moment(
        *[
            lambda lead=lead: services.adoption_record(
                actor=lead,
                product=product,
                organisation=council,
                adopted_on=datetime.date(2026, 10, 1),
            )
            for lead in leads
        ]
    )
    assert sum(isinstance(r, Adoption) for r in results) == 1, results
    refusal = next(r for r in results if isinstance(r, ApplicationError))
    assert refusal.code == "already_adopted"
    assert Adoption.objects.count() == 1


def test_two_editors_saving_the_same_version_do_not_overwrite_each_other():
    office = UserFactory(is_programme_office=True)
    product = ProductFactory(name="Playbook")

    def save(name):
        return lambda: services.product_update(
            actor=office,
            product=product,
            data=ProductInput(
                name=name,
                kind="guidance",
                status="planned",
                planned_quarter=product.planned_quarter,
            ),
            expected_version=1,
        )

    results = at_the_same_moment(save("First"), save("Second"))
    saved = [r for r in results if isinstance(r, Product)]
    assert len(saved) == 1 and sum(isinstance(r, Conflict) for r in results) == 1, results
    product.refresh_from_db()
    assert product.name == saved[0].name and product.version == 2
