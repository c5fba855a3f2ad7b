"""Benefits writes: register entries and their profiles, measurements, costs and the
appraisal settings. Each checks who may act (``permissions``) and the rules, runs in a
transaction and keeps history; refusals are ApplicationErrors a person can act on."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from heartbeat.benefits import permissions
from heartbeat.benefits.inputs import BenefitInput, CostInput, MeasurementInput
from heartbeat.benefits.models import (
    MAX_AMOUNT,
    MAX_DAY_RATE,
    MAX_DISCOUNT_RATE,
    MAX_VALUE,
    MAX_YEAR,
    MEASURE_LENGTH,
    MIN_VALUE,
    MIN_YEAR,
    TEXT_LENGTH,
    TITLE_LENGTH,
    UNIT_LENGTH,
    AppraisalSettings,
    BeneficiaryScope,
    Benefit,
    BenefitStatus,
    Classification,
    Cost,
    CostCategory,
    DayRate,
    Granularity,
    Measurement,
    Nature,
    ProfileEntry,
)
from heartbeat.benefits.periods import (
    financial_year_of,
    parse_period,
    period_key,
    period_label,
    periods,
    year_label,
)
from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.core.formatting import uk_date, uk_datetime
from heartbeat.partnership.models import Organisation
from heartbeat.skills.models import SkillLevel

# How many years after its planned end a project's benefits may be profiled, at most.
MAX_YEARS_AFTER_END = 15


def _save(instance, actor) -> None:
    instance._history_user = actor
    instance.save()


def _refuse(allowed: bool, message: str, code: str = "permission_denied") -> None:
    if not allowed:
        raise PermissionDenied(message, code=code)


def _text(value, *, field: str, label: str, max_length: int, required: bool = False) -> str:
    text = (value or "").strip() if isinstance(value, str) or value is None else str(value)
    if "\x00" in text:
        raise InvalidInput(f"{label} contains a character that cannot be saved", field=field)
    if required and not text:
        raise InvalidInput(f"Enter {label.lower()}", field=field)
    if len(text) > max_length:
        raise InvalidInput(
            f"{label} must be {max_length:,} characters or fewer (it has {len(text):,})",
            field=field,
        )
    return text


def _decimal(
    value, *, field: str, label: str, low: Decimal, high: Decimal, places: int = 2
) -> Decimal | None:
    """A number typed as text or given as a number; None when left empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InvalidInput(f"Enter {label} as a number, like 12500", field=field)
    raw = value.strip().replace(",", "").lstrip("£") if isinstance(value, str) else value
    try:
        number = Decimal(str(raw))
    except (InvalidOperation, ValueError, TypeError):
        raise InvalidInput(
            f"Enter {label} as a number, like 12500", field=field, code="not_a_number"
        ) from None
    if not number.is_finite():
        raise InvalidInput(
            f"Enter {label} as a number, like 12500", field=field, code="not_a_number"
        )
    # The range first: rounding a number far beyond it (1e30) to places fails.
    if number < low or number > high:
        raise InvalidInput(
            f"{label[:1].upper()}{label[1:]} must be between {low:,} and {high:,}",
            field=field,
            code="out_of_range",
        )
    if number != number.quantize(Decimal(1).scaleb(-places)):
        raise InvalidInput(f"Give {label} to {places} decimal places at most", field=field)
    return number


def _choice(value, choices, *, field: str, message: str) -> str:
    if value not in choices.values:
        raise InvalidInput(message, field=field)
    return value


# The span a project's benefits and costs fall in ----------------------------------------------


def appraisal_settings() -> AppraisalSettings:
    """The settings row, or (unsaved) the model's defaults when there is none: reading never
    writes; changing the settings creates the row."""
    return AppraisalSettings.objects.order_by("pk").first() or AppraisalSettings()


def project_span(project, years_after_end: int) -> tuple[int, int] | None:
    """The financial years a project's benefits and costs may fall in: from the year of its
    planned start to ``years_after_end`` years after the year of its planned end."""
    if project.planned_start is None or project.planned_end is None:
        return None
    return (
        financial_year_of(project.planned_start),
        financial_year_of(project.planned_end) + years_after_end,
    )


def span_text(span: tuple[int, int]) -> str:
    return f"{year_label(span[0])} to {year_label(span[1])}"


