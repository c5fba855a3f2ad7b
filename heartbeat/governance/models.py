"""Governance: boards and their members, meetings with agenda, papers, minutes, attendance
and actions, the decision log, and the stage gates whose moves need a board's decision."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel
from heartbeat.portfolio.models import Stage

NAME_MAX = 120
ITEM_NUMBER_MAX = 999
REMIT_MAX = 2000
TITLE_MAX = 300
TEXT_MAX = 4000
MINUTES_MAX = 50000
PLACE_MAX = 200
LINK_MAX = 500
PAPER_MAX_BYTES = 20 * 1024 * 1024


def at_most(field: str, length: int, name: str) -> models.CheckConstraint:
    """The database holds long text to the same length as the forms, services and API."""
    return models.CheckConstraint(condition=LessThanOrEqual(Length(field), length), name=name)


# Papers people read in a board pack: documents, spreadsheets, slides and PDFs.
PAPER_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".csv": "text/csv",
    ".txt": "text/plain",
}


class Cadence(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    SIX_WEEKLY = "six_weekly", "Every six weeks"
    BIMONTHLY = "bimonthly", "Every two months"
    QUARTERLY = "quarterly", "Quarterly"
    TWICE_YEARLY = "twice_yearly", "Twice a year"
    AS_NEEDED = "as_needed", "As needed"


class BoardRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    SECRETARY = "secretary", "Secretary"
    MEMBER = "member", "Member"


class Board(TimeStampedModel):
    name = models.CharField(max_length=NAME_MAX, unique=True)
    slug = models.SlugField(max_length=130, unique=True)
    remit = models.TextField(max_length=REMIT_MAX)
    cadence = models.CharField(max_length=20, choices=Cadence.choices, default=Cadence.MONTHLY)
    active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [at_most("remit", REMIT_MAX, "board_remit_length")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:board_detail", args=[self.slug])


class BoardMembershipQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_on__isnull=True)


class BoardMembership(TimeStampedModel):
    """A person's seat on a board, in a role, from one date until they leave."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_memberships"
    )
    role = models.CharField(max_length=20, choices=BoardRole.choices, default=BoardRole.MEMBER)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()
    objects = BoardMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["board__name", "person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "person"],
                condition=Q(ended_on__isnull=True),
                name="boardmembership_one_current_seat",
            ),
            models.UniqueConstraint(
                fields=["board"],
                condition=Q(ended_on__isnull=True, role="chair"),
                name="boardmembership_one_current_chair",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="boardmembership_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(role__in=BoardRole.values), name="boardmembership_role_known"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}, {self.board})"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class Meeting(TimeStampedModel):
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    place = models.CharField(max_length=PLACE_MAX, blank=True)
    link = models.URLField("online meeting link", max_length=LINK_MAX, blank=True)
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    minutes = models.TextField(max_length=MINUTES_MAX, blank=True)
    # Others there besides the board's members: officers presenting, observers.
    others_attending = models.CharField(max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values), name="meeting_status_known"
            ),
            at_most("minutes", MINUTES_MAX, "meeting_minutes_length"),
        ]
        indexes = [models.Index(fields=["board", "starts_at"])]

    def __str__(self):
        return f"{self.board} on {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("governance:meeting_detail", args=[self.pk])


