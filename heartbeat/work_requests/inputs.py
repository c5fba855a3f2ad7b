"""What a person gives when they raise or change a request: plain data passed to services.

Pages build these from forms, the API from its schemas, the demo loader from its data.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class WorkRequestInput:
    title: str
    problem: str
    affected: str
    outcome: str
    theme_id: int | None
    urgency: str
    benefit_value: Decimal | None = None
    benefit_notes: str = ""


@dataclass
class NewProjectInput:
    """The proposed project an accepted request becomes: the request's content carries over;
    the programme office may change the title and summary, and the theme."""

    title: str = ""
    summary: str = ""
    theme_id: int | None = None
