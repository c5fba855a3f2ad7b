"""NUL bytes and control characters: refused in forms, filters, posted fields and addresses."""

import io

import pytest
from django import forms
from openpyxl import load_workbook

from heartbeat.core.text import (
    ProhibitControlCharactersValidator,
    describe,
    first_unstorable,
    unstorable_in,
)
from tests.factories import UserFactory


@pytest.mark.parametrize(
    "character", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f"]
)
def test_control_characters_are_found(character):
    assert first_unstorable(f"Morag{character} Reid") == character


@pytest.mark.parametrize(
    "text", ["Morag Reid", "Line one\nline two\r\n", "Tab\there", "Gàidhlig ✓"]
)
def test_ordinary_text_tabs_and_new_lines_are_fine(text):
    assert first_unstorable(text) is None


def test_a_character_is_described_so_a_person_can_find_it():
    assert describe("\x00") == "U+0000 (a null character)"
    assert describe("\x1b") == "U+001B (an escape character)"
    assert describe("\x0b") == "U+000B (a control character)"


def test_json_values_are_searched_keys_and_all():
    data = {"title": "ok", "rows": [{"text": "fine"}, {"text": "b\x07d"}], "k\x00": 1}
    assert list(unstorable_in(data)) == [("rows[1].text", "\x07"), ("k\x00", "\x00")]


def test_every_form_text_field_refuses_control_characters():
    field = forms.CharField()
    with pytest.raises(forms.ValidationError) as error:
        field.clean("Housing\x1b repairs")
    assert "U+001B" in str(error.value)
    assert field.clean("Housing repairs\nonline") == "Housing repairs\nonline"
    # Django's own check refuses NUL once, with its own message.
    with pytest.raises(forms.ValidationError) as error:
        field.clean("a\x00b")
    assert error.value.messages == ["Null characters are not allowed."]


def test_the_validator_compares_equal_so_it_is_added_once():
    assert ProhibitControlCharactersValidator() == ProhibitControlCharactersValidator()
    assert forms.CharField.default_validators.count(ProhibitControlCharactersValidator()) == 1


@pytest.mark.django_db
def test_a_profile_form_says_which_character_to_remove(client_for, member):
    response = client_for(member).post(
        "/accounts/profile/edit/", {"full_name": "Morag\x0b Reid", "job_title": "Designer"}
    )
    assert response.status_code in (200, 422)
    html = response.content.decode()
    assert "ds_error-summary" in html
    assert "U+000B" in html
    member.refresh_from_db()
    assert "\x0b" not in member.full_name


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        "/projects/?q=%00",
        "/projects/?q=repairs%1b",
        "/organisations/?kind=%00",
        "/recruitment/needs/?%00=1",
    ],
)
def test_a_nul_or_control_character_in_a_filter_is_a_clear_400_for_a_visitor(client, address):
    response = client.get(address)
    assert response.status_code == 400
    html = response.content.decode()
    assert "cannot be stored" in html
    assert "<h1" in html


@pytest.mark.django_db
def test_a_nul_byte_in_a_posted_hidden_field_is_refused_not_a_server_error(
    client_for, programme_office
):
    response = client_for(programme_office).post(
        "/recruitment/projects/anything/participation/", {"organisation": "fife\x00"}
    )
    assert response.status_code == 400
    assert "U+0000" in response.content.decode()


@pytest.mark.django_db
def test_an_address_with_a_control_character_is_not_found(client):
    assert client.get("/organisations/fi%00fe/").status_code == 404
    assert client.get("/accounts/invitation/abc%00def/").status_code == 404


@pytest.mark.django_db
def test_a_control_character_already_stored_never_stops_an_export(client):
    from tests.portfolio.factories import ProjectFactory

    lead = UserFactory(full_name="Morag\x1b Reid")
    ProjectFactory(title="Housing repairs online", project_lead=lead)
    response = client.get("/projects/", {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert "Morag Reid" in [cell.value for cell in sheet[2]]
    response = client.get("/projects/", {"format": "csv"})
    assert response.status_code == 200
    assert "Morag Reid" in response.getvalue().decode("utf-8-sig")
