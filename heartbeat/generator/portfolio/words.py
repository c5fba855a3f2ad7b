"""The words and shares synthetic projects are made from."""

from __future__ import annotations

import datetime

from heartbeat.portfolio.models import ProductType, Stage
from heartbeat.skills.models import SkillLevel

PROJECTS_PER_SCALE = 200
PUBLIC_SHARE = 0.7
# Approved projects whose definition has changed since: their planned end moved.
CHANGED_SINCE_APPROVAL_SHARE = 0.15
# Projects the benchmark's project lead leads, per unit of scale, so it has pages to edit.
BENCH_LEAD_PROJECTS_PER_SCALE = 5

STAGE_WEIGHTS = {
    Stage.PROPOSED: 14,
    Stage.DEFINED: 9,
    Stage.APPROVED: 8,
    Stage.RECRUITING: 15,
    Stage.IN_DELIVERY: 30,
    Stage.CLOSED: 14,
    Stage.PAUSED: 5,
    Stage.CANCELLED: 5,
}
# The forward path through the lifecycle; paused and cancelled projects leave it part-way.
PATH = [Stage.DEFINED, Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY, Stage.CLOSED]

# What projects in each sub-area are about (theme slug, sub-area slug) -> subjects.
SUBJECTS: dict[tuple[str, str], list[str]] = {
    ("digital-services", "health-and-care"): [
        "care at home scheduling",
        "telecare monitoring",
        "adult social care assessments",
        "carers' support applications",
        "equipment and adaptations requests",
        "self-directed support budgets",
    ],
    ("digital-services", "learning-and-teaching"): [
        "school enrolment",
        "early learning and childcare applications",
        "school transport requests",
        "school payments",
        "pupil attendance reporting",
        "education maintenance allowance",
    ],
    ("digital-services", "customer-services"): [
        "council tax self-service",
        "complaints handling",
        "blue badge applications",
        "benefits applications",
        "registrar bookings",
        "customer accounts",
    ],
    ("digital-services", "place-and-environment"): [
        "bulky waste uplifts",
        "street lighting fault reports",
        "building warrant applications",
        "pothole reporting",
        "burial and cremation bookings",
        "licensing applications",
    ],
    ("digital-foundations", "infrastructure-and-cloud"): [
        "data centre exit",
        "network refresh",
        "device management",
        "telephony migration",
        "backup and recovery",
        "identity and access management",
    ],
    ("digital-foundations", "data-and-intelligence"): [
        "performance dashboards",
        "master data management",
        "open data publishing",
        "address data quality",
        "demand forecasting",
        "data warehouse modernisation",
    ],
    ("digital-foundations", "cyber-security"): [
        "security monitoring",
        "vulnerability management",
        "phishing awareness",
        "incident response",
        "supplier assurance",
        "privileged access management",
    ],
    ("digital-leadership", "workforce-and-skills"): [
        "digital champions network",
        "data literacy training",
        "agile delivery coaching",
        "leadership development",
        "digital apprenticeships",
        "user research training",
    ],
    ("digital-leadership", "governance-and-strategy"): [
        "benefits realisation",
        "digital investment planning",
        "technology roadmap",
        "procurement pipeline",
        "architecture review",
        "digital strategy",
    ],
}
SPONSOR_ROLES = [
    "Chief Executive",
    "Director of Corporate Services",
    "Executive Director of Communities",
    "Head of Digital",
    "Director of Education",
]
PREFIXES = ["Shared", "Digital", "Online", "Joint", "National", "Regional", "Modern", "Better"]
SUMMARIES = [
    "{Prefix} {subject} designed with the people who use it and reused by every council that "
    "joins.",
    "Replace paper and phone-based {subject} with a {prefix_lower} approach councils can adopt.",
    "A {prefix_lower} model for {subject}, so councils stop solving the same problem separately.",
]
PROBLEMS = [
    "Councils run {subject} in different ways, mostly on ageing systems and manual processes. "
    "Staff re-key information between systems, residents cannot see progress, and each council "
    "buys and maintains its own tools. Working together on {subject} would cut duplicated "
    "effort and give residents a consistent experience.",
    "Demand for {subject} has grown while budgets have not. The current processes depend on a "
    "few experienced staff and on systems whose contracts end soon. Councils want to agree a "
    "common way of working before they replace them.",
]
SCOPE_IN = [
    "Discovery and design of {subject} with residents and staff",
    "Rollout of {subject} to the participating councils",
]
SCOPE_OUT = [
    "Changes to the legislation that governs {subject}",
    "Replacing councils' back-office systems",
]
REQUIREMENTS = [
    ("must", "The {subject} service meets WCAG 2.2 AA"),
    ("must", "Information about {subject} flows to back-office systems without re-keying"),
    ("should", "Councils can report on {subject} with common measures"),
    ("could", "Residents get updates about {subject} by text message"),
]
BENEFITS = [
    "Staff time saved on {subject}",
    "Fewer calls and emails about {subject}",
    "Lower combined cost of {subject} across councils",
]
PRODUCT_TYPES = [
    ProductType.SERVICE,
    ProductType.PLATFORM,
    ProductType.DATA,
    ProductType.FRAMEWORK,
    ProductType.TRAINING,
]
RESOURCE_SKILLS = [
    "delivery-manager",
    "product-manager",
    "business-analyst",
    "user-researcher",
    "service-designer",
    "content-designer",
    "interaction-designer",
    "software-developer",
    "frontend-developer",
    "technical-architect",
    "solution-architect",
    "data-analyst",
    "data-engineer",
    "subject-matter-expert",
    "information-governance-officer",
    "procurement-officer",
    "trainer",
]
TAGS = [
    "Automation",
    "Cloud",
    "Customer service",
    "Data",
    "Education",
    "Housing",
    "Integration",
    "Online forms",
    "Procurement",
    "Security",
    "Shared platform",
    "Skills",
    "Social care",
    "Standards",
    "Waste",
]
LEVELS = [SkillLevel.WORKING, SkillLevel.PRACTITIONER, SkillLevel.PRACTITIONER, SkillLevel.EXPERT]
FIRST_MONTH = datetime.date(2024, 1, 1)
