"""The default set of criteria, as the programme office first adopts them.

Demand and readiness are computed by Heartbeat (see ``computed``); their levels describe the
stated bands. The others are scored by the programme office with a written rationale.
"""

from decimal import Decimal

from heartbeat.prioritisation.scoring import (
    DEMAND_BANDS,
    READINESS_BANDS,
    demand_band_label,
    readiness_band_label,
)

DEMAND_LEVELS = [demand_band_label(level) for _, _, level in DEMAND_BANDS]
READINESS_LEVELS = [readiness_band_label(level) for _, level in reversed(READINESS_BANDS)]

DEFAULT_CRITERIA: list[dict] = [
    {
        "slug": "strategic-fit",
        "name": "Strategic fit",
        "description": "How directly the work delivers the aims of Scotland's digital strategy "
        "for local government and the partnership's own priorities.",
        "weight": Decimal("3"),
        "direction": "higher_is_better",
        "method": "scored",
        "levels": [
            "No clear link to the strategy's aims",
            "Touches the strategy's aims indirectly",
            "Supports one of the strategy's aims",
            "Directly delivers one of the strategy's aims",
            "Essential to several aims, or to a national commitment",
        ],
    },
    {
        "slug": "benefit-value",
        "name": "Benefit value",
        "description": "The size of the benefits across the partnership each year: money saved "
        "or costs avoided, staff time freed, and better outcomes for residents.",
        "weight": Decimal("3"),
        "direction": "higher_is_better",
        "method": "scored",
        "levels": [
            "Under £50,000 a year, or benefits not yet described",
            "£50,000 to £250,000 a year, or clear non-cashable benefits for one service",
            "£250,000 to £1 million a year",
            "£1 million to £5 million a year, or a major benefit to residents",
            "Over £5 million a year across the partnership",
        ],
    },
    {
        "slug": "demand",
        "name": "Demand",
        "description": "How many councils want the work: the councils taking part in the "
        "project (interested, committed or active) and the councils that raised or support "
        "its work requests, each counted once. Heartbeat counts them; nobody types this score.",
        "weight": Decimal("2"),
        "direction": "higher_is_better",
        "method": "demand",
        "levels": DEMAND_LEVELS,
    },
    {
        "slug": "readiness",
        "name": "Readiness",
        "description": "How ready the work is to start: half from how complete its definition "
        "is (the definition-of-ready checklist) and half from how much of the people and time "
        "it needs councils have pledged. Heartbeat works it out; nobody types this score.",
        "weight": Decimal("2"),
        "direction": "higher_is_better",
        "method": "readiness",
        "levels": READINESS_LEVELS,
    },
    {
        "slug": "effort",
        "name": "Effort",
        "description": "How much work it takes, in days of people's time across the "
        "partnership. Higher is worse: less effort ranks a project higher.",
        "weight": Decimal("1"),
        "direction": "higher_is_worse",
        "method": "scored",
        "levels": [
            "Under 50 days of work",
            "50 to 200 days",
            "200 to 500 days",
            "500 to 1,500 days",
            "Over 1,500 days",
        ],
    },
    {
        "slug": "risk",
        "name": "Risk",
        "description": "How likely the work is to fail or overrun: dependencies on suppliers "
        "or legislation, untried technology, single points of failure. Higher is worse.",
        "weight": Decimal("1"),
        "direction": "higher_is_worse",
        "method": "scored",
        "levels": [
            "Well understood and proven elsewhere",
            "Minor unknowns",
            "Some dependencies or technical unknowns",
            "Significant dependencies on suppliers or legislation",
            "Novel, with major unknowns or a single point of failure",
        ],
    },
]
