"""The skills list as data: what projects can ask for in their resource requirements."""

from ninja import Router, Schema

from heartbeat.skills import selectors

router = Router(tags=["skills"])


class SkillOut(Schema):
    slug: str
    name: str
    family: str


@router.get(
    "/skills",
    response=list[SkillOut],
    summary="Skills projects can ask for",
    description="The active skills the programme office keeps; use a slug in a project's "
    "resource requirements.",
)
def skill_list(request):
    return selectors.active_skill_options()
