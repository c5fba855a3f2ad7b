"""The demo work programme: themes, sub-areas, project leads and projects, as plain data.

``heartbeat demo`` loads it through ``heartbeat.portfolio.demo`` after the partnership's
organisations and people exist. Projects read like the partnership's real work; the people,
costs and dates are illustrative.

Shapes, so the data can be read without the loader:
- dates are ISO strings ("2025-04-01"); months are "YYYY-MM" (stored as the first of the month);
- ``requirements``: (priority, text) with priority must / should / could;
- ``products``: (name, product type, description, planned date);
- ``resources``: (skill slug, level, people, days per person per month, start month, end
  month, notes); skill slugs are those of ``heartbeat.recruitment.skills_data``;
- ``story``: the stage transitions after the project was proposed on ``proposed_on``, oldest
  first, as (to stage, date) or (to stage, date, reason). The project lead marks a project as
  defined (or reopens its definition); the programme office makes every other move.
"""

# Colours are the Scottish Government Design System's blue and green and the text colour of
# its pink tag; each has a contrast ratio above 5.8:1 against white, so they work as chart
# fills and behind white text.
THEMES: list[dict] = [
    {
        "name": "Digital Leadership",
        "slug": "digital-leadership",
        "order": 1,
        "colour": "#a5005b",
        "summary": (
            "Leaders, staff and elected members with the skills and confidence to lead "
            "digital change, and the governance to do it together."
        ),
        "description": (
            "Digital change in councils succeeds or fails on leadership. This theme builds "
            "the skills of staff at every level, gives councillors the understanding they need "
            "to lead and scrutinise digital change, and keeps the partnership's strategy and "
            "governance current, so that councils choose the right work and do it once, "
            "together."
        ),
        "sub_areas": [
            ("Workforce and Skills", "workforce-and-skills"),
            ("Governance and Strategy", "governance-and-strategy"),
        ],
    },
    {
        "name": "Digital Foundations",
        "slug": "digital-foundations",
        "order": 2,
        "colour": "#0065bd",
        "summary": (
            "The shared technology, data and security that every council service depends on."
        ),
        "description": (
            "Good services need secure, reliable foundations: networks and cloud hosting, "
            "collaboration tools, well-governed data and resilience against cyber attack. "
            "Councils face the same decisions about these, often at the same time, so this "
            "theme agrees standards, negotiates national agreements and builds shared "
            "platforms that each council would struggle to justify alone."
        ),
        "sub_areas": [
            ("Infrastructure and Cloud", "infrastructure-and-cloud"),
            ("Data and Intelligence", "data-and-intelligence"),
            ("Cyber Security", "cyber-security"),
        ],
    },
    {
        "name": "Digital Services",
        "slug": "digital-services",
        "order": 3,
        "colour": "#1a7032",
        "summary": (
            "Services designed with the people who use them and built once for every council "
            "that wants them."
        ),
        "description": (
            "Residents expect to deal with their council online as easily as with their bank. "
            "This theme redesigns the services councils all provide, from school admissions "
            "to housing repairs and telecare, with the people who use and run them, and "
            "builds them so that any council can adopt them without starting again."
        ),
        "sub_areas": [
            ("Health and Care", "health-and-care"),
            ("Learning and Teaching", "learning-and-teaching"),
            ("Customer Services", "customer-services"),
            ("Place and Environment", "place-and-environment"),
        ],
    },
]

# Project leads created for the demo, besides the partnership's demo people. They sign in with
# the partnership's demo password.
PROJECT_LEADS: list[dict] = [
    {
        "email": "alison.baird@digital-office.example",
        "full_name": "Alison Baird",
        "job_title": "Digital Telecare Programme Manager",
        "organisation": "Digital Office",
    },
    {
        "email": "neil.sinclair@digital-office.example",
        "full_name": "Neil Sinclair",
        "job_title": "Cyber Security Lead",
        "organisation": "Digital Office",
    },
    {
        "email": "lorna.ferguson@digital-office.example",
        "full_name": "Lorna Ferguson",
        "job_title": "Data Programme Manager",
        "organisation": "Digital Office",
    },
    {
        "email": "gordon.reid@digital-office.example",
        "full_name": "Gordon Reid",
        "job_title": "Technology Programme Manager",
        "organisation": "Digital Office",
    },
    {
        "email": "hannah.wallace@digital-office.example",
        "full_name": "Hannah Wallace",
        "job_title": "Strategy and Performance Lead",
        "organisation": "Digital Office",
    },
    {
        "email": "andrew.mckenzie@fife.example",
        "full_name": "Andrew McKenzie",
        "job_title": "Customer Services Transformation Manager",
        "organisation": "Fife",
    },
    {
        "email": "marie.docherty@glasgow.example",
        "full_name": "Marie Docherty",
        "job_title": "ICT Infrastructure Manager",
        "organisation": "Glasgow City",
    },
    {
        "email": "ruth.henderson@edinburgh.example",
        "full_name": "Ruth Henderson",
        "job_title": "Customer and Digital Services Lead",
        "organisation": "City of Edinburgh",
    },
    {
        "email": "alan.mcintyre@edinburgh.example",
        "full_name": "Alan McIntyre",
        "job_title": "Data Platform Lead",
        "organisation": "City of Edinburgh",
    },
    {
        "email": "colin.wallace@dundeecity.example",
        "full_name": "Colin Wallace",
        "job_title": "Social Work Information Systems Manager",
        "organisation": "Dundee City",
    },
    {
        "email": "laura.anderson@dundeecity.example",
        "full_name": "Laura Anderson",
        "job_title": "Organisational Development Lead",
        "organisation": "Dundee City",
    },
    {
        "email": "karen.scott@westlothian.example",
        "full_name": "Karen Scott",
        "job_title": "Education Systems Manager",
        "organisation": "West Lothian",
    },
    {
        "email": "gillian.shaw@south-ayrshire.example",
        "full_name": "Gillian Shaw",
        "job_title": "Education Business Support Manager",
        "organisation": "South Ayrshire",
    },
    {
        "email": "david.kerr@northlanarkshire.example",
        "full_name": "David Kerr",
        "job_title": "Housing Systems Manager",
        "organisation": "North Lanarkshire",
    },
    {
        "email": "heather.munro@pkc.example",
        "full_name": "Heather Munro",
        "job_title": "Environment Service Improvement Manager",
        "organisation": "Perth and Kinross",
    },
    {
        "email": "alasdair.mackay@highland.example",
        "full_name": "Alasdair Mackay",
        "job_title": "Planning Systems Team Leader",
        "organisation": "Highland",
    },
    {
        "email": "joanna.ross@highland.example",
        "full_name": "Joanna Ross",
        "job_title": "Digital Design Lead",
        "organisation": "Highland",
    },
    {
        "email": "stuart.milne@angus.example",
        "full_name": "Stuart Milne",
        "job_title": "Revenues and Benefits Automation Lead",
        "organisation": "Angus",
    },
    {
        "email": "fraser.lindsay@southlanarkshire.example",
        "full_name": "Fraser Lindsay",
        "job_title": "ICT Telephony Manager",
        "organisation": "South Lanarkshire",
    },
    {
        "email": "mairi.macleod@cne-siar.example",
        "full_name": "Mairi MacLeod",
        "job_title": "Digital Inclusion Officer",
        "organisation": "Na h-Eileanan Siar",
    },
    {
        "email": "kevin.douglas@clacks.example",
        "full_name": "Kevin Douglas",
        "job_title": "ICT Security Manager",
        "organisation": "Clackmannanshire",
    },
    {
        "email": "claire.wilson@renfrewshire.example",
        "full_name": "Claire Wilson",
        "job_title": "Information Governance Manager",
        "organisation": "Renfrewshire",
    },
    {
        "email": "paul.cameron@stirling.example",
        "full_name": "Paul Cameron",
        "job_title": "Member Services Manager",
        "organisation": "Stirling",
    },
    {
        "email": "graeme.robertson@falkirk.example",
        "full_name": "Graeme Robertson",
        "job_title": "Workforce Development Manager",
        "organisation": "Falkirk",
    },
    {
        "email": "nicola.grant@eastrenfrewshire.example",
        "full_name": "Nicola Grant",
        "job_title": "Customer Services Manager",
        "organisation": "East Renfrewshire",
    },
]

# The partnership's demo project lead (Aberdeen City) leads the projects marked with this.
DEMO_PROJECT_LEAD = "demo project lead"

