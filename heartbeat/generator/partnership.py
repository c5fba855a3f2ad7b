"""Synthetic organisations, programme terms, memberships and people for ``heartbeat generate``.

Scale 1 is the real partnership's size: 32 councils, 2 national bodies, 3 partners and the
Digital Office, 2 programme terms and about 10 people per organisation. Scale N has N times
as many of each (one Digital Office). Names are synthetic but read like the real thing,
such as "Glenmore 17" (official name "Glenmore Council 17"), so nobody mistakes generated
data for a real council's.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.db.models import Q
from django.test.utils import override_settings
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from heartbeat.accounts.models import ApiToken, Invitation, User
from heartbeat.generator.runner import BATCH_SIZE, BENCH_PASSWORD, BENCH_USERS
from heartbeat.partnership.models import (
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    ProgrammeTerm,
)

CHANGE_REASON = "Generated synthetic data"

COUNCILS_PER_SCALE = 32
NATIONAL_BODIES_PER_SCALE = 2
PARTNERS_PER_SCALE = 3
TERMS_PER_SCALE = 2
PEOPLE_PER_ORGANISATION = (6, 14)  # about 10 on average

PLACE_STARTS = [
    "Glen",
    "Strath",
    "Inver",
    "Kil",
    "Auch",
    "Dun",
    "Ard",
    "Bal",
    "Loch",
    "Craig",
    "Kin",
    "Aber",
    "Tay",
    "Ben",
    "Cul",
    "Drum",
]
PLACE_ENDS = [
    "more",
    "ford",
    "ness",
    "burn",
    "dale",
    "haven",
    "muir",
    "brae",
    "field",
    "ton",
    "side",
    "lochy",
    "garry",
    "leven",
]
NATIONAL_BODY_NAMES = [
    "Housing Agency",
    "Care Inspectorate",
    "Skills Board",
    "Water Authority",
    "Records Office",
    "Transport Agency",
]
PARTNER_NAMES = ["University", "College", "Digital Cooperative", "Health Partnership"]
FIRST_NAMES = [
    "Aileen",
    "Alasdair",
    "Catriona",
    "Callum",
    "Eilidh",
    "Euan",
    "Fiona",
    "Fraser",
    "Iona",
    "Hamish",
    "Isla",
    "Lachlan",
    "Morag",
    "Niall",
    "Rhona",
    "Ruaridh",
    "Shona",
    "Struan",
    "Kirsty",
    "Duncan",
    "Mhairi",
    "Gregor",
    "Ailsa",
    "Ewan",
]
LAST_NAMES = [
    "MacDonald",
    "Campbell",
    "Stewart",
    "Robertson",
    "Thomson",
    "Anderson",
    "Murray",
    "Paterson",
    "Fraser",
    "Grant",
    "Ross",
    "Munro",
    "Sinclair",
    "Douglas",
    "Kerr",
    "Baird",
    "Lindsay",
    "Ferguson",
    "Wallace",
    "Cameron",
]
JOB_TITLES = [
    "Digital Lead",
    "Service Designer",
    "Business Analyst",
    "Delivery Manager",
    "Product Owner",
    "Data Analyst",
    "Enterprise Architect",
    "Head of ICT",
    "User Researcher",
    "Developer",
]
MEMBERSHIP_WEIGHTS = {
    MembershipStatus.SIGNED_UP: 80,
    MembershipStatus.COMMITTED_IN_PRINCIPLE: 10,
    MembershipStatus.DECLINED: 7,
    MembershipStatus.LEFT: 3,
}
# How likely an organisation of each kind is to have a membership record for a term.
MEMBERSHIP_CHANCE = {
    OrganisationKind.LOCAL_AUTHORITY: 0.95,
    OrganisationKind.NATIONAL_BODY: 0.6,
    OrganisationKind.PARTNER: 0.4,
    OrganisationKind.DIGITAL_OFFICE: 0.0,
}
FIRST_TERM_START = datetime.date(2016, 10, 1)


def generate(scale: int, rng: random.Random, stdout) -> dict[str, int]:
    """Create organisations, terms, memberships and people for ``scale``."""
    organisations = _organisations(scale, rng)
    terms = _terms(scale)
    memberships = _memberships(organisations, terms, rng)
    people = _people(organisations, rng)
    return {
        "organisations": len(organisations),
        "programme terms": len(terms),
        "memberships": len(memberships),
        "people": len(people),
    }


def flush(stdout) -> None:
    """Delete the partnership's records and the people who belong to organisations."""
    # History of deleting generated rows is noise; the generated history goes too.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        ApiToken.objects.all().delete()
        Invitation.objects.all().delete()
        User.objects.filter(
            Q(organisation__isnull=False) | Q(email__in=BENCH_USERS.values())
        ).delete()
        Membership.objects.all().delete()
        Organisation.objects.all().delete()
        ProgrammeTerm.objects.all().delete()
    User.history.exclude(id__in=User.objects.values("id")).delete()
    for model in (Membership, Organisation, ProgrammeTerm):
        model.history.all().delete()


