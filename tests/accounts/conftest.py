import pytest

from heartbeat.portfolio.models import Stage
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.recruitment.factories import make_pledge


@pytest.fixture
def pledge_for(programme_office):
    """Pledge a person of a council to a need of a recruiting project, as the programme
    office; returns the pledge."""

    def _pledge(person, **overrides):
        project = ProjectFactory(
            stage=Stage.RECRUITING, title=overrides.pop("title", None) or "Telecare"
        )
        requirement = ResourceRequirementFactory(project=project)
        return make_pledge(
            requirement,
            person.organisation,
            programme_office,
            person_id=person.pk,
            **overrides,
        )

    return _pledge