def _require_span(project, settings: AppraisalSettings, *, field: str) -> tuple[int, int]:
    span = project_span(project, settings.years_after_end)
    if span is None:
        raise InvalidInput(
            f"{project.title} has no planned start and end yet: set them on the project before "
            "giving values by year",
            field=field,
            code="project_has_no_dates",
        )
    return span


def _period(value, granularity: str, *, field: str, label: str) -> datetime.date:
    if isinstance(value, datetime.date):
        period = value
        key = period_key(period, granularity)
        if parse_period(key, granularity) != period:
            period = None
    else:
        period = parse_period(str(value or ""), granularity)
    if period is None:
        example = "2026-27 Q1" if granularity == Granularity.QUARTER else "2026-27"
        raise InvalidInput(f"Enter {label} like {example}", field=field, code="bad_period")
    return period


# Benefits --------------------------------------------------------------------------------------


def _clean_benefit(project, data: BenefitInput, *, current: Benefit | None) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": _text(
            data.title, field="title", label="The title", max_length=TITLE_LENGTH, required=True
        ),
        "description": _text(
            data.description, field="description", label="The description", max_length=TEXT_LENGTH
        ),
        "classification": _choice(
            data.classification,
            Classification,
            field="classification",
            message="Choose cash-releasing, non-cash-releasing or wider societal",
        ),
        "nature": _choice(
            data.nature, Nature, field="nature", message="Choose quantitative or qualitative"
        ),
        "is_disbenefit": bool(data.is_disbenefit),
        "measure": _text(
            data.measure, field="measure", label="The measure", max_length=MEASURE_LENGTH
        ),
        "unit": _text(data.unit, field="unit", label="The unit", max_length=UNIT_LENGTH),
        "beneficiary_scope": _choice(
            data.beneficiary_scope,
            BeneficiaryScope,
            field="beneficiary_scope",
            message="Choose the whole partnership or named councils",
        ),
        "granularity": _choice(
            data.granularity,
            Granularity,
            field="granularity",
            message="Choose by year or by quarter",
        ),
        "status": _choice(
            data.status,
            BenefitStatus,
            field="status",
            message="Choose identified, planned, realising, realised or not achieved",
        ),
        "evidence": _text(
            data.evidence, field="evidence", label="The evidence notes", max_length=TEXT_LENGTH
        ),
        "baseline_date": data.baseline_date,
        "target_date": data.target_date,
    }
    quantitative = values["nature"] == Nature.QUANTITATIVE
    values["monetised"] = bool(data.monetised) and quantitative
    if data.monetised and not quantitative:
        raise InvalidInput(
            "A qualitative benefit is never given a money value: choose quantitative, or "
            "untick 'Values are in pounds'",
            field="monetised",
            code="qualitative_monetised",
        )
    for name, label in (("baseline_value", "the baseline"), ("target_value", "the target")):
        number = _decimal(
            getattr(data, name), field=name, label=label, low=MIN_VALUE, high=MAX_VALUE
        )
        if number is not None and not quantitative:
            raise InvalidInput(
                f"A qualitative benefit has no numbers: describe {label} in the description",
                field=name,
            )
        values[name] = number
    if quantitative and not values["monetised"] and not values["unit"]:
        raise InvalidInput(
            "Give the unit the benefit is measured in, such as hours a year, or tick "
            "'Values are in pounds'",
            field="unit",
        )
    for name, label in (("baseline_date", "baseline"), ("target_date", "target")):
        day = values[name]
        if day is not None and not (
            datetime.date(MIN_YEAR, 1, 1) <= day <= datetime.date(MAX_YEAR, 12, 31)
        ):
            raise InvalidInput(
                f"Enter a {label} date between {MIN_YEAR} and {MAX_YEAR}", field=name
            )
    from heartbeat.accounts.models import User

    owner = None
    if data.owner_id:
        owner = User.objects.filter(pk=data.owner_id, is_active=True).first()
        if owner is None:
            raise InvalidInput("Choose the owner from the list", field="owner")
    values["owner"] = owner
    organisations: list[Organisation] = []
    if values["beneficiary_scope"] == BeneficiaryScope.ORGANISATIONS:
        ids = sorted({int(i) for i in data.beneficiary_ids or []})
        organisations = list(Organisation.objects.filter(pk__in=ids))
        if not ids:
            raise InvalidInput(
                "Choose at least one council that benefits, or choose the whole partnership",
                field="beneficiaries",
            )
        if len(organisations) != len(ids):
            raise InvalidInput("Choose councils from the list", field="beneficiaries")
    values["beneficiaries"] = organisations
    if current is not None:
        has_measurements = current.measurements.exists()
        if has_measurements and values["granularity"] != current.granularity:
            raise InvalidInput(
                f"Measurements are already reported {current.get_granularity_display().lower()}"
                ": the profile must stay that way",
                field="granularity",
                code="granularity_fixed",
            )
        if has_measurements and values["nature"] != current.nature:
            raise InvalidInput(
                f"Measurements are already reported for this {current.get_nature_display().lower()}"
                " benefit: it cannot change to "
                f"{Nature(values['nature']).label.lower()}",
                field="nature",
                code="nature_fixed",
            )
    values["profile"] = _clean_profile(project, values, data)
    return values