DIRECTOR = "Director, Digital Office for Scottish Local Government"

PROJECTS: list[dict] = [
    # ---------------------------------------------------------------- Digital Services
    {
        "slug": "digital-telecare",
        "title": "Digital telecare: analogue to digital switchover",
        "theme": "digital-services",
        "sub_area": "health-and-care",
        "summary": (
            "Help every council's telecare service move from analogue to digital alarms "
            "before analogue telephone lines are switched off, so nobody who relies on a "
            "community alarm is left without help."
        ),
        "problem": (
            "Tens of thousands of people in Scotland live independently with a community "
            "alarm or other telecare run by their council or health and social care "
            "partnership. Most alarms, and the alarm receiving centres that answer them, were "
            "built for analogue telephone lines. Telecoms providers are moving every line to "
            "digital services: the switchover was planned for 2025 and is now due to finish "
            "by January 2027. Analogue alarms can fail without warning on digital lines, and "
            "each council faced the same procurement, testing and migration decisions alone. "
            "The programme gives councils one route: tested digital devices, a shared digital "
            "alarm receiving centre option and a migration playbook."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "alison.baird@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2024-04-01",
        "planned_end": "2027-03-31",
        "estimated_cost": 2400000,
        "stage": "in_delivery",
        "visibility": "public",
        "tags": ["Telecare", "Analogue to digital", "Health and social care"],
        "scope_in": [
            "An assessment of each council's analogue alarm estate and alarm receiving centre",
            "A national framework for digital alarm devices tested on live digital lines",
            "A migration playbook covering resident communications, installation and testing",
            "Support for councils moving to a digital alarm receiving centre",
        ],
        "scope_out": [
            "Buying devices on councils' behalf: each council orders through the framework",
            "NHS boards' telehealth and remote monitoring services",
        ],
        "requirements": [
            (
                "must",
                "Every migrated alarm is tested end to end on a digital line before the "
                "analogue service is removed",
            ),
            ("must", "Councils report migration progress by device type and area each month"),
            (
                "must",
                "Data shared with telecoms providers is covered by a data sharing agreement",
            ),
            (
                "should",
                "Letters and calls to residents use one plain-English script tested with "
                "alarm users and their families",
            ),
            ("could", "Neighbouring councils can share a stock of spare digital devices"),
        ],
        "products": [
            (
                "Digital telecare migration playbook",
                "guidance",
                "Step-by-step guidance for planning and running a council's migration.",
                "2024-11-29",
            ),
            (
                "Digital alarm devices framework",
                "framework",
                "A national framework for buying digital alarms and peripherals.",
                "2025-06-30",
            ),
            (
                "Migration progress dashboard",
                "data",
                "Monthly progress of every council's migration, by device type.",
                "2025-09-30",
            ),
        ],
        "benefits": [
            "No telecare user loses their alarm service when analogue lines are switched off",
            "Lower device prices from one national framework instead of 32 procurements",
            "Fewer failed alarm calls caused by analogue equipment on digital lines",
        ],
        "resources": [
            ("programme-delivery-manager", "expert", 1, 8, "2024-04", "2027-03", ""),
            (
                "subject-matter-expert",
                "practitioner",
                4,
                3,
                "2024-06",
                "2026-12",
                "Telecare and community alarm service managers",
            ),
            ("technical-architect", "practitioner", 1, 4, "2024-06", "2025-12", ""),
            ("procurement-officer", "practitioner", 1, 5, "2024-09", "2025-06", ""),
        ],
        "proposed_on": "2024-01-15",
        "story": [
            ("defined", "2024-02-12"),
            ("approved", "2024-03-11"),
            ("recruiting", "2024-03-25"),
            ("in_delivery", "2024-05-06"),
        ],
    },
    {
        "slug": "social-care-data-standards",
        "title": "Social care case management data standards",
        "theme": "digital-services",
        "sub_area": "health-and-care",
        "summary": (
            "Agree common data standards for adult and children's social work case records, "
            "so councils can change case management systems without losing history and "
            "report nationally from the same definitions."
        ),
        "problem": (
            "Councils record social work assessments, care plans and reviews in several "
            "different case management systems, each with its own data model. When a council "
            "replaces its system, migrating years of case history is slow and costly, and "
            "national returns to Public Health Scotland are compiled by hand from local "
            "definitions. A shared set of data standards that councils can write into "
            "procurements and migration plans would make changing systems cheaper and "
            "national reporting consistent."
        ),
        "lead_organisation": "Dundee City",
        "project_lead": "colin.wallace@dundeecity.example",
        "sponsor": "Chief Social Work Officer, Dundee City Council",
        "planned_start": "2027-01-04",
        "planned_end": "2028-03-31",
        "estimated_cost": 650000,
        "stage": "recruiting",
        "visibility": "public",
        "tags": ["Social care", "Data standards", "Case management"],
        "scope_in": [
            "Data standards for adult social care assessments, care plans and reviews",
            "Data standards for children's services case records",
            "Guidance on using the standards in procurements and data migrations",
        ],
        "scope_out": [
            "Choosing or buying a case management system",
            "Health records held by NHS boards",
        ],
        "requirements": [
            ("must", "Standards are published openly in a machine-readable format with examples"),
            (
                "must",
                "Each standard is tested against data exported from at least three councils' "
                "systems",
            ),
            (
                "should",
                "Standards map to the national social care returns to Public Health Scotland",
            ),
            ("could", "A validation tool councils can run on their own extracts"),
        ],
        "products": [
            (
                "Social care case record data standard",
                "data",
                "Data models and definitions for adult and children's case records.",
                "2027-10-29",
            ),
            (
                "Procurement and migration guidance",
                "guidance",
                "How to specify the standard in tenders and use it in a migration.",
                "2028-01-31",
            ),
        ],
        "benefits": [
            "Cheaper, faster migrations when councils replace case management systems",
            "Less manual work preparing national social care returns",
            "Comparable data for planning care services across councils",
        ],
        "resources": [
            ("data-architect", "expert", 1, 6, "2027-01", "2027-12", ""),
            ("business-analyst", "practitioner", 2, 6, "2027-01", "2027-09", ""),
            (
                "subject-matter-expert",
                "practitioner",
                3,
                2,
                "2027-01",
                "2028-03",
                "Social workers and team managers",
            ),
            ("information-governance-officer", "working", 1, 2, "2027-03", "2027-12", ""),
        ],
        "proposed_on": "2026-04-20",
        "story": [
            ("defined", "2026-06-15"),
            ("approved", "2026-08-19"),
            ("recruiting", "2026-09-07"),
        ],
    },
    {
        "slug": "school-admissions-online",
        "title": "School admissions online",
        "theme": "digital-services",
        "sub_area": "learning-and-teaching",
        "summary": (
            "A shared online service for parents and carers to register children for primary "
            "1, make placing requests and ask for transfers, which any council can reuse."
        ),
        "problem": (
            "Most councils still take primary 1 registrations and placing requests on paper "
            "or on PDF forms emailed to schools. School office staff re-key every application "
            "into the education management system, chase missing proof of address and answer "
            "calls about progress, and parents who move apply to each council in a different "
            "way. West Lothian, Falkirk and Midlothian agreed to design one service with "
            "parents and school office staff and make it available to every council."
        ),
        "lead_organisation": "West Lothian",
        "project_lead": "karen.scott@westlothian.example",
        "sponsor": "Head of Education (Learning, Policy and Resources), West Lothian Council",
        "planned_start": "2025-08-18",
        "planned_end": "2027-06-30",
        "estimated_cost": 480000,
        "stage": "in_delivery",
        "visibility": "public",
        "tags": ["Education", "Online forms", "Admissions"],
        "scope_in": [
            "Primary 1 registration",
            "Placing requests, including information about appeals",
            "In-year transfer requests",
            "Integration with the education management system the participating councils use",
        ],
        "scope_out": [
            "Early learning and childcare applications (a separate project)",
            "Transition from primary 7 to secondary, which schools manage",
        ],
        "requirements": [
            (
                "must",
                "Parents can apply and upload proof of address on a phone without creating an "
                "account",
            ),
            ("must", "Applications reach the education management system without re-keying"),
            ("must", "The service meets WCAG 2.2 AA and is tested with disabled parents"),
            ("should", "Parents get status updates by email and text message"),
            ("could", "Gaelic-medium education is offered where the council provides it"),
        ],
        "products": [
            (
                "School admissions online service",
                "service",
                "Registration, placing requests and transfers in one service.",
                "2026-12-18",
            ),
            (
                "Admissions integration component",
                "platform",
                "Connects the service to the education management system.",
                "2026-10-30",
            ),
        ],
        "benefits": [
            "Fewer than one in ten applications need follow-up for missing information",
            "About 1,200 hours a year of school office time saved in the first three councils",
            "Parents hear the outcome sooner and call schools less",
        ],
        "resources": [
            ("service-designer", "practitioner", 1, 8, "2025-08", "2026-06", ""),
            ("user-researcher", "practitioner", 1, 6, "2025-08", "2026-12", ""),
            ("software-developer", "practitioner", 2, 10, "2025-10", "2027-03", ""),
            (
                "subject-matter-expert",
                "working",
                3,
                2,
                "2025-08",
                "2027-06",
                "School office and admissions staff",
            ),
        ],
        "proposed_on": "2025-01-27",
        "story": [
            ("defined", "2025-03-10"),
            ("approved", "2025-04-14"),
            ("recruiting", "2025-05-06"),
            ("in_delivery", "2025-08-18"),
        ],
    },
    {
        "slug": "free-school-meals-and-clothing-grants-online",
        "title": "Free school meals and clothing grants online",
        "theme": "digital-services",
        "sub_area": "learning-and-teaching",
        "summary": (
            "Let families apply online once for free school meals and the school clothing "
            "grant, and award both automatically where council benefits data already shows "
            "entitlement."
        ),
        "problem": (
            "Families applied separately, often on paper, for free school meals and the "
            "school clothing grant, and many entitled families never applied at all. Councils "
            "already hold housing benefit and council tax reduction data that shows who is "
            "entitled. With a data protection impact assessment and clear privacy "
            "information, a council can award both automatically and invite eligible families "
            "who have not applied."
        ),
        "lead_organisation": "South Ayrshire",
        "project_lead": "gillian.shaw@south-ayrshire.example",
        "sponsor": "Director of Education, South Ayrshire Council",
        "planned_start": "2024-04-15",
        "planned_end": "2025-08-29",
        "estimated_cost": 210000,
        "stage": "closed",
        "visibility": "public",
        "tags": ["Education", "Benefits", "Online forms"],
        "scope_in": [
            "One online application for free school meals and school clothing grants",
            "Automatic awards from housing benefit and council tax reduction data",
            "A reusable form pattern and data protection impact assessment for other councils",
        ],
        "scope_out": [
            "Education maintenance allowance, which students apply for through schools",
            "Changes to eligibility rules",
        ],
        "requirements": [
            ("must", "A data protection impact assessment is approved before any data matching"),
            ("must", "Families can apply on a phone in under ten minutes"),
            ("should", "Award letters are sent by email where the family agrees"),
            ("could", "Families are reminded to reapply before each school year"),
        ],
        "products": [
            (
                "Free school meals and clothing grant application",
                "service",
                "One online application for both entitlements.",
                "2024-12-13",
            ),
            (
                "Automatic award data-matching guidance",
                "guidance",
                "How to award entitlements automatically from benefits data, lawfully.",
                "2025-04-30",
            ),
        ],
        "benefits": [
            "More entitled families receive free school meals and clothing grants",
            "Staff time saved processing paper forms",
            "Payments reach families before the new school year starts",
        ],
        "resources": [
            ("business-analyst", "practitioner", 1, 6, "2024-04", "2024-12", ""),
            ("information-governance-officer", "practitioner", 1, 3, "2024-04", "2024-10", ""),
            ("software-developer", "working", 1, 8, "2024-06", "2025-03", ""),
            ("content-designer", "working", 1, 4, "2024-05", "2024-11", ""),
        ],
        "proposed_on": "2023-12-04",
        "story": [
            ("defined", "2024-01-22"),
            ("approved", "2024-02-19"),
            ("recruiting", "2024-03-04"),
            ("in_delivery", "2024-04-15"),
            ("closed", "2025-09-12"),
        ],
    },
    {
        "slug": "crm-and-bookings",
        "title": "Shared customer platform: CRM and bookings",
        "theme": "digital-services",
        "sub_area": "customer-services",
        "summary": (
            "A customer relationship management and bookings platform that councils share, "
            "with common patterns for reporting, requesting and booking, so residents get a "
            "consistent account and councils stop buying the same thing many times over."
        ),
        "problem": (
            "Councils run separate customer relationship management systems, many with "
            "contracts ending between 2025 and 2028, and separate booking tools for "
            "registrars, bulky uplifts, sports and school lets. Each procurement costs time "
            "and money, and residents meet a different account and different forms in every "
            "council. A shared platform with a library of service patterns lets each council "
            "reuse what others have already built and tested."
        ),
        "lead_organisation": "Fife",
        "project_lead": "andrew.mckenzie@fife.example",
        "sponsor": "Chief Executive, Fife Council",
        "planned_start": "2025-04-01",
        "planned_end": "2027-09-30",
        "estimated_cost": 1850000,
        "stage": "in_delivery",
        "visibility": "public",
        "tags": ["Customer service", "CRM", "Bookings", "Shared platform"],
        "scope_in": [
            "Procurement of a shared CRM and bookings platform through a national framework",
            "A library of reusable service patterns: report, request, apply, book and pay",
            "Onboarding of the first five councils",
            "Sign-in with ScotAccount for councils that choose it",
        ],
        "scope_out": [
            "Councils' telephony and contact centre systems",
            "Card payments, which use each council's existing payment provider",
        ],
        "requirements": [
            ("must", "A council can reuse a service pattern without a new development project"),
            ("must", "The platform connects to back-office systems through documented APIs"),
            ("must", "Residents can see the progress of every request in one account"),
            ("should", "Bookings support deposits, changes and cancellations"),
            ("could", "Residents can sign in with ScotAccount"),
        ],
        "products": [
            (
                "Shared CRM and bookings platform",
                "platform",
                "The hosted platform councils join, with shared configuration.",
                "2026-03-31",
            ),
            (
                "Service pattern library",
                "guidance",
                "Tested designs and configuration for common council requests and bookings.",
                "2026-06-30",
            ),
            (
                "Council onboarding toolkit",
                "training",
                "Plans, training and checklists for councils joining the platform.",
                "2026-09-30",
            ),
        ],
        "benefits": [
            "Lower licence and procurement costs than separate council contracts",
            "New online services launched faster from shared patterns",
            "More requests made online instead of by phone",
        ],
        "resources": [
            ("product-manager", "expert", 1, 12, "2025-04", "2027-09", ""),
            ("solution-architect", "practitioner", 1, 8, "2025-04", "2026-09", ""),
            ("service-designer", "practitioner", 2, 8, "2025-06", "2027-03", ""),
            ("software-developer", "practitioner", 3, 10, "2025-09", "2027-09", ""),
        ],
        "proposed_on": "2024-11-18",
        "story": [
            ("defined", "2025-01-13"),
            ("approved", "2025-02-17"),
            ("recruiting", "2025-03-03"),
            ("in_delivery", "2025-05-12"),
        ],
    },
    {
        "slug": "housing-repairs-online",
        "title": "Housing repairs online",
        "theme": "digital-services",
        "sub_area": "customer-services",
        "summary": (
            "Let council tenants report a repair online with photos, choose an appointment "
            "and follow its progress, using a pattern any council landlord can adopt."
        ),
        "problem": (
            "The 26 councils that still own homes take most repair requests by phone. Call "
            "handlers diagnose a repair without seeing it, so too many first visits need a "
            "second trade or a different part, and tenants cannot see when a tradesperson "
            "will arrive. A guided online diagnosis with photos, and live appointment slots "
            "from the repairs system, would get more repairs right first time."
        ),
        "lead_organisation": "North Lanarkshire",
        "project_lead": "david.kerr@northlanarkshire.example",
        "sponsor": "Director of Enterprise and Communities, North Lanarkshire Council",
        "planned_start": "2027-01-04",
        "planned_end": "2028-03-31",
        "estimated_cost": 540000,
        "stage": "recruiting",
        "visibility": "public",
        "tags": ["Housing", "Repairs", "Customer service"],
        "scope_in": [
            "Guided repair diagnosis with photo upload",
            "Appointment booking from the repairs system",
            "Progress tracking and notifications",
            "A repairs pattern for the shared customer platform",
        ],
        "scope_out": [
            "Gas safety checks and planned maintenance programmes",
            "Housing associations' repair services",
        ],
        "requirements": [
            ("must", "Tenants reporting an emergency are told to phone, with the number shown"),
            ("must", "Appointments offered are live slots from the repairs system"),
            ("should", "Tenants can rate the repair once it is finished"),
            ("could", "Tenants can see the repairs history of their home"),
        ],
        "products": [
            (
                "Housing repairs online service",
                "service",
                "Report, book and track a repair online.",
                "2027-12-17",
            ),
            (
                "Repair diagnosis content library",
                "guidance",
                "Questions and pictures that help tenants describe common repairs.",
                "2027-08-31",
            ),
        ],
        "benefits": [
            "More repairs fixed on the first visit",
            "Fewer calls to housing contact centres",
            "Tenants know when a tradesperson will arrive",
        ],
        "resources": [
            ("user-researcher", "practitioner", 1, 8, "2027-01", "2027-09", ""),
            ("interaction-designer", "practitioner", 1, 8, "2027-02", "2027-12", ""),
            ("software-developer", "working", 2, 10, "2027-03", "2028-03", ""),
            (
                "subject-matter-expert",
                "working",
                2,
                2,
                "2027-01",
                "2028-03",
                "Housing repairs officers",
            ),
        ],
        "proposed_on": "2026-03-23",
        "story": [
            ("defined", "2026-05-18"),
            ("approved", "2026-07-08"),
            ("recruiting", "2026-10-05"),
        ],
    },
    {
        "slug": "waste-and-recycling-digital-services",
        "title": "Waste and recycling digital services",
        "theme": "digital-services",
        "sub_area": "place-and-environment",
        "summary": (
            "Common online services for collection days, missed bins, bulky uplifts and new "
            "bins, linked to crews' in-cab systems, for councils to adopt ahead of changes to "
            "household recycling."
        ),
        "problem": (
            "Bin enquiries are the most common contact for most councils. Residents report a "
            "missed bin before the crew has finished the round, and crews cannot see reports "
            "from the cab. Bulky uplifts are booked by phone and paid for separately. "
            "Councils with in-cab technology have shown that live round data cuts "
            "missed-bin calls, but each built its own integration."
        ),
        "lead_organisation": "Perth and Kinross",
        "project_lead": "heather.munro@pkc.example",
        "sponsor": "Executive Director (Communities), Perth and Kinross Council",
        "planned_start": "2027-04-01",
        "planned_end": "2028-03-31",
        "estimated_cost": 390000,
        "stage": "approved",
        "visibility": "public",
        "tags": ["Waste", "Recycling", "Bookings"],
        "scope_in": [
            "Collection day look-up by address",
            "Missed bin reports checked against live round data",
            "Bulky uplift booking and payment",
            "Requests for new or replacement bins",
        ],
        "scope_out": ["Trade waste services", "Route optimisation for collection rounds"],
        "requirements": [
            (
                "must",
                "A missed bin report made while the round is still running is refused, with "
                "an explanation",
            ),
            ("must", "Address look-up uses the One Scotland Gazetteer"),
            ("should", "Residents can subscribe to collection reminders"),
            ("could", "Residents see why a bin was not emptied when the crew records a reason"),
        ],
        "products": [
            (
                "Waste and recycling service patterns",
                "service",
                "Collection days, missed bins, bulky uplifts and bin requests.",
                "2027-12-17",
            ),
            (
                "In-cab integration guide",
                "guidance",
                "How to connect the services to the main in-cab systems.",
                "2027-10-29",
            ),
        ],
        "benefits": [
            "Fewer avoidable missed-bin calls",
            "Bulky uplift charges collected when the uplift is booked",
            "Crews see reports while still on the round",
        ],
        "resources": [
            ("service-designer", "practitioner", 1, 6, "2027-04", "2027-12", ""),
            ("software-developer", "practitioner", 2, 8, "2027-06", "2028-03", ""),
            (
                "subject-matter-expert",
                "working",
                2,
                2,
                "2027-04",
                "2028-03",
                "Waste services supervisors",
            ),
        ],
        "proposed_on": "2026-06-08",
        "story": [("defined", "2026-08-10"), ("approved", "2026-10-14")],
    },
    {
        "slug": "eplanning-integration",
        "title": "Planning: ePlanning integration",
        "theme": "digital-services",
        "sub_area": "place-and-environment",
        "summary": (
            "Connect the national ePlanning and eBuilding Standards portal to councils' "
            "back-office systems, so applications arrive complete and validated without "
            "re-keying."
        ),
        "problem": (
            "Most planning and building warrant applications are made through the Scottish "
            "Government's eDevelopment.scot portal, but councils download the documents and "
            "re-key the details into their back-office planning systems. Validation checks "
            "that the portal could run are done by hand, and many applications are invalid "
            "when first submitted. A shared integration, built once for the back-office "
            "systems most councils use, would end the re-keying."
        ),
        "lead_organisation": "Highland",
        "project_lead": "alasdair.mackay@highland.example",
        "sponsor": "Head of Planning and Building Standards, The Highland Council",
        "planned_start": "2027-04-01",
        "planned_end": "2028-09-29",
        "estimated_cost": 720000,
        "stage": "defined",
        "visibility": "public",
        "tags": ["Planning", "Building standards", "Integration"],
        "scope_in": [
            "Automatic transfer of application data and documents into back-office systems",
            "Shared validation rules for common application types",
            "Status updates back to applicants through the portal",
        ],
        "scope_out": [
            "Replacing councils' planning back-office systems",
            "Changes to planning legislation or fees",
        ],
        "requirements": [
            ("must", "No re-keying of application details received through the portal"),
            ("must", "Documents keep their portal descriptions and dates"),
            ("should", "Validation rules are agreed with Heads of Planning Scotland"),
            ("could", "Applicants see validation results before they submit"),
        ],
        "products": [
            (
                "ePlanning back-office connector",
                "platform",
                "Moves applications from the portal into back-office systems.",
                "2028-03-31",
            ),
            (
                "Shared validation rules",
                "guidance",
                "Agreed checks for the most common application types.",
                "2027-12-17",
            ),
        ],
        "benefits": [
            "Validation officers' time saved on re-keying",
            "Fewer invalid applications",
            "Valid applications registered sooner",
        ],
        "resources": [
            ("solution-architect", "practitioner", 1, 6, "2027-04", "2028-03", ""),
            ("software-developer", "practitioner", 2, 10, "2027-06", "2028-06", ""),
            ("business-analyst", "working", 1, 6, "2027-04", "2027-12", ""),
            (
                "subject-matter-expert",
                "working",
                2,
                2,
                "2027-04",
                "2028-09",
                "Planning validation officers",
            ),
        ],
        "proposed_on": "2026-08-24",
        "story": [("defined", "2026-10-22")],
    },
    {
        "slug": "intelligent-automation",
        "title": "Intelligent automation for benefits and revenues",
        "theme": "digital-services",
        "sub_area": "customer-services",
        "summary": (
            "Shared robotic process automation for high-volume benefits and revenues tasks, "
            "starting with Universal Credit notifications and council tax changes of address."
        ),
        "problem": (
            "Revenues and benefits teams process thousands of Department for Work and "
            "Pensions notifications and council tax changes every month by copying data "
            "between systems, and backlogs grow each spring with annual billing. A few "
            "councils have automated some of these tasks with software robots. Sharing "
            "tested automations and one operating model lets other councils benefit without "
            "starting again."
        ),
        "lead_organisation": "Angus",
        "project_lead": "stuart.milne@angus.example",
        "sponsor": "Director of Finance, Angus Council",
        "planned_start": "2025-10-06",
        "planned_end": "2027-03-31",
        "estimated_cost": 620000,
        "stage": "in_delivery",
        "visibility": "public",
        "tags": ["Automation", "RPA", "Benefits", "Revenues"],
        "scope_in": [
            "A shared library of tested automations for council tax and benefits processes",
            "An operating model and controls for running software robots",
            "Automation of Universal Credit data share notifications",
            "Automation of council tax changes of address",
        ],
        "scope_out": [
            "Automated decisions on entitlement without human review",
            "Non-domestic rates",
        ],
        "requirements": [
            ("must", "Every automation has a human check of exceptions and an audit trail"),
            ("must", "Automations run inside each council's own security boundary"),
            ("should", "A dashboard shows volumes processed and exceptions"),
            ("could", "Scanned evidence is read with document recognition"),
        ],
        "products": [
            (
                "Automation library for revenues and benefits",
                "platform",
                "Tested, documented automations councils can deploy.",
                "2026-06-30",
            ),
            (
                "Automation operating model and controls",
                "guidance",
                "Roles, controls and assurance for running software robots.",
                "2026-01-30",
            ),
        ],
        "benefits": [
            "Universal Credit notifications processed within five working days all year",
            "Staff time moved from copying data to complex cases",
            "Fewer errors in council tax accounts",
        ],
        "resources": [
            ("business-analyst", "practitioner", 2, 8, "2025-10", "2026-09", ""),
            (
                "software-developer",
                "practitioner",
                1,
                10,
                "2025-11",
                "2027-03",
                "Automation developer",
            ),
            (
                "subject-matter-expert",
                "working",
                3,
                2,
                "2025-10",
                "2027-03",
                "Revenues and benefits officers",
            ),
            ("information-governance-officer", "working", 1, 2, "2025-10", "2026-03", ""),
        ],
        "proposed_on": "2025-04-28",
        "story": [
            ("defined", "2025-06-09"),
            ("approved", "2025-07-14"),
            ("recruiting", "2025-08-04"),
            ("in_delivery", "2025-10-06"),
        ],
    },
    {
        # A new proposal: its lead is still gathering interest, so the definition is partial.
        "slug": "parking-permits-online",
        "title": "Parking permits online",
        "theme": "digital-services",
        "sub_area": "customer-services",
        "summary": (
            "An online service for residents' and visitors' parking permits that councils "
            "with controlled parking zones could share."
        ),
        "problem": (
            "Councils with controlled parking zones issue residents' permits through a mix "
            "of paper forms, old web forms and suppliers' portals, and check proof of "
            "residence and vehicle details by hand. The project lead is gathering interest "
            "from other councils before defining the project."
        ),
        "lead_organisation": "City of Edinburgh",
        "project_lead": "ruth.henderson@edinburgh.example",
        "sponsor": "",
        "planned_start": None,
        "planned_end": None,
        "estimated_cost": None,
        "stage": "proposed",
        "visibility": "partnership",
        "tags": ["Parking", "Permits"],
        "scope_in": ["Residents' parking permits", "Visitors' permits"],
        "scope_out": [],
        "requirements": [("must", "Vehicle details are checked with the DVLA")],
        "products": [],
        "benefits": ["Fewer paper applications and manual checks"],
        "resources": [],
        "proposed_on": "2026-09-28",
        "story": [],
    },
    {
        "slug": "council-tax-online-account",
        "title": "Council tax online account",
        "theme": "digital-services",
        "sub_area": "customer-services",
        "summary": (
            "A self-service council tax account where residents see their balance, set up a "
            "direct debit, apply for discounts and tell the council they are moving."
        ),
        "problem": (
            "Council tax queries are among the largest call volumes in every council. "
            "Residents cannot see what they owe or when without phoning, and moving home "
            "means forms to two councils. Revenues system suppliers offer portals, but at "
            "extra cost and with accessibility problems."
        ),
        "lead_organisation": "Aberdeen City",
        "project_lead": DEMO_PROJECT_LEAD,
        "sponsor": "Chief Officer – Customer Experience, Aberdeen City Council",
        "planned_start": "2026-01-05",
        "planned_end": "2027-06-30",
        "estimated_cost": 310000,
        "stage": "paused",
        "visibility": "public",
        "tags": ["Council tax", "Customer service"],
        "scope_in": [
            "Balance and instalment plan",
            "Direct debit set-up",
            "Single person discount applications",
            "Moving home",
        ],
        "scope_out": [
            "Non-domestic rates",
            "Council tax reduction, which is part of the benefits service",
        ],
        "requirements": [
            ("must", "Residents see their balance only after verifying their identity"),
            ("must", "Direct debit instructions follow the Bacs rules"),
            (
                "should",
                "Single person discount applications are checked against the electoral register",
            ),
            ("could", "Residents can choose paperless bills"),
        ],
        "products": [
            (
                "Council tax online account",
                "service",
                "Balance, payments, discounts and moving home in one account.",
                "2027-03-31",
            ),
        ],
        "benefits": [
            "Fewer council tax calls",
            "More residents paying by direct debit",
            "Moves and discounts processed sooner",
        ],
        "resources": [
            ("product-manager", "practitioner", 1, 6, "2026-01", "2027-06", ""),
            ("software-developer", "practitioner", 2, 10, "2026-03", "2027-03", ""),
            (
                "subject-matter-expert",
                "working",
                2,
                2,
                "2026-01",
                "2027-06",
                "Council tax officers",
            ),
        ],
        "proposed_on": "2025-08-11",
        "story": [
            ("defined", "2025-09-15"),
            ("approved", "2025-10-20"),
            ("recruiting", "2025-11-10"),
            (
                "paused",
                "2026-04-06",
                "Paused until the shared customer platform's account and sign-in patterns are "
                "live, so that this service is built on them rather than alongside them. The "
                "Customer Services board will review it in January 2027.",
            ),
        ],
    },
    {
        "slug": "scottish-welfare-fund-case-management",
        "title": "Shared Scottish Welfare Fund case management",
        "theme": "digital-services",
        "sub_area": "customer-services",
        "summary": (
            "A shared system for councils to take and decide Scottish Welfare Fund "
            "applications for crisis grants and community care grants."
        ),
        "problem": (
            "Councils run the Scottish Welfare Fund with a mix of supplier modules and "
            "spreadsheets. Applicants in crisis wait while staff re-key details and check "
            "evidence by hand, and statistics returns take days to compile."
        ),
        "lead_organisation": "East Renfrewshire",
        "project_lead": "nicola.grant@eastrenfrewshire.example",
        "sponsor": "Head of Communities and Transformation, East Renfrewshire Council",
        "planned_start": "2025-10-01",
        "planned_end": "2026-12-18",
        "estimated_cost": 430000,
        "stage": "cancelled",
        "visibility": "public",
        "tags": ["Welfare", "Case management", "Benefits"],
        "scope_in": [
            "Online applications for crisis grants and community care grants",
            "Case management and decision recording",
            "Statistics returns to the Scottish Government",
        ],
        "scope_out": ["Discretionary housing payments"],
        "requirements": [
            ("must", "Crisis grant decisions can be made and paid the same day"),
            ("must", "Statistics returns are produced from the system without re-keying"),
            ("should", "Applicants can apply by phone or online with the same questions"),
        ],
        "products": [
            (
                "Scottish Welfare Fund case management service",
                "service",
                "Applications, decisions and payments in one place.",
                "2026-09-30",
            ),
        ],
        "benefits": [
            "Faster decisions for people in crisis",
            "Less staff time spent re-keying applications",
        ],
        "resources": [
            ("business-analyst", "practitioner", 1, 8, "2025-10", "2026-06", ""),
            ("software-developer", "practitioner", 2, 10, "2025-12", "2026-12", ""),
        ],
        "proposed_on": "2025-03-31",
        "story": [
            ("defined", "2025-05-19"),
            (
                "cancelled",
                "2025-08-11",
                "Cancelled after the Scottish Government announced a review of the Scottish "
                "Welfare Fund. The participating councils agreed to contribute their user "
                "research to the review rather than build a shared system now.",
            ),
        ],
    },
    # ---------------------------------------------------------------- Digital Foundations
    {
        "slug": "office-365-federation",
        "title": "Office 365 federation across councils",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "Federate councils' Microsoft 365 tenancies so that staff can find each other, "
            "chat, meet and share documents across organisations as easily as inside their "
            "own."
        ),
        "problem": (
            "Council staff working on shared projects fell back on personal email and file "
            "transfer sites to work with colleagues in other councils, because each council's "
            "Microsoft 365 tenancy was closed to the others. Cross-tenant settings differed "
            "everywhere and information governance teams had no common agreement. Thirteen "
            "organisations agreed to federate using one configuration baseline and one data "
            "sharing agreement."
        ),
        "lead_organisation": "Glasgow City",
        "project_lead": "marie.docherty@glasgow.example",
        "sponsor": "Chief Operating Officer, Glasgow City Council",
        "planned_start": "2024-01-08",
        "planned_end": "2025-03-31",
        "estimated_cost": 260000,
        "stage": "closed",
        "visibility": "public",
        "tags": ["Microsoft 365", "Collaboration", "Federation"],
        "scope_in": [
            "A common cross-tenant access baseline",
            "A shared directory between the participating organisations",
            "A data sharing agreement and guidance for staff",
            "Federation of the thirteen founding organisations",
        ],
        "scope_out": ["Merging tenancies", "Guest access for suppliers"],
        "requirements": [
            ("must", "Every organisation's security lead reviews the settings before go-live"),
            ("must", "Staff can find colleagues in other organisations by name and job title"),
            ("should", "Sensitivity labels are honoured across organisations"),
            ("could", "Shared Teams channels for partnership projects"),
        ],
        "products": [
            (
                "Cross-tenant configuration baseline",
                "guidance",
                "The agreed settings every federated tenancy applies.",
                "2024-06-28",
            ),
            (
                "Microsoft 365 federation data sharing agreement",
                "guidance",
                "The agreement signed by every participating organisation.",
                "2024-05-31",
            ),
            (
                "Federated directory",
                "platform",
                "One address book across the thirteen organisations.",
                "2025-02-28",
            ),
        ],
        "benefits": [
            "Staff collaborate across councils without personal email or file transfer sites",
            "One agreed security baseline instead of thirteen separate assessments",
            "New organisations join in weeks rather than months",
        ],
        "resources": [
            ("end-user-computing-engineer", "practitioner", 2, 4, "2024-01", "2025-03", ""),
            ("security-architect", "expert", 1, 3, "2024-01", "2024-09", ""),
            ("information-governance-officer", "practitioner", 1, 2, "2024-02", "2024-08", ""),
            ("change-and-engagement-officer", "working", 1, 3, "2024-09", "2025-03", ""),
        ],
        "proposed_on": "2023-10-02",
        "story": [
            ("defined", "2023-11-13"),
            ("approved", "2023-12-11"),
            ("recruiting", "2024-01-08"),
            ("in_delivery", "2024-02-05"),
            ("closed", "2025-04-28"),
        ],
    },
    {
        "slug": "shared-contact-centre-telephony",
        "title": "Shared contact centre telephony platform",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "A shared cloud contact centre and telephony platform for councils whose "
            "contracts end as analogue lines are withdrawn."
        ),
        "problem": (
            "Nine councils' contact centre telephony contracts were due to end between 2025 "
            "and 2026, just as analogue lines are withdrawn. A shared cloud platform could "
            "have lowered costs and given councils common call reporting and routing between "
            "services."
        ),
        "lead_organisation": "South Lanarkshire",
        "project_lead": "fraser.lindsay@southlanarkshire.example",
        "sponsor": "Executive Director (Finance and Corporate Resources), South Lanarkshire "
        "Council",
        "planned_start": "2025-04-01",
        "planned_end": "2026-09-30",
        "estimated_cost": 1100000,
        "stage": "cancelled",
        "visibility": "partnership",
        "tags": ["Telephony", "Contact centre"],
        "scope_in": [
            "A shared cloud contact centre platform",
            "Migration of the participating councils' numbers and call flows",
            "Common call reporting",
        ],
        "scope_out": ["Staff mobile phones", "Telecare alarm calls"],
        "requirements": [
            ("must", "Each council keeps its own numbers, menus and opening hours"),
            ("must", "Call recording meets the payment card industry standard"),
            ("should", "Calls can be transferred between councils' services"),
        ],
        "products": [
            (
                "Shared contact centre platform",
                "platform",
                "A cloud contact centre each participating council configures.",
                "2026-03-31",
            ),
        ],
        "benefits": [
            "Lower telephony costs than separate contracts",
            "Common reporting on call volumes and waiting times",
        ],
        "resources": [
            ("technical-architect", "practitioner", 1, 6, "2025-04", "2026-03", ""),
            ("procurement-officer", "practitioner", 1, 4, "2025-04", "2025-09", ""),
        ],
        "proposed_on": "2024-08-26",
        "story": [
            ("defined", "2024-10-07"),
            ("approved", "2024-11-25"),
            (
                "cancelled",
                "2025-03-17",
                "Cancelled at the councils' request: seven of the nine councils extended their "
                "contracts or bought through a national telephony framework, which left too "
                "few councils for a shared platform to be viable.",
            ),
        ],
    },
    {
        "slug": "shared-data-platform",
        "title": "Data and intelligence: shared data platform",
        "theme": "digital-foundations",
        "sub_area": "data-and-intelligence",
        "summary": (
            "A secure data platform councils share, to bring service data together with "
            "common data models and build analysis once for everyone."
        ),
        "problem": (
            "Every council is asked the same questions by its own leaders and by national "
            "bodies: where demand for care is rising, which households are at risk of "
            "homelessness, how services compare. Each answers them from spreadsheets and "
            "reporting databases that few people can maintain. Most councils cannot justify "
            "a modern data platform and data engineering team alone. A shared platform, with "
            "each council's data kept separate and shared only under agreements, would let "
            "analysis built by one council be used by all."
        ),
        "lead_organisation": "City of Edinburgh",
        "project_lead": "alan.mcintyre@edinburgh.example",
        "sponsor": "Executive Director of Corporate Services, The City of Edinburgh Council",
        "planned_start": "2027-01-04",
        "planned_end": "2028-09-29",
        "estimated_cost": 2100000,
        "stage": "recruiting",
        "visibility": "public",
        "tags": ["Data", "Analytics", "Shared platform"],
        "scope_in": [
            "A cloud data platform with a separate, secure area for each council",
            "Common data models for the first three service areas",
            "Shared dashboards and analysis built on the common models",
            "Data sharing agreements for analysis across councils",
        ],
        "scope_out": [
            "Replacing councils' operational systems",
            "Publishing open data (covered by the common data standards project)",
        ],
        "requirements": [
            ("must", "Each council controls who can see its data"),
            ("must", "The platform meets the National Cyber Security Centre's cloud principles"),
            ("must", "Data models follow the partnership's common data standards"),
            ("should", "Analysts can use the tools they already know, such as SQL and R"),
            ("could", "Councils can publish selected data sets as open data from the platform"),
        ],
        "products": [
            (
                "Shared data platform",
                "platform",
                "The hosted platform with an area for each council.",
                "2027-09-30",
            ),
            (
                "Common service data models",
                "data",
                "Models for housing, social care and customer contact data.",
                "2028-03-31",
            ),
        ],
        "benefits": [
            "Analysis built once and used by every participating council",
            "Lower cost per council than separate data platforms",
            "Comparable figures for planning services across councils",
        ],
        "resources": [
            ("data-architect", "expert", 1, 8, "2027-01", "2027-12", ""),
            ("data-engineer", "practitioner", 2, 10, "2027-01", "2028-09", ""),
            ("data-analyst", "working", 3, 4, "2027-06", "2028-09", ""),
            ("information-governance-officer", "practitioner", 1, 3, "2027-01", "2027-09", ""),
        ],
        "proposed_on": "2026-01-19",
        "story": [
            ("defined", "2026-03-16"),
            ("approved", "2026-05-20"),
            ("recruiting", "2026-07-06"),
        ],
    },
    {
        "slug": "common-data-standards",
        "title": "Common data standards",
        "theme": "digital-foundations",
        "sub_area": "data-and-intelligence",
        "summary": (
            "Agree and publish common standards for the data every council holds, such as "
            "addresses, contact details, assets, service requests and open data, so systems "
            "and councils can exchange data without bespoke mapping."
        ),
        "problem": (
            "Councils describe the same things in different ways: an address, a service "
            "request, a school or a bin. Every integration, migration and national return "
            "starts with mapping one council's data to another's. Standards exist for some "
            "of this, such as the One Scotland Gazetteer for addresses, but are applied "
            "unevenly, and there is no agreed place to find and maintain them."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "lorna.ferguson@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2025-06-02",
        "planned_end": "2027-05-31",
        "estimated_cost": 380000,
        "stage": "in_delivery",
        "visibility": "public",
        "tags": ["Data standards", "Open data"],
        "scope_in": [
            "A catalogue of agreed data standards with owners and versions",
            "Standards for contact details, assets and service requests",
            "Guidance for applying existing address and property standards",
            "Open data publishing standards for common council data sets",
        ],
        "scope_out": [
            "Social care case records (covered by their own project)",
            "Building the shared data platform",
        ],
        "requirements": [
            ("must", "Every standard has a named owner and a review date"),
            ("must", "Standards are published openly and free to reuse"),
            ("should", "Suppliers are consulted before a standard is agreed"),
            ("could", "Councils can check their data against a standard with a simple tool"),
        ],
        "products": [
            (
                "Data standards catalogue",
                "guidance",
                "The published list of agreed standards.",
                "2025-12-19",
            ),
            (
                "Open data publishing standards",
                "data",
                "Schemas for the data sets councils most often publish.",
                "2026-09-30",
            ),
        ],
        "benefits": [
            "Less time spent mapping data for integrations and migrations",
            "Consistent open data across councils",
            "Standards written into procurements so suppliers meet them",
        ],
        "resources": [
            ("data-governance-manager", "expert", 1, 6, "2025-06", "2027-05", ""),
            ("data-architect", "practitioner", 1, 4, "2025-06", "2026-12", ""),
            ("data-analyst", "working", 2, 3, "2025-09", "2027-03", ""),
        ],
        "proposed_on": "2024-12-09",
        "story": [
            ("defined", "2025-02-03"),
            ("approved", "2025-03-12"),
            ("recruiting", "2025-04-07"),
            ("in_delivery", "2025-06-02"),
        ],
    },
    {
        "slug": "cyber-resilience",
        "title": "Cyber resilience: Public Sector Action Plan and Cyber Essentials Plus",
        "theme": "digital-foundations",
        "sub_area": "cyber-security",
        "summary": (
            "Help every council meet the Public Sector Action Plan on cyber resilience: "
            "Cyber Essentials Plus certification, tested incident response plans and shared "
            "threat intelligence."
        ),
        "problem": (
            "The Scottish Government's Public Sector Action Plan on cyber resilience expects "
            "public bodies to hold Cyber Essentials certification (Plus where appropriate), "
            "to have incident response plans that are exercised, and to share threat "
            "intelligence. Councils' certification lapses as their estates change, and "
            "attacks on UK councils have shown how long recovery takes without tested plans "
            "and offline backups."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "neil.sinclair@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2025-04-07",
        "planned_end": "2027-03-31",
        "estimated_cost": 950000,
        "stage": "in_delivery",
        "visibility": "partnership",
        "tags": ["Cyber security", "Cyber Essentials Plus", "Resilience"],
        "scope_in": [
            "Cyber Essentials Plus readiness reviews and help with remediation",
            "An incident response plan template and annual exercises",
            "Threat intelligence shared with the Scottish Cyber Coordination Centre",
            "A review of backup and recovery arrangements for critical systems",
        ],
        "scope_out": [
            "Buying security products for councils",
            "A shared security operations centre (a separate proposal)",
        ],
        "requirements": [
            (
                "must",
                "Every participating council holds a current Cyber Essentials Plus "
                "certificate or has a dated remediation plan",
            ),
            ("must", "Each council runs at least one incident response exercise a year"),
            ("should", "Critical systems have immutable or offline backups"),
            ("could", "A shared framework for penetration testing"),
        ],
        "products": [
            (
                "Cyber Essentials Plus readiness toolkit",
                "guidance",
                "Checklists and evidence templates for certification.",
                "2025-09-30",
            ),
            (
                "Incident response plan template and exercise pack",
                "guidance",
                "A plan template and scenarios for tabletop exercises.",
                "2025-10-31",
            ),
            (
                "Cyber resilience baseline report",
                "report",
                "Where every council stands against the action plan.",
                "2026-12-18",
            ),
        ],
        "benefits": [
            "More councils holding Cyber Essentials Plus",
            "Faster recovery from a cyber incident",
            "Earlier warning of threats through shared intelligence",
        ],
        "resources": [
            ("security-architect", "expert", 1, 4, "2025-04", "2027-03", ""),
            ("infrastructure-engineer", "practitioner", 3, 3, "2025-06", "2026-12", ""),
            ("incident-manager", "practitioner", 1, 2, "2025-09", "2027-03", ""),
            ("trainer", "working", 1, 2, "2025-10", "2026-06", ""),
        ],
        "proposed_on": "2024-10-21",
        "story": [
            ("defined", "2024-12-09"),
            ("approved", "2025-01-22"),
            ("recruiting", "2025-02-10"),
            ("in_delivery", "2025-04-07"),
        ],
    },
    {
        "slug": "swan-refresh",
        "title": "Scottish Wide Area Network (SWAN) refresh",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "Prepare councils for the next Scottish Wide Area Network: agree their "
            "requirements, plan the migration of council sites and represent them in the "
            "national procurement."
        ),
        "problem": (
            "Councils connect schools, libraries and offices through the Scottish Wide Area "
            "Network (SWAN), the network shared with NHS Scotland and other public bodies. "
            "The current contract is approaching its end, and the next network must carry "
            "cloud services, more bandwidth for schools and the calls that used to run on "
            "analogue lines. Councils are SWAN's largest group of customers, so their "
            "requirements and migration plans need to be agreed together."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "gordon.reid@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2027-01-04",
        "planned_end": "2028-12-22",
        "estimated_cost": 3500000,
        "stage": "approved",
        "visibility": "partnership",
        "tags": ["Network", "SWAN", "Procurement"],
        "scope_in": [
            "Councils' requirements for the next network, by type of site",
            "A migration plan for every council's sites",
            "Representing councils in the national procurement",
        ],
        "scope_out": [
            "Local networks inside council buildings",
            "NHS boards' requirements",
        ],
        "requirements": [
            ("must", "No school loses connectivity during term time because of the migration"),
            ("must", "Requirements are signed off by every council's head of ICT"),
            ("should", "Bandwidth for schools meets the national digital learning standard"),
            (
                "could",
                "Councils can buy extra services, such as internet breakout, from the contract",
            ),
        ],
        "products": [
            (
                "Council requirements for the next SWAN",
                "report",
                "Agreed requirements by site type, for the procurement.",
                "2027-06-30",
            ),
            (
                "Site migration plan",
                "guidance",
                "The order and timing of every council's site migrations.",
                "2028-03-31",
            ),
        ],
        "benefits": [
            "Continuity of connectivity for schools and offices",
            "Better prices through councils buying together",
            "Capacity for cloud services without local upgrades",
        ],
        "resources": [
            ("network-architect", "expert", 1, 6, "2027-01", "2028-12", ""),
            ("infrastructure-engineer", "practitioner", 4, 3, "2027-06", "2028-12", ""),
            ("procurement-officer", "practitioner", 1, 4, "2027-01", "2027-12", ""),
        ],
        "proposed_on": "2026-04-13",
        "story": [("defined", "2026-06-01"), ("approved", "2026-09-09")],
    },
    {
        "slug": "cloud-first-hosting-strategy",
        "title": "Cloud-first hosting strategy",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "A shared strategy, reference architecture and commercial approach for moving "
            "council systems from local data centres to cloud hosting."
        ),
        "problem": (
            "Many councils run ageing on-premises data centres that need investment in power, "
            "cooling and hardware within the next few years. Each is deciding separately "
            "whether and how to move to the cloud, and several have found that a lift-and-"
            "shift move costs more than they expected. A shared strategy, with a reference "
            "architecture and cost model tested by councils that have moved, would help "
            "others decide well."
        ),
        "lead_organisation": "Aberdeen City",
        "project_lead": DEMO_PROJECT_LEAD,
        "sponsor": "Chief Officer – Digital and Technology, Aberdeen City Council",
        "planned_start": "2027-04-01",
        "planned_end": "2028-03-31",
        "estimated_cost": 290000,
        "stage": "defined",
        "visibility": "public",
        "tags": ["Cloud", "Hosting", "Strategy"],
        "scope_in": [
            "A cloud-first hosting strategy councils can adopt",
            "A reference architecture for landing zones, identity and networking",
            "A cost model comparing on-premises and cloud hosting",
        ],
        "scope_out": ["Migrating any council's systems", "Choosing a single cloud supplier"],
        "requirements": [
            ("must", "The cost model is tested against three councils' real costs"),
            (
                "must",
                "The reference architecture meets the National Cyber Security Centre's "
                "cloud security principles",
            ),
            ("should", "The strategy covers exit plans for each hosting option"),
            ("could", "Template business case for a council's cloud migration"),
        ],
        "products": [
            (
                "Cloud hosting reference architecture",
                "guidance",
                "Landing zone, identity and network patterns.",
                "2027-10-29",
            ),
            (
                "Hosting cost model",
                "report",
                "A model councils fill in with their own figures.",
                "2027-12-17",
            ),
        ],
        "benefits": [
            "Better-informed hosting decisions and fewer costly migrations",
            "Less duplicated design work across councils",
        ],
        "resources": [
            ("enterprise-architect", "expert", 1, 4, "2027-04", "2028-03", ""),
            ("infrastructure-engineer", "practitioner", 2, 3, "2027-04", "2027-12", ""),
            ("security-architect", "practitioner", 1, 2, "2027-06", "2027-12", ""),
        ],
        "proposed_on": "2026-09-14",
        "story": [("defined", "2026-11-09")],
    },
    {
        "slug": "microsoft-licence-agreement",
        "title": "Microsoft licence agreement",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "One national agreement for councils' Microsoft licences, with common prices and "
            "terms, in place of separate renewals by each council."
        ),
        "problem": (
            "Councils renewed their Microsoft licences separately, on different dates and "
            "through different resellers, and paid different prices for the same products. "
            "Negotiating together as one customer of significant size gives councils better "
            "prices and terms, and makes shared projects such as federation simpler."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "gordon.reid@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2024-03-11",
        "planned_end": "2024-12-20",
        "estimated_cost": 120000,
        "stage": "closed",
        "visibility": "partnership",
        "tags": ["Microsoft 365", "Licensing", "Procurement"],
        "scope_in": [
            "A licensing baseline for every participating council",
            "Negotiation of national prices and terms",
            "A call-off route for councils through a national framework",
        ],
        "scope_out": ["Licences for schools' pupils", "Councils' other software suppliers"],
        "requirements": [
            ("must", "Each council can join at its own renewal date"),
            ("must", "Prices are at least as good as the best any council already pays"),
            ("should", "Terms allow licences to move between councils in shared services"),
        ],
        "products": [
            (
                "National Microsoft licence agreement",
                "framework",
                "The agreement councils call off at their renewal date.",
                "2024-11-29",
            ),
            (
                "Licensing baseline report",
                "report",
                "What each council licenses today and what it pays.",
                "2024-06-28",
            ),
        ],
        "benefits": [
            "Lower licence costs for councils joining the agreement",
            "Less procurement effort at each renewal",
        ],
        "resources": [
            ("procurement-officer", "expert", 1, 6, "2024-03", "2024-12", ""),
            ("it-service-manager", "practitioner", 2, 2, "2024-03", "2024-08", ""),
        ],
        "proposed_on": "2023-12-11",
        "story": [
            ("defined", "2024-01-15"),
            ("approved", "2024-02-12"),
            ("recruiting", "2024-02-26"),
            ("in_delivery", "2024-03-11"),
            ("closed", "2025-01-20"),
        ],
    },
    {
        "slug": "digital-inclusion-and-connectivity",
        "title": "Digital inclusion and connectivity",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "Help residents who are offline or find digital services hard, especially in "
            "island and rural areas, with devices, data, skills and connections through "
            "libraries, community groups and council services."
        ),
        "problem": (
            "As more council services move online, residents without a device, an "
            "affordable connection or the confidence to use them risk being left behind. In "
            "island and rural areas, gaps in broadband and mobile coverage make this worse. "
            "Councils run device lending, digital champions and library support, but in "
            "isolation and without knowing what works."
        ),
        "lead_organisation": "Na h-Eileanan Siar",
        "project_lead": "mairi.macleod@cne-siar.example",
        "sponsor": "Chief Executive, Comhairle nan Eilean Siar",
        "planned_start": "2026-11-02",
        "planned_end": "2028-03-31",
        "estimated_cost": 450000,
        "stage": "recruiting",
        "visibility": "public",
        "tags": ["Digital inclusion", "Connectivity", "Rural and islands"],
        "scope_in": [
            "A shared model for lending devices and data",
            "A network of digital champions in libraries and community groups",
            "Mapping connectivity gaps against where residents use council services",
        ],
        "scope_out": ["Building broadband infrastructure", "Digital skills for council staff"],
        "requirements": [
            ("must", "Support is available in Gaelic as well as English where residents ask"),
            ("must", "Outcomes are measured the same way in every participating council"),
            ("should", "Devices are refurbished council equipment where possible"),
            ("could", "Residents can book help sessions online or by phone"),
        ],
        "products": [
            (
                "Device and data lending model",
                "guidance",
                "How to run lending, from stock to safeguarding.",
                "2027-05-28",
            ),
            (
                "Connectivity gaps map",
                "data",
                "Coverage gaps against service use, by data zone.",
                "2027-09-30",
            ),
        ],
        "benefits": [
            "More residents able to use council services online",
            "Fewer residents excluded from services by cost or confidence",
            "Better-targeted investment in connectivity",
        ],
        "resources": [
            ("change-and-engagement-officer", "practitioner", 2, 6, "2026-11", "2028-03", ""),
            ("data-analyst", "working", 1, 4, "2027-01", "2027-09", ""),
            ("trainer", "working", 2, 4, "2027-01", "2028-03", "Digital champions co-ordinators"),
        ],
        "proposed_on": "2026-02-23",
        "story": [
            ("defined", "2026-04-20"),
            ("approved", "2026-06-10"),
            ("recruiting", "2026-08-03"),
        ],
    },
    {
        # A new proposal: the lead is testing interest before writing the definition.
        "slug": "shared-security-operations-centre",
        "title": "Shared security operations centre",
        "theme": "digital-foundations",
        "sub_area": "cyber-security",
        "summary": (
            "Explore a shared security operations centre that watches councils' networks "
            "around the clock, for councils too small to run their own."
        ),
        "problem": (
            "Smaller councils cannot staff round-the-clock security monitoring, so alerts "
            "raised overnight or at weekends wait until the next working day. A shared "
            "service could watch every participating council's alerts continuously."
        ),
        "lead_organisation": "Clackmannanshire",
        "project_lead": "kevin.douglas@clacks.example",
        "sponsor": "",
        "planned_start": None,
        "planned_end": None,
        "estimated_cost": None,
        "stage": "proposed",
        "visibility": "partnership",
        "tags": ["Cyber security"],
        "scope_in": ["Round-the-clock monitoring of participating councils' security alerts"],
        "scope_out": [],
        "requirements": [],
        "products": [],
        "benefits": [],
        "resources": [],
        "proposed_on": "2026-10-19",
        "story": [],
    },
    {
        "slug": "data-sharing-agreements-toolkit",
        "title": "Data sharing agreements toolkit",
        "theme": "digital-foundations",
        "sub_area": "data-and-intelligence",
        "summary": (
            "Templates, guidance and a register so councils can agree lawful data sharing "
            "with each other and with partners in weeks rather than months."
        ),
        "problem": (
            "Every shared project needs data sharing agreements and data protection impact "
            "assessments, and each council's information governance team drafts its own. "
            "Agreements take months, projects wait, and nobody can easily see what is already "
            "shared with whom."
        ),
        "lead_organisation": "Renfrewshire",
        "project_lead": "claire.wilson@renfrewshire.example",
        "sponsor": "Head of Corporate Governance, Renfrewshire Council",
        "planned_start": "2027-02-01",
        "planned_end": "2027-10-29",
        "estimated_cost": 95000,
        "stage": "defined",
        "visibility": "public",
        "tags": ["Information governance", "Data sharing"],
        "scope_in": [
            "Template data sharing agreements for common partnership projects",
            "Template data protection impact assessments",
            "Templates for sharing with health and social care partnerships",
            "A register of agreements between councils",
        ],
        "scope_out": ["Legal advice on individual agreements"],
        "requirements": [
            ("must", "Templates are approved by the information governance leads' forum"),
            ("must", "Templates follow the Information Commissioner's data sharing code"),
            ("should", "The register shows each agreement's review date"),
        ],
        "products": [
            (
                "Data sharing templates",
                "guidance",
                "Agreements and impact assessments ready to adapt.",
                "2027-06-30",
            ),
            (
                "Data sharing register",
                "data",
                "Who shares what with whom, and until when.",
                "2027-09-30",
            ),
        ],
        "benefits": [
            "Agreements for shared projects signed in weeks rather than months",
            "Less duplicated drafting by information governance teams",
        ],
        "resources": [
            ("information-governance-officer", "expert", 2, 4, "2027-02", "2027-10", ""),
            ("business-analyst", "working", 1, 3, "2027-02", "2027-06", ""),
        ],
        "proposed_on": "2026-05-25",
        "story": [
            ("defined", "2026-07-13"),
            (
                "proposed",
                "2026-08-03",
                "Reopened to add templates for sharing with health and social care "
                "partnerships, as the information governance leads' forum asked.",
            ),
            ("defined", "2026-09-14"),
        ],
    },
    # ---------------------------------------------------------------- Digital Leadership
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
