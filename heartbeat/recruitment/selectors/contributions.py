"""Each organisation's contribution to the programme: pledges and projects joined."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from heartbeat.recruitment.models import JOINED_STATUSES, Participation, ParticipationStatus, Pledge
from heartbeat.recruitment.selectors.figures import TENTH

# Contributions -----------------------------------------------------------------------------


@dataclass
class Contribution:
    organisation_id: int
    name: str
    slug: str
    days_pledged: Decimal
    pledges: int
    projects_joined: int
    projects_interested: int


def contributions() -> list[Contribution]:
    """Each council's active pledges (days, count) and projects joined, plus any other
    organisation that contributes (4 queries)."""
    from heartbeat.partnership.models import Organisation, OrganisationKind

    pledged = {
        row["organisation_id"]: row
        for row in Pledge.objects.active()
        .order_by()
        .values("organisation_id")
        .annotate(days=Sum("total_days"), n=Count("pk"))
    }
    joined: dict[int, int] = defaultdict(int)
    interested: dict[int, int] = defaultdict(int)
    for organisation_id, status, n in (
        Participation.objects.filter(status__in=(*JOINED_STATUSES, ParticipationStatus.INTERESTED))
        .order_by()
        .values_list("organisation_id", "status")
        .annotate(n=Count("pk"))
    ):
        if status == ParticipationStatus.INTERESTED:
            interested[organisation_id] += n
        else:
            joined[organisation_id] += n
    contributing = set(pledged) | set(joined) | set(interested)
    organisations = (
        Organisation.objects.exclude(kind=OrganisationKind.DIGITAL_OFFICE)
        .filter(Q(kind=OrganisationKind.LOCAL_AUTHORITY, active=True) | Q(pk__in=contributing))
        .order_by("name")
        .values_list("pk", "name", "slug")
    )
    return [
        Contribution(
            organisation_id=pk,
            name=name,
            slug=slug,
            days_pledged=Decimal(pledged[pk]["days"] if pk in pledged else 0).quantize(TENTH),
            pledges=pledged[pk]["n"] if pk in pledged else 0,
            projects_joined=joined[pk],
            projects_interested=interested[pk],
        )
        for pk, name, slug in organisations
    ]


CONTRIBUTION_EXPORT_HEADERS = [
    "Organisation",
    "Days pledged",
    "Active pledges",
    "Projects joined",
    "Projects interested in",
]


def contribution_export_rows(rows: list[Contribution]) -> list[list]:
    return [
        [r.name, r.days_pledged, r.pledges, r.projects_joined, r.projects_interested] for r in rows
    ]
