"""The database holds prioritisation's rules too, for two people at the same moment."""

import threading

import pytest
from django.db import connection

from heartbeat.core.exceptions import ApplicationError
from heartbeat.portfolio.models import Stage
from heartbeat.prioritisation import services
from heartbeat.prioritisation.models import Round
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory
from tests.prioritisation.factories import defaults


def _at_once(calls) -> list:
    ready = threading.Barrier(len(calls))
    results: list = []

    def run(call):
        try:
            ready.wait(timeout=10)
            call()
            results.append("done")
        except ApplicationError as error:
            results.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(results)


@pytest.mark.django_db(transaction=True)
def test_two_people_open_a_round_at_the_same_moment():
    """One draft is opened; the other person is told plainly to use it."""
    defaults()
    ProjectFactory(stage=Stage.RECRUITING)
    office = [UserFactory(is_programme_office=True) for _ in range(2)]
    results = _at_once([lambda p=p: services.round_open(actor=p) for p in office])
    assert results == ["done", "draft_open"]
    assert Round.objects.count() == 1
