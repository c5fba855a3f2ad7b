import datetime

import pytest
from django.core.management import call_command

from heartbeat.accounts.models import User
from heartbeat.demo import loader as demo
from heartbeat.demo.data import partnership as demo_data
from heartbeat.partnership.models import Membership, MembershipStatus, Organisation, ProgrammeTerm

pytestmark = pytest.mark.django_db

# The current council-area codes, checked against the Scottish register of geographic codes.
EXPECTED_CODES = {
    "S12000005": "Clackmannanshire",
    "S12000006": "Dumfries and Galloway",
    "S12000008": "East Ayrshire",
    "S12000010": "East Lothian",
    "S12000011": "East Renfrewshire",
    "S12000013": "Na h-Eileanan Siar",
    "S12000014": "Falkirk",
    "S12000017": "Highland",
    "S12000018": "Inverclyde",
    "S12000019": "Midlothian",
    "S12000020": "Moray",
    "S12000021": "North Ayrshire",
    "S12000023": "Orkney Islands",
    "S12000026": "Scottish Borders",
    "S12000027": "Shetland Islands",
    "S12000028": "South Ayrshire",
    "S12000029": "South Lanarkshire",
    "S12000030": "Stirling",
    "S12000033": "Aberdeen City",
    "S12000034": "Aberdeenshire",
    "S12000035": "Argyll and Bute",
    "S12000036": "City of Edinburgh",
    "S12000038": "Renfrewshire",
    "S12000039": "West Dunbartonshire",
    "S12000040": "West Lothian",
    "S12000041": "Angus",
    "S12000042": "Dundee City",
    "S12000045": "East Dunbartonshire",
    "S12000047": "Fife",
    "S12000048": "Perth and Kinross",
    "S12000049": "Glasgow City",
    "S12000050": "North Lanarkshire",
}


def record_counts() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "organisation history": Organisation.history.count(),
        "terms": ProgrammeTerm.objects.count(),
        "term history": ProgrammeTerm.history.count(),
        "memberships": Membership.objects.count(),
        "membership history": Membership.history.count(),
        "users": User.objects.count(),
        "user history": User.history.count(),
    }


def run_demo(*args) -> str:
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("demo", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_demo_refuses_to_run_with_debug_off(settings):
    from django.core.management import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="i-know-this-is-not-production"):
        run_demo()
    assert Organisation.objects.count() == 0
    assert User.objects.count() == 0


def test_off_a_laptop_the_demo_accounts_get_a_random_password_printed_once(settings):
    run_demo()  # the published password first, as a laptop would have it
    settings.DEBUG = False

    out = run_demo("--i-know-this-is-not-production")

    assert demo.DEMO_PASSWORD not in out
    password = next(
        line.rpartition(": ")[2]
        for line in out.splitlines()
        if line.startswith("Every demo account's password is:")
    )
    assert len(password) >= 20
    assert "shown this once" in out
    people = User.objects.filter(email__endswith=".example")
    assert people.count() >= 10
    for person in people:
        assert person.check_password(password)
        assert not person.check_password(demo.DEMO_PASSWORD)
    # A second run gives another password.
    again = run_demo("--i-know-this-is-not-production")
    assert password not in again


def test_demo_loads_the_real_councils_with_their_codes():
    run_demo()
    councils = Organisation.objects.local_authorities()
    assert {o.gss_code: o.name for o in councils} == EXPECTED_CODES
    western_isles = Organisation.objects.get(gss_code="S12000013")
    assert western_isles.official_name == "Comhairle nan Eilean Siar"
    aberdeen = Organisation.objects.get(gss_code="S12000033")
    assert aberdeen.official_name == "Aberdeen City Council"
    assert aberdeen.website == "https://www.aberdeencity.gov.uk"
    assert all(o.website.startswith("https://www.") for o in councils)
    office = Organisation.objects.get(kind="digital_office")
    assert office.official_name == "Digital Office for Scottish Local Government"
    assert set(
        Organisation.objects.filter(kind__in=["national_body", "partner"]).values_list(
            "name", flat=True
        )
    ) == {"COSLA", "Improvement Service", "Scottish Government", "SOCITM Scotland"}