def _clean_profile(project, values: dict, data: BenefitInput) -> dict[datetime.date, Decimal]:
    rows = [row for row in data.profile if row.value not in (None, "")]
    if not rows:
        return {}
    if values["nature"] == Nature.QUALITATIVE:
        raise InvalidInput(
            "A qualitative benefit has no expected values: leave the profile empty and describe "
            "it in words",
            field="profile-0-value",
            code="qualitative_profile",
        )
    settings = appraisal_settings()
    span = _require_span(project, settings, field="profile-0-period")
    granularity = values["granularity"]
    allowed = set(periods(span[0], span[1], granularity))
    profile: dict[datetime.date, Decimal] = {}
    unit = "pounds" if values["monetised"] else (values["unit"] or "the unit")
    for index, row in enumerate(data.profile):
        if row.value in (None, ""):
            continue
        period = _period(
            row.period, granularity, field=f"profile-{index}-period", label="the period"
        )
        label = period_label(period, granularity)
        if period not in allowed:
            raise InvalidInput(
                f"{label} is outside {project.title}'s span ({span_text(span)}): choose a period "
                "in it",
                field=f"profile-{index}-period",
                code="outside_span",
            )
        if period in profile:
            raise InvalidInput(
                f"{label} is given twice: keep one value", field=f"profile-{index}-period"
            )
        profile[period] = _decimal(
            row.value,
            field=f"profile-{index}-value",
            label=f"the value for {label} (in {unit})",
            low=MIN_VALUE,
            high=MAX_VALUE,
        )
    return profile


def _write_profile(benefit: Benefit, profile: dict[datetime.date, Decimal], actor) -> None:
    existing = {entry.period_start: entry for entry in benefit.profile.all()}
    for period, entry in existing.items():
        if period not in profile:
            entry._history_user = actor
            entry.delete()
    for period, value in profile.items():
        entry = existing.get(period)
        if entry is not None and entry.value == value:
            continue
        if entry is None:
            entry = ProfileEntry(
                benefit=benefit, period_start=period, financial_year=financial_year_of(period)
            )
        entry.value = value
        _save(entry, actor)


def _apply(benefit: Benefit, values: dict, actor) -> None:
    profile = values.pop("profile")
    beneficiaries = values.pop("beneficiaries")
    for name, value in values.items():
        setattr(benefit, name, value)
    _save(benefit, actor)
    benefit.beneficiaries.set(beneficiaries)
    _write_profile(benefit, profile, actor)


def benefit_create(*, actor, project, data: BenefitInput) -> Benefit:
    """Add a benefit to the register, with its expected profile."""
    _refuse(
        permissions.can_manage_benefits(actor, project),
        "Only the project's lead or the programme office can add its benefits.",
    )
    values = _clean_benefit(project, data, current=None)
    with transaction.atomic():
        benefit = Benefit(project=project, created_by=actor)
        _apply(benefit, values, actor)
    return benefit


def _stale(record, current_version: int, what: str) -> Conflict:
    last = record.history.select_related("history_user").first()
    who = (last.history_user if last and last.history_user else None) or "someone"
    when = uk_datetime(last.history_date) if last else "recently"
    return Conflict(
        f"{who} changed this {what} on {when}, after you opened it. Check their change and "
        "make yours again.",
        extra={"current_version": current_version},
    )


def benefit_update(
    *, actor, benefit: Benefit, data: BenefitInput, expected_version: int
) -> Benefit:
    """Change a benefit and its profile; refused with 409 if someone changed it since."""
    _refuse(
        permissions.can_manage_benefits(actor, benefit.project),
        "Only the project's lead or the programme office can change its benefits.",
    )
    with transaction.atomic():
        current = Benefit.objects.select_for_update().select_related("project").get(pk=benefit.pk)
        if current.version != expected_version:
            raise _stale(current, current.version, "benefit")
        values = _clean_benefit(current.project, data, current=current)
        current.version += 1
        _apply(current, values, actor)
    return current


