"""The demo partnership's governance: a Partnership Board and a Programme Board, who sits on
them, the stage gates they own, and a year of their meetings with agendas, papers,
attendance, minutes, actions and decisions that follow the demo projects' stories.

Shapes, so the data can be read without the loader:
- people are named by email; ``PEOPLE`` adds those the other demo data lacks;
- ``SEATS``: (board slug, email, role, from, until or None);
- a meeting is (board slug, ISO date) with a start and end time, a place or link,
  ``apologies`` (emails; the other members present), ``agenda`` items as (title, presenter,
  summary) or with a fourth element naming a paper to attach, ``minutes``, ``decisions``
  and ``actions``;
- a decision names its project by slug, its product by (project slug, product name) or its
  work request by (organisation name, request title), ``gate`` for a stage-gate decision,
  and ``moved_on`` the date the project's move through
  the gate was recorded (the move itself is in the work programme's demo stories);
- an action is (description, owner's email, due date, done date or None, progress note).

People, meetings and wording are illustrative; the boards are the kind the partnership has.
"""

PEOPLE: list[dict] = [
    {
        "email": "eleanor.stewart@pkc.example",
        "full_name": "Eleanor Stewart",
        "job_title": "Chief Executive",
        "organisation": "Perth and Kinross",
    },
    {
        "email": "martin.doyle@digital-office.example",
        "full_name": "Martin Doyle",
        "job_title": "Director, Digital Office",
        "organisation": "Digital Office",
    },
    {
        "email": "kenneth.moir@cosla.example",
        "full_name": "Kenneth Moir",
        "job_title": "Policy Manager, Digital and Data",
        "organisation": "COSLA",
    },
    {
        "email": "jennifer.blair@scotborders.example",
        "full_name": "Jennifer Blair",
        "job_title": "Chief Officer, Digital and Customer",
        "organisation": "Scottish Borders",
    },
]

GRAHAM = "board.member@dundeecity.example"
RACHEL = "delivery.manager@digital-office.example"
MORAG = "programme.office@digital-office.example"
IAIN = "organisation.lead@fife.example"
SHONA = "digital.lead@glasgow.example"
DONALD = "ict.manager@cne-siar.example"
HANNAH = "hannah.wallace@digital-office.example"
ELEANOR = "eleanor.stewart@pkc.example"
MARTIN = "martin.doyle@digital-office.example"
KENNETH = "kenneth.moir@cosla.example"
JENNIFER = "jennifer.blair@scotborders.example"

BOARDS: list[dict] = [
    {
        "slug": "partnership-board",
        "name": "Partnership Board",
        "cadence": "quarterly",
        "remit": (
            "Sets the partnership's direction: agrees its strategy and priorities, the annual "
            "work programme and its budget, and how councils' contributions are used. It "
            "agrees the closure of projects, confirming the benefits they delivered, and "
            "reports to council chief executives through SOLACE Scotland."
        ),
    },
    {
        "slug": "programme-board",
        "name": "Programme Board",
        "cadence": "monthly",
        "remit": (
            "Oversees the delivery of the work programme. It approves projects at the "
            "approval gate once their definitions are complete, reviews progress, risks and "
            "benefits each month, agrees changes to scope, timescales and products, and "
            "escalates to the Partnership Board what it cannot resolve."
        ),
    },
]

SEATS: list[tuple] = [
    ("partnership-board", ELEANOR, "chair", "2025-04-01", None),
    ("partnership-board", RACHEL, "secretary", "2025-04-01", None),
    ("partnership-board", MARTIN, "member", "2025-04-01", None),
    ("partnership-board", GRAHAM, "member", "2025-04-01", None),
    ("partnership-board", IAIN, "member", "2025-04-01", None),
    ("partnership-board", KENNETH, "member", "2025-04-01", None),
    ("partnership-board", SHONA, "member", "2025-09-01", None),
    ("programme-board", GRAHAM, "chair", "2025-04-01", None),
    ("programme-board", RACHEL, "secretary", "2025-04-01", None),
    ("programme-board", MORAG, "member", "2025-04-01", None),
    ("programme-board", HANNAH, "member", "2025-04-01", None),
    ("programme-board", IAIN, "member", "2025-04-01", None),
    ("programme-board", DONALD, "member", "2025-04-01", "2026-06-30"),
    ("programme-board", JENNIFER, "member", "2026-07-01", None),
]

