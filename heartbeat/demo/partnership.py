"""Load the partnership's demo data (see ``heartbeat.demo.loader``)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from heartbeat.accounts.models import ROLE_FIELDS
from heartbeat.demo.data import partnership as demo_data
from heartbeat.partnership import services
from heartbeat.partnership.models import MembershipStatus, Organisation, OrganisationKind


def _organisation(data: dict) -> Organisation:
    """Create the organisation, or bring it in line with ``data``; keyed on its slug."""
    values = {
        "name": data["name"],
        "official_name": data["official_name"],
        "slug": data.get("slug") or slugify(data["name"]),
        "short_code": data.get("short_code", ""),
        "gss_code": data.get("gss_code", ""),
        "kind": data.get("kind", OrganisationKind.LOCAL_AUTHORITY),
        "website": data.get("website", ""),
        "active": True,
    }
    existing = Organisation.objects.filter(slug=values["slug"]).first()
    if existing is None:
        return services.organisation_create(actor=None, **values)
    return services.organisation_update(actor=None, organisation=existing, data=values)


def _person(data: dict, organisation: Organisation, password: str):
    """Create the demo person, or bring them in line with ``data``; keyed on their email."""
    User = get_user_model()
    flags = {field: role in data["roles"] for role, field in ROLE_FIELDS.items()}
    values = {
        "full_name": data["full_name"],
        "job_title": data["job_title"],
        "organisation": organisation,
        "is_active": True,
        **flags,
    }
    user = User.objects.filter(email=data["email"]).first()
    if user is None:
        user = User(email=data["email"], **values)
        user.set_password(password)
        user.save()
        return user
    changed = [name for name, value in values.items() if getattr(user, name) != value]
    for name in changed:
        setattr(user, name, values[name])
    if not user.check_password(password):
        user.set_password(password)
        changed.append("password")
    if changed:
        user.save()
    return user


def _extension_date(index: int) -> datetime.date:
    # A few councils a week over the summer of 2019.
    return demo_data.EXTENSION_FIRST_DATE + datetime.timedelta(days=7 * (index // 4))


def load(context) -> None:
    organisations = {}
    for data in [*demo_data.COUNCILS, demo_data.DIGITAL_OFFICE, *demo_data.PARTNERS]:
        organisation = _organisation(data)
        organisations[organisation.name] = organisation

    first = services.programme_term_set(actor=None, **demo_data.FIRST_TERM)
    extension = services.programme_term_set(actor=None, **demo_data.EXTENSION_TERM)
    # Illustrative terms after the extension, up to the one that includes today.
    later_terms = [
        services.programme_term_set(actor=None, **data) for data in demo_data.LATER_TERMS
    ]

    later = {name: (date, note) for name, date, note in demo_data.LATER_JOINERS}
    for index, council in enumerate(demo_data.COUNCILS):
        organisation = organisations[council["name"]]
        date, note = later.get(
            council["name"], (demo_data.PARTNERSHIP_LAUNCH, demo_data.LAUNCH_NOTE)
        )
        services.membership_set(
            actor=None,
            organisation=organisation,
            term=first,
            status=MembershipStatus.SIGNED_UP,
            date=date,
            note=note,
        )
        services.membership_set(
            actor=None,
            organisation=organisation,
            term=extension,
            status=MembershipStatus.COMMITTED_IN_PRINCIPLE,
            date=_extension_date(index),
            note=demo_data.EXTENSION_NOTE,
        )
        for term in later_terms:
            status, note = demo_data.LATER_TERM_EXCEPTIONS.get(term.slug, {}).get(
                council["name"], (MembershipStatus.SIGNED_UP, demo_data.LATER_TERM_NOTE)
            )
            services.membership_set(
                actor=None,
                organisation=organisation,
                term=term,
                status=status,
                # A few councils a week after the first committee meetings.
                date=demo_data.LATER_TERM_FIRST_DATES[term.slug]
                + datetime.timedelta(days=7 * (index // 6)),
                note=note,
            )

    context.people.update(p["email"] for p in [*demo_data.DEMO_PEOPLE, *demo_data.EXTRA_PEOPLE])
    for data in demo_data.DEMO_PEOPLE:
        _person(data, organisations[data["organisation"]], context.password)
        context.add_account(
            email=data["email"],
            full_name=data["full_name"],
            role=data["role_label"],
            organisation=data["organisation"],
        )
    for data in demo_data.EXTRA_PEOPLE:
        _person(data, organisations[data["organisation"]], context.password)

    councils = len(demo_data.COUNCILS)
    terms = 2 + len(later_terms)
    context.summary.append(
        f"Partnership: {len(organisations)} organisations ({councils} councils), "
        f"{terms} programme terms ({len(later_terms)} illustrative), "
        f"{councils * terms} membership decisions, "
        f"{len(demo_data.DEMO_PEOPLE) + len(demo_data.EXTRA_PEOPLE)} people."
    )