def _place(rng: random.Random) -> str:
    return rng.choice(PLACE_STARTS) + rng.choice(PLACE_ENDS)


def _organisations(scale: int, rng: random.Random) -> list[Organisation]:
    organisations = [
        Organisation(
            name="Digital Office",
            official_name="Digital Office for Scottish Local Government",
            slug="digital-office",
            short_code="DO",
            kind=OrganisationKind.DIGITAL_OFFICE,
            website="https://digital-office.example.org",
        )
    ]
    number = 0
    plan = [
        (OrganisationKind.LOCAL_AUTHORITY, COUNCILS_PER_SCALE * scale),
        (OrganisationKind.NATIONAL_BODY, NATIONAL_BODIES_PER_SCALE * scale),
        (OrganisationKind.PARTNER, PARTNERS_PER_SCALE * scale),
    ]
    for kind, how_many in plan:
        for _ in range(how_many):
            number += 1
            place = _place(rng)
            if kind == OrganisationKind.LOCAL_AUTHORITY:
                name = f"{place} {number}"
                official_name = f"{place} Council {number}"
                gss_code = f"S13{number:06d}"
            elif kind == OrganisationKind.NATIONAL_BODY:
                name = f"{rng.choice(NATIONAL_BODY_NAMES)} {number}"
                official_name = f"Scottish {name}"
                gss_code = ""
            else:
                name = f"{place} {rng.choice(PARTNER_NAMES)} {number}"
                official_name = name
                gss_code = ""
            slug = slugify(name)
            organisations.append(
                Organisation(
                    name=name,
                    official_name=official_name,
                    slug=slug,
                    short_code=f"{place[:3].upper()}{number}",
                    gss_code=gss_code,
                    kind=kind,
                    website=f"https://www.{slug}.example.org",
                    active=rng.random() > 0.02,
                )
            )
    return bulk_create_with_history(
        organisations, Organisation, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )


def _terms(scale: int) -> list[ProgrammeTerm]:
    terms = []
    start = FIRST_TERM_START
    for number in range(1, TERMS_PER_SCALE * scale + 1):
        years = 3 if number == 1 else 2
        end = start.replace(year=start.year + years) - datetime.timedelta(days=1)
        name = f"Term {number}: {start.year} to {end.year}"
        terms.append(
            ProgrammeTerm(
                name=name,
                slug=slugify(name),
                start=start,
                end=end,
                description=(
                    "The founding agreement." if number == 1 else "An extension of the programme."
                ),
            )
        )
        start = end + datetime.timedelta(days=1)
    return bulk_create_with_history(
        terms, ProgrammeTerm, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )


def _memberships(
    organisations: list[Organisation], terms: list[ProgrammeTerm], rng: random.Random
) -> list[Membership]:
    statuses = list(MEMBERSHIP_WEIGHTS)
    weights = list(MEMBERSHIP_WEIGHTS.values())
    memberships = []
    for organisation in organisations:
        # Each organisation decides on one pair of consecutive terms (at scale 1, the only
        # pair), so memberships grow in proportion to organisations rather than as a square.
        first = rng.randrange(0, len(terms), TERMS_PER_SCALE)
        for term in terms[first : first + TERMS_PER_SCALE]:
            if rng.random() >= MEMBERSHIP_CHANCE[organisation.kind]:
                continue
            memberships.append(
                Membership(
                    organisation=organisation,
                    term=term,
                    status=rng.choices(statuses, weights)[0],
                    date=term.start - datetime.timedelta(days=rng.randint(0, 180)),
                )
            )
    return bulk_create_with_history(
        memberships, Membership, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )


def _people(organisations: list[Organisation], rng: random.Random) -> list[User]:
    password = make_password(BENCH_PASSWORD)  # hashing is slow: hash once, share the hash
    office = organisations[0]
    first_council = next(o for o in organisations if o.kind == OrganisationKind.LOCAL_AUTHORITY)
    people = [
        User(
            email=email,
            full_name=f"Bench {role.replace('_', ' ').title()}",
            job_title="Benchmark account",
            organisation=office if role == "programme_office" else first_council,
            is_programme_office=role == "programme_office",
            is_organisation_lead=role == "organisation_lead",
            is_project_lead=role == "project_lead",
            is_board_member=role == "board_member",
            password=password,
        )
        for role, email in BENCH_USERS.items()
    ]
    number = 0
    for organisation in organisations:
        domain = f"{organisation.slug}.example.org"
        for index in range(rng.randint(*PEOPLE_PER_ORGANISATION)):
            number += 1
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            is_office = organisation.kind == OrganisationKind.DIGITAL_OFFICE
            people.append(
                User(
                    email=f"{first}.{last}.{number}@{domain}".lower(),
                    full_name=f"{first} {last}",
                    job_title=rng.choice(JOB_TITLES),
                    organisation=organisation,
                    is_programme_office=is_office,
                    is_organisation_lead=index == 0 and not is_office,
                    is_project_lead=rng.random() < 0.15,
                    is_board_member=rng.random() < 0.05,
                    is_active=rng.random() > 0.03,
                    password=password,
                )
            )
    return bulk_create_with_history(
        people, User, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )
