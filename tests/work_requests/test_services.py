"""The rules of work requests, through their services."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.storage import default_storage

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.portfolio.models import ExpectedBenefit, Project, Stage
from heartbeat.recruitment.models import Participation, ParticipationStatus
from heartbeat.work_requests import services
from heartbeat.work_requests.inputs import NewProjectInput, WorkRequestInput
from heartbeat.work_requests.models import Attachment, State, StateChange, Support, WorkRequest
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory
from tests.recruitment.factories import ParticipationFactory
from tests.work_requests.factories import (
    PDF,
    SupportFactory,
    WorkRequestFactory,
    docx_bytes,
    pdf_upload,
    upload,
)


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Digital Services", slug="digital-services")


def request_input(theme, **overrides) -> WorkRequestInput:
    values = {
        "title": "Book bulky uplifts online",
        "problem": "Residents can only book bulky uplifts by phone, in office hours.",
        "affected": "About 9,000 households a year, and four contact centre staff.",
        "outcome": "Residents book and pay online at any time, and crews get the list by 7am.",
        "theme_id": theme.pk,
        "urgency": "high",
        "benefit_value": Decimal("42000"),
        "benefit_notes": "Two thirds of 6,000 calls at £5.20 a call, plus fewer no-shows.",
    }
    values.update(overrides)
    return WorkRequestInput(**values)


# Raising -------------------------------------------------------------------------------------


def test_a_member_raises_a_request_for_their_own_council(member, council, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    assert work_request.organisation == council
    assert work_request.raised_by == member
    assert work_request.state == State.SUBMITTED
    assert work_request.version == 1
    assert work_request.reference == f"WR-{work_request.pk:04d}"
    assert work_request.history.count() == 1


def test_raising_stores_attachments_through_the_storage_api(organisation_lead, theme):
    work_request = services.work_request_create(
        actor=organisation_lead,
        data=request_input(theme),
        uploads=[pdf_upload("Options appraisal.pdf"), upload("plan.docx", docx_bytes())],
    )
    names = [a.original_name for a in work_request.attachments.all()]
    assert names == ["Options appraisal.pdf", "plan.docx"]
    stored = work_request.attachments.first().file.name
    assert stored.startswith("work-requests/") and stored.endswith(".pdf")
    assert "Options" not in stored
    with default_storage.open(stored, "rb") as handle:
        assert handle.read() == PDF


def test_a_bad_attachment_refuses_the_whole_request(member, theme):
    with pytest.raises(InvalidInput) as refused:
        services.work_request_create(
            actor=member, data=request_input(theme), uploads=[upload("plan.pdf", docx_bytes())]
        )
    assert refused.value.code == "attachment_mismatch"
    assert not WorkRequest.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": "  "}, "title", "Enter a title for the request."),
        ({"problem": ""}, "problem", "Describe the problem your council needs solved."),
        ({"affected": ""}, "affected", "Say who is affected by the problem."),
        ({"outcome": ""}, "outcome", "Describe the outcome you want."),
        ({"theme_id": None}, "theme", "Choose the theme the request belongs to."),
        ({"urgency": "yesterday"}, "urgency", "Choose how urgent the request is."),
        ({"title": "x" * 201}, "title", "The title must be 200 characters or fewer (it is 201)."),
        ({"problem": "x" * 4001}, "problem", "The problem must be 4,000 characters or fewer"),
        ({"title": "Bulky\x00uplifts"}, "title", "a null byte"),
        ({"benefit_value": Decimal("-1")}, "benefit_value", "must be £0 or more"),
        ({"benefit_value": Decimal("1e12")}, "benefit_value", "a year or less"),
        ({"benefit_value": Decimal("1.234")}, "benefit_value", "to the penny"),
        ({"benefit_value": "lots"}, "benefit_value", "as an amount in pounds"),
    ],
)
def test_bad_input_is_refused_with_a_message(member, theme, overrides, field, message):
    with pytest.raises(InvalidInput) as refused:
        services.work_request_create(actor=member, data=request_input(theme, **overrides))
    assert refused.value.field == field
    assert message in refused.value.message
    assert not WorkRequest.objects.exists()


def test_the_programme_office_does_not_raise_requests(programme_office, theme):
    with pytest.raises(PermissionDenied):
        services.work_request_create(actor=programme_office, data=request_input(theme))


def test_heartbeat_itself_raises_for_a_named_organisation(council, theme):
    work_request = services.work_request_create(
        actor=None, organisation=council, data=request_input(theme)
    )
    assert work_request.raised_by is None
    assert work_request.organisation == council


# Changing ------------------------------------------------------------------------------------


def test_the_requester_changes_the_request_and_the_version_moves_on(member, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    services.work_request_update(
        actor=member,
        work_request=work_request,
        data=request_input(theme, title="Book bulky uplifts and garden permits online"),
        expected_version=1,
    )
    work_request.refresh_from_db()
    assert work_request.title == "Book bulky uplifts and garden permits online"
    assert work_request.version == 2


def test_a_stale_edit_conflicts_and_keeps_the_saved_request(member, organisation_lead, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    services.work_request_update(
        actor=organisation_lead,
        work_request=work_request,
        data=request_input(theme, title="The lead's title"),
        expected_version=1,
    )
    with pytest.raises(Conflict) as conflict:
        services.work_request_update(
            actor=member,
            work_request=work_request,
            data=request_input(theme, title="The member's title"),
            expected_version=1,
        )
    assert conflict.value.status == 409
    assert conflict.value.extra["current_version"] == 2
    assert "after you opened it" in conflict.value.message
    work_request.refresh_from_db()
    assert work_request.title == "The lead's title"


def test_another_councils_lead_cannot_change_a_request(member, other_organisation_lead, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    with pytest.raises(PermissionDenied):
        services.work_request_update(
            actor=other_organisation_lead,
            work_request=work_request,
            data=request_input(theme, title="Taken over"),
            expected_version=1,
        )


def test_a_decided_request_cannot_be_changed(member, programme_office, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    services.work_request_triage(
        actor=programme_office, work_request=work_request, to_state="under_review"
    )
    services.work_request_triage(
        actor=programme_office,
        work_request=work_request,
        to_state="declined",
        reason="Covered by the CRM project.",
    )
    with pytest.raises(ApplicationError) as refused:
        services.work_request_update(
            actor=member, work_request=work_request, data=request_input(theme), expected_version=3
        )
    assert refused.value.code == "request_decided"


# Attachments ---------------------------------------------------------------------------------


def test_attachments_are_added_and_removed(member, theme, django_capture_on_commit_callbacks):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    attachment = services.attachment_add(
        actor=member, work_request=work_request, upload=pdf_upload()
    )
    name = attachment.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_remove(actor=member, attachment=attachment)
    assert not Attachment.objects.exists()
    assert not default_storage.exists(name)


def test_a_request_takes_at_most_ten_files(member, theme):
    work_request = services.work_request_create(
        actor=member, data=request_input(theme), uploads=[pdf_upload(f"{i}.pdf") for i in range(10)]
    )
    with pytest.raises(InvalidInput) as refused:
        services.attachment_add(actor=member, work_request=work_request, upload=pdf_upload())
    assert refused.value.code == "too_many_attachments"
    assert work_request.attachments.count() == 10


def test_another_council_cannot_attach_files(member, other_organisation_lead, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    with pytest.raises(PermissionDenied):
        services.attachment_add(
            actor=other_organisation_lead, work_request=work_request, upload=pdf_upload()
        )


# Support -------------------------------------------------------------------------------------


def test_another_council_supports_with_its_own_need(member, other_organisation_lead, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    support = services.support_add(
        actor=other_organisation_lead,
        work_request=work_request,
        need="Angus takes 300 calls a month about special uplifts.",
    )
    assert support.organisation == other_organisation_lead.organisation
    assert WorkRequest.objects.with_support_count().get().support_count == 1


def test_a_second_support_from_the_same_council_is_refused(
    member, other_organisation_lead, other_council, theme
):
    colleague = UserFactory(organisation=other_council)
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    services.support_add(actor=other_organisation_lead, work_request=work_request, need="Ours too.")
    with pytest.raises(ApplicationError) as refused:
        services.support_add(actor=colleague, work_request=work_request, need="And again.")
    assert refused.value.code == "already_supported"
    assert refused.value.status == 409
    assert refused.value.message == (
        f"Angus already supports {work_request.reference}: one support per organisation."
    )
    assert Support.objects.get().need == "Ours too."


def test_a_council_does_not_support_its_own_request(member, organisation_lead, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    with pytest.raises(ApplicationError) as refused:
        services.support_add(actor=organisation_lead, work_request=work_request, need="Us too")
    assert refused.value.code == "own_request"


def test_support_needs_a_line_on_the_need(member, other_organisation_lead, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    with pytest.raises(InvalidInput, match="Say in a line what Angus needs"):
        services.support_add(actor=other_organisation_lead, work_request=work_request, need=" ")


def test_the_programme_office_does_not_support(member, programme_office, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    with pytest.raises(PermissionDenied):
        services.support_add(actor=programme_office, work_request=work_request, need="Yes")


def test_support_is_withdrawn_by_its_council_only(
    member, other_organisation_lead, organisation_lead, theme
):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    support = services.support_add(
        actor=other_organisation_lead, work_request=work_request, need="Ours too."
    )
    with pytest.raises(PermissionDenied):
        services.support_withdraw(actor=organisation_lead, support=support)
    services.support_withdraw(actor=other_organisation_lead, support=support)
    assert not Support.objects.exists()


# Comments ------------------------------------------------------------------------------------


def test_comments_are_added_by_signed_in_people(member, board_member, theme):
    work_request = services.work_request_create(actor=member, data=request_input(theme))
    comment = services.comment_add(
        actor=board_member, work_request=work_request, body="The board asked about this in May."
    )
    assert comment.organisation == board_member.organisation
    with pytest.raises(InvalidInput, match="Write your comment"):
        services.comment_add(actor=board_member, work_request=work_request, body="  ")
    with pytest.raises(InvalidInput, match="4,000 characters or fewer"):
        services.comment_add(actor=board_member, work_request=work_request, body="x" * 4001)


# Triage --------------------------------------------------------------------------------------


@pytest.fixture
def submitted(member, theme):
    return services.work_request_create(actor=member, data=request_input(theme))


def _review(office, work_request):
    return services.work_request_triage(
        actor=office, work_request=work_request, to_state="under_review"
    )


@pytest.mark.parametrize("to_state", ["accepted", "declined", "duplicate", "submitted"])
def test_a_submitted_request_only_goes_under_review(programme_office, submitted, to_state):
    with pytest.raises(ApplicationError) as refused:
        services.work_request_triage(
            actor=programme_office,
            work_request=submitted,
            to_state=to_state,
            reason="A reason",
            duplicate_of=WorkRequestFactory(),
        )
    assert refused.value.code == "transition_not_allowed"
    assert refused.value.message.startswith("A request that is submitted cannot be moved to")
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_decided_requests_move_no_further(programme_office, submitted):
    _review(programme_office, submitted)
    services.work_request_triage(
        actor=programme_office, work_request=submitted, to_state="declined", reason="Out of scope."
    )
    for to_state in ("under_review", "accepted", "submitted"):
        with pytest.raises(ApplicationError, match="cannot be moved"):
            services.work_request_triage(
                actor=programme_office, work_request=submitted, to_state=to_state
            )


def test_only_the_programme_office_triages(organisation_lead, submitted):
    with pytest.raises(PermissionDenied):
        _review(organisation_lead, submitted)


def test_declining_needs_a_reason(programme_office, submitted):
    _review(programme_office, submitted)
    with pytest.raises(InvalidInput) as refused:
        services.work_request_triage(
            actor=programme_office, work_request=submitted, to_state="declined", reason=" "
        )
    assert refused.value.field == "reason"
    submitted.refresh_from_db()
    assert submitted.state == State.UNDER_REVIEW


def test_a_stale_triage_conflicts(programme_office, submitted):
    _review(programme_office, submitted)
    with pytest.raises(Conflict):
        services.work_request_triage(
            actor=programme_office,
            work_request=submitted,
            to_state="declined",
            reason="No",
            expected_version=1,
        )


def test_requester_and_supporters_are_emailed_after_commit(
    programme_office, submitted, other_organisation_lead, django_capture_on_commit_callbacks
):
    services.support_add(actor=other_organisation_lead, work_request=submitted, need="Ours too.")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _review(programme_office, submitted)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        f"A request you support, {submitted.reference}, is under review",
        f"Your work request {submitted.reference} is under review",
    ]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [submitted.raised_by.email, other_organisation_lead.email]
    )


def test_a_rolled_back_triage_sends_nothing(
    programme_office, submitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _review(programme_office, submitted)
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(InvalidInput),
    ):
        services.work_request_triage(
            actor=programme_office, work_request=submitted, to_state="declined", reason=""
        )
    assert callbacks == []
    assert mail.outbox == []


def test_declined_email_carries_the_reason(
    programme_office, submitted, django_capture_on_commit_callbacks
):
    _review(programme_office, submitted)
    with django_capture_on_commit_callbacks(execute=True):
        services.work_request_triage(
            actor=programme_office,
            work_request=submitted,
            to_state="declined",
            reason="The national waste booking service will cover this from April 2027.",
        )
    (email,) = mail.outbox
    assert email.subject == f"Your work request {submitted.reference} has been declined"
    assert "The national waste booking service will cover this from April 2027." in email.body


def test_a_duplicate_hands_its_supporters_to_the_original(programme_office, theme):
    fife, angus, moray = (OrganisationFactory(name=n) for n in ("Fife", "Angus", "Moray"))
    original = WorkRequestFactory(organisation=fife, theme=theme)
    duplicate = WorkRequestFactory(organisation=angus, theme=theme)
    SupportFactory(work_request=duplicate, organisation=moray, need="Moray too.")
    SupportFactory(work_request=duplicate, organisation=fife, need="Fife raised it already.")
    SupportFactory(work_request=original, organisation=OrganisationFactory(name="Perth"))
    _review(programme_office, duplicate)
    change = services.work_request_triage(
        actor=programme_office, work_request=duplicate, to_state="duplicate", duplicate_of=original
    )
    duplicate.refresh_from_db()
    assert duplicate.state == State.DUPLICATE
    assert duplicate.duplicate_of == original
    supporters = {s.organisation.name: s for s in Support.objects.filter(work_request=original)}
    # Moray moved across; Angus (who raised the duplicate) joins; Fife raised the original.
    assert set(supporters) == {"Perth", "Moray", "Angus"}
    assert supporters["Moray"].moved_from == duplicate
    assert supporters["Angus"].need.startswith(f"Raised the same need as {duplicate.reference}")
    assert not Support.objects.filter(work_request=duplicate).exists()
    assert change.note == (
        f"Duplicate of {original.reference}: {original.title}. "
        "2 supporting organisations moved across."
    )


def test_a_duplicate_needs_a_fitting_original(programme_office, submitted, theme):
    _review(programme_office, submitted)
    with pytest.raises(InvalidInput, match="Choose the request this one duplicates"):
        services.work_request_triage(
            actor=programme_office, work_request=submitted, to_state="duplicate"
        )
    with pytest.raises(InvalidInput, match="cannot be a duplicate of itself"):
        services.work_request_triage(
            actor=programme_office,
            work_request=submitted,
            to_state="duplicate",
            duplicate_of=submitted,
        )
    declined = WorkRequestFactory(state=State.DECLINED, decline_reason="No", theme=theme)
    with pytest.raises(InvalidInput, match="was declined"):
        services.work_request_triage(
            actor=programme_office,
            work_request=submitted,
            to_state="duplicate",
            duplicate_of=declined,
        )
    first = WorkRequestFactory(theme=theme)
    second = WorkRequestFactory(state=State.DUPLICATE, duplicate_of=first, theme=theme)
    with pytest.raises(InvalidInput, match=f"itself a duplicate of {first.reference}"):
        services.work_request_triage(
            actor=programme_office,
            work_request=submitted,
            to_state="duplicate",
            duplicate_of=second,
        )


def test_accepting_into_a_new_project_carries_the_content_and_invites_supporters(
    programme_office, submitted, other_organisation_lead, django_capture_on_commit_callbacks
):
    moray = OrganisationFactory(name="Moray")
    services.support_add(actor=other_organisation_lead, work_request=submitted, need="Angus too.")
    SupportFactory(work_request=submitted, organisation=moray, need="Moray too.")
    _review(programme_office, submitted)
    with django_capture_on_commit_callbacks(execute=True):
        services.work_request_triage(
            actor=programme_office,
            work_request=submitted,
            to_state="accepted",
            new_project=NewProjectInput(),
        )
    submitted.refresh_from_db()
    project = submitted.project
    assert submitted.state == State.ACCEPTED
    assert project.stage == Stage.PROPOSED
    assert project.title == "Book bulky uplifts online"
    assert project.theme == submitted.theme
    assert project.summary == submitted.outcome
    assert submitted.problem in project.problem
    assert f"Who is affected: {submitted.affected}" in project.problem
    assert f"From work request {submitted.reference}, raised by Aberdeen City, supported by" in (
        project.problem
    )
    benefits = list(ExpectedBenefit.objects.filter(project=project).values_list("text", flat=True))
    assert benefits == [
        submitted.outcome,
        "Rough benefit estimated by Aberdeen City: £42,000 a year (Two thirds of 6,000 calls at "
        "£5.20 a call, plus fewer no-shows.)",
    ]
    interested = Participation.objects.filter(
        project=project, status=ParticipationStatus.INTERESTED
    ).values_list("organisation__name", flat=True)
    assert sorted(interested) == ["Aberdeen City", "Angus", "Moray"]
    accepted = [m for m in mail.outbox if "accepted" in m.subject]
    assert len(accepted) == 2  # the requester and Angus's lead; Moray's support named nobody
    assert f"It is now part of the project {project.title}" in accepted[0].body
    assert "/projects/book-bulky-uplifts-online/#participants" in accepted[0].body


def test_accepting_into_an_existing_project_keeps_those_already_taking_part(
    programme_office, submitted, council, other_organisation_lead, other_council
):
    project = ProjectFactory(stage=Stage.RECRUITING)
    ParticipationFactory(project=project, organisation=council)  # already committed
    services.support_add(actor=other_organisation_lead, work_request=submitted, need="Angus too.")
    _review(programme_office, submitted)
    services.work_request_triage(
        actor=programme_office, work_request=submitted, to_state="accepted", project=project
    )
    statuses = dict(
        Participation.objects.filter(project=project).values_list("organisation__name", "status")
    )
    assert statuses == {"Aberdeen City": "committed", "Angus": "interested"}


def test_a_closed_project_takes_no_request(programme_office, submitted):
    closed = ProjectFactory(stage=Stage.CLOSED)
    _review(programme_office, submitted)
    with pytest.raises(InvalidInput, match="link the request to an open project"):
        services.work_request_triage(
            actor=programme_office, work_request=submitted, to_state="accepted", project=closed
        )
    submitted.refresh_from_db()
    assert submitted.state == State.UNDER_REVIEW


def test_a_new_project_with_a_bad_title_refuses_the_acceptance(programme_office, submitted):
    _review(programme_office, submitted)
    with pytest.raises(InvalidInput) as refused:
        services.work_request_triage(
            actor=programme_office,
            work_request=submitted,
            to_state="accepted",
            new_project=NewProjectInput(title="x" * 201),
        )
    assert refused.value.field == "new_title"
    assert not Project.objects.exists()
    submitted.refresh_from_db()
    assert submitted.state == State.UNDER_REVIEW


def test_accepted_with_its_project_to_follow_then_linked(programme_office, submitted):
    _review(programme_office, submitted)
    services.work_request_triage(
        actor=programme_office, work_request=submitted, to_state="accepted"
    )
    submitted.refresh_from_db()
    assert submitted.state == State.ACCEPTED and submitted.project is None
    services.work_request_link_project(
        actor=programme_office, work_request=submitted, new_project=NewProjectInput(title="Uplifts")
    )
    submitted.refresh_from_db()
    assert submitted.project.title == "Uplifts"
    with pytest.raises(ApplicationError, match="not an accepted request waiting"):
        services.work_request_link_project(
            actor=programme_office, work_request=submitted, new_project=NewProjectInput()
        )
    notes = list(StateChange.objects.values_list("note", flat=True))
    assert notes == ["", "Project to follow", "Project: Uplifts"]
