"""One URL the benchmark loads (see ``registry``): its kind sets the latency target, and the
role whose session its requests carry, if any."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

KINDS = ("list", "detail", "dashboard", "export", "bulk", "api", "search")
# The bench users the generator creates, one per role (heartbeat.generator.runner.BENCH_USERS).
ROLES = ("programme_office", "organisation_lead", "project_lead", "board_member", "member")
DEFAULT_ROLE = "programme_office"


@dataclass(frozen=True)
class BenchURL:
    name: str
    path: str | Callable[[], str]
    kind: str
    signed_in: bool = True
    min_rps: float | None = None
    role: str | None = None  # the bench user to load it as; None: the programme office
    # Each request asks for an address no request asked before (a ``fresh=N`` the page
    # ignores), so no kept page answers it: the page is drawn every time, as a search for a
    # word nobody searched since the data last changed is.
    fresh: bool = False

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: kind must be one of {', '.join(KINDS)}.")
        if self.role is not None and self.role not in ROLES:
            raise ValueError(f"{self.name}: role must be one of {', '.join(ROLES)}.")
        if self.role is not None and not self.signed_in:
            raise ValueError(f"{self.name}: a URL loaded as a role is loaded signed in.")

    @property
    def as_role(self) -> str | None:
        """The bench user whose session the requests carry, or None for none."""
        return (self.role or DEFAULT_ROLE) if self.signed_in else None

    @property
    def measured_fresh(self) -> bool:
        """Whether each request asks an address of its own: a search drawn for every request
        (``fresh``), and a whole register, whose time to draw is its target."""
        return self.fresh or self.kind == "bulk"

    def resolve(self) -> str:
        """The path to request; a function's path is looked up in the current database."""
        path = self.path() if callable(self.path) else self.path
        if not path.startswith("/"):
            raise ValueError(f"{self.name}: the path {path!r} must start with /.")
        return path
