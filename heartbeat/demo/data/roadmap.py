"""The demo roadmap: the products the demo projects deliver, and the councils that use them.

Every anticipated product of a project that has been approved (approved, recruiting, in
delivery, paused or closed) is on the roadmap from the day its project was approved. What
happened to it since is its ``story``: dated changes, oldest first, as (date, changes)
where changes set ``status``, ``delivered_on`` or ``planned_quarter`` ("2027-Q1", or None
for not scheduled). A product may be renamed or given another type than its anticipated
product's (``name``, ``kind``) and a web address (``link``). ``adopters`` is how many
councils use a live product; they are chosen from the 32 the same way on every run, and
``notes`` puts words in some of their mouths.

Names, dates and adoption figures are illustrative; the web addresses use the reserved
``.example`` domain, like the demo's email addresses.
"""

SITE = "https://products.digital-office.example"

# (project slug, anticipated product's name) -> what happened to the product.
PRODUCTS: dict[tuple[str, str], dict] = {
    ("digital-telecare", "Digital telecare migration playbook"): {
        "link": f"{SITE}/telecare-playbook",
        "story": [
            ("2024-06-03", {"status": "in_development"}),
            ("2024-11-29", {"status": "live", "delivered_on": "2024-11-29"}),
        ],
        "adopters": 24,
        "notes": {
            "Angus": "Followed the playbook for all 2,300 of our telecare users.",
            "Highland": "Used its rural connectivity checks before we switched each area.",
        },
    },
    ("digital-telecare", "Digital alarm devices framework"): {
        "story": [
            ("2024-09-02", {"status": "in_development"}),
            ("2025-06-30", {"status": "live", "delivered_on": "2025-06-30"}),
        ],
        "adopters": 18,
    },
    ("digital-telecare", "Migration progress dashboard"): {
        "story": [
            ("2025-04-07", {"status": "in_development"}),
            ("2025-09-30", {"status": "live", "delivered_on": "2025-09-30"}),
        ],
        "adopters": 20,
    },
    ("school-admissions-online", "School admissions online service"): {
        "story": [("2025-09-01", {"status": "in_development"})],
    },
    ("school-admissions-online", "Admissions integration component"): {
        "story": [
            ("2025-10-06", {"status": "in_development"}),
            # The Programme Board agreed the move on 14 October 2026.
            ("2026-10-14", {"planned_quarter": "2027-Q1"}),
        ],
    },
    (
        "free-school-meals-and-clothing-grants-online",
        "Free school meals and clothing grant application",
    ): {
        "kind": "service_pattern",
        "link": f"{SITE}/free-school-meals",
        "story": [
            ("2024-05-06", {"status": "in_development"}),
            ("2024-12-13", {"status": "live", "delivered_on": "2024-12-13"}),
        ],
        "adopters": 28,
        "notes": {"South Ayrshire": "Automatic awards reached 1,400 more families in year one."},
    },
    ("free-school-meals-and-clothing-grants-online", "Automatic award data-matching guidance"): {
        "story": [("2025-04-30", {"status": "live", "delivered_on": "2025-04-30"})],
        "adopters": 22,
    },
    ("crm-and-bookings", "Shared CRM and bookings platform"): {
        "link": f"{SITE}/crm-and-bookings",
        "story": [
            ("2025-05-12", {"status": "in_development"}),
            ("2026-04-14", {"status": "live", "delivered_on": "2026-04-14"}),
        ],
        "adopters": 9,
        "notes": {"Fife": "Bookings for bulky uplifts and registrations moved in May 2026."},
    },
    ("crm-and-bookings", "Service pattern library"): {
        "kind": "service_pattern",
        "story": [
            ("2025-09-01", {"status": "in_development"}),
            ("2026-06-30", {"status": "live", "delivered_on": "2026-06-30"}),
        ],
        "adopters": 15,
    },
    ("crm-and-bookings", "Council onboarding toolkit"): {
        "kind": "toolkit",
        "story": [
            ("2026-06-01", {"status": "in_development"}),
            ("2026-10-05", {"status": "live", "delivered_on": "2026-10-05"}),
        ],
        "adopters": 5,
    },
    ("intelligent-automation", "Automation library for revenues and benefits"): {
        "story": [
            ("2025-10-06", {"status": "in_development"}),
            ("2026-07-15", {"status": "live", "delivered_on": "2026-07-15"}),
        ],
        "adopters": 7,
        "notes": {"Angus": "Runs the council tax change-of-address process every night."},
    },
    ("intelligent-automation", "Automation operating model and controls"): {
        "story": [("2026-01-30", {"status": "live", "delivered_on": "2026-01-30"})],
        "adopters": 12,
    },
    ("council-tax-online-account", "Council tax online account"): {
        # Paused in April 2026 until the shared customer platform's account patterns are live.
        "story": [
            ("2026-01-12", {"status": "in_development"}),
            ("2026-04-06", {"planned_quarter": "2027-Q2"}),
        ],
    },
    ("office-365-federation", "Cross-tenant configuration baseline"): {
        "story": [("2024-06-28", {"status": "live", "delivered_on": "2024-06-28"})],
        "adopters": 30,
    },
    ("office-365-federation", "Microsoft 365 federation data sharing agreement"): {
        "story": [("2024-05-31", {"status": "live", "delivered_on": "2024-05-31"})],
        "adopters": 30,
    },
    ("office-365-federation", "Federated directory"): {
        "story": [
            ("2024-06-03", {"status": "in_development"}),
            ("2025-02-28", {"status": "live", "delivered_on": "2025-02-28"}),
        ],
        "adopters": 26,
    },
    ("common-data-standards", "Data standards catalogue"): {
        "link": f"{SITE}/data-standards",
        "story": [
            ("2025-06-02", {"status": "in_development"}),
            ("2025-12-19", {"status": "live", "delivered_on": "2025-12-19"}),
        ],
        "adopters": 16,
    },
    ("common-data-standards", "Open data publishing standards"): {
        "story": [
            ("2026-01-12", {"status": "in_development"}),
            ("2026-09-09", {"planned_quarter": "2027-Q1"}),
        ],
    },
    ("cyber-resilience", "Cyber Essentials Plus readiness toolkit"): {
        "kind": "toolkit",
        "story": [
            ("2025-04-07", {"status": "in_development"}),
            ("2025-09-30", {"status": "live", "delivered_on": "2025-09-30"}),
        ],
        "adopters": 27,
        "notes": {
            "Clackmannanshire": "Took us from a failed assessment to certification in five months."
        },
    },
    ("cyber-resilience", "Incident response plan template and exercise pack"): {
        "kind": "toolkit",
        "story": [("2025-10-31", {"status": "live", "delivered_on": "2025-10-31"})],
        "adopters": 21,
    },
    ("cyber-resilience", "Cyber resilience baseline report"): {
        "story": [("2026-06-01", {"status": "in_development"})],
    },
    ("microsoft-licence-agreement", "National Microsoft licence agreement"): {
        "story": [("2024-11-29", {"status": "live", "delivered_on": "2024-11-29"})],
        "adopters": 29,
    },
    ("microsoft-licence-agreement", "Licensing baseline report"): {
        "story": [
            ("2024-06-28", {"status": "live", "delivered_on": "2024-06-28"}),
            # Replaced by the agreement's own annual true-up reports.
            ("2025-06-30", {"status": "retired"}),
        ],
        "adopters": 0,
    },
    ("digital-maturity-assessment", "Digital maturity model and survey"): {
        "name": "Digital maturity assessment toolkit",
        "kind": "toolkit",
        "link": f"{SITE}/digital-maturity",
        "story": [("2024-03-29", {"status": "live", "delivered_on": "2024-03-29"})],
        "adopters": 32,
        "notes": {"Dundee City": "Our second assessment is booked for spring 2027."},
    },
    ("digital-maturity-assessment", "National digital maturity report"): {
        "story": [("2024-12-13", {"status": "live", "delivered_on": "2024-12-13"})],
        "adopters": 14,
    },
    ("digital-leadership-for-elected-members", "Elected members' digital leadership sessions"): {
        "name": "Elected members' digital leadership webinars",
        "link": f"{SITE}/councillor-webinars",
        # The first webinars were recorded early, so councillors could use them before the
        # 2027 local government elections; the full programme follows.
        "story": [
            ("2026-09-21", {"status": "in_development"}),
            ("2026-11-18", {"status": "live", "delivered_on": "2026-11-18"}),
        ],
        "adopters": 11,
        "notes": {"Stirling": "Every member of the Finance and Economy Committee took part."},
    },
    ("digital-skills-academy", "Digital skills academy learning paths"): {
        "story": [
            ("2025-09-01", {"status": "in_development"}),
            # Delayed by the pause while councils confirmed their contributions.
            ("2026-04-20", {"status": "live", "delivered_on": "2026-04-20"}),
        ],
        "adopters": 19,
    },
    ("digital-skills-academy", "Digital skills self-assessment"): {
        "kind": "toolkit",
        "story": [("2026-06-30", {"status": "live", "delivered_on": "2026-06-30"})],
        "adopters": 13,
    },
    ("design-community-of-practice", "Council design patterns library"): {
        "kind": "service_pattern",
        "story": [
            ("2025-11-03", {"status": "in_development"}),
            ("2026-06-30", {"status": "live", "delivered_on": "2026-06-30"}),
        ],
        "adopters": 10,
    },
    ("digital-procurement-pipeline", "Digital procurement pipeline"): {
        # Paused in February 2026 until the national ICT frameworks' scope is confirmed.
        "story": [("2026-02-16", {"planned_quarter": None})],
    },
}
