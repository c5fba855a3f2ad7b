import datetime
from io import StringIO

from django.core.management import call_command

from heartbeat.benefits.models import InKindYear
from tests.portfolio.factories import ResourceRequirementFactory
from tests.recruitment.factories import make_pledge


def test_rebuild_in_kind(project, council, programme_office):
    requirement = ResourceRequirementFactory(
        project=project, start_month=datetime.date(2026, 4, 1), end_month=datetime.date(2026, 9, 1)
    )
    make_pledge(requirement, council, programme_office)
    InKindYear.objects.all().delete()
    out = StringIO()
    call_command("rebuild_in_kind", "--dry-run", stdout=out)
    assert out.getvalue().strip() == "Would write 1 in-kind years."
    assert not InKindYear.objects.exists()
    call_command("rebuild_in_kind", stdout=out)
    assert InKindYear.objects.count() == 1


def test_the_rebuild_job_for_a_schedule():
    from heartbeat.benefits.tasks import rebuild_job

    job = rebuild_job()
    assert job.interval == datetime.timedelta(days=1)
    assert job.task == "heartbeat.benefits.tasks.rebuild_in_kind"