def sync_expected_benefit(expected, actor=None) -> tuple[Benefit, bool]:
    """Make (or keep up to date) the register entry of one of a project definition's
    expected benefits. Idempotent: one entry per expected benefit, ever."""
    with transaction.atomic():
        benefit = Benefit.objects.select_for_update().filter(source=expected).first()
        text = expected.text.strip()
        if benefit is None:
            benefit = Benefit(
                project_id=expected.project_id,
                source=expected,
                source_text=text,
                title=text[:TITLE_LENGTH],
                classification=Classification.NON_CASH_RELEASING,
                nature=Nature.QUALITATIVE,
                status=BenefitStatus.IDENTIFIED,
                created_by=actor,
            )
            try:
                with transaction.atomic():
                    _save(benefit, actor)
            except IntegrityError:
                # Someone made it at the same moment: theirs is the one.
                return Benefit.objects.get(source=expected), False
            return benefit, True
        if benefit.source_text != text:
            # A title nobody changed in the register follows the definition's wording.
            if benefit.title == benefit.source_text[:TITLE_LENGTH]:
                benefit.title = text[:TITLE_LENGTH]
            benefit.source_text = text
            benefit.version += 1
            _save(benefit, actor)
        return benefit, False


def benefits_from_definition(*, actor, project) -> int:
    """Bring each expected benefit of the project's definition into the register; return how
    many entries were new."""
    _refuse(
        permissions.can_manage_benefits(actor, project),
        "Only the project's lead or the programme office can do this.",
    )
    created = 0
    for expected in project.expected_benefits.all():
        created += sync_expected_benefit(expected, actor)[1]
    return created


# Measurements ----------------------------------------------------------------------------------


def _clean_measurement(benefit: Benefit, organisation, data: MeasurementInput, *, today) -> dict:
    period = _period(data.period, benefit.granularity, field="period", label="the period")
    label = period_label(period, benefit.granularity)
    settings = appraisal_settings()
    span = project_span(benefit.project, settings.years_after_end)
    if span is not None and period not in set(periods(span[0], span[1], benefit.granularity)):
        raise InvalidInput(
            f"{label} is outside {benefit.project.title}'s span ({span_text(span)}): choose a "
            "period in it",
            field="period",
            code="outside_span",
        )
    if period > today:
        raise InvalidInput(
            f"{label} has not started yet (it starts on {uk_date(period)}): report what was "
            "realised once it has",
            field="period",
            code="period_in_future",
        )
    if (
        organisation is not None
        and benefit.beneficiary_scope == BeneficiaryScope.ORGANISATIONS
        and not benefit.beneficiaries.filter(pk=organisation.pk).exists()
    ):
        raise InvalidInput(
            f"{organisation} is not one of this benefit's beneficiaries: report it against a "
            "benefit for your council or the whole partnership",
            field="organisation",
            code="not_a_beneficiary",
        )
    evidence = _text(
        data.evidence, field="evidence", label="The evidence", max_length=TEXT_LENGTH, required=True
    )
    narrative = _text(
        data.narrative, field="narrative", label="What was realised", max_length=TEXT_LENGTH
    )
    unit = "pounds" if benefit.monetised else (benefit.unit or "the benefit's unit")
    if benefit.is_quantitative:
        if data.value in (None, "") or (isinstance(data.value, str) and not data.value.strip()):
            raise InvalidInput(
                f"Enter the value realised in {label}, as a number in {unit}",
                field="value",
                code="value_required",
            )
        value = _decimal(
            data.value,
            field="value",
            label=f"the value realised (in {unit})",
            low=MIN_VALUE,
            high=MAX_VALUE,
        )
    else:
        if data.value not in (None, "") and not (
            isinstance(data.value, str) and not data.value.strip()
        ):
            raise InvalidInput(
                "This benefit is qualitative: describe what was realised in words, with no value",
                field="value",
                code="qualitative_value",
            )
        if not narrative:
            raise InvalidInput("Describe what was realised", field="narrative")
        value = None
    return {"period_start": period, "value": value, "narrative": narrative, "evidence": evidence}


