"""What people give when they record governance: plain data passed to the services.

Pages build these from forms, the API from its schemas, the demo loader from its data.
"""

import datetime
from dataclasses import dataclass


@dataclass
class BoardInput:
    name: str
    remit: str
    cadence: str
    active: bool = True


@dataclass
class MeetingInput:
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None = None
    place: str = ""
    link: str = ""
    status: str = "scheduled"
    minutes: str = ""
    others_attending: str = ""


@dataclass
class AgendaItemInput:
    title: str
    presenter: str = ""
    summary: str = ""
    reserved: bool = False
    order: int | None = None  # None: after the last item


@dataclass
class ActionInput:
    description: str
    owner_id: int | None
    due_on: datetime.date | None


@dataclass
class DecisionInput:
    title: str
    outcome: str
    detail: str = ""
    conditions: str = ""
    project_id: int | None = None
    product_id: int | None = None
    work_request_id: int | None = None
    # A stage-gate decision names the stage it lets the project move to (e.g. "approved").
    gate_stage: str = ""