GATES: list[dict] = [
    {
        "stage": "approved",
        "board": "programme-board",
        "note": "Approval commits councils' people and the partnership's money.",
    },
    {
        "stage": "closed",
        "board": "partnership-board",
        "note": "Closing a project confirms its benefits and releases what is left of its budget.",
    },
]

PROGRAMME_BOARD = {"start": "10:00", "end": "12:00", "place": "Digital Office, Edinburgh"}
PARTNERSHIP_BOARD = {"start": "14:00", "end": "16:00", "place": "Verity House, Edinburgh"}
ONLINE = "https://meet.digital-office.example/programme-board"

HIGHLIGHT = (
    "Programme highlight report",
    "Morag Campbell, Programme Manager",
    "Delivery confidence, milestones and the top risks across the programme, for noting.",
)

MEETINGS: list[dict] = [
    {
        "board": "programme-board",
        "date": "2025-12-10",
        **PROGRAMME_BOARD,
        "apologies": [DONALD],
        "agenda": [
            HIGHLIGHT,
            (
                "Digital procurement pipeline: approval",
                "Hannah Wallace, Strategy and Performance Lead",
                "The board is asked to approve the project, whose definition is complete.",
            ),
        ],
        "minutes": (
            "The chair welcomed members. The minutes of the November meeting were agreed.\n\n"
            "Highlight report: delivery confidence is amber/green overall. Telecare "
            "migrations are ahead of plan in 19 councils; the data standards catalogue will "
            "be published before Christmas.\n\n"
            "Digital procurement pipeline: members welcomed a single view of councils' "
            "planned ICT procurements, which should show where joint buying saves money. "
            "The board approved the project, on condition that it does not duplicate the "
            "national frameworks Scotland Excel is preparing."
        ),
        "decisions": [
            {
                "title": "Approve the Digital procurement pipeline",
                "outcome": "approved",
                "project": "digital-procurement-pipeline",
                "gate": "approved",
                "moved_on": "2025-12-10",
                "conditions": "Align with Scotland Excel's national ICT frameworks as they are "
                "confirmed, and pause if they would be duplicated.",
            },
        ],
        "actions": [
            (
                "Share the pipeline's data fields with Scotland Excel before work starts",
                HANNAH,
                "2026-01-30",
                "2026-01-26",
                "Shared and discussed with their category team.",
            ),
        ],
    },
    {
        "board": "programme-board",
        "date": "2026-01-14",
        **PROGRAMME_BOARD,
        "apologies": [HANNAH],
        "agenda": [
            HIGHLIGHT,
            (
                "Digital skills academy: pause",
                "Laura Anderson, Organisational Development Lead, Dundee City",
                "Councils' 2026-27 contributions are not all confirmed: the board is asked to "
                "agree a pause.",
            ),
        ],
        "minutes": (
            "The minutes of the December meeting were agreed.\n\n"
            "Digital skills academy: 17 of the 26 participating councils have confirmed their "
            "2026-27 contributions. The board agreed the pause from 12 January, and asked "
            "the programme office to report back in February.\n\n"
            "Highlight report: the shared CRM platform remains on track for the end of March."
        ),
        "decisions": [
            {
                "title": "Agree the pause of the Digital skills academy while councils confirm "
                "their 2026-27 contributions",
                "outcome": "approved",
                "project": "digital-skills-academy",
            },
        ],
        "actions": [
            (
                "Chase the nine councils yet to confirm skills academy contributions",
                MORAG,
                "2026-02-06",
                "2026-02-05",
                "Seven confirmed; two declined for 2026-27.",
            ),
        ],
    },
    {
        "board": "programme-board",
        "date": "2026-02-11",
        **PROGRAMME_BOARD,
        "apologies": [],
        "agenda": [
            HIGHLIGHT,
            ("Digital skills academy: resuming", "Laura Anderson", "For decision."),
            (
                "Digital procurement pipeline: national frameworks",
                "Hannah Wallace",
                "Scotland Excel and the Scottish Government are still settling the scope of "
                "the new national ICT frameworks. For decision.",
            ),
        ],
        "minutes": (
            "The minutes of the January meeting were agreed; the action on contributions was "
            "complete.\n\n"
            "Digital skills academy: 24 councils have now confirmed. The board agreed that "
            "the academy resumes in March.\n\n"
            "Digital procurement pipeline: to avoid duplicating the national frameworks, the "
            "board agreed to pause the project from 16 February until their scope is "
            "confirmed, as its approval foresaw."
        ),
        "decisions": [
            {
                "title": "Resume the Digital skills academy in March 2026",
                "outcome": "approved",
                "project": "digital-skills-academy",
            },
            {
                "title": "Pause the Digital procurement pipeline until the national ICT "
                "frameworks' scope is confirmed",
                "outcome": "approved",
                "project": "digital-procurement-pipeline",
            },
        ],
        "actions": [],
    },
    {
        "board": "programme-board",
        "date": "2026-03-11",
        **PROGRAMME_BOARD,
        "apologies": [IAIN],
        "agenda": [
            HIGHLIGHT,
            (
                "Council tax online account: dependency on the customer platform",
                "Andrew McKenzie, Customer Services Transformation Manager, Fife",
                "Recommends building the account on the shared customer platform's sign-in "
                "patterns, pausing from April.",
            ),
        ],
        "minutes": (
            "The minutes of the February meeting were agreed.\n\n"
            "Council tax online account: members agreed it would be wasteful to build its "
            "own account and sign-in when the shared customer platform will provide both. "
            "The board agreed a pause from April, to be reviewed in January 2027."
        ),
        "decisions": [
            {
                "title": "Pause the Council tax online account from April 2026 until the "
                "shared customer platform's account patterns are live",
                "outcome": "approved",
                "project": "council-tax-online-account",
                "detail": "Building a separate account now would mean rebuilding it within a "
                "year. The pause will be reviewed in January 2027.",
            },
        ],
        "actions": [
            (
                "Set a review of the council tax account for the January 2027 meeting",
                RACHEL,
                "2027-01-13",
                None,
                "On the forward plan.",
            ),
        ],
    },
    {
        "board": "programme-board",
        "date": "2026-04-15",
        **PROGRAMME_BOARD,
        "apologies": [DONALD],
        "agenda": [
            HIGHLIGHT,
            (
                "Benefits reporting",
                "Hannah Wallace",
                "A proposed quarterly template for projects' benefits, for discussion.",
            ),
        ],
        "minutes": (
            "The minutes of the March meeting were agreed.\n\n"
            "Highlight report: the shared CRM and bookings platform went live on 14 April, "
            "two weeks late; nine councils are preparing to adopt it. The skills academy's "
            "learning paths launch on 20 April after the pause.\n\n"
            "Benefits reporting: members supported a single quarterly template and asked for "
            "it to be simplified for smaller projects."
        ),
        "decisions": [],
        "actions": [
            (
                "Simplify the benefits template for projects under £100,000",
                HANNAH,
                "2026-05-15",
                "2026-05-14",
                "Two-page version agreed with project leads.",
            ),
        ],
    },
    {
        "board": "programme-board",
        "date": "2026-05-20",
        **PROGRAMME_BOARD,
        "apologies": [],
        "agenda": [
            HIGHLIGHT,
            (
                "Shared data platform: approval",
                "Alan McIntyre, Data Platform Lead, City of Edinburgh",
                "The definition is complete; the board is asked to approve the project.",
            ),
        ],
        "minutes": (
            "The minutes of the April meeting were agreed.\n\n"
            "Shared data platform: members discussed hosting costs and councils' data "
            "protection responsibilities. The board approved the project, on condition that "
            "a data protection impact assessment is agreed with participating councils "
            "before any personal data is loaded."
        ),
        "decisions": [
            {
                "title": "Approve the Shared data platform",
                "outcome": "approved",
                "project": "shared-data-platform",
                "gate": "approved",
                "moved_on": "2026-05-20",
                "conditions": "A data protection impact assessment is agreed with the "
                "participating councils before personal data is loaded.",
            },
        ],
        "actions": [],
    },
    {
        "board": "programme-board",
        "date": "2026-06-10",
        **PROGRAMME_BOARD,
        "apologies": [HANNAH],
        "agenda": [
            HIGHLIGHT,
            (
                "Digital inclusion and connectivity: approval",
                "Mairi MacLeod, Digital Inclusion Officer, Na h-Eileanan Siar",
                "For approval.",
            ),
            (
                "Cyber Essentials Plus readiness toolkit",
                "Neil Sinclair, Cyber Security Lead",
                "Nine months on, 27 councils use the toolkit. The board is asked to endorse it "
                "as the partnership's recommended route to certification.",
            ),
        ],
        "minutes": (
            "The minutes of the May meeting were agreed. The chair thanked Donald MacDonald, "
            "attending his last meeting, for his work on the board.\n\n"
            "Digital inclusion and connectivity: approved, with island and rural councils "
            "to be among the first to test the device lending model.\n\n"
            "Cyber Essentials Plus readiness toolkit: endorsed as the recommended route to "
            "certification for every council."
        ),
        "decisions": [
            {
                "title": "Approve Digital inclusion and connectivity",
                "outcome": "approved",
                "project": "digital-inclusion-and-connectivity",
                "gate": "approved",
                "moved_on": "2026-06-10",
                "conditions": "Island and rural councils are among the first to test the "
                "device lending model.",
            },
            {
                "title": "Endorse the Cyber Essentials Plus readiness toolkit as the "
                "partnership's recommended route to certification",
                "outcome": "approved",
                "product": ("cyber-resilience", "Cyber Essentials Plus readiness toolkit"),
            },
        ],
        "actions": [
            (
                "Send the endorsed toolkit to every council's senior information risk owner",
                "neil.sinclair@digital-office.example",
                "2026-06-30",
                "2026-06-24",
                "",
            ),
        ],
    },
    {
        "board": "programme-board",
        "date": "2026-07-08",
        **PROGRAMME_BOARD,
        "link": ONLINE,
        "apologies": [IAIN],
        "agenda": [
            HIGHLIGHT,
            (
                "Housing repairs online: approval",
                "David Kerr, Housing Systems Manager, North Lanarkshire",
                "For approval.",
            ),
        ],
        "minutes": (
            "The meeting was held online. The minutes of the June meeting were agreed, and "
            "the chair welcomed Jennifer Blair to her first meeting.\n\n"
            "Housing repairs online: approved. Members asked that the repair diagnosis "
            "content is written with tenants, not only housing officers."
        ),
        "decisions": [
            {
                "title": "Approve Housing repairs online",
                "outcome": "approved",
                "project": "housing-repairs-online",
                "gate": "approved",
                "moved_on": "2026-07-08",
                "conditions": "The repair diagnosis content is written and tested with tenants.",
            },
        ],
        "actions": [
            (
                "Publish the quarterly benefits summary for April to June",
                MORAG,
                "2026-07-31",
                "2026-07-29",
                "",
            ),
        ],
    },
    {
        "board": "programme-board",
        "date": "2026-08-19",
        **PROGRAMME_BOARD,
        "apologies": [],
        "agenda": [
            HIGHLIGHT,
            (
                "Social care data standards: approval",
                "Colin Wallace, Social Work Information Systems Manager, Dundee City",
                "For approval.",
            ),
            (
                "Digital leadership programme for elected members: approval",
                "Paul Cameron, Member Services Manager, Stirling",
                "For approval, with councillors from different parties to co-design the sessions.",
            ),
        ],
        "minutes": (
            "The minutes of the July meeting were agreed.\n\n"
            "Social care data standards: approved. Members noted the interest of health and "
            "social care partnerships and asked the project to involve them from the start.\n\n"
            "Elected members' programme: approved, on condition that councillors from at "
            "least three parties co-design the sessions; the project lead confirmed them on "
            "26 August and the project moved then."
        ),
        "decisions": [
            {
                "title": "Approve Social care data standards",
                "outcome": "approved",
                "project": "social-care-data-standards",
                "gate": "approved",
                "moved_on": "2026-08-19",
                "conditions": "Health and social care partnerships are involved from the start.",
            },
            {
                "title": "Approve the Digital leadership programme for elected members",
                "outcome": "approved",
                "project": "digital-leadership-for-elected-members",
                "gate": "approved",
                "moved_on": "2026-08-26",
                "conditions": "Councillors from at least three parties co-design the sessions.",
            },
        ],
        "actions": [
            (
                "Confirm the councillors co-designing the webinars",
                "paul.cameron@stirling.example",
                "2026-08-26",
                "2026-08-26",
                "Five councillors from four parties.",
            ),
        ],
    },
    {
        "board": "programme-board",
        "date": "2026-09-09",
        **PROGRAMME_BOARD,
        "apologies": [JENNIFER],
        "agenda": [
            HIGHLIGHT,
            (
                "SWAN refresh: approval",
                "Gordon Reid, Technology Programme Manager",
                "For approval.",
            ),
            (
                "Digital apprenticeships: approval",
                "Graeme Robertson, Workforce Development Manager, Falkirk",
                "For approval, subject to Skills Development Scotland's funding.",
            ),
            (
                "Open data publishing standards: new timescale",
                "Lorna Ferguson, Data Programme Manager",
                "Moving delivery to January to March 2027, after the Scottish Government's "
                "open data consultation closes.",
            ),
        ],
        "minutes": (
            "The minutes of the August meeting were agreed.\n\n"
            "SWAN refresh: approved. Digital apprenticeships: approved, on condition that "
            "Skills Development Scotland confirms its funding; confirmation came on 16 "
            "September and the project moved then.\n\n"
            "Open data publishing standards: the board agreed to move delivery to January to "
            "March 2027."
        ),
        "decisions": [
            {
                "title": "Approve the SWAN refresh",
                "outcome": "approved",
                "project": "swan-refresh",
                "gate": "approved",
                "moved_on": "2026-09-09",
            },
            {
                "title": "Approve Digital apprenticeships",
                "outcome": "approved",
                "project": "digital-apprenticeships",
                "gate": "approved",
                "moved_on": "2026-09-16",
                "conditions": "Skills Development Scotland confirms its funding.",
            },
            {
                "title": "Move the Open data publishing standards to January to March 2027",
                "outcome": "approved",
                "product": ("common-data-standards", "Open data publishing standards"),
            },
        ],
        "actions": [
            (
                "Agree SWAN requirements workshop dates with councils",
                "gordon.reid@digital-office.example",
                "2026-10-31",
                "2026-10-20",
                "Workshops in Inverness, Glasgow and Edinburgh in November.",
            ),
        ],
    },
    {
        "board": "programme-board",
        "date": "2026-10-14",
        **PROGRAMME_BOARD,
        "apologies": [HANNAH],
        "agenda": [
            HIGHLIGHT,
            (
                "Waste and recycling digital services: approval",
                "Heather Munro, Environment Service Improvement Manager, Perth and Kinross",
                "For approval.",
            ),
            (
                "Data sharing agreements toolkit: approval",
                "Claire Wilson, Information Governance Manager, Renfrewshire",
                "For approval, with new templates for health and social care partnerships.",
            ),
            (
                "School admissions integration component: new timescale",
                "Karen Scott, Education Systems Manager, West Lothian",
                "The supplier's interface release has moved to January 2027.",
            ),
            (
                "Work request: booking and paying for pier and harbour berths",
                "Morag Campbell, Programme Manager",
                "Accepted by the programme office on 28 September with support from Highland "
                "and Orkney. The board is asked to endorse scoping it as a project.",
            ),
        ],
        "minutes": (
            "The minutes of the September meeting were agreed.\n\n"
            "Waste and recycling digital services: approved.\n\n"
            "Data sharing agreements toolkit: members asked for the new health and social "
            "care templates to be reviewed by the information governance leads' forum "
            "first. Approval was deferred.\n\n"
            "School admissions: the board agreed to move the integration component to "
            "January to March 2027; the online service itself is unaffected.\n\n"
            "Pier and harbour berths: the board endorsed scoping a shared service with the "
            "three harbour authorities; the project's definition will come back for approval."
        ),
        "decisions": [
            {
                "title": "Approve Waste and recycling digital services",
                "outcome": "approved",
                "project": "waste-and-recycling-digital-services",
                "gate": "approved",
                "moved_on": "2026-10-14",
            },
            {
                "title": "Defer approval of the Data sharing agreements toolkit until the "
                "information governance leads' forum has reviewed the new templates",
                "outcome": "deferred",
                "project": "data-sharing-agreements-toolkit",
                "gate": "approved",
            },
            {
                "title": "Move the Admissions integration component to January to March 2027",
                "outcome": "approved",
                "product": ("school-admissions-online", "Admissions integration component"),
            },
            {
                "title": "Endorse scoping a shared berth booking and harbour dues service with "
                "Argyll and Bute, Highland and Orkney Islands",
                "outcome": "approved",
                "work_request": (
                    "Argyll and Bute",
                    "Booking and paying for pier and harbour berths",
                ),
                "conditions": "The project's definition comes to the board for approval "
                "before any council commits people to it.",
                "detail": "Three harbour authorities share the need. Scoping starts early in "
                "2027 so that the project can be approved for the 2027 sailing season.",
            },
        ],
        "actions": [
            (
                "Circulate the revised benefits reporting template to project leads",
                RACHEL,
                "2026-11-06",
                "2026-11-04",
                "",
            ),
            (
                "Bring the data sharing toolkit back with the forum's review",
                "claire.wilson@renfrewshire.example",
                "2026-12-09",
                None,
                "The forum meets on 2 December.",
            ),
        ],
    },
    {
        "board": "programme-board",
        "date": "2026-11-11",
        **PROGRAMME_BOARD,
        "link": ONLINE,
        "apologies": [IAIN],
        "agenda": [
            HIGHLIGHT,
            (
                "ePlanning integration: approval",
                "Alasdair Mackay, Planning Systems Team Leader, Highland",
                "For approval. The Scottish Government has not yet confirmed its digital "
                "planning funding for 2027-28.",
                "eplanning-approval-paper",
            ),
            (
                "Shared security operations centre",
                "Neil Sinclair, Cyber Security Lead",
                "A proposal for a national service from 2027-28, for decision.",
            ),
            (
                "Work request: low emission zone exemptions and permits in one place",
                "Morag Campbell, Programme Manager",
                "Raised by Glasgow City, supported by City of Edinburgh and Aberdeen City; "
                "under review. For a view on whether to accept it.",
            ),
        ],
        "minutes": (
            "The minutes of the October meeting were agreed.\n\n"
            "ePlanning integration: members supported the project but would not commit "
            "councils' people before the Scottish Government's funding is known. Approval "
            "was deferred; the chair will write to the planning directorate.\n\n"
            "Shared security operations centre: the board did not support a national service "
            "for 2027-28, preferring to build on councils' existing arrangements, and asked "
            "the cyber resilience project for options in January.\n\n"
            "Low emission zone exemptions: members supported the aim but deferred a view "
            "until Transport Scotland says what the national vehicle checker can share."
        ),
        "decisions": [
            {
                "title": "Defer approval of ePlanning integration until the Scottish "
                "Government confirms its digital planning funding for 2027-28",
                "outcome": "deferred",
                "project": "eplanning-integration",
                "gate": "approved",
            },
            {
                "title": "Not to take forward a shared security operations centre as a "
                "national service in 2027-28",
                "outcome": "rejected",
                "project": "shared-security-operations-centre",
                "detail": "Most councils have monitoring contracts running into 2028. The "
                "Cyber resilience project will report options that build on them.",
            },
            {
                "title": "Defer a view on the low emission zone exemptions request until "
                "Transport Scotland says what the national vehicle checker can share",
                "outcome": "deferred",
                "work_request": (
                    "Glasgow City",
                    "Low emission zone exemptions and permits in one place",
                ),
                "detail": "The four cities' zones follow the same national regulations, so "
                "one service could serve them all, but only if exemptions can be checked "
                "against the national vehicle checker. The request stays under review.",
            },
        ],
        "actions": [
            (
                "Write to the Scottish Government's planning directorate about 2027-28 "
                "funding for ePlanning",
                GRAHAM,
                "2026-12-04",
                None,
                "Letter drafted; with the Director for comment.",
            ),
            (
                "Report options for security monitoring that build on councils' contracts",
                "neil.sinclair@digital-office.example",
                "2027-01-13",
                None,
                "",
            ),
        ],
    },
    {
        "board": "programme-board",
        "date": "2026-12-09",
        **PROGRAMME_BOARD,
        "agenda": [
            HIGHLIGHT,
            (
                "Cloud first hosting strategy: approval",
                "Euan Grant, Enterprise Architect, Aberdeen City",
                "The definition is complete; the board is asked to approve the project.",
                "cloud-hosting-approval-paper",
            ),
            (
                "Data sharing agreements toolkit: approval, resubmitted",
                "Claire Wilson, Information Governance Manager, Renfrewshire",
                "Returns with the information governance leads' forum's review.",
            ),
        ],
    },
    {
        "board": "partnership-board",
        "date": "2026-01-28",
        **PARTNERSHIP_BOARD,
        "apologies": [SHONA],
        "agenda": [
            (
                "Work programme and budget for 2026-27",
                "Martin Doyle, Director, Digital Office",
                "The proposed programme of 31 projects and a budget of £2.4 million, for decision.",
                "work-programme-2026-27",
            ),
        ],
        "minutes": (
            "The chair welcomed members.\n\n"
            "Work programme and budget: members agreed the 2026-27 programme and its budget "
            "of £2.4 million, funded by councils' contributions and a Scottish Government "
            "grant, with a tenth held back for new work requests during the year."
        ),
        "decisions": [
            {
                "title": "Agree the 2026-27 work programme and its budget of £2.4 million",
                "outcome": "approved",
                "conditions": "A tenth of the budget is held back for work requests during "
                "the year.",
            },
        ],
        "actions": [
            (
                "Write to council chief executives with the agreed programme",
                MARTIN,
                "2026-02-13",
                "2026-02-10",
                "",
            ),
        ],
    },
    {
        "board": "partnership-board",
        "date": "2026-04-29",
        **PARTNERSHIP_BOARD,
        "apologies": [KENNETH],
        "agenda": [
            (
                "A second digital maturity assessment",
                "Hannah Wallace, Strategy and Performance Lead",
                "Proposes repeating the assessment in 2027 with the same toolkit, so councils "
                "can measure progress.",
            ),
        ],
        "minutes": (
            "The minutes of the January meeting were agreed.\n\n"
            "Members agreed that every council repeats the digital maturity assessment in "
            "2027 with the same toolkit, so that progress since 2024 can be measured."
        ),
        "decisions": [
            {
                "title": "Repeat the digital maturity assessment in 2027 with the same toolkit",
                "outcome": "approved",
                "product": ("digital-maturity-assessment", "Digital maturity model and survey"),
            },
        ],
        "actions": [],
    },
    {
        "board": "partnership-board",
        "date": "2026-07-29",
        **PARTNERSHIP_BOARD,
        "link": "https://meet.digital-office.example/partnership-board",
        "apologies": [IAIN],
        "agenda": [
            (
                "Benefits realised in 2025-26",
                "Hannah Wallace",
                "The programme's cashable and non-cashable benefits last year, for noting.",
            ),
        ],
        "minutes": (
            "The meeting was held online. The minutes of the April meeting were agreed.\n\n"
            "Benefits: members noted the report and agreed that each project reports its "
            "benefits quarterly from October, using the Programme Board's template."
        ),
        "decisions": [
            {
                "title": "Projects report their benefits quarterly from October 2026",
                "outcome": "approved",
            },
        ],
        "actions": [],
    },
    {
        "board": "partnership-board",
        "date": "2026-10-28",
        **PARTNERSHIP_BOARD,
        "apologies": [],
        "agenda": [
            (
                "Priorities for 2027-28",
                "Martin Doyle, Director, Digital Office",
                "For decision.",
            ),
            (
                "A digital strategy for 2027 to 2030",
                "Hannah Wallace",
                "The current strategy ends in 2027. For decision.",
            ),
        ],
        "minutes": (
            "The minutes of the July meeting were agreed.\n\n"
            "Members agreed data, cyber resilience and customer services as the priorities "
            "for 2027-28, and asked the Digital Office to define a digital strategy for 2027 "
            "to 2030, for approval in spring 2027."
        ),
        "decisions": [
            {
                "title": "Agree data, cyber resilience and customer services as the "
                "priorities for 2027-28",
                "outcome": "approved",
            },
            {
                "title": "Ask the Digital Office to define a local government digital "
                "strategy for 2027 to 2030",
                "outcome": "approved",
                "project": "digital-strategy-2027-2030",
            },
        ],
        "actions": [
            (
                "Prepare the 2027-28 budget options for the January meeting",
                GRAHAM,
                "2027-01-20",
                None,
                "",
            ),
        ],
    },
    {
        "board": "partnership-board",
        "date": "2027-01-27",
        **PARTNERSHIP_BOARD,
        "agenda": [
            ("Budget options for 2027-28", "Graham Thomson", "For discussion."),
            ("Digital strategy 2027 to 2030: outline", "Hannah Wallace", "For discussion."),
        ],
    },
]

