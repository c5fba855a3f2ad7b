"""The demo's scoring rounds: the programme office's scores, with its reasons, as plain data.

Two rounds are published, so the ranking shows movement: Round 1 in June 2026 over the
projects proposed by then, and Round 2 in November 2026 over every open project, the projects
that accepted work requests became, and the accepted request still waiting for its project.
Between them the Strategy Board raised the weight of readiness from 2 to 3, and the office
changed a few scores for the reasons given. Demand and readiness are worked out by Heartbeat
from the demo's participation, requests and pledges, as they always are.

Scores are (score, reason) for strategic fit, benefit value, effort and risk, keyed by the
project's slug (or, for a request without a project, its title).
"""

ROUND_1 = {
    "name": "Round 1, June 2026",
    "published_on": "2026-06-15",
    "summary": "The first published ranking of the programme. It covers every open project "
    "proposed by the start of June.",
}
ROUND_2 = {
    "name": "Round 2, November 2026",
    "published_on": "2026-11-23",
    "summary": "The Strategy Board asked that work able to start soon should count for more, "
    "so readiness now weighs 3 instead of 2. Six projects proposed since June and two that "
    "came from councils' work requests are ranked for the first time, with one accepted "
    "request still waiting for its project.",
}
# The weight the Strategy Board gave readiness before Round 2.
READINESS_WEIGHT_FROM_ROUND_2 = "3"

# Entries of Round 1: the open projects proposed by June 2026.
ROUND_1_ENTRIES = [
    "digital-telecare",
    "social-care-data-standards",
    "school-admissions-online",
    "crm-and-bookings",
    "housing-repairs-online",
    "waste-and-recycling-digital-services",
    "intelligent-automation",
    "shared-data-platform",
    "common-data-standards",
    "cyber-resilience",
    "swan-refresh",
    "digital-inclusion-and-connectivity",
    "data-sharing-agreements-toolkit",
    "digital-leadership-for-elected-members",
    "digital-skills-academy",
    "design-community-of-practice",
    "digital-apprenticeships",
]

FIT, BENEFIT, EFFORT, RISK = "strategic-fit", "benefit-value", "effort", "risk"

