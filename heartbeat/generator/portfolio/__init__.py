"""Synthetic projects for ``heartbeat generate`` (see ``heartbeat.generator.runner``).

About 200 projects per unit of scale (2,000 at scale 10), each with a full definition: three
scope lines, four requirements, two anticipated products, three expected benefits and two
resource requirements, plus the stage transitions that lead to its stage. Stages follow the
shape of a real programme (most work in delivery, a steady flow of proposals, a few paused or
cancelled); about 70% of projects are public. Lead organisations and project leads are the
councils and people the partnership generator made; the themes, sub-areas and skills are the
demo's, created if missing and reused if present. Everything is written with bulk inserts.
"""

from heartbeat.generator.portfolio.projects import flush, generate
from heartbeat.generator.portfolio.words import (
    BENCH_LEAD_PROJECTS_PER_SCALE,
    BENEFITS,
    CHANGED_SINCE_APPROVAL_SHARE,
    FIRST_MONTH,
    LEVELS,
    PATH,
    PREFIXES,
    PROBLEMS,
    PRODUCT_TYPES,
    PROJECTS_PER_SCALE,
    PUBLIC_SHARE,
    REQUIREMENTS,
    RESOURCE_SKILLS,
    SCOPE_IN,
    SCOPE_OUT,
    SPONSOR_ROLES,
    STAGE_WEIGHTS,
    SUBJECTS,
    SUMMARIES,
    TAGS,
)

__all__ = [
    "generate",
    "flush",
    "PROJECTS_PER_SCALE",
    "PUBLIC_SHARE",
    "CHANGED_SINCE_APPROVAL_SHARE",
    "BENCH_LEAD_PROJECTS_PER_SCALE",
    "STAGE_WEIGHTS",
    "PATH",
    "SUBJECTS",
    "SPONSOR_ROLES",
    "PREFIXES",
    "SUMMARIES",
    "PROBLEMS",
    "SCOPE_IN",
    "SCOPE_OUT",
    "REQUIREMENTS",
    "BENEFITS",
    "PRODUCT_TYPES",
    "RESOURCE_SKILLS",
    "TAGS",
    "LEVELS",
    "FIRST_MONTH",
]