def _refuse_report(actor, benefit, organisation) -> None:
    if permissions.can_report_for(actor, benefit, organisation):
        return
    if organisation is not None and getattr(actor, "is_organisation_lead", False):
        raise PermissionDenied(
            f"You can only report the benefits your own council received, not {organisation}'s.",
            code="not_your_organisation",
        )
    raise PermissionDenied(
        "Only an organisation lead (for their own council), the project's lead or the "
        "programme office can report benefits."
    )


def measurement_record(
    *, actor, benefit: Benefit, organisation, data: MeasurementInput
) -> Measurement:
    """Report what was realised in a period, for one council or the whole partnership."""
    _refuse_report(actor, benefit, organisation)
    values = _clean_measurement(benefit, organisation, data, today=timezone.localdate())
    who = organisation.name if organisation else "The partnership"
    label = period_label(values["period_start"], benefit.granularity)
    with transaction.atomic():
        measurement = Measurement(
            benefit=benefit,
            organisation=organisation,
            financial_year=financial_year_of(values["period_start"]),
            reported_by=actor,
            **values,
        )
        try:
            with transaction.atomic():
                _save(measurement, actor)
        except IntegrityError:
            raise InvalidInput(
                f"{who} already reported {label} for this benefit: change that report instead",
                field="period",
                code="already_reported",
            ) from None
    return measurement


def measurement_update(
    *, actor, measurement: Measurement, data: MeasurementInput, expected_version: int
) -> Measurement:
    """Correct a report; refused with 409 if someone changed it since it was read."""
    _refuse_report(actor, measurement.benefit, measurement.organisation)
    with transaction.atomic():
        current = (
            Measurement.objects.select_for_update(of=("self",))
            .select_related("benefit__project", "organisation")
            .get(pk=measurement.pk)
        )
        if current.version != expected_version:
            raise _stale(current, current.version, "report")
        values = _clean_measurement(
            current.benefit, current.organisation, data, today=timezone.localdate()
        )
        if values["period_start"] != current.period_start:
            raise InvalidInput(
                "The period of a report cannot change: report the other period separately",
                field="period",
            )
        for name, value in values.items():
            setattr(current, name, value)
        current.reported_by = actor
        current.version += 1
        _save(current, actor)
    return current


# Costs -----------------------------------------------------------------------------------------


def _clean_cost(project, data: CostInput) -> dict:
    category = _choice(
        data.category, CostCategory, field="category", message="Choose the kind of cost"
    )
    description = _text(
        data.description,
        field="description",
        label="The description",
        max_length=TITLE_LENGTH,
        required=True,
    )
    amount = _decimal(
        data.amount, field="amount", label="the amount", low=-MAX_AMOUNT, high=MAX_AMOUNT
    )
    if amount is None:
        raise InvalidInput("Enter the amount in pounds, like 12500", field="amount")
    if amount < 0:
        raise InvalidInput(
            "A cost cannot be negative: enter 0 or more. Record savings as a benefit",
            field="amount",
            code="negative_cost",
        )
    year = data.financial_year
    if isinstance(year, str):
        parsed = parse_period(year, Granularity.YEAR)
        if parsed is None and year.strip().isdigit():
            year = int(year.strip())
        elif parsed is None:
            raise InvalidInput("Enter the financial year like 2026-27", field="financial_year")
        else:
            year = parsed.year
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR - 1:
        raise InvalidInput("Enter the financial year like 2026-27", field="financial_year")
    span = project_span(project, appraisal_settings().years_after_end)
    if span is not None and not span[0] <= year <= span[1]:
        raise InvalidInput(
            f"{year_label(year)} is outside {project.title}'s span ({span_text(span)}): choose a "
            "year in it",
            field="financial_year",
            code="outside_span",
        )
    organisation = Organisation.objects.filter(pk=data.organisation_id).first()
    if organisation is None:
        raise InvalidInput("Choose who paid", field="organisation")
    return {
        "category": category,
        "description": description,
        "amount": amount,
        "financial_year": year,
        "organisation": organisation,
    }


def _refuse_cost(actor, project, organisation) -> None:
    if permissions.can_add_cost(actor, project, organisation):
        return
    if getattr(actor, "is_organisation_lead", False):
        raise PermissionDenied(
            f"You can only record your own council's contributions, not {organisation}'s.",
            code="not_your_organisation",
        )
    raise PermissionDenied(
        "Only the project's lead, the programme office or an organisation lead (for their own "
        "council) can record costs."
    )


