"""Where my council can help: open needs matching an organisation's skills."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from heartbeat.portfolio.models import ResourceRequirement
from heartbeat.recruitment.models import Pledge
from heartbeat.recruitment.selectors.needs import NeedFilters, open_needs
from heartbeat.skills.models import UserSkill

# Where my council can help ----------------------------------------------------------------


@dataclass
class HelpMatch:
    need: ResourceRequirement
    people: list[UserSkill] = field(default_factory=list)
    pledged_before: bool = False
    pledged_here: bool = False


def matching_skill_ids(organisation) -> tuple[dict[int, list[UserSkill]], set[int]]:
    """Skills of the organisation's people, and skills it has pledged before (2 queries)."""
    people: dict[int, list[UserSkill]] = defaultdict(list)
    for user_skill in UserSkill.objects.filter(
        user__organisation=organisation, user__is_active=True, skill__active=True
    ).select_related("user", "skill"):
        people[user_skill.skill_id].append(user_skill)
    pledged = set(
        Pledge.objects.filter(organisation=organisation).values_list("skill_id", flat=True)
    )
    return people, pledged


def where_to_help(user, organisation, filters: NeedFilters | None = None, *, today=None):
    """Open needs matching the skills of the organisation's people or its past pledges:
    (needs, people's skills by skill id, skill ids pledged before) (3 queries)."""
    people, pledged = matching_skill_ids(organisation)
    needs = open_needs(user, filters, today=today, skill_ids=set(people) | pledged)
    return needs, people, pledged


def help_matches(organisation, needs, people, pledged) -> list[HelpMatch]:
    """Why each need on a page matches, and whether the organisation pledges to it (1 query)."""
    needs = list(needs)
    here = set(
        Pledge.objects.active()
        .filter(organisation=organisation, requirement__in=[n.pk for n in needs])
        .values_list("requirement_id", flat=True)
    )
    return [
        HelpMatch(
            need=n,
            people=people.get(n.skill_id, []),
            pledged_before=n.skill_id in pledged,
            pledged_here=n.pk in here,
        )
        for n in needs
    ]