# The papers some agenda items carry: a title and paragraphs, made into PDFs when loaded.
PAPERS: dict[str, dict] = {
    "eplanning-approval-paper": {
        "file": "ePlanning integration - approval paper.pdf",
        "title": "ePlanning integration: request for approval",
        "paragraphs": [
            "Purpose: to ask the Programme Board to approve ePlanning integration, led by "
            "Highland Council, whose definition was completed on 22 October 2026.",
            "The project will build a connector between the national ePlanning portal and "
            "councils' planning back-office systems, and agree shared validation rules, so "
            "that applications arrive complete and are not re-keyed.",
            "It needs about 14 days a month of councils' people from April 2027 to September "
            "2028. Eleven councils have expressed interest.",
            "Risk: the Scottish Government has not yet confirmed its digital planning "
            "funding for 2027-28, on which the connector's hosting depends.",
        ],
    },
    "cloud-hosting-approval-paper": {
        "file": "Cloud first hosting strategy - approval paper.pdf",
        "title": "Cloud first hosting strategy: request for approval",
        "paragraphs": [
            "Purpose: to ask the Programme Board to approve the Cloud first hosting strategy "
            "project, led by Aberdeen City Council, whose definition was completed on 9 "
            "November 2026.",
            "The project will produce a reference architecture for hosting council services "
            "in the public cloud and a cost model councils can use to compare options with "
            "their own data centres.",
            "Expected benefits include avoided data centre refresh costs and fewer "
            "unplanned outages. Seven councils have offered architects' time.",
        ],
    },
    "work-programme-2026-27": {
        "file": "Work programme and budget 2026-27.pdf",
        "title": "The partnership's work programme and budget for 2026-27",
        "paragraphs": [
            "Purpose: to ask the Partnership Board to agree the work programme for 2026-27 "
            "and its budget.",
            "The programme has 31 projects across Digital Leadership, Digital Foundations "
            "and Digital Services. Twelve are in delivery, nine are recruiting or approved, "
            "and the rest are being defined.",
            "The budget is £2.4 million: £1.9 million from councils' contributions and "
            "£0.5 million from a Scottish Government grant. A tenth is held back for work "
            "requests councils raise during the year.",
        ],
    },
}
