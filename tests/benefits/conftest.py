import datetime

import pytest

from tests.portfolio.factories import ProjectFactory


@pytest.fixture
def project(council, project_lead):
    """A project run by Aberdeen City's project lead, April 2026 to March 2027."""
    return ProjectFactory(
        title="Licence consolidation",
        slug="licence-consolidation",
        lead_organisation=council,
        project_lead=project_lead,
        planned_start=datetime.date(2026, 4, 1),
        planned_end=datetime.date(2027, 3, 31),
    )
