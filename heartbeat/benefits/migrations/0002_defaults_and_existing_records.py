"""The appraisal settings with their stated defaults, the illustrative day rates, a register
entry for every expected benefit already in a project's definition, and the in-kind years of
the pledges already made."""

from collections import defaultdict
from decimal import Decimal

from django.db import migrations
from django.utils import timezone

# Illustrative defaults (not a published rate card): the settings page says so and is where
# a partnership sets its own.
DEFAULT_DAY_RATES = {
    "awareness": Decimal("200"),
    "working": Decimal("300"),
    "practitioner": Decimal("400"),
    "expert": Decimal("500"),
}
SOURCE = (
    "Illustrative defaults, not a published rate card: set your partnership's own rates "
    "(for example from councils' salary scales plus on-costs) on the appraisal settings page."
)


def _fy(month):
    return month.year if month.month >= 4 else month.year - 1


def forwards(apps, schema_editor):
    from heartbeat.recruitment.coverage import pledge_days_by_month

    settings_model = apps.get_model("benefits", "AppraisalSettings")
    if not settings_model.objects.exists():
        settings_model.objects.create(
            discount_rate=Decimal("3.5"), base_year=2026, years_after_end=5, day_rate_source=SOURCE
        )
    day_rate = apps.get_model("benefits", "DayRate")
    for level, rate in DEFAULT_DAY_RATES.items():
        day_rate.objects.get_or_create(level=level, defaults={"rate": rate})

    benefit = apps.get_model("benefits", "Benefit")
    expected = apps.get_model("portfolio", "ExpectedBenefit")
    for item in expected.objects.filter(register_entry__isnull=True):
        text = item.text.strip()
        benefit.objects.create(
            project_id=item.project_id,
            source=item,
            source_text=text,
            title=text[:200],
            classification="non_cash_releasing",
            nature="qualitative",
            status="identified",
        )

    pledge = apps.get_model("recruitment", "Pledge")
    adjustment = apps.get_model("recruitment", "PledgeAdjustment")
    in_kind = apps.get_model("benefits", "InKindYear")
    reductions = defaultdict(dict)
    for pledge_id, month, days in adjustment.objects.values_list("pledge_id", "month", "days"):
        reductions[pledge_id][month] = days
    rows = []
    for p in pledge.objects.select_related("requirement"):
        last = None
        if p.status == "withdrawn":
            if p.withdrawn_at is None:
                continue
            last = timezone.localtime(p.withdrawn_at).date().replace(day=1)
        years = defaultdict(Decimal)
        for month, days in pledge_days_by_month(
            p.start_month, p.end_month, p.days_per_month, reductions.get(p.pk)
        ).items():
            if last is not None and month > last:
                continue
            years[_fy(month)] += days
        rows.extend(
            in_kind(
                pledge_id=p.pk,
                project_id=p.requirement.project_id,
                organisation_id=p.organisation_id,
                level=p.level,
                financial_year=year,
                days=days,
            )
            for year, days in years.items()
            if days
        )
    in_kind.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("benefits", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