def test_demo_terms_and_memberships_follow_the_partnership():
    run_demo()
    first = ProgrammeTerm.objects.get(name="2016 to 2019")
    assert (first.start, first.end) == (datetime.date(2016, 10, 1), datetime.date(2019, 9, 30))
    extension = ProgrammeTerm.objects.get(name="Extension 2019 to 2021")
    assert (extension.start, extension.end) == (
        datetime.date(2019, 10, 1),
        datetime.date(2021, 9, 30),
    )
    signed = Membership.objects.filter(term=first, status=MembershipStatus.SIGNED_UP)
    assert signed.count() == 32
    at_launch = signed.filter(date=datetime.date(2016, 10, 1))
    assert at_launch.count() == 25
    later = signed.exclude(date=datetime.date(2016, 10, 1))
    assert later.count() == 7
    assert all(2017 <= m.date.year <= 2018 and m.note for m in later)
    assert (
        Membership.objects.filter(
            term=extension, status=MembershipStatus.COMMITTED_IN_PRINCIPLE
        ).count()
        == 32
    )


def test_demo_people_can_sign_in_with_the_shared_password(client):
    run_demo()
    expected = {
        "programme.office@digital-office.example": ("Digital Office", "is_programme_office"),
        "organisation.lead@fife.example": ("Fife", "is_organisation_lead"),
        "project.lead@aberdeencity.example": ("Aberdeen City", "is_project_lead"),
        "board.member@dundeecity.example": ("Dundee City", "is_board_member"),
    }
    for email, (organisation, flag) in expected.items():
        user = User.objects.get(email=email)
        assert user.organisation.name == organisation
        assert getattr(user, flag) is True
        assert user.check_password(demo.DEMO_PASSWORD)
    member = User.objects.get(email="member@highland.example")
    assert member.roles == []
    assert member.organisation.name == "Highland"
    assert User.objects.filter(organisation__name="Fife").count() >= 3
    response = client.post(
        "/accounts/sign-in/",
        {"username": "organisation.lead@fife.example", "password": demo.DEMO_PASSWORD},
    )
    assert response.status_code == 302
    page = client.get("/organisations/fife/").content.decode()
    assert 'id="people-table"' in page
    assert "Ailsa Murray" in page


def test_running_the_demo_twice_duplicates_nothing():
    run_demo()
    first = record_counts()
    run_demo()
    assert record_counts() == first
    assert first["organisations"] == 37
    # 32 councils' decisions about four terms (two of them illustrative).
    assert first["memberships"] == 128


def test_demo_repairs_what_was_changed_since():
    run_demo()
    fife = Organisation.objects.get(gss_code="S12000047")
    Organisation.objects.filter(pk=fife.pk).update(website="https://example.org")
    lead = User.objects.get(email="organisation.lead@fife.example")
    lead.set_password("something-else-entirely")
    lead.save()
    run_demo()
    fife.refresh_from_db()
    lead.refresh_from_db()
    assert fife.website == "https://www.fife.gov.uk"
    assert lead.check_password(demo.DEMO_PASSWORD)


def test_demo_prints_the_sign_in_accounts():
    out = run_demo()
    assert "http://127.0.0.1:8000/accounts/sign-in/" in out
    assert demo.DEMO_PASSWORD in out
    for person in demo_data.DEMO_PEOPLE:
        line = next(line for line in out.splitlines() if person["email"] in line)
        assert person["role_label"] in line
        assert person["organisation"] in line


def test_the_partnership_loader_is_registered_first():
    assert demo.DEMO_LOADERS[0] == "heartbeat.demo.partnership.load"


def _failing_loader(context):
    raise RuntimeError("a later loader broke")


def test_loaders_run_in_one_transaction():
    with pytest.raises(RuntimeError):
        demo.load_demo(
            ["heartbeat.demo.partnership.load", "tests.demo.test_loader._failing_loader"]
        )
    assert Organisation.objects.count() == 0
    assert User.objects.count() == 0


def _counting_loader(context):
    context.summary.append(f"Saw {Organisation.objects.count()} organisations.")


def test_later_loaders_see_what_earlier_ones_made():
    context = demo.load_demo(
        ["heartbeat.demo.partnership.load", "tests.demo.test_loader._counting_loader"]
    )
    assert "Saw 37 organisations." in context.summary
    assert [account.role for account in context.accounts] == [
        "Programme office",
        "Organisation lead",
        "Project lead",
        "Board member",
        "Member",
    ]


def test_a_dry_run_saves_nothing():
    from io import StringIO

    out = StringIO()
    call_command("demo", "--dry-run", stdout=out, stderr=StringIO())
    assert "Dry run: nothing was saved." in out.getvalue()
    assert "Partnership: 37 organisations" in out.getvalue()
    assert Organisation.objects.count() == 0
    assert User.objects.count() == 0
