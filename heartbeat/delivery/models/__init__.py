"""Delivery: heartbeat updates, milestones, the RAID log, reminders and board reports."""

from heartbeat.delivery.models.bounds import (
    DESCRIPTION_MAX,
    LONG_TEXT_MAX,
    MAX_ESCALATE_AFTER_DAYS,
    NAME_MAX,
    OWNER_MAX,
    REASON_MAX,
    SUMMARY_MAX,
    USER,
)
from heartbeat.delivery.models.milestones import (
    OPEN_MILESTONE_STATUSES,
    Milestone,
    MilestoneChange,
    MilestoneStatus,
)
from heartbeat.delivery.models.notices import (
    HighlightReport,
    NoticeKind,
    OverdueNotice,
    ReportStatus,
)
from heartbeat.delivery.models.raid import (
    RAID_PREFIX,
    Priority,
    Proximity,
    RaidItem,
    RaidKind,
    RaidQuerySet,
    RaidStatus,
)
from heartbeat.delivery.models.settings import DeliverySettings, ProjectCadence
from heartbeat.delivery.models.updates import HeartbeatUpdate, UpdateQuerySet, UpdateStatus

__all__ = [
    "DESCRIPTION_MAX",
    "LONG_TEXT_MAX",
    "MAX_ESCALATE_AFTER_DAYS",
    "NAME_MAX",
    "OPEN_MILESTONE_STATUSES",
    "OWNER_MAX",
    "RAID_PREFIX",
    "REASON_MAX",
    "SUMMARY_MAX",
    "USER",
    "DeliverySettings",
    "HeartbeatUpdate",
    "HighlightReport",
    "Milestone",
    "MilestoneChange",
    "MilestoneStatus",
    "NoticeKind",
    "OverdueNotice",
    "Priority",
    "ProjectCadence",
    "Proximity",
    "RaidItem",
    "RaidKind",
    "RaidQuerySet",
    "RaidStatus",
    "ReportStatus",
    "UpdateQuerySet",
    "UpdateStatus",
]