SCORES: dict[str, dict[str, tuple[int, str]]] = {
    "digital-telecare": {
        FIT: (
            5,
            "Analogue telephone lines are being switched off: every council's telecare "
            "service has to move to digital alarms, a national commitment.",
        ),
        BENEFIT: (
            4,
            "Keeps everyone who relies on a community alarm safe through the "
            "switchover; failed alarm calls are a risk to life.",
        ),
        EFFORT: (
            4,
            "Every alarm receiving centre and tens of thousands of home units to replace or test.",
        ),
        RISK: (
            4,
            "Depends on telecoms providers' switch-off dates and on suppliers of digital alarms.",
        ),
    },
    "social-care-data-standards": {
        FIT: (
            4,
            "Common social work data is part of the strategy's aim to share data "
            "safely and report nationally from the same definitions.",
        ),
        BENEFIT: (
            3,
            "Saves each council months of data mapping when it changes case "
            "management system; national reporting gets simpler.",
        ),
        EFFORT: (
            3,
            "Standards for adult and children's records, agreed with practitioners "
            "in several councils.",
        ),
        RISK: (3, "Suppliers of case management systems must adopt the standards."),
    },
    "school-admissions-online": {
        FIT: (4, "A shared online service replacing paper forms, as the strategy asks."),
        BENEFIT: (
            4,
            "Every primary 1 registration and placing request in participating "
            "councils goes online; fewer paper forms to re-key.",
        ),
        EFFORT: (3, "Built once on the shared platform; each council connects its pupil records."),
        RISK: (2, "In delivery, with the first councils live."),
    },
    "crm-and-bookings": {
        FIT: (
            5,
            "The shared customer platform is the foundation the strategy builds other services on.",
        ),
        BENEFIT: (
            5,
            "Reused by every service that takes reports or bookings, in every "
            "council that adopts it.",
        ),
        EFFORT: (4, "A platform, patterns and support for councils moving onto it."),
        RISK: (3, "Councils' migrations from their own systems vary in difficulty."),
    },
    "housing-repairs-online": {
        FIT: (3, "Fits the aim of services residents can use online; one service among many."),
        BENEFIT: (
            4,
            "Fewer wasted visits when operatives see the repair first, in every "
            "council that owns homes.",
        ),
        EFFORT: (3, "Built on the shared platform, connected to each council's repairs system."),
        RISK: (3, "Repairs systems differ between councils."),
    },
    "waste-and-recycling-digital-services": {
        FIT: (3, "Common services for the most frequent contact councils have."),
        BENEFIT: (3, "Fewer calls about missed bins and bulky uplifts."),
        EFFORT: (3, "Several services, and links to crews' in-cab systems."),
        RISK: (3, "In-cab systems come from several suppliers."),
    },
    "intelligent-automation": {
        FIT: (4, "Automation of high-volume benefits and revenues work is named in the strategy."),
        BENEFIT: (4, "Hours of processing saved every week in each council that runs the robots."),
        EFFORT: (2, "Robots are built once and shared; each council configures them."),
        RISK: (2, "In delivery, with robots already running."),
    },
    "shared-data-platform": {
        FIT: (5, "Data and intelligence is one of the strategy's main aims."),
        BENEFIT: (4, "Analysis built once for every council instead of 32 times."),
        EFFORT: (4, "A platform, data models and the governance to share data safely."),
        RISK: (4, "Needs data sharing agreements and councils' data in common shapes first."),
    },
    "common-data-standards": {
        FIT: (4, "Common data underpins the strategy's shared services."),
        BENEFIT: (3, "Less data cleaning and re-keying when councils share data."),
        EFFORT: (2, "Standards published one at a time."),
        RISK: (2, "In delivery; standards are agreed with councils as they go."),
    },
    "cyber-resilience": {
        FIT: (
            5,
            "Cyber resilience is a national commitment through the Public Sector Action Plan.",
        ),
        BENEFIT: (4, "Lowers the risk of an attack stopping council services for weeks."),
        EFFORT: (3, "Certification support and exercises across many councils."),
        RISK: (3, "Depends on councils' own remediation work."),
    },
    "swan-refresh": {
        FIT: (4, "Every council's network depends on SWAN; the refresh must be planned together."),
        BENEFIT: (3, "Avoids each council planning its own migration and buying alone."),
        EFFORT: (4, "Requirements and migration plans for thousands of council sites."),
        RISK: (4, "Depends on the national procurement's timetable."),
    },
    "digital-inclusion-and-connectivity": {
        FIT: (
            4,
            "Digital inclusion is one of the strategy's aims, above all for island "
            "and rural residents.",
        ),
        BENEFIT: (3, "Helps residents who are offline use services; mostly non-cashable."),
        EFFORT: (3, "Devices, connectivity and support through local partners."),
        RISK: (3, "Relies on partners and funding beyond the partnership."),
    },
    "data-sharing-agreements-toolkit": {
        FIT: (3, "Supports the data aims of the strategy."),
        BENEFIT: (3, "Data sharing agreements in weeks rather than months."),
        EFFORT: (2, "Templates, guidance and a register."),
        RISK: (2, "Little new technology; needs information governance teams to agree."),
    },
    "digital-leadership-for-elected-members": {
        FIT: (3, "Digital leadership is one of the strategy's themes."),
        BENEFIT: (2, "Better scrutiny of digital change; benefits are indirect."),
        EFFORT: (2, "A programme of sessions and materials."),
        RISK: (2, "Depends on councillors' time."),
    },
    "digital-skills-academy": {
        FIT: (4, "Building staff skills is one of the strategy's themes."),
        BENEFIT: (3, "Less spent on contractors as staff learn the skills themselves."),
        EFFORT: (3, "Learning paths, masterclasses and practitioner training."),
        RISK: (2, "In delivery, with learners already enrolled."),
    },
    "design-community-of-practice": {
        FIT: (3, "Supports the strategy's aim of services designed around users."),
        BENEFIT: (2, "Shared patterns save design time; benefits are indirect."),
        EFFORT: (1, "A community run by its members with light support."),
        RISK: (1, "Already running."),
    },
    "digital-apprenticeships": {
        FIT: (3, "Grows the digital workforce the strategy needs."),
        BENEFIT: (3, "Early-career staff at lower cost than contractors."),
        EFFORT: (3, "Placements rotating between councils and projects."),
        RISK: (2, "Depends on funding for apprenticeships."),
    },
    # Proposed after June 2026: first ranked in Round 2.
    "eplanning-integration": {
        FIT: (
            4,
            "Connecting the national portal to councils' systems is the kind of "
            "shared work the strategy asks for.",
        ),
        BENEFIT: (4, "No more re-keying of planning and building warrant applications."),
        EFFORT: (3, "An integration for each back-office product councils use."),
        RISK: (3, "Depends on suppliers of back-office planning systems."),
    },
    "parking-permits-online": {
        FIT: (2, "Useful to councils with controlled parking zones; not a strategy aim."),
        BENEFIT: (3, "Fewer paper permits and manual proof-of-residence checks."),
        EFFORT: (2, "A service on the shared platform."),
        RISK: (2, "A well understood service."),
    },
    "cloud-first-hosting-strategy": {
        FIT: (4, "Hosting decisions shape every council's technology for a decade."),
        BENEFIT: (4, "Avoids data centre reinvestment and repeated lift-and-shift costs."),
        EFFORT: (2, "A strategy, reference architecture and commercial approach."),
        RISK: (3, "Councils' systems and contracts vary widely."),
    },
    "shared-security-operations-centre": {
        FIT: (4, "Round-the-clock monitoring supports the cyber resilience commitment."),
        BENEFIT: (
            4,
            "Alerts handled overnight and at weekends, for councils too small to staff it.",
        ),
        EFFORT: (4, "A service watching many councils' networks continuously."),
        RISK: (4, "Funding and data sharing between councils still to agree."),
    },
    "digital-strategy-2027-2030": {
        FIT: (5, "The strategy itself, for the next council term."),
        BENEFIT: (3, "Sets direction for every other project; benefits are indirect."),
        EFFORT: (2, "Engagement with councils over several months."),
        RISK: (2, "Well understood; the timetable follows the 2027 elections."),
    },
    "generative-ai-safe-use": {
        FIT: (4, "Councils need a shared position before AI is used widely."),
        BENEFIT: (3, "Time saved drafting and summarising, if pilots succeed."),
        EFFORT: (2, "Guidance and small pilots."),
        RISK: (4, "New technology, with data protection questions still open."),
    },
    # Projects that accepted work requests became.
    "visitor-levy-returns-and-payments": {
        FIT: (4, "A new duty several councils share, built once on the shared platform."),
        BENEFIT: (
            4,
            "Returns and payments from thousands of providers handled without "
            "re-keying, in each council with a levy.",
        ),
        EFFORT: (3, "Registration, quarterly returns and payments."),
        RISK: (3, "Each council's levy rules differ in detail."),
    },
    "winter-gritting-information-online": {
        FIT: (2, "Useful, but not one of the strategy's aims."),
        BENEFIT: (2, "Fewer calls on snowy days."),
        EFFORT: (2, "Publishing routes councils already hold."),
        RISK: (2, "Routes exist as data in most councils."),
    },
    # An accepted request still waiting for its project.
    "Booking and paying for pier and harbour berths": {
        FIT: (2, "Serves the councils that run harbours."),
        BENEFIT: (3, "Harbour dues collected on time and less staff time."),
        EFFORT: (3, "Bookings and payments for many small harbours."),
        RISK: (3, "Not yet scoped."),
    },
}

# What the office changed for Round 2, and why.
ROUND_2_CHANGES: dict[str, dict[str, tuple[int, str]]] = {
    "housing-repairs-online": {
        FIT: (
            4,
            "Councils' requests for damp and mould reporting and out-of-hours repairs "
            "show tenants' repairs are a shared priority.",
        ),
    },
    "waste-and-recycling-digital-services": {
        BENEFIT: (
            4,
            "Falkirk's request showed bulky uplift bookings alone take about 5,000 "
            "calls a year in one council.",
        ),
    },
    "intelligent-automation": {
        BENEFIT: (
            5,
            "Councils running the Universal Credit robot report more hours saved "
            "than first estimated.",
        ),
    },
    "shared-data-platform": {
        EFFORT: (
            5,
            "Market engagement in September showed the build is bigger than first thought.",
        ),
    },
    "cyber-resilience": {
        RISK: (2, "The first phase finished on time; the remaining work is better understood."),
    },
    "digital-apprenticeships": {
        RISK: (3, "Funding for graduate apprenticeships in 2027-28 is not confirmed yet."),
    },
}