def paper_path(item: "AgendaItem", filename: str) -> str:
    # Stored under a name of our making; the original name is kept in the record.
    return f"governance/papers/{item.meeting_id}/{item.paper_token}{item.paper_extension}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=TITLE_MAX)
    presenter = models.CharField(max_length=150, blank=True)
    summary = models.TextField(max_length=TEXT_MAX, blank=True)
    # Reserved business: the paper and summary are for the board's members only.
    reserved = models.BooleanField(default=False)
    paper = models.FileField(upload_to=paper_path, max_length=255, blank=True)
    paper_name = models.CharField(max_length=200, blank=True)
    paper_type = models.CharField(max_length=100, blank=True)
    paper_size = models.PositiveIntegerField(null=True, blank=True)
    paper_token = models.CharField(max_length=40, blank=True)
    paper_extension = models.CharField(max_length=10, blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["paper_token"])

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(paper_size__isnull=True) | Q(paper_size__lte=PAPER_MAX_BYTES),
                name="agendaitem_paper_size_bounded",
            ),
            models.CheckConstraint(
                condition=Q(order__lte=ITEM_NUMBER_MAX), name="agendaitem_number_bounded"
            ),
            at_most("summary", TEXT_MAX, "agendaitem_summary_length"),
        ]

    def __str__(self):
        return self.title

    @property
    def has_paper(self) -> bool:
        return bool(self.paper)


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once"),
            models.CheckConstraint(
                condition=Q(status__in=AttendanceStatus.values), name="attendance_status_known"
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ActionStatus.OPEN)


class Action(TimeStampedModel):
    """Something a meeting asked someone to do by a date. It is carried forward to each of
    the board's later meetings until it is done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_actions"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=ActionStatus.choices, default="open")
    done_on = models.DateField(null=True, blank=True)
    update = models.CharField("progress note", max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()
    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", done_on__isnull=True)
                | Q(status="done", done_on__isnull=False),
                name="action_done_date_matches_status",
            ),
        ]
        indexes = [models.Index(fields=["owner", "status"])]

    def __str__(self):
        return self.description


class Outcome(models.TextChoices):
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    DEFERRED = "deferred", "Deferred"


# What a decision may be about. One subject at most; a decision about the programme as a
# whole (a budget, a strategy) has none.
SUBJECT_FIELDS = ("project", "product", "work_request")


def one_subject() -> Q:
    """At most one of the subject fields is set."""
    condition = Q()
    for i, first in enumerate(SUBJECT_FIELDS):
        for second in SUBJECT_FIELDS[i + 1 :]:
            condition &= Q(**{f"{first}__isnull": True}) | Q(**{f"{second}__isnull": True})
    return condition


class Decision(TimeStampedModel):
    """An entry of the decision log: what a board decided at a meeting, about what."""

    # The board is the meeting's: a decision is always made at one of its board's meetings.
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    title = models.CharField("what was decided", max_length=TITLE_MAX)
    detail = models.TextField(max_length=TEXT_MAX, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    conditions = models.TextField(max_length=TEXT_MAX, blank=True)
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    product = models.ForeignKey(
        "roadmap.Product",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    # A council's request the board decided about (to endorse, fund or defer it): seen by
    # those who may see the request.
    work_request = models.ForeignKey(
        "work_requests.WorkRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    # A stage-gate decision: the stage the project may move to (approved, say).
    gate_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    # The move this decision made, once made: the move links back as ``gate_decision``.
    transition = models.OneToOneField(
        "portfolio.StageTransition",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gate_decision",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting__starts_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=one_subject(), name="decision_one_subject"),
            models.CheckConstraint(
                condition=Q(gate_stage="") | Q(project__isnull=False),
                name="decision_gate_needs_project",
            ),
            models.CheckConstraint(
                condition=Q(transition__isnull=True) | Q(outcome="approved", gate_stage__gt=""),
                name="decision_move_needs_approval",
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=Outcome.values), name="decision_outcome_known"
            ),
            at_most("detail", TEXT_MAX, "decision_detail_length"),
            at_most("conditions", TEXT_MAX, "decision_conditions_length"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:decision_detail", args=[self.pk])

    @property
    def board(self) -> Board:
        return self.meeting.board

    @property
    def subject(self):
        for name in SUBJECT_FIELDS:
            value = getattr(self, name)
            if value is not None:
                return value
        return None


class StageGate(TimeStampedModel):
    """A stage a project may only move to with a recorded decision of the board that owns
    the gate."""

    stage = models.CharField(max_length=20, choices=Stage.choices, unique=True)
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="gates")
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["stage"]

    def __str__(self):
        return f"{self.get_stage_display()} ({self.board})"
