"""The demo's programme terms run up to one that includes today, and say which are invented."""

import datetime

import pytest

from heartbeat.partnership.models import Membership, ProgrammeTerm
from heartbeat.partnership.selectors import current_term
from tests.demo.test_loader import run_demo

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 3)


def test_the_terms_after_the_extension_reach_today_and_say_they_are_illustrative():
    run_demo()
    terms = list(ProgrammeTerm.objects.order_by("start"))
    assert [t.slug for t in terms] == [
        "2016-to-2019",
        "extension-2019-to-2021",
        "2021-to-2024",
        "2024-to-2027",
    ]
    # No gap and no overlap between one term and the next.
    for before, after in zip(terms, terms[1:], strict=False):
        assert after.start == before.end + datetime.timedelta(days=1)
    current = current_term(TODAY)
    assert current.slug == "2024-to-2027"
    assert current.start <= TODAY <= current.end
    for term in terms[2:]:
        assert "illustrative" in term.name.lower()
        assert "Illustrative" in term.description
        notes = set(Membership.objects.filter(term=term).values_list("note", flat=True))
        assert all(note.startswith("Illustrative") for note in notes)
    assert Membership.objects.filter(term=current).count() == 32


def test_the_organisations_page_shows_the_current_term(client):
    run_demo()
    html = client.get("/organisations/").content.decode()
    assert "Status in 2024 to 2027 (illustrative)" in html
