"""Demo projects of the Digital Services theme.

Shapes: see ``heartbeat.demo.data.portfolio``.
"""

from heartbeat.demo.data.portfolio.common import DEMO_PROJECT_LEAD, DIRECTOR

PROJECTS: list[dict] = [
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
]