def cost_create(*, actor, project, data: CostInput) -> Cost:
    """Record a direct cost of a project in a financial year, and who paid it."""
    values = _clean_cost(project, data)
    _refuse_cost(actor, project, values["organisation"])
    with transaction.atomic():
        cost = Cost(project=project, created_by=actor, **values)
        _save(cost, actor)
    return cost


def _lock_cost(cost: Cost, expected_version: int | None) -> Cost:
    current = (
        Cost.objects.select_for_update()
        .select_related("project", "organisation")
        .filter(pk=cost.pk)
        .first()
    )
    if current is None:
        raise ApplicationError(
            "This cost has been removed since you opened it.", code="cost_removed", status=409
        )
    if expected_version is not None and current.version != expected_version:
        raise _stale(current, current.version, "cost")
    return current


def cost_update(*, actor, cost: Cost, data: CostInput, expected_version: int) -> Cost:
    _refuse_cost(actor, cost.project, cost.organisation)
    values = _clean_cost(cost.project, data)
    _refuse_cost(actor, cost.project, values["organisation"])
    with transaction.atomic():
        current = _lock_cost(cost, expected_version)
        for name, value in values.items():
            setattr(current, name, value)
        current.version += 1
        _save(current, actor)
    return current


def cost_delete(*, actor, cost: Cost, expected_version: int | None = None) -> None:
    _refuse_cost(actor, cost.project, cost.organisation)
    with transaction.atomic():
        current = _lock_cost(cost, expected_version)
        current._history_user = actor
        current.delete()


# Appraisal settings and day rates ----------------------------------------------------------------


def settings_update(
    *,
    actor,
    discount_rate,
    base_year,
    years_after_end,
    day_rate_source: str,
    rates: dict[str, Any],
    expected_version: int,
) -> AppraisalSettings:
    """Change the discount rate, base year, benefit years after a project ends and the day
    rates by level (the programme office only)."""
    _refuse(
        permissions.can_change_settings(actor),
        "Only the programme office can change the appraisal settings.",
    )
    rate = _decimal(
        discount_rate,
        field="discount_rate",
        label="the discount rate",
        low=Decimal("-1000"),
        high=Decimal("1000"),
    )
    if rate is None or not Decimal(0) <= rate <= MAX_DISCOUNT_RATE:
        raise InvalidInput(
            f"The discount rate must be between 0% and {MAX_DISCOUNT_RATE}% (the Green Book's "
            "is 3.5%)",
            field="discount_rate",
            code="discount_rate_out_of_range",
        )
    year = _decimal(
        base_year,
        field="base_year",
        label="the base year",
        low=MIN_YEAR,
        high=MAX_YEAR - 1,
        places=0,
    )
    if year is None:
        raise InvalidInput("Enter the base year like 2026 (for 2026-27)", field="base_year")
    after = _decimal(
        years_after_end,
        field="years_after_end",
        label="the years after a project ends",
        low=Decimal(0),
        high=Decimal(MAX_YEARS_AFTER_END),
        places=0,
    )
    if after is None:
        raise InvalidInput("Enter the years after a project ends, 0 to 15", field="years_after_end")
    source = _text(
        day_rate_source,
        field="day_rate_source",
        label="The source of the day rates",
        max_length=500,
    )
    cleaned_rates = {}
    for level in SkillLevel.values:
        value = _decimal(
            rates.get(level),
            field=f"rate_{level}",
            label=f"the day rate for {SkillLevel(level).label.lower()}",
            low=Decimal("0.01"),
            high=MAX_DAY_RATE,
        )
        if value is None:
            raise InvalidInput(
                f"Enter the day rate for {SkillLevel(level).label.lower()} in pounds",
                field=f"rate_{level}",
            )
        cleaned_rates[level] = value
    with transaction.atomic():
        found = appraisal_settings()
        if found.pk is None:
            found, _ = AppraisalSettings.objects.get_or_create(pk=1)
        current = AppraisalSettings.objects.select_for_update().get(pk=found.pk)
        if current.version != expected_version:
            raise _stale(current, current.version, "settings")
        current.discount_rate = rate
        current.base_year = int(year)
        current.years_after_end = int(after)
        current.day_rate_source = source
        current.version += 1
        _save(current, actor)
        existing = {r.level: r for r in DayRate.objects.select_for_update()}
        for level, value in cleaned_rates.items():
            day_rate = existing.get(level) or DayRate(level=level)
            if day_rate.pk and day_rate.rate == value:
                continue
            day_rate.rate = value
            _save(day_rate, actor)
    return current
