"""Demo benefits register, realisation and costs (see ``heartbeat.demo.loader``).

Runs after the work programme and recruitment loaders. Everything is written through the
benefits services as the programme office, except reports of what was realised, which are
recorded with the person who would report them (an organisation lead for a council) and
keyed so running the loader again adds nothing: a benefit on (project, title) or on the
definition line it refines, a report on (benefit, council, period), a cost on (project,
description, year). The in-kind years of every pledge are rebuilt at the end.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from heartbeat.benefits import inkind, services
from heartbeat.benefits.inputs import BenefitInput, CostInput, MeasurementInput, ProfileInput
from heartbeat.benefits.models import Benefit, Cost, Measurement
from heartbeat.benefits.periods import parse_period
from heartbeat.demo.data import benefits as data
from heartbeat.demo.skills import programme_office_user
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project


def _period(text: str) -> datetime.date:
    return parse_period(text, "quarter" if "Q" in text else "year")


def _input(item: dict, organisations: dict, people: dict) -> BenefitInput:
    owner = people.get(item.get("owner") or "")
    return BenefitInput(
        title=item["title"],
        description=item.get("description", ""),
        classification=item["classification"],
        nature=item["nature"],
        is_disbenefit=item.get("is_disbenefit", False),
        measure=item.get("measure", ""),
        unit=item.get("unit", ""),
        monetised=item.get("monetised", False),
        baseline_value=item.get("baseline_value"),
        baseline_date=datetime.date.fromisoformat(item["baseline_date"])
        if item.get("baseline_date")
        else None,
        target_value=item.get("target_value"),
        target_date=datetime.date.fromisoformat(item["target_date"])
        if item.get("target_date")
        else None,
        beneficiary_scope="organisations" if item.get("beneficiaries") else "partnership",
        beneficiary_ids=[organisations[name].pk for name in item.get("beneficiaries", [])],
        owner_id=owner.pk if owner else None,
        granularity=item.get("granularity", "year"),
        status=item["status"],
        evidence=item.get("evidence", ""),
        profile=[ProfileInput(period, value) for period, value in item.get("profile", {}).items()],
    )


def _reporter(organisation, office):
    """The council's organisation lead if it has one, else the programme office."""
    if organisation is None:
        return office
    return (
        get_user_model()
        .objects.filter(organisation=organisation, is_organisation_lead=True, is_active=True)
        .first()
        or office
    )


def load(context) -> None:
    office = programme_office_user()
    if office is None:
        return
    projects = Project.objects.in_bulk(
        {item["project"] for item in data.BENEFITS} | {c[0] for c in data.COSTS},
        field_name="slug",
    )
    organisations = {o.name: o for o in Organisation.objects.all()}
    people = {u.email: u for u in get_user_model().objects.filter(is_active=True)}
    made = reports = costs = 0
    with transaction.atomic():
        for project in Project.objects.filter(expected_benefits__isnull=False).distinct():
            services.benefits_from_definition(actor=office, project=project)
        for item in data.BENEFITS:
            project = projects.get(item["project"])
            if project is None:
                continue
            existing = Benefit.objects.filter(project=project, title=item["title"]).first()
            if existing is None and item.get("definition"):
                existing = Benefit.objects.filter(
                    project=project, source__text=item["definition"], version=1
                ).first()
            benefit = existing
            if benefit is None:
                benefit = services.benefit_create(
                    actor=office, project=project, data=_input(item, organisations, people)
                )
                made += 1
            elif benefit.title != item["title"] or benefit.version == 1 and existing.source_id:
                benefit = services.benefit_update(
                    actor=office,
                    benefit=benefit,
                    data=_input(item, organisations, people),
                    expected_version=benefit.version,
                )
                made += 1
            for report in item.get("reports", []):
                name, period, value, evidence, *rest = report
                organisation = organisations.get(name) if name else None
                if Measurement.objects.filter(
                    benefit=benefit, organisation=organisation, period_start=_period(period)
                ).exists():
                    continue
                services.measurement_record(
                    actor=_reporter(organisation, office),
                    benefit=benefit,
                    organisation=organisation,
                    data=MeasurementInput(
                        period=period,
                        value=value,
                        narrative=rest[0] if rest else "",
                        evidence=evidence,
                    ),
                )
                reports += 1
        for slug, payer, category, description, amount, year in data.COSTS:
            project = projects.get(slug)
            if project is None:
                continue
            fy = int(year[:4])
            if Cost.objects.filter(
                project=project, description=description, financial_year=fy
            ).exists():
                continue
            services.cost_create(
                actor=office,
                project=project,
                data=CostInput(
                    category=category,
                    description=description,
                    amount=amount,
                    financial_year=year,
                    organisation_id=organisations[payer].pk,
                ),
            )
            costs += 1
        in_kind_rows = inkind.rebuild_all()
    context.summary.append(
        f"Benefits: {Benefit.objects.count()} in the register ({made} written now), "
        f"{reports} reports of what was realised, {costs} direct costs, {in_kind_rows} "
        "in-kind years from pledges."
    )
