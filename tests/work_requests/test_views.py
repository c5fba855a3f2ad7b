"""Work request pages as people meet them: the list, raising, the request's page, triage."""

import csv
import io

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from heartbeat.work_requests.models import Attachment, State, Support, WorkRequest
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory
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


def form_data(theme, **overrides):
    data = {
        "title": "Book bulky uplifts online",
        "problem": "Residents can only book by phone.",
        "affected": "9,000 households a year.",
        "outcome": "Residents book and pay online.",
        "theme": str(theme.pk),
        "urgency": "high",
        "benefit_value": "42000",
        "benefit_notes": "",
    }
    data.update(overrides)
    return data


# The list ------------------------------------------------------------------------------------


def test_the_list_is_for_signed_in_members(client_for, member, db):
    response = client_for(None).get("/requests/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
    assert client_for(member).get("/requests/").status_code == 200


def test_the_list_shows_the_support_count_and_filters_by_url(client_for, member, theme):
    fife = OrganisationFactory(name="Fife")
    wanted = WorkRequestFactory(title="Garden waste permits", theme=theme, urgency="critical")
    SupportFactory(work_request=wanted, organisation=fife)
    SupportFactory(work_request=wanted)
    WorkRequestFactory(title="School meals", theme=theme, urgency="low")
    page = client_for(member).get("/requests/?urgency=critical&q=garden").content.decode()
    assert "Garden waste permits" in page
    assert "School meals" not in page
    assert "1 request match your filters" in page
    assert '<td class="hb-numeric" data-support-count>2</td>' in page


def test_bad_filters_are_named_and_dropped(client_for, member, theme):
    WorkRequestFactory(title="Garden waste permits", theme=theme)
    page = client_for(member).get("/requests/?state=lost&sort=sideways&theme=nope").content
    page = page.decode()
    assert "&#39;lost&#39; is not a state of a work request." in page
    assert "&#39;sideways&#39; is not a way to sort requests." in page
    assert "There is no theme &#39;nope&#39;." in page
    assert "Garden waste permits" in page


def test_the_organisation_filter_finds_requests_raised_or_supported(client_for, member, theme):
    fife = OrganisationFactory(name="Fife", slug="fife")
    raised = WorkRequestFactory(title="Raised by Fife", organisation=fife, theme=theme)
    supported = WorkRequestFactory(title="Supported by Fife", theme=theme)
    SupportFactory(work_request=supported, organisation=fife)
    WorkRequestFactory(title="Nothing to do with Fife", theme=theme)
    page = client_for(member).get("/requests/?organisation=fife").content.decode()
    assert raised.title in page and supported.title in page
    assert "Nothing to do with Fife" not in page


def test_htmx_gets_the_results_alone(client_for, member, theme):
    WorkRequestFactory(title="Garden waste permits", theme=theme)
    response = client_for(member).get("/requests/?q=garden", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="request-results">')
    assert "<html" not in page
    assert "HX-Request" in response["Vary"]


def test_the_list_exports_as_csv_and_xlsx_with_its_filters(client_for, member, theme):
    wanted = WorkRequestFactory(title="=Garden waste permits", theme=theme, urgency="critical")
    SupportFactory(work_request=wanted, organisation=OrganisationFactory(name="Fife"))
    WorkRequestFactory(title="School meals", theme=theme, urgency="low")
    client = client_for(member)
    response = client.get("/requests/?urgency=critical&format=csv")
    today = timezone.localdate()
    assert response["Content-Disposition"] == (
        f'attachment; filename="work-requests-{today:%Y-%m-%d}.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:3] == ["Reference", "Title", "Raised by"]
    assert len(rows) == 2
    assert rows[1][1] == "'=Garden waste permits"  # never run as a formula
    assert rows[1][7:9] == ["1", "Fife"]
    response = client.get("/requests/?urgency=critical&format=xlsx")
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet["A2"].value == wanted.reference
    assert sheet.max_row == 2


# Raising and changing ------------------------------------------------------------------------


def test_a_member_raises_a_request_with_a_file(client_for, member, theme):
    data = form_data(theme, attachment=pdf_upload("Options appraisal.pdf"))
    response = client_for(member).post("/requests/new/", data)
    work_request = WorkRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/requests/{work_request.pk}/"
    assert work_request.attachments.get().original_name == "Options appraisal.pdf"


def test_bad_input_shows_the_error_summary_and_keeps_what_was_typed(client_for, member, theme):
    data = form_data(theme, title="", benefit_value="-5", urgency="")
    response = client_for(member).post("/requests/new/", data)
    page = response.content.decode()
    assert response.status_code == 422
    assert "There is a problem" in page
    assert '<a href="#id_title">Enter a title for the request.</a>' in page
    assert "The rough benefit must be £0 or more." in page
    assert '<a href="#id_urgency_0">Choose how urgent the request is.</a>' in page
    assert "Residents can only book by phone." in page
    assert not WorkRequest.objects.exists()


def test_a_mismatched_file_is_refused_on_the_form(client_for, member, theme):
    data = form_data(theme, attachment=upload("plan.pdf", docx_bytes()))
    response = client_for(member).post("/requests/new/", data)
    page = response.content.decode()
    assert response.status_code == 422
    assert "plan.pdf is named as a PDF, but its content is a Word document." in page
    assert '<a href="#id_attachment">' in page
    assert "Book bulky uplifts online" in page
    assert not WorkRequest.objects.exists()


def test_a_null_byte_is_refused_on_the_form(client_for, member, theme):
    # The site refuses a NUL byte in any posted form before a view sees it (core's
    # middleware), naming the field, and nothing is saved.
    response = client_for(member).post("/requests/new/", form_data(theme, title="Bulky\x00"))
    assert response.status_code == 400
    assert "The field &#39;title&#39; contains U+0000 (a null character)" in (
        response.content.decode()
    )
    assert not WorkRequest.objects.exists()


def test_the_programme_office_is_not_offered_raising(client_for, programme_office):
    client = client_for(programme_office)
    assert "Raise a work request" not in client.get("/requests/").content.decode()
    assert client.get("/requests/new/").status_code == 403


def test_a_stale_edit_shows_both_versions(client_for, member, organisation_lead, theme):
    work_request = WorkRequestFactory(
        organisation=member.organisation, raised_by=member, theme=theme
    )
    client_for(organisation_lead).post(
        f"/requests/{work_request.pk}/edit/", form_data(theme, title="The lead's title", version=1)
    )
    response = client_for(member).post(
        f"/requests/{work_request.pk}/edit/", form_data(theme, title="My title", version=1)
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "The request as it is now saved" in page
    assert "The lead&#39;s title" in page
    assert 'value="My title"' in page
    assert 'name="version" value="2"' in page
    work_request.refresh_from_db()
    assert work_request.title == "The lead's title"


# The request's page --------------------------------------------------------------------------


def test_the_page_shows_supporters_comments_and_files(
    client_for, member, other_organisation_lead, theme
):
    work_request = WorkRequestFactory(theme=theme, title="Garden waste permits")
    SupportFactory(
        work_request=work_request,
        organisation=OrganisationFactory(name="Fife"),
        need="Fife needs it for 30,000 permits.",
    )
    Attachment.objects.create(
        work_request=work_request,
        file="work-requests/x.pdf",
        original_name="plan.pdf",
        kind="pdf",
        size=2048,
        uploaded_at=work_request.created_at,
    )
    page = client_for(other_organisation_lead).get(f"/requests/{work_request.pk}/").content.decode()
    assert "<strong>1</strong> other council supports this request." in page
    assert "Fife needs it for 30,000 permits." in page
    assert "plan.pdf" in page and "(PDF, 2 KB)" in page
    assert "Support this request for Angus" in page
    assert "Triage the request" not in page
    assert "Change the request" not in page


def test_supporting_from_the_page_and_a_second_time(
    client_for, other_organisation_lead, other_council, theme
):
    work_request = WorkRequestFactory(theme=theme)
    client = client_for(other_organisation_lead)
    response = client.post(f"/requests/{work_request.pk}/support/", {"need": "Angus too."})
    assert response.status_code == 302
    colleague = UserFactory(organisation=other_council)
    response = client_for(colleague).post(
        f"/requests/{work_request.pk}/support/", {"need": "Again"}
    )
    assert response.status_code == 409
    assert "Angus already supports" in response.content.decode()
    assert Support.objects.count() == 1


def test_a_missing_need_is_shown_in_the_error_summary(client_for, other_organisation_lead, theme):
    work_request = WorkRequestFactory(theme=theme)
    response = client_for(other_organisation_lead).post(
        f"/requests/{work_request.pk}/support/", {"need": ""}
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert '<a href="#id_need">Say in a line what your council needs' in page


def test_commenting_from_the_page(client_for, board_member, theme):
    work_request = WorkRequestFactory(theme=theme)
    client = client_for(board_member)
    client.post(f"/requests/{work_request.pk}/comments/", {"body": "Raised at the May board."})
    page = client.get(f"/requests/{work_request.pk}/").content.decode()
    assert "Raised at the May board." in page
    response = client.post(f"/requests/{work_request.pk}/comments/", {"body": ""})
    assert response.status_code == 422
    assert '<a href="#id_body">Write your comment.</a>' in response.content.decode()


def test_attachments_are_served_only_to_signed_in_members(client_for, member, theme):
    work_request = WorkRequestFactory(
        organisation=member.organisation, raised_by=member, theme=theme
    )
    client = client_for(member)
    client.post(f"/requests/{work_request.pk}/attachments/", {"attachment": pdf_upload("plan.pdf")})
    attachment = Attachment.objects.get()
    address = f"/requests/{work_request.pk}/attachments/{attachment.pk}/"
    response = client.get(address)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    anonymous = client_for(None).get(address)
    assert anonymous.status_code == 302 and "/accounts/sign-in/" in anonymous["Location"]
    # An attachment is found only under its own request.
    other = WorkRequestFactory(theme=theme)
    assert (
        client_for(member).get(f"/requests/{other.pk}/attachments/{attachment.pk}/").status_code
        == 404
    )


def test_an_attachment_of_the_wrong_type_is_refused_on_the_page(client_for, member, theme):
    work_request = WorkRequestFactory(
        organisation=member.organisation, raised_by=member, theme=theme
    )
    response = client_for(member).post(
        f"/requests/{work_request.pk}/attachments/", {"attachment": upload("setup.exe", b"MZ")}
    )
    assert response.status_code == 422
    assert "setup.exe is not a file type we accept" in response.content.decode()
    assert not Attachment.objects.exists()


# Triage --------------------------------------------------------------------------------------


def test_triage_through_the_form_into_a_new_project(client_for, programme_office, theme):
    work_request = WorkRequestFactory(
        theme=theme, title="Garden waste permits", state=State.UNDER_REVIEW
    )
    client = client_for(programme_office)
    page = client.get(f"/requests/{work_request.pk}/triage/").content.decode()
    assert 'value="Garden waste permits"' in page
    response = client.post(
        f"/requests/{work_request.pk}/triage/",
        {
            "to_state": "accepted",
            "accept_as": "new",
            "new_title": "Garden waste permits online",
            "new_summary": "",
            "version": "1",
        },
    )
    assert response.status_code == 302
    work_request.refresh_from_db()
    assert work_request.project.title == "Garden waste permits online"
    page = client.get(f"/requests/{work_request.pk}/").content.decode()
    assert "It is now part of the project" in page
    assert f'href="/projects/{work_request.project.slug}/"' in page
    # The project page shows where the project came from.
    project_page = client.get(f"/projects/{work_request.project.slug}/").content.decode()
    assert "Work requests behind this project" in project_page
    assert work_request.reference in project_page


def test_triage_errors_land_on_their_fields(client_for, programme_office, theme):
    work_request = WorkRequestFactory(theme=theme, state=State.UNDER_REVIEW)
    client = client_for(programme_office)
    url = f"/requests/{work_request.pk}/triage/"
    response = client.post(url, {"to_state": "declined", "reason": "", "version": "1"})
    assert response.status_code == 422
    assert (
        '<a href="#id_reason">Give the reason for declining the request'
        in response.content.decode()
    )
    response = client.post(
        url, {"to_state": "duplicate", "duplicate_of": "WR-9999", "version": "1"}
    )
    assert "There is no request WR-9999." in response.content.decode()
    response = client.post(url, {"to_state": "duplicate", "duplicate_of": "nine", "version": "1"})
    assert "Enter the request&#39;s reference, for example WR-0012." in response.content.decode()
    response = client.post(url, {"to_state": "accepted", "accept_as": "existing", "version": "1"})
    assert "Choose the project to link." in response.content.decode()
    response = client.post(url, {"to_state": "submitted", "version": "1"})
    assert "Choose one of the moves listed." in response.content.decode()
    work_request.refresh_from_db()
    assert work_request.state == State.UNDER_REVIEW


def test_a_stale_triage_is_refused_with_409(client_for, programme_office, theme):
    work_request = WorkRequestFactory(theme=theme, state=State.UNDER_REVIEW, version=3)
    response = client_for(programme_office).post(
        f"/requests/{work_request.pk}/triage/",
        {"to_state": "declined", "reason": "No", "version": "2"},
    )
    assert response.status_code == 409
    assert "after you opened it" in response.content.decode()


def test_accepting_into_an_existing_project_from_the_form(
    client_for, programme_office, theme, django_capture_on_commit_callbacks
):
    project = ProjectFactory(title="Waste services online", stage="recruiting")
    work_request = WorkRequestFactory(theme=theme, state=State.UNDER_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(programme_office).post(
            f"/requests/{work_request.pk}/triage/",
            {
                "to_state": "accepted",
                "accept_as": "existing",
                "project": str(project.pk),
                "version": "1",
            },
        )
    assert response.status_code == 302
    work_request.refresh_from_db()
    assert work_request.project == project
    assert len(mail.outbox) == 1


def test_link_project_later(client_for, programme_office, theme):
    work_request = WorkRequestFactory(theme=theme, state=State.ACCEPTED)
    client = client_for(programme_office)
    assert "Give it its project" in client.get(f"/requests/{work_request.pk}/").content.decode()
    response = client.post(
        f"/requests/{work_request.pk}/project/",
        {"accept_as": "new", "new_title": "", "new_summary": "", "version": "1"},
    )
    assert response.status_code == 302
    work_request.refresh_from_db()
    assert work_request.project.title == work_request.title
    assert client.get(f"/requests/{work_request.pk}/project/").status_code == 403


def test_the_csv_download_reads_its_rows_as_it_writes_them(client_for, member, theme):
    """The download of the whole list holds about the same memory for 3 times the rows: the
    rows are read from the database a batch at a time (more than one batch here) and written
    as they come, never held whole. The database's rows come 2,000 at a time, and two
    batches are held while the second is read, so both lists are longer than that; both
    files are longer than a kept page may be, so the copy kept while one streams is dropped
    at the same size in both."""
    from tests.core.test_exports import _peak_streaming

    organisation = OrganisationFactory()
    raised_by = UserFactory(organisation=organisation)
    client = client_for(member)

    def peak_with(total: int) -> int:
        WorkRequest.objects.bulk_create(
            WorkRequest(
                title=f"Request {n}",
                organisation=organisation,
                raised_by=raised_by,
                problem="Paper forms " * 50,
                affected="Residents",
                outcome="Online",
                theme=theme,
                state_changed_at=timezone.now(),
            )  # fmt: skip
            for n in range(WorkRequest.objects.count(), total)
        )
        response = client.get("/requests/?format=csv")
        assert response.streaming
        return _peak_streaming(response)

    small, large = peak_with(4_500), peak_with(13_500)

    assert large < 1.3 * small
