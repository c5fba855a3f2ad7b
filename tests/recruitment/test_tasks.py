"""Emails: the project lead hears of every pledge made, changed or withdrawn; organisation
leads get a weekly digest of new needs that match their organisation's skills."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from heartbeat.core.models import ScheduledRun
from heartbeat.core.months import add_months, first_of_month
from heartbeat.core.schedule import enqueue_due_jobs
from heartbeat.portfolio.models import Stage
from heartbeat.recruitment import services
from heartbeat.recruitment.models import DigestedNeed
from heartbeat.recruitment.tasks import digest_job, send_weekly_digests
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.recruitment.factories import make_pledge, pledge_input
from tests.skills.factories import SkillFactory, UserSkillFactory

JULY, AUGUST = datetime.date(2026, 7, 1), datetime.date(2026, 8, 1)


@pytest.fixture
def project(council):
    lead = UserFactory(
        organisation=council, full_name="Fiona Mackay", email="fiona.mackay@aberdeencity.gov.uk"
    )
    return ProjectFactory(stage=Stage.RECRUITING, title="Digital telecare", project_lead=lead)


@pytest.fixture
def requirement(project):
    return ResourceRequirementFactory(
        project=project, skill=SkillFactory(name="Service designer"), days_per_month=Decimal(4)
    )


def test_project_lead_is_emailed_when_a_pledge_is_made(
    settings,
    django_capture_on_commit_callbacks,
    requirement,
    other_council,
    other_organisation_lead,
):
    settings.SITE_URL = "https://heartbeat.example.org"
    person = UserFactory(organisation=other_council, full_name="Iain Stewart")
    with django_capture_on_commit_callbacks(execute=True):
        make_pledge(
            requirement,
            other_council,
            other_organisation_lead,
            person_id=person.pk,
            adjustments=[(JULY, 2), (AUGUST, 2)],
        )

    (email,) = mail.outbox
    assert email.to == ["fiona.mackay@aberdeencity.gov.uk"]
    assert email.subject == "New pledge: Angus for Digital telecare"
    assert "Dear Fiona Mackay," in email.body
    assert "Who: Iain Stewart (Practitioner)" in email.body
    assert "Days: 4 a month, April 2026 to September 2026, 20 days in all" in email.body
    assert "Planned reduction: 2 days in July 2026" in email.body
    assert "Planned reduction: 2 days in August 2026" in email.body
    assert "staffing coverage is now 83%" in email.body
    assert "https://heartbeat.example.org/projects/digital-telecare/#coverage" in email.body


def test_nothing_is_sent_before_the_transaction_commits(
    django_capture_on_commit_callbacks, requirement, other_council, other_organisation_lead
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_pledge(requirement, other_council, other_organisation_lead)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_project_lead_is_emailed_when_a_pledge_changes_and_is_withdrawn(
    django_capture_on_commit_callbacks, requirement, other_council, other_organisation_lead
):
    pledge = make_pledge(requirement, other_council, other_organisation_lead)
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_update(
            actor=other_organisation_lead,
            pledge=pledge,
            data=pledge_input(days_per_month=Decimal(2)),
            expected_version=1,
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_withdraw(
            actor=other_organisation_lead, pledge=pledge, reason="Needed for budget setting"
        )

    changed, withdrawn = mail.outbox
    assert changed.subject == "Pledge changed: Angus for Digital telecare"
    assert "Days: 2 a month" in changed.body
    assert withdrawn.subject == "Pledge withdrawn: Angus for Digital telecare"
    assert "Reason for withdrawing: Needed for budget setting" in withdrawn.body
    assert "staffing coverage is now 0%" in withdrawn.body


def test_no_email_without_a_project_lead(
    django_capture_on_commit_callbacks, requirement, council, programme_office
):
    requirement.project.project_lead = None
    requirement.project.save()
    with django_capture_on_commit_callbacks(execute=True):
        make_pledge(requirement, council, programme_office)
    assert mail.outbox == []


def test_no_email_to_the_project_lead_about_their_own_pledge(
    django_capture_on_commit_callbacks, requirement, council
):
    lead = requirement.project.project_lead
    lead.is_organisation_lead = True
    lead.save()
    with django_capture_on_commit_callbacks(execute=True):
        make_pledge(requirement, council, lead)
    assert mail.outbox == []


# The weekly digest --------------------------------------------------------------------------


def future_need(skill, **fields):
    this_month = first_of_month(timezone.localdate())
    return ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING, **fields),
        skill=skill,
        start_month=this_month,
        end_month=add_months(this_month, 5),
    )


@pytest.fixture
def researcher_in_council(council):
    skill = SkillFactory(name="User researcher")
    UserSkillFactory(user=UserFactory(organisation=council, full_name="Ailsa Grant"), skill=skill)
    return skill


def test_digest_lists_new_matching_needs_once(researcher_in_council, organisation_lead, council):
    first = future_need(researcher_in_council, title="Digital maturity assessment")
    future_need(SkillFactory(name="Data engineer"), title="Data and intelligence")

    assert send_weekly_digests.call() == {"emails": 1, "organisations": 1}
    (email,) = mail.outbox
    assert email.to == [organisation_lead.email]
    assert email.subject == "1 new need Aberdeen City could help with"
    assert "User researcher (Practitioner) for Digital maturity assessment" in email.body
    assert "Data and intelligence" not in email.body
    assert "/recruitment/where-we-can-help/" in email.body

    # Run again: nothing new, nothing sent.
    assert send_weekly_digests.call() == {"emails": 0, "organisations": 0}
    assert len(mail.outbox) == 1

    second = future_need(researcher_in_council, title="Intelligent automation")
    send_weekly_digests.call()
    assert len(mail.outbox) == 2
    assert "Intelligent automation" in mail.outbox[1].body
    assert "Digital maturity assessment" not in mail.outbox[1].body
    assert set(DigestedNeed.objects.values_list("requirement_id", flat=True)) == {
        first.pk,
        second.pk,
    }


def test_digest_matches_skills_pledged_before(organisation_lead, council, programme_office):
    skill = SkillFactory(name="Business analyst")
    make_pledge(ResourceRequirementFactory(skill=skill), council, programme_office)
    future_need(skill, title="CRM and bookings")
    send_weekly_digests.call()
    assert "CRM and bookings" in mail.outbox[0].body


def test_digest_skips_organisations_without_matches_or_leads(researcher_in_council, council):
    future_need(researcher_in_council)
    OrganisationFactory()  # no lead, no skills
    assert send_weekly_digests.call() == {"emails": 0, "organisations": 0}  # council has no lead
    assert mail.outbox == []


def test_filled_needs_are_not_in_the_digest(
    researcher_in_council, organisation_lead, council, programme_office
):
    need = future_need(researcher_in_council)
    make_pledge(
        need,
        OrganisationFactory(),
        programme_office,
        days_per_month=need.days_per_month,
        start_month=need.start_month,
        end_month=need.end_month,
    )
    assert send_weekly_digests.call()["emails"] == 0


@pytest.mark.django_db(transaction=True)
def test_digest_runs_once_a_week_through_the_database_queue(
    settings, researcher_in_council, organisation_lead
):
    """The real database backend: the scheduler queues the digest, the worker runs it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HEARTBEAT_DIGEST_WEEKDAY = "monday"
    settings.HEARTBEAT_DIGEST_TIME = "08:00"
    future_need(researcher_in_council, title="Cyber resilience")
    monday = timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 0))
    # Only the digest: other apps' jobs (the overdue-update check, say) run on their own times.
    jobs = [digest_job()]

    assert enqueue_due_jobs(now=monday, jobs=jobs) == ["recruitment.weekly_digest"]
    assert mail.outbox == []  # queued, not yet run
    call_command("worker", "--batch", "--no-schedule")
    assert len(mail.outbox) == 1
    assert "Cyber resilience" in mail.outbox[0].body

    # Other workers, later the same week: the slot is taken, nothing is queued or sent.
    assert enqueue_due_jobs(now=monday + datetime.timedelta(hours=1), jobs=jobs) == []
    assert enqueue_due_jobs(now=monday + datetime.timedelta(days=6), jobs=jobs) == []
    call_command("worker", "--batch", "--no-schedule")
    assert len(mail.outbox) == 1

    # The next Monday the digest runs again, and has nothing new to send.
    assert enqueue_due_jobs(now=monday + datetime.timedelta(days=7), jobs=jobs) == [
        "recruitment.weekly_digest"
    ]
    call_command("worker", "--batch", "--no-schedule")
    assert len(mail.outbox) == 1
    assert ScheduledRun.objects.count() == 2
