"""Work programme writes made at the same moment, on two real connections (issue 7, point
11): never an IntegrityError, never a duplicate."""

import pytest

from heartbeat.core.exceptions import ApplicationError
from heartbeat.portfolio import services
from heartbeat.portfolio.models import Project, Tag
from tests.concurrency import at_once, errors, on_postgresql, values
from tests.portfolio.factories import ThemeFactory, project_input

pytestmark = [on_postgresql, pytest.mark.django_db(transaction=True)]

ROUNDS = 4


def test_two_projects_with_the_same_title_at_once_get_two_addresses(programme_office):
    theme = ThemeFactory()
    for n in range(ROUNDS):
        title = f"Shared telephony {n}"

        def create(title=title, n=n):
            return services.project_create(
                actor=programme_office,
                data=project_input(theme, title=title, tags=[f"Telephony {n}"]),
            )

        results = at_once(create, create)
        assert errors(results) == []
        slugs = sorted(p.slug for p in values(results))
        base = f"shared-telephony-{n}"
        assert slugs == [base, f"{base}-2"]
        assert Tag.objects.filter(slug=f"telephony-{n}").count() == 1


def test_two_projects_asking_for_the_same_address_at_once_get_a_clear_refusal(
    programme_office,
):
    theme = ThemeFactory()
    for n in range(ROUNDS):

        def create(n=n):
            return services.project_create(
                actor=programme_office,
                data=project_input(theme, title=f"Telephony {n}", slug=f"telephony-{n}"),
            )

        results = at_once(create, create)
        assert len(values(results)) == 1
        (error,) = errors(results)
        assert isinstance(error, ApplicationError)
        assert (error.code, error.field) == ("slug_taken", "slug")
        assert Project.objects.filter(slug=f"telephony-{n}").count() == 1
