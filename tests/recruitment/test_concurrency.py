"""Recruitment writes made at the same moment, on two real connections (issue 7, point 11):
each answers with the saved record or a clear refusal, never an IntegrityError or a
duplicate, and every pledge counts."""

import datetime
from decimal import Decimal

import pytest

from heartbeat.core.exceptions import ApplicationError
from heartbeat.portfolio import services as portfolio_services
from heartbeat.portfolio.models import Stage
from heartbeat.recruitment import selectors, services
from heartbeat.recruitment.models import (
    OrganisationCapacity,
    Participation,
    ParticipationStatus,
    Pledge,
    PledgeStatus,
    RequirementMonth,
)
from tests.concurrency import at_once, errors, on_postgresql, values
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ProjectFactory, complete_definition
from tests.recruitment.factories import open_need, pledge_input

pytestmark = [on_postgresql, pytest.mark.django_db(transaction=True)]

D = Decimal
ROUNDS = 4
JULY = datetime.date(2026, 7, 1)


def _codes(results) -> list[str]:
    found = []
    for error in errors(results):
        assert isinstance(error, ApplicationError), f"not a clear refusal: {error!r}"
        found.append(error.code)
    return found


def test_one_council_joining_twice_at_once_makes_one_participation(council, organisation_lead):
    for _ in range(ROUNDS):
        project = ProjectFactory(stage=Stage.RECRUITING)

        def join(project=project):
            return services.participation_set(
                actor=organisation_lead,
                project=project,
                organisation=council,
                status=ParticipationStatus.COMMITTED,
                only_if_new=True,
            )

        results = at_once(join, join)
        assert len(values(results)) == 1
        assert _codes(results) == ["already_participating"]
        assert Participation.objects.filter(project=project).count() == 1


def test_two_councils_joining_at_once_both_join(programme_office):
    for _ in range(ROUNDS):
        project = ProjectFactory(stage=Stage.RECRUITING)
        first, second = OrganisationFactory(), OrganisationFactory()
        results = at_once(
            *(
                lambda organisation=organisation, project=project: services.participation_set(
                    actor=programme_office,
                    project=project,
                    organisation=organisation,
                    status=ParticipationStatus.COMMITTED,
                    only_if_new=True,
                )
                for organisation in (first, second)
            )
        )
        assert errors(results) == []
        assert Participation.objects.filter(project=project).count() == 2


def test_a_council_s_first_two_pledges_at_once_both_count(council, organisation_lead):
    for _ in range(ROUNDS):
        requirement = open_need(people=2, days_per_month=D(4))

        def pledge(label, requirement=requirement):
            return services.pledge_create(
                actor=organisation_lead,
                requirement=requirement,
                organisation=council,
                data=pledge_input(capacity_label=label),
                notify=False,
            )

        results = at_once(lambda: pledge("Developer"), lambda: pledge("Tester"))
        assert errors(results) == []
        # One participation for the council, and both pledges in the stored coverage.
        assert Participation.objects.filter(project=requirement.project).count() == 1
        months = RequirementMonth.objects.filter(requirement=requirement)
        assert {m.pledged_days for m in months} == {D(8)}
        assert selectors.project_coverage(requirement.project).covered == D(48)


def test_two_councils_pledging_to_one_need_at_once_both_count(programme_office):
    for _ in range(ROUNDS):
        requirement = open_need(people=3, days_per_month=D(4))
        councils = [OrganisationFactory(), OrganisationFactory()]
        results = at_once(
            *(
                lambda organisation=organisation, requirement=requirement: services.pledge_create(
                    actor=programme_office,
                    requirement=requirement,
                    organisation=organisation,
                    data=pledge_input(),
                    notify=False,
                )
                for organisation in councils
            )
        )
        assert errors(results) == []
        assert {
            m.pledged_days for m in RequirementMonth.objects.filter(requirement=requirement)
        } == {D(8)}


def test_one_person_pledged_twice_at_once_stays_within_the_month(council, organisation_lead):
    for _ in range(ROUNDS):
        person = UserFactory(organisation=council)
        needs = [open_need(start_month=JULY, end_month=JULY) for _ in range(2)]
        results = at_once(
            *(
                lambda need=need, person=person: services.pledge_create(
                    actor=organisation_lead,
                    requirement=need,
                    organisation=council,
                    data=pledge_input(
                        person_id=person.pk,
                        days_per_month=D(15),
                        start_month=JULY,
                        end_month=JULY,
                    ),
                    notify=False,
                )
                for need in needs
            )
        )
        assert _codes(results) == ["person_over_working_days"]
        assert Pledge.objects.filter(person=person).count() == 1


def test_the_same_person_pledged_to_one_need_twice_at_once_is_pledged_once(
    council, organisation_lead
):
    for _ in range(ROUNDS):
        person = UserFactory(organisation=council)
        requirement = open_need()

        def pledge(requirement=requirement, person=person):
            return services.pledge_create(
                actor=organisation_lead,
                requirement=requirement,
                organisation=council,
                data=pledge_input(person_id=person.pk),
                notify=False,
            )

        results = at_once(pledge, pledge)
        assert _codes(results) in (["already_pledged"], ["person_over_working_days"])
        assert Pledge.objects.filter(person=person, requirement=requirement).count() == 1


def test_a_pledge_made_as_the_project_closes_never_stays_active(
    council, organisation_lead, programme_office
):
    for _ in range(ROUNDS):
        project = complete_definition(ProjectFactory(stage=Stage.IN_DELIVERY))
        requirement = project.resource_requirements.get()
        results = at_once(
            lambda project=project: portfolio_services.project_transition(
                actor=programme_office, project=project, to_stage=Stage.CLOSED
            ),
            lambda requirement=requirement: services.pledge_create(
                actor=organisation_lead,
                requirement=requirement,
                organisation=council,
                data=pledge_input(),
                notify=False,
            ),
        )
        assert set(_codes(results)) <= {"project_closed"}
        assert not Pledge.objects.filter(
            requirement=requirement, status=PledgeStatus.ACTIVE
        ).exists()


def test_two_overlapping_capacity_declarations_at_once_save_one(council, organisation_lead):
    for year in range(2030, 2030 + ROUNDS):

        def declare(days, year=year):
            return services.capacity_declare(
                actor=organisation_lead,
                organisation=council,
                days_per_month=days,
                start_month=datetime.date(year, 4, 1),
                end_month=datetime.date(year + 1, 3, 1),
            )

        results = at_once(lambda: declare(20), lambda: declare(30))
        assert _codes(results) == ["capacity_overlap"]
        assert (
            OrganisationCapacity.objects.filter(
                organisation=council, start_month=datetime.date(year, 4, 1)
            ).count()
            == 1
        )
