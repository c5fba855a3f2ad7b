"""Demo projects of the Digital Leadership theme.

Shapes: see ``heartbeat.demo.data.portfolio``.
"""

from heartbeat.demo.data.portfolio.common import DEMO_PROJECT_LEAD, DIRECTOR

PROJECTS: list[dict] = [
    {
        "slug": "digital-maturity-assessment",
        "title": "Digital maturity assessment of all 32 councils",
        "theme": "digital-leadership",
        "sub_area": "governance-and-strategy",
        "summary": (
            "Assess the digital maturity of all 32 councils with one method, give each a "
            "report with priorities, and publish a national picture to shape the work "
            "programme."
        ),
        "problem": (
            "The partnership needed evidence of where councils stand on leadership, skills, "
            "technology, data and service design to choose its priorities, and each council "
            "needed to know where to invest. Earlier self-assessments used different "
            "questions, so results could not be compared or repeated."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "hannah.wallace@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2024-02-05",
        "planned_end": "2024-12-20",
        "estimated_cost": 180000,
        "stage": "closed",
        "visibility": "public",
        "tags": ["Digital maturity", "Assessment", "Benchmarking"],
        "scope_in": [
            "A maturity model and survey used by every council",
            "Facilitated workshops with each council's leadership team",
            "An individual report and priorities for each council",
            "A national summary for the partnership",
        ],
        "scope_out": ["Audit or inspection of councils", "Comparisons published by name"],
        "requirements": [
            ("must", "Every council takes part using the same questions"),
            ("must", "Individual results are shared only with the council concerned"),
            ("should", "The assessment can be repeated to measure progress"),
        ],
        "products": [
            (
                "Digital maturity model and survey",
                "guidance",
                "The questions and scoring every council used.",
                "2024-03-29",
            ),
            (
                "National digital maturity report",
                "report",
                "The national picture and recommended priorities.",
                "2024-12-13",
            ),
        ],
        "benefits": [
            "A work programme based on evidence of councils' needs",
            "Each council knows its priorities for investment",
            "A baseline to measure progress against",
        ],
        "resources": [
            ("digital-portfolio-manager", "practitioner", 1, 8, "2024-02", "2024-12", ""),
            ("performance-analyst", "practitioner", 1, 6, "2024-04", "2024-12", ""),
            ("chief-digital-officer", "expert", 4, 1, "2024-03", "2024-09", "Peer assessors"),
        ],
        "proposed_on": "2023-10-30",
        "story": [
            ("defined", "2023-12-04"),
            ("approved", "2024-01-10"),
            ("recruiting", "2024-01-22"),
            ("in_delivery", "2024-02-05"),
            ("closed", "2025-02-24"),
        ],
    },
    {
        "slug": "digital-leadership-for-elected-members",
        "title": "Digital leadership programme for elected members",
        "theme": "digital-leadership",
        "sub_area": "workforce-and-skills",
        "summary": (
            "A practical programme that helps councillors lead and scrutinise digital "
            "change: what good services look like, what to ask of a business case and how "
            "data and AI are used."
        ),
        "problem": (
            "Councillors approve digital investments and scrutinise their results, but few "
            "have had support to do so. Business cases reach committees in technical "
            "language, and councillors say they are unsure what questions to ask. After the "
            "2027 local government elections many new members will need this from the "
            "start."
        ),
        "lead_organisation": "Stirling",
        "project_lead": "paul.cameron@stirling.example",
        "sponsor": "Chief Executive, Stirling Council",
        "planned_start": "2027-02-01",
        "planned_end": "2027-12-17",
        "estimated_cost": 140000,
        "stage": "recruiting",
        "visibility": "public",
        "tags": ["Leadership", "Elected members", "Training"],
        "scope_in": [
            "Short sessions for councillors, in person and online",
            "A guide to scrutinising digital business cases",
            "Sessions timed for the induction of new councillors after the 2027 elections",
        ],
        "scope_out": ["Training on councils' own IT equipment", "Officer leadership training"],
        "requirements": [
            ("must", "Designed and tested with serving councillors from different parties"),
            ("must", "Available to every council, including as recordings"),
            ("should", "Includes examples from Scottish councils' own projects"),
            ("could", "Offers a peer network for councillors with a digital remit"),
        ],
        "products": [
            (
                "Elected members' digital leadership sessions",
                "training",
                "A series of short sessions for councillors.",
                "2027-06-30",
            ),
            (
                "Scrutinising digital business cases: a guide",
                "guidance",
                "Questions to ask and what good answers look like.",
                "2027-04-30",
            ),
        ],
        "benefits": [
            "Councillors scrutinise digital investments with confidence",
            "Better-framed business cases reaching committees",
        ],
        "resources": [
            ("trainer", "practitioner", 2, 3, "2027-02", "2027-12", ""),
            ("content-designer", "working", 1, 4, "2027-02", "2027-06", ""),
            ("chief-digital-officer", "expert", 3, 1, "2027-03", "2027-12", "Guest speakers"),
        ],
        "proposed_on": "2026-05-04",
        "story": [
            ("defined", "2026-06-22"),
            ("approved", "2026-08-26"),
            ("recruiting", "2026-10-12"),
        ],
    },
    {
        "slug": "digital-skills-academy",
        "title": "Digital skills academy",
        "theme": "digital-leadership",
        "sub_area": "workforce-and-skills",
        "summary": (
            "Shared learning paths, masterclasses and practitioner training that build "
            "council staff's digital, data and design skills, from everyday tools to "
            "specialist roles."
        ),
        "problem": (
            "Councils struggle to recruit digital specialists against private-sector "
            "salaries, and most of their digital capability must come from developing the "
            "staff they have. Training is bought council by council, and there is no shared "
            "view of the skills councils need. The digital maturity assessment found skills "
            "to be the area where councils are least mature."
        ),
        "lead_organisation": "Dundee City",
        "project_lead": "laura.anderson@dundeecity.example",
        "sponsor": "Executive Director of Corporate Services, Dundee City Council",
        "planned_start": "2025-09-01",
        "planned_end": "2027-08-31",
        "estimated_cost": 560000,
        "stage": "in_delivery",
        "visibility": "public",
        "tags": ["Skills", "Training", "Workforce"],
        "scope_in": [
            "Learning paths for everyday digital skills for all staff",
            "Practitioner training in agile delivery, user research and data",
            "A skills self-assessment based on the national capability framework",
        ],
        "scope_out": ["Professional qualifications paid for by individual councils"],
        "requirements": [
            ("must", "Learning is free at the point of use for staff of every member council"),
            ("must", "Courses are accessible and can be taken on a phone"),
            ("should", "Completions are recorded so councils can see progress"),
            ("could", "Staff can earn digital badges recognised across councils"),
        ],
        "products": [
            (
                "Digital skills academy learning paths",
                "training",
                "Online learning paths and masterclasses.",
                "2026-03-31",
            ),
            (
                "Digital skills self-assessment",
                "guidance",
                "A self-assessment mapped to the capability framework.",
                "2026-06-30",
            ),
        ],
        "benefits": [
            "More council staff confident with digital tools and methods",
            "Lower spending on external training and consultants",
            "Specialist roles filled from within councils",
        ],
        "resources": [
            ("trainer", "practitioner", 2, 6, "2025-09", "2027-08", ""),
            ("delivery-manager", "practitioner", 1, 6, "2025-09", "2027-08", ""),
            ("content-designer", "working", 1, 4, "2025-09", "2026-06", ""),
        ],
        "proposed_on": "2025-02-24",
        "story": [
            ("defined", "2025-04-07"),
            ("approved", "2025-05-12"),
            ("recruiting", "2025-06-02"),
            ("in_delivery", "2025-09-01"),
            (
                "paused",
                "2026-01-12",
                "Paused while councils' funding contributions for 2026-27 are confirmed.",
            ),
            ("in_delivery", "2026-03-02"),
        ],
    },
    {
        "slug": "design-community-of-practice",
        "title": "Content design and service design community of practice",
        "theme": "digital-leadership",
        "sub_area": "workforce-and-skills",
        "summary": (
            "A community where councils' content designers, service designers and user "
            "researchers share patterns, review each other's work and develop their craft."
        ),
        "problem": (
            "Most councils have one or two designers, if any, who work alone and reinvent "
            "patterns others have already tested. There is no shared place for council "
            "service patterns or for peer review, and new designers have nobody to learn "
            "from."
        ),
        "lead_organisation": "Highland",
        "project_lead": "joanna.ross@highland.example",
        "sponsor": "Head of Digital Transformation, The Highland Council",
        "planned_start": "2025-11-03",
        "planned_end": "2027-10-29",
        "estimated_cost": 85000,
        "stage": "in_delivery",
        "visibility": "public",
        "tags": ["Content design", "Service design", "Community of practice"],
        "scope_in": [
            "Monthly community meetings and peer crits",
            "A shared library of council content and service patterns",
            "Mentoring for new designers",
        ],
        "scope_out": ["Recruiting designers for councils"],
        "requirements": [
            ("must", "Open to anyone doing design work in a member council"),
            ("must", "Patterns are published openly with the research behind them"),
            ("should", "Sessions are recorded for people who cannot attend"),
        ],
        "products": [
            (
                "Council design patterns library",
                "guidance",
                "Content and service patterns with their evidence.",
                "2026-06-30",
            ),
        ],
        "benefits": [
            "Less time spent redesigning patterns another council has tested",
            "Designers stay and grow in council roles",
        ],
        "resources": [
            ("content-designer", "expert", 1, 3, "2025-11", "2027-10", ""),
            ("service-designer", "practitioner", 1, 3, "2025-11", "2027-10", ""),
            ("user-researcher", "practitioner", 1, 2, "2026-01", "2027-10", ""),
        ],
        "proposed_on": "2025-06-09",
        "story": [
            ("defined", "2025-07-21"),
            ("approved", "2025-08-20"),
            ("recruiting", "2025-09-08"),
            ("in_delivery", "2025-11-03"),
        ],
    },
    {
        "slug": "digital-apprenticeships",
        "title": "Digital apprenticeships and graduate pathway",
        "theme": "digital-leadership",
        "sub_area": "workforce-and-skills",
        "summary": (
            "A shared route into council digital careers through Modern and Graduate "
            "Apprenticeships, with placements that rotate between councils and projects."
        ),
        "problem": (
            "Councils find it hard to recruit early-career digital staff, and smaller "
            "councils cannot offer apprentices a breadth of experience. Apprentices placed "
            "on partnership projects would gain that breadth while adding capacity where "
            "projects need it."
        ),
        "lead_organisation": "Falkirk",
        "project_lead": "graeme.robertson@falkirk.example",
        "sponsor": "Director of Transformation, Communities and Corporate Services, Falkirk "
        "Council",
        "planned_start": "2027-04-01",
        "planned_end": "2028-08-31",
        "estimated_cost": 260000,
        "stage": "approved",
        "visibility": "public",
        "tags": ["Apprenticeships", "Skills", "Workforce"],
        "scope_in": [
            "A shared recruitment campaign for apprentices",
            "Rotating placements on partnership projects",
            "Links with colleges and universities delivering Graduate Apprenticeships",
        ],
        "scope_out": ["Apprenticeships outside digital, data and technology roles"],
        "requirements": [
            ("must", "Each apprentice has a line manager in their employing council"),
            ("must", "Placements last at least three months"),
            ("should", "Recruitment reaches people from areas of deprivation"),
        ],
        "products": [
            (
                "Digital apprenticeship pathway",
                "training",
                "The recruitment, placement and support model.",
                "2027-08-31",
            ),
        ],
        "benefits": [
            "More early-career digital staff in councils",
            "Extra capacity on partnership projects",
        ],
        "resources": [
            ("delivery-manager", "practitioner", 1, 4, "2027-04", "2028-08", ""),
            ("trainer", "working", 1, 3, "2027-06", "2028-08", "Apprentice mentors"),
        ],
        "proposed_on": "2026-05-11",
        "story": [("defined", "2026-07-06"), ("approved", "2026-09-16")],
    },
    {
        "slug": "digital-procurement-pipeline",
        "title": "Shared digital procurement pipeline",
        "theme": "digital-leadership",
        "sub_area": "governance-and-strategy",
        "summary": (
            "A shared view of when councils' digital contracts end, so councils can plan "
            "procurements together and use national frameworks."
        ),
        "problem": (
            "Councils often discover too late that neighbours are buying the same system at "
            "the same time. A shared pipeline of contract end dates would show where "
            "collaborative procurement is possible."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "gordon.reid@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2026-02-02",
        "planned_end": "2026-12-18",
        "estimated_cost": 70000,
        "stage": "paused",
        "visibility": "partnership",
        "tags": ["Procurement", "Contracts"],
        "scope_in": [
            "A pipeline of councils' digital contracts and their end dates",
            "Quarterly reviews to identify joint procurements",
        ],
        "scope_out": ["Running procurements for councils"],
        "requirements": [
            ("must", "Councils update their contract data at least quarterly"),
            ("should", "The pipeline links to national framework agreements"),
        ],
        "products": [
            (
                "Digital procurement pipeline",
                "data",
                "Councils' digital contracts and end dates in one place.",
                "2026-09-30",
            ),
        ],
        "benefits": ["More joint procurements and lower costs for councils"],
        "resources": [("procurement-officer", "practitioner", 1, 3, "2026-02", "2026-12", "")],
        "proposed_on": "2025-10-06",
        "story": [
            ("defined", "2025-11-03"),
            ("approved", "2025-12-10"),
            (
                "paused",
                "2026-02-16",
                "Paused until Scotland Excel and the Scottish Government confirm the scope of "
                "the new national ICT frameworks, so that the pipeline does not duplicate them.",
            ),
        ],
    },
    {
        # A proposal with most of its definition written but no resources estimated yet.
        "slug": "digital-strategy-2027-2030",
        "title": "Local government digital strategy 2027 to 2030",
        "theme": "digital-leadership",
        "sub_area": "governance-and-strategy",
        "summary": (
            "Refresh the partnership's digital strategy with councils, for the council term "
            "that starts after the 2027 local government elections."
        ),
        "problem": (
            "The current strategy was written before the partnership's shared platforms "
            "existed and before generative AI. Councils need a strategy that reflects their "
            "financial position and sets out what they will do together in the next council "
            "term."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "hannah.wallace@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2027-01-04",
        "planned_end": "2027-09-30",
        "estimated_cost": 60000,
        "stage": "proposed",
        "visibility": "public",
        "tags": ["Strategy", "Governance"],
        "scope_in": [
            "Engagement with councils' leadership teams and elected members",
            "A strategy and delivery plan for 2027 to 2030",
        ],
        "scope_out": ["Individual councils' digital strategies"],
        "requirements": [
            ("must", "Every council is invited to contribute"),
            ("should", "The strategy is published in an accessible web format"),
        ],
        "products": [
            (
                "Local government digital strategy 2027 to 2030",
                "guidance",
                "The partnership's strategy and delivery plan.",
                "2027-09-30",
            ),
        ],
        "benefits": ["A shared direction for the partnership's next work programme"],
        "resources": [],
        "proposed_on": "2026-10-26",
        "story": [],
    },
    {
        # A new proposal from the partnership's demo project lead.
        "slug": "generative-ai-safe-use",
        "title": "Generative AI: safe use guidance and pilots",
        "theme": "digital-leadership",
        "sub_area": "governance-and-strategy",
        "summary": (
            "Agree how councils can use generative AI safely, and run small pilots in "
            "areas such as drafting letters and summarising case notes."
        ),
        "problem": (
            "Staff are already using generative AI tools, with or without guidance, and "
            "councils are being offered AI features in products they already own. Councils "
            "need a shared position on acceptable use, data protection and evaluation before "
            "wider adoption."
        ),
        "lead_organisation": "Aberdeen City",
        "project_lead": DEMO_PROJECT_LEAD,
        "sponsor": "Chief Officer – Digital and Technology, Aberdeen City Council",
        "planned_start": "2027-04-01",
        "planned_end": None,
        "estimated_cost": None,
        "stage": "proposed",
        "visibility": "public",
        "tags": ["Artificial intelligence", "Guidance"],
        "scope_in": ["Acceptable use guidance", "Two or three small, evaluated pilots"],
        "scope_out": ["Automated decisions about residents"],
        "requirements": [
            ("must", "Every pilot has a data protection impact assessment"),
            ("should", "Pilots are evaluated with the staff who use them"),
        ],
        "products": [],
        "benefits": [],
        "resources": [],
        "proposed_on": "2026-11-16",
        "story": [],
    },
]
