"""The roadmap's rules, in one place for the services, the admin and the API alike.

Each check raises ``InvalidInput`` with a message a person can act on, naming the field.
"""

import datetime

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Lower
from django.utils import timezone

from heartbeat.core.exceptions import InvalidInput
from heartbeat.core.formatting import uk_date
from heartbeat.partnership.models import Membership, MembershipStatus, Organisation
from heartbeat.partnership.selectors import current_term_query
from heartbeat.portfolio.models import Project
from heartbeat.roadmap.models import DELIVERED_STATUSES, ProductKind, ProductStatus
from heartbeat.roadmap.quarters import overlaps, quarter_label

# An organisation is a member of the partnership while its decision about the current
# programme term is one of these.
MEMBER_STATUSES = (MembershipStatus.SIGNED_UP, MembershipStatus.COMMITTED_IN_PRINCIPLE)


def member_organisations() -> QuerySet[Organisation]:
    """Active organisations whose decision about the current term makes them members, by
    name; the term is found inside the same query, so counting them costs one query."""
    decision = Membership.objects.filter(
        organisation=OuterRef("pk"),
        term=Subquery(current_term_query().values("pk")),
        status__in=MEMBER_STATUSES,
    )
    return Organisation.objects.filter(Exists(decision), active=True).order_by(Lower("name"), "pk")


def is_member(organisation: Organisation) -> bool:
    return member_organisations().filter(pk=organisation.pk).exists()


def span_text(project: Project) -> str:
    start, end = project.planned_start, project.planned_end
    if start and end:
        return f"from {uk_date(start)} to {uk_date(end)}"
    if start:
        return f"from {uk_date(start)}"
    return f"until {uk_date(end)}"


def check_planned_quarter(quarter: datetime.date | None, project: Project) -> None:
    """A product is planned for a quarter in which its project runs."""
    if quarter is None:
        return
    if not overlaps(quarter, project.planned_start, project.planned_end):
        raise InvalidInput(
            f"{project.title} runs {span_text(project)}: choose a quarter in that time, "
            f"not {quarter_label(quarter)}.",
            code="quarter_outside_project",
            field="planned_quarter",
        )


def check_kind_and_status(kind: str, status: str) -> None:
    if kind not in ProductKind.values:
        raise InvalidInput("Choose the type of product from the list.", field="kind")
    if status not in ProductStatus.values:
        raise InvalidInput(
            "Choose a status: planned, in development, live or retired.", field="status"
        )


def check_delivered(
    status: str, delivered_on: datetime.date | None, today: datetime.date | None = None
) -> None:
    """Delivered products have a delivered date, in the past; others have none yet."""
    today = today or timezone.localdate()
    if status in DELIVERED_STATUSES:
        if delivered_on is None:
            raise InvalidInput(
                f"Enter the date the product was delivered: a {ProductStatus(status).label.lower()}"
                " product has one.",
                code="delivered_date_missing",
                field="delivered_on",
            )
        if delivered_on > today:
            raise InvalidInput(
                f"The delivered date cannot be in the future: enter {uk_date(today)} or "
                "earlier, or keep the product in development until it is delivered.",
                code="delivered_in_future",
                field="delivered_on",
            )
    elif delivered_on is not None:
        raise InvalidInput(
            "A product that is planned or in development has no delivered date yet: clear "
            "the date, or mark the product as live.",
            code="delivered_date_too_soon",
            field="delivered_on",
        )


def check_adopted_on(adopted_on: datetime.date | None, product, today=None) -> None:
    today = today or timezone.localdate()
    if adopted_on is None:
        raise InvalidInput("Enter the date your organisation adopted it.", field="adopted_on")
    if adopted_on > today:
        raise InvalidInput(
            f"The adoption date cannot be in the future: enter {uk_date(today)} or earlier.",
            code="adopted_in_future",
            field="adopted_on",
        )
    if product.delivered_on is not None and adopted_on < product.delivered_on:
        raise InvalidInput(
            f"{product.name} was delivered on {uk_date(product.delivered_on)}: enter that "
            "date or a later one.",
            code="adopted_before_delivery",
            field="adopted_on",
        )
