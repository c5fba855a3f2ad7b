"""Benefits services: the rules, the bad input the issue lists, and that nothing saved is
lost when a write is refused."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from heartbeat.benefits import appraisal, services
from heartbeat.benefits.inputs import CostInput, MeasurementInput, ProfileInput
from heartbeat.benefits.models import (
    AppraisalSettings,
    BeneficiaryScope,
    Benefit,
    Cost,
    DayRate,
    Measurement,
    ProfileEntry,
)
from heartbeat.core.exceptions import Conflict, InvalidInput, PermissionDenied
from heartbeat.portfolio.models import ExpectedBenefit
from tests.benefits.factories import BenefitFactory, CostFactory, benefit_input, profile
from tests.portfolio.factories import ExpectedBenefitFactory, ProjectFactory


def test_a_benefit_is_saved_with_its_profile(project, project_lead):
    benefit = services.benefit_create(actor=project_lead, project=project, data=benefit_input())
    rows = list(benefit.profile.values_list("period_start", "financial_year", "value"))
    assert rows == [
        (datetime.date(2026, 4, 1), 2026, Decimal("20000.00")),
        (datetime.date(2027, 4, 1), 2027, Decimal("40000.00")),
    ]
    assert benefit.created_by == project_lead
    assert benefit.history.count() == 1


def test_a_quarterly_profile(project, programme_office):
    benefit = services.benefit_create(
        actor=programme_office,
        project=project,
        data=benefit_input(
            granularity="quarter",
            profile=[ProfileInput("2026-27 Q3", "5000"), ProfileInput("2026-27 Q4", "7000")],
        ),
    )
    assert list(benefit.profile.values_list("period_start", "financial_year")) == [
        (datetime.date(2026, 10, 1), 2026),
        (datetime.date(2027, 1, 1), 2026),
    ]


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"profile": [ProfileInput("2040-41", "1000")]}, "profile-0-period", "outside_span"),
        ({"profile": [ProfileInput("2024-25", "1000")]}, "profile-0-period", "outside_span"),
        ({"profile": [ProfileInput("2026-27", "lots")]}, "profile-0-value", "not_a_number"),
        ({"profile": [ProfileInput("2026-27", "NaN")]}, "profile-0-value", "not_a_number"),
        ({"profile": [ProfileInput("2026-28", "10")]}, "profile-0-period", "bad_period"),
        ({"baseline_value": "twelve"}, "baseline_value", "not_a_number"),
        ({"nature": "qualitative", "monetised": True}, "monetised", "qualitative_monetised"),
        ({"nature": "qualitative", "monetised": False}, "profile-0-value", "qualitative_profile"),
        ({"title": ""}, "title", "invalid_input"),
        ({"title": "Savings\x00"}, "title", "invalid_input"),
        ({"title": "x" * 201}, "title", "invalid_input"),
        ({"classification": "cashable-ish"}, "classification", "invalid_input"),
        ({"beneficiary_scope": "organisations"}, "beneficiaries", "invalid_input"),
        ({"monetised": False, "unit": ""}, "unit", "invalid_input"),
    ],
)
def test_bad_benefits_are_refused_and_nothing_is_saved(
    project, project_lead, overrides, field, code
):
    with pytest.raises(InvalidInput) as refused:
        services.benefit_create(
            actor=project_lead, project=project, data=benefit_input(**overrides)
        )
    assert refused.value.field == field
    assert refused.value.code == code
    assert refused.value.message
    assert not Benefit.objects.exists()
    assert not ProfileEntry.objects.exists()


def test_the_span_runs_to_five_years_after_the_planned_end(project, project_lead):
    # The project ends in 2026-27: benefits may be profiled to 2031-32, not 2032-33.
    services.benefit_create(
        actor=project_lead,
        project=project,
        data=benefit_input(profile=[ProfileInput("2031-32", "1")]),
    )
    with pytest.raises(InvalidInput) as refused:
        services.benefit_create(
            actor=project_lead,
            project=project,
            data=benefit_input(profile=[ProfileInput("2032-33", "1")]),
        )
    assert "2026-27 to 2031-32" in refused.value.message


def test_a_project_without_dates_cannot_be_profiled(project_lead, council):
    project = ProjectFactory(project_lead=project_lead, planned_start=None, planned_end=None)
    with pytest.raises(InvalidInput) as refused:
        services.benefit_create(actor=project_lead, project=project, data=benefit_input())
    assert refused.value.code == "project_has_no_dates"
    # A qualitative benefit needs no dates.
    services.benefit_create(
        actor=project_lead,
        project=project,
        data=benefit_input(nature="qualitative", monetised=False, profile=[]),
    )


def test_only_the_project_lead_or_office_add_benefits(project, organisation_lead, member):
    for person in (organisation_lead, member):
        with pytest.raises(PermissionDenied):
            services.benefit_create(actor=person, project=project, data=benefit_input())
    assert not Benefit.objects.exists()


def test_two_edits_from_the_same_version_conflict(project, project_lead, programme_office):
    benefit = services.benefit_create(actor=project_lead, project=project, data=benefit_input())
    services.benefit_update(
        actor=programme_office,
        benefit=benefit,
        data=benefit_input(title="Licence savings (office)"),
        expected_version=1,
    )
    with pytest.raises(Conflict) as refused:
        services.benefit_update(
            actor=project_lead,
            benefit=benefit,
            data=benefit_input(title="Licence savings (lead)", profile=[]),
            expected_version=1,
        )
    assert refused.value.status == 409
    assert refused.value.extra == {"current_version": 2}
    benefit.refresh_from_db()
    assert benefit.title == "Licence savings (office)"
    assert benefit.profile.count() == 2


def test_the_grid_cannot_change_once_reported(project, project_lead, council, organisation_lead):
    benefit = services.benefit_create(actor=project_lead, project=project, data=benefit_input())
    services.measurement_record(
        actor=organisation_lead,
        benefit=benefit,
        organisation=council,
        data=MeasurementInput("2026-27", "5000", evidence="Invoice"),
    )
    with pytest.raises(InvalidInput) as refused:
        services.benefit_update(
            actor=project_lead,
            benefit=benefit,
            data=benefit_input(granularity="quarter", profile=[]),
            expected_version=1,
        )
    assert refused.value.code == "granularity_fixed"


# The definition's expected benefits ------------------------------------------------------------


def test_an_expected_benefit_becomes_a_linked_register_entry(project):
    expected = ExpectedBenefitFactory(project=project, text="Fewer failed alarm calls")
    entry = Benefit.objects.get(source=expected)
    assert entry.title == "Fewer failed alarm calls"
    assert entry.project == project
    # Saving it again adds nothing.
    expected.save()
    assert Benefit.objects.filter(project=project).count() == 1


def test_the_entry_follows_the_definitions_wording_until_the_register_changes_it(
    project, project_lead
):
    expected = ExpectedBenefitFactory(project=project, text="Fewer failed alarm calls")
    expected.text = "Fewer failed alarm calls on digital lines"
    expected.save()
    entry = Benefit.objects.get(source=expected)
    assert entry.title == "Fewer failed alarm calls on digital lines"
    services.benefit_update(
        actor=project_lead,
        benefit=entry,
        data=benefit_input(title="Failed alarm calls avoided", profile=[]),
        expected_version=entry.version,
    )
    expected.text = "Alarm calls that fail"
    expected.save()
    entry.refresh_from_db()
    assert entry.title == "Failed alarm calls avoided"
    assert entry.source_text == "Alarm calls that fail"


def test_removing_the_definition_line_keeps_the_entry(project):
    expected = ExpectedBenefitFactory(project=project)
    entry = Benefit.objects.get(source=expected)
    expected.delete()
    entry.refresh_from_db()
    assert entry.source is None
    assert entry.source_text == expected.text


def test_bringing_in_the_definition_is_idempotent(project, project_lead):
    rows = ExpectedBenefitFactory.build_batch(3, project=project)
    ExpectedBenefit.objects.bulk_create(rows)  # no signals: as an import would
    assert services.benefits_from_definition(actor=project_lead, project=project) == 3
    assert services.benefits_from_definition(actor=project_lead, project=project) == 0
    assert Benefit.objects.filter(project=project, source__isnull=False).count() == 3


# Measurements ----------------------------------------------------------------------------------


@pytest.fixture
def benefit(project, project_lead):
    return services.benefit_create(actor=project_lead, project=project, data=benefit_input())


def test_an_organisation_lead_reports_for_their_own_council(benefit, organisation_lead, council):
    m = services.measurement_record(
        actor=organisation_lead,
        benefit=benefit,
        organisation=council,
        data=MeasurementInput("2026-27", "12,500", evidence="Licence invoice"),
    )
    assert (m.value, m.financial_year, m.reported_by) == (
        Decimal("12500"),
        2026,
        organisation_lead,
    )


def test_an_organisation_lead_never_reports_for_another_council(
    benefit, organisation_lead, other_council
):
    with pytest.raises(PermissionDenied) as refused:
        services.measurement_record(
            actor=organisation_lead,
            benefit=benefit,
            organisation=other_council,
            data=MeasurementInput("2026-27", "100", evidence="Invoice"),
        )
    assert refused.value.code == "not_your_organisation"
    assert "Angus" in refused.value.message
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (MeasurementInput("2026-27", "about 10k", evidence="Invoice"), "value", "not_a_number"),
        (MeasurementInput("2026-27", "", evidence="Invoice"), "value", "value_required"),
        (MeasurementInput("2026-27", "10", evidence=""), "evidence", "invalid_input"),
        (MeasurementInput("2027-28", "10", evidence="Invoice"), "period", "period_in_future"),
        (MeasurementInput("2040-41", "10", evidence="Invoice"), "period", "outside_span"),
        (MeasurementInput("April 2026", "10", evidence="Invoice"), "period", "bad_period"),
        (MeasurementInput("2026-27", "10", evidence="Invoice\x00"), "evidence", "invalid_input"),
        (MeasurementInput("2026-27", "1e12", evidence="Invoice"), "value", "out_of_range"),
    ],
)
def test_bad_reports_are_refused(benefit, organisation_lead, council, data, field, code):
    with pytest.raises(InvalidInput) as refused:
        services.measurement_record(
            actor=organisation_lead, benefit=benefit, organisation=council, data=data
        )
    assert (refused.value.field, refused.value.code) == (field, code)
    assert not Measurement.objects.exists()


def test_a_period_is_reported_once_per_council(benefit, organisation_lead, council):
    data = MeasurementInput("2026-27", "10", evidence="Invoice")
    services.measurement_record(
        actor=organisation_lead, benefit=benefit, organisation=council, data=data
    )
    with pytest.raises(InvalidInput) as refused:
        services.measurement_record(
            actor=organisation_lead, benefit=benefit, organisation=council, data=data
        )
    assert refused.value.code == "already_reported"


def test_a_council_not_named_cannot_report(project, project_lead, organisation_lead, other_council):
    named = services.benefit_create(
        actor=project_lead,
        project=project,
        data=benefit_input(
            beneficiary_scope=BeneficiaryScope.ORGANISATIONS, beneficiary_ids=[other_council.pk]
        ),
    )
    with pytest.raises(InvalidInput) as refused:
        services.measurement_record(
            actor=organisation_lead,
            benefit=named,
            organisation=organisation_lead.organisation,
            data=MeasurementInput("2026-27", "10", evidence="Invoice"),
        )
    assert refused.value.code == "not_a_beneficiary"


def test_qualitative_reports_are_in_words(project, project_lead, programme_office):
    qualitative = services.benefit_create(
        actor=project_lead,
        project=project,
        data=benefit_input(nature="qualitative", monetised=False, profile=[]),
    )
    with pytest.raises(InvalidInput) as refused:
        services.measurement_record(
            actor=programme_office,
            benefit=qualitative,
            organisation=None,
            data=MeasurementInput("2026-27", "7", evidence="Survey"),
        )
    assert refused.value.code == "qualitative_value"
    m = services.measurement_record(
        actor=programme_office,
        benefit=qualitative,
        organisation=None,
        data=MeasurementInput(
            "2026-27", "", narrative="Residents rate it highly", evidence="Survey"
        ),
    )
    assert m.value is None


def test_correcting_a_report_conflicts_on_an_old_version(benefit, organisation_lead, council):
    m = services.measurement_record(
        actor=organisation_lead,
        benefit=benefit,
        organisation=council,
        data=MeasurementInput("2026-27", "10", evidence="Invoice"),
    )
    services.measurement_update(
        actor=organisation_lead,
        measurement=m,
        data=MeasurementInput("2026-27", "20", evidence="Corrected invoice"),
        expected_version=1,
    )
    with pytest.raises(Conflict):
        services.measurement_update(
            actor=organisation_lead,
            measurement=m,
            data=MeasurementInput("2026-27", "30", evidence="Other"),
            expected_version=1,
        )
    m.refresh_from_db()
    assert m.value == Decimal("20")


# Costs -----------------------------------------------------------------------------------------


def cost_input(organisation, **overrides):
    values = {
        "category": "supplier",
        "description": "Discovery",
        "amount": "25000",
        "financial_year": "2026-27",
        "organisation_id": organisation.pk,
    }
    values.update(overrides)
    return CostInput(**values)


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"amount": "-500"}, "amount", "negative_cost"),
        ({"amount": "five hundred"}, "amount", "not_a_number"),
        ({"amount": ""}, "amount", "invalid_input"),
        ({"amount": "10.005"}, "amount", "invalid_input"),
        ({"financial_year": "2040-41"}, "financial_year", "outside_span"),
        ({"financial_year": "next year"}, "financial_year", "invalid_input"),
        ({"category": "biscuits"}, "category", "invalid_input"),
        ({"description": ""}, "description", "invalid_input"),
    ],
)
def test_bad_costs_are_refused(project, project_lead, council, overrides, field, code):
    with pytest.raises(InvalidInput) as refused:
        services.cost_create(
            actor=project_lead, project=project, data=cost_input(council, **overrides)
        )
    assert (refused.value.field, refused.value.code) == (field, code)
    assert not Cost.objects.exists()


def test_an_organisation_lead_records_only_their_own_councils_costs(
    project, organisation_lead, council, other_council
):
    cost = services.cost_create(actor=organisation_lead, project=project, data=cost_input(council))
    assert cost.financial_year == 2026
    with pytest.raises(PermissionDenied) as refused:
        services.cost_create(
            actor=organisation_lead, project=project, data=cost_input(other_council)
        )
    assert refused.value.code == "not_your_organisation"
    assert Cost.objects.count() == 1


def test_cost_changes_conflict_and_removal_checks_the_version(project, project_lead, council):
    cost = services.cost_create(actor=project_lead, project=project, data=cost_input(council))
    services.cost_update(
        actor=project_lead, cost=cost, data=cost_input(council, amount="30000"), expected_version=1
    )
    with pytest.raises(Conflict):
        services.cost_update(
            actor=project_lead, cost=cost, data=cost_input(council, amount="1"), expected_version=1
        )
    with pytest.raises(Conflict):
        services.cost_delete(actor=project_lead, cost=cost, expected_version=1)
    services.cost_delete(actor=project_lead, cost=cost, expected_version=2)
    assert not Cost.objects.exists()


# Settings --------------------------------------------------------------------------------------


def settings_args(**overrides):
    values = {
        "discount_rate": "3.5",
        "base_year": "2026",
        "years_after_end": "5",
        "day_rate_source": "Our own rates",
        "rates": {"awareness": "210", "working": "310", "practitioner": "410", "expert": "510"},
        "expected_version": 1,
    }
    values.update(overrides)
    return values


@pytest.mark.parametrize("rate", ["20.5", "-1", "abc", "", "100"])
def test_a_discount_rate_outside_0_to_20_is_refused(programme_office, rate):
    with pytest.raises(InvalidInput) as refused:
        services.settings_update(actor=programme_office, **settings_args(discount_rate=rate))
    assert refused.value.field == "discount_rate"
    assert services.appraisal_settings().discount_rate == Decimal("3.5")


def test_the_programme_office_sets_rates_and_the_day_rates(programme_office, project_lead):
    with pytest.raises(PermissionDenied):
        services.settings_update(actor=project_lead, **settings_args())
    services.settings_update(actor=programme_office, **settings_args(discount_rate="0"))
    assert AppraisalSettings.objects.get().discount_rate == Decimal("0")
    assert DayRate.objects.get(level="expert").rate == Decimal("510")
    with pytest.raises(Conflict):
        services.settings_update(actor=programme_office, **settings_args())


def test_the_defaults_are_stated(db):
    # Whether or not the migration's seeded rows are there (a test that flushed the
    # database may have run before on this worker), the defaults read the same.
    settings = appraisal.load_settings()
    assert (settings.discount_rate, settings.base_year) == (Decimal("3.5"), 2026)
    assert "Illustrative" in settings.day_rate_source
    assert settings.day_rates == {
        "awareness": Decimal("200"),
        "working": Decimal("300"),
        "practitioner": Decimal("400"),
        "expert": Decimal("500"),
    }


# The database holds the rules too ---------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda p, o: CostFactory(project=p, organisation=o, amount=Decimal("-1")),
        lambda p, o: BenefitFactory(project=p, nature="qualitative", monetised=True),
        lambda p, o: AppraisalSettings.objects.update(discount_rate=Decimal("25")),
        lambda p, o: Measurement.objects.create(
            benefit=BenefitFactory(project=p),
            organisation=o,
            period_start=datetime.date(2026, 4, 1),
            financial_year=2026,
            value=Decimal("1"),
            evidence="",
        ),
        lambda p, o: DayRate.objects.filter(level="expert").update(rate=Decimal("0")),
    ],
)
def test_the_database_refuses_what_the_services_refuse(project, council, make):
    # The rows the migration seeds, in case a test that flushed the database ran before.
    if not AppraisalSettings.objects.exists():
        AppraisalSettings.objects.create()
    DayRate.objects.get_or_create(level="expert", defaults={"rate": Decimal("500")})
    with pytest.raises(IntegrityError), transaction.atomic():
        make(project, council)


def test_profile_factory_helper(project):
    benefit = profile(BenefitFactory(project=project), {2026: 1})
    assert benefit.profile.get().value == Decimal("1")
