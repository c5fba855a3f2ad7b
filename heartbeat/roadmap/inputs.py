"""What a person gives when they change a product: plain data passed to the services.

Pages build it from forms, the API from its schemas, the demo loader from its data.
"""

import datetime
from dataclasses import dataclass


@dataclass
class ProductInput:
    name: str
    kind: str
    status: str
    summary: str = ""
    planned_quarter: datetime.date | None = None  # any day: stored as its quarter's first day
    delivered_on: datetime.date | None = None
    owner_id: int | None = None
    link: str = ""
