"""Synthetic benefits register, realisation and costs for ``heartbeat generate`` (see
``heartbeat.generator.runner``).

Runs after recruitment. Every expected benefit of every project's definition gets its
register entry (linked, as the services would make it). Projects that have been approved
(approved, recruiting, in delivery, paused or closed) and have planned dates get their first
entry classified and profiled in pounds over the years after delivery, a third of them a
second, non-monetised benefit in hours, and about one in twenty a disbenefit. Councils named
as beneficiaries report what they received for past years, most of what was expected; the
lead organisation and the Digital Office carry direct costs. The in-kind years of every
pledge are then derived from recruitment's own arithmetic. About 1,000 monetised benefits,
4,000 profile years and 2,000 reports at scale 10, with bulk inserts.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.test.utils import override_settings
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from heartbeat.benefits import inkind
from heartbeat.benefits.models import (
    BeneficiaryScope,
    Benefit,
    BenefitStatus,
    Classification,
    Cost,
    CostCategory,
    InKindYear,
    Measurement,
    Nature,
    ProfileEntry,
)
from heartbeat.benefits.periods import financial_year_of
from heartbeat.generator.runner import BATCH_SIZE
from heartbeat.partnership.models import Organisation, OrganisationKind
from heartbeat.portfolio.models import ExpectedBenefit, Project, Stage

STAGES = (Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY, Stage.PAUSED, Stage.CLOSED)
CHANGE_REASON = "Generated synthetic data"
MEASURES = [
    ("Annual licence spend", Classification.CASH_RELEASING),
    ("Annual supplier contract costs", Classification.CASH_RELEASING),
    ("Staff hours released, valued at average officer cost", Classification.NON_CASH_RELEASING),
    ("Postage and printing costs", Classification.CASH_RELEASING),
]
HOURS = "Staff hours spent on manual processing"
COST_LINES = [
    (CostCategory.SUPPLIER, "Supplier discovery and build"),
    (CostCategory.LICENCES, "Platform licences"),
    (CostCategory.HOSTING, "Hosting"),
    (CostCategory.TRAINING, "Training for staff"),
]


def generate(scale: int, rng: random.Random, stdout) -> dict[str, int]:
    """Register entries for every expected benefit; profiles, reports and costs."""
    today = timezone.localdate()
    this_year = financial_year_of(today)
    councils = list(
        Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY).values_list(
            "pk", flat=True
        )
    )
    office = (
        Organisation.objects.filter(kind=OrganisationKind.DIGITAL_OFFICE)
        .values_list("pk", flat=True)
        .first()
    )
    projects = {
        p.pk: p
        for p in Project.objects.only(
            "pk", "stage", "planned_start", "planned_end", "lead_organisation_id"
        )
    }
    benefits: list[Benefit] = []
    plans: list[tuple[Benefit, dict]] = []
    seen_projects: set[int] = set()
    for expected in ExpectedBenefit.objects.order_by("project_id", "order", "pk").only(
        "pk", "project_id", "text"
    ):
        project = projects[expected.project_id]
        benefit = Benefit(
            project_id=project.pk,
            source_id=expected.pk,
            source_text=expected.text,
            title=expected.text[:200],
            classification=Classification.NON_CASH_RELEASING,
            nature=Nature.QUALITATIVE,
            status=BenefitStatus.IDENTIFIED,
        )
        benefits.append(benefit)
        first = project.pk not in seen_projects
        seen_projects.add(project.pk)
        if not (
            first and project.stage in STAGES and project.planned_start and project.planned_end
        ):
            continue
        measure, classification = rng.choice(MEASURES)
        end_year = financial_year_of(project.planned_end)
        run_rate = Decimal(rng.randrange(20, 400) * 1000)
        years = {
            end_year + offset: (run_rate / 2 if offset == 0 else run_rate)
            for offset in range(rng.randint(2, 4))
        }
        named = rng.random() < 0.6 and councils
        benefit.classification = classification
        benefit.nature = Nature.QUANTITATIVE
        benefit.monetised = True
        benefit.measure = measure
        benefit.is_disbenefit = rng.random() < 0.05
        benefit.status = BenefitStatus.REALISING if end_year <= this_year else BenefitStatus.PLANNED
        benefit.version = 2
        benefit.beneficiary_scope = (
            BeneficiaryScope.ORGANISATIONS if named else BeneficiaryScope.PARTNERSHIP
        )
        beneficiaries = []
        if named:
            beneficiaries = list(
                {
                    project.lead_organisation_id,
                    *rng.sample(councils, k=min(len(councils), rng.randint(1, 4))),
                }
                - {None}
            )
        plans.append(
            (benefit, {"years": years, "beneficiaries": beneficiaries, "project": project})
        )
        if rng.random() < 0.33:
            extra = Benefit(
                project_id=project.pk,
                title="Less time spent on manual processing",
                classification=Classification.NON_CASH_RELEASING,
                nature=Nature.QUANTITATIVE,
                monetised=False,
                unit="hours a year",
                measure=HOURS,
                status=BenefitStatus.PLANNED,
            )
            benefits.append(extra)
            plans.append(
                (
                    extra,
                    {
                        "years": {end_year + 1: Decimal(rng.randrange(200, 3000))},
                        "beneficiaries": [],
                        "project": project,
                    },
                )
            )
    benefits = bulk_create_with_history(
        benefits, Benefit, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )
    through = Benefit.beneficiaries.through
    links, entries, reports = [], [], []
    for benefit, plan in plans:
        links += [
            through(benefit_id=benefit.pk, organisation_id=pk) for pk in plan["beneficiaries"]
        ]
        for year, value in plan["years"].items():
            entries.append(
                ProfileEntry(
                    benefit_id=benefit.pk,
                    period_start=datetime.date(year, 4, 1),
                    financial_year=year,
                    value=value,
                )
            )
            if year >= this_year or not benefit.monetised:
                continue
            for organisation_id in plan["beneficiaries"] or [None]:
                share = value / max(1, len(plan["beneficiaries"]))
                reports.append(
                    Measurement(
                        benefit_id=benefit.pk,
                        organisation_id=organisation_id,
                        period_start=datetime.date(year, 4, 1),
                        financial_year=year,
                        value=(share * Decimal(rng.uniform(0.6, 1.15))).quantize(Decimal("0.01")),
                        evidence="Budget monitoring report",
                    )
                )
    through.objects.bulk_create(links, batch_size=BATCH_SIZE)
    ProfileEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    Measurement.objects.bulk_create(reports, batch_size=BATCH_SIZE)
    costs = []
    for project in projects.values():
        if project.stage not in STAGES or not project.planned_start or not project.planned_end:
            continue
        first, last = (
            financial_year_of(project.planned_start),
            financial_year_of(project.planned_end),
        )
        for category, description in rng.sample(COST_LINES, k=rng.randint(1, 3)):
            payer = project.lead_organisation_id if rng.random() < 0.6 else office
            if payer is None:
                continue
            costs.append(
                Cost(
                    project_id=project.pk,
                    organisation_id=payer,
                    category=category,
                    description=description,
                    amount=Decimal(rng.randrange(5, 250) * 1000),
                    financial_year=rng.randint(first, last),
                )
            )
    Cost.objects.bulk_create(costs, batch_size=BATCH_SIZE)
    in_kind_rows = inkind.rebuild_all()
    return {
        "benefits": len(benefits),
        "profile entries": len(entries),
        "benefit reports": len(reports),
        "direct costs": len(costs),
        "in-kind years": in_kind_rows,
    }


def flush(stdout) -> None:
    """Delete the register, its reports and profiles, the costs and the in-kind years."""
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        for model in (InKindYear, Measurement, ProfileEntry, Cost, Benefit):
            model.objects.all().delete()
    for model in (Measurement, ProfileEntry, Cost, Benefit):
        model.history.all().delete()
