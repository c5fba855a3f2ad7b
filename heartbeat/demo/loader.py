"""Demo data: a registry of loaders, each app contributing one, run by ``heartbeat demo``.

A loader is a function ``load(context: DemoContext) -> None`` named by dotted path in
``DEMO_LOADERS``. Loaders run in order inside one transaction, so a later one can use what an
earlier one made (portfolio needs the organisations and people). Each must be idempotent:
write with services, keyed on natural keys, so running the command again changes nothing.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.module_loading import import_string

# Everyone the demo creates signs in with this password. Demo data is for trying Heartbeat
# out on a laptop, never for a shared server.
DEMO_PASSWORD = "heartbeat-demo-2026"  # noqa: S105

DEMO_LOADERS: list[str] = [
    "heartbeat.demo.partnership.load",
    "heartbeat.demo.skills.load",
    "heartbeat.demo.portfolio.load",
    "heartbeat.demo.recruitment.load",
    "heartbeat.demo.work_requests.load",
    "heartbeat.demo.prioritisation.load",
    "heartbeat.demo.delivery.load",
    "heartbeat.demo.benefits.load",
    "heartbeat.demo.roadmap.load",
    "heartbeat.demo.governance.load",
    "heartbeat.demo.engagement.load",
]


@dataclass
class DemoAccount:
    email: str
    full_name: str
    role: str
    organisation: str


@dataclass
class DemoContext:
    password: str = DEMO_PASSWORD
    accounts: list[DemoAccount] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    # The email of every person the loaders make or keep, so all of them share ``password``.
    people: set[str] = field(default_factory=set)

    def add_account(self, *, email: str, full_name: str, role: str, organisation: str) -> None:
        """List an account in the sign-in table the command prints."""
        self.accounts.append(
            DemoAccount(email=email, full_name=full_name, role=role, organisation=organisation)
        )


def load_demo(
    loaders: list[str] | None = None, *, dry_run: bool = False, password: str = DEMO_PASSWORD
) -> DemoContext:
    """Run every demo loader in order, all or nothing; with ``dry_run``, roll it all back.

    Every demo person signs in with ``password``: the published one on a laptop, or (on a
    server, see the ``demo`` command) a random one that replaces it on every demo account.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    context = DemoContext(password=password)
    with transaction.atomic():
        for path in DEMO_LOADERS if loaders is None else loaders:
            import_string(path)(context)
        if password != DEMO_PASSWORD and context.people:
            # No demo account keeps the published password, whoever made it and when.
            get_user_model().objects.filter(email__in=context.people).update(
                password=make_password(password)
            )
        if dry_run:
            transaction.set_rollback(True)
    return context
