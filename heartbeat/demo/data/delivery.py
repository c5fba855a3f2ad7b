"""The demo's heartbeat updates, milestones and RAID logs, as plain data.

``heartbeat demo`` loads them through ``heartbeat.demo.delivery`` after the work programme.
The people, figures and dates are illustrative; the work reads like the partnership's.

Shapes:
- ``confidence``: one code per month from December 2025 to November 2026, oldest first
  (G, AG, A, AR, R); a project reports only the months after it started recruiting or
  delivering, so the loader takes the last of them. "-" is a month not reported.
- ``percent``: percentage complete in the first and last month reported; the months between
  move evenly.
- ``metric``: a sentence with ``{n}`` for a figure that moves from the first to the second
  number of ``metric_range``; it makes each month's summary its own.
- ``chapters``: (first month index, summary, next steps): the story in stages. Each month's
  achievements are the previous month's next steps, as the update form offers them.
- ``decisions``: month index -> a decision the project asked for that month.
- ``milestones``: (name, baseline, forecast, actual or None, [(date moved, new forecast,
  reason), ...]) with ISO dates; forecast moves are replayed from the baseline.
- ``raid``: dicts with ``kind``, ``title`` and the fields of that kind, ``raised`` (ISO date),
  optionally ``closed`` (date, note), ``escalated`` (date, note), ``depends_on`` (a project's
  slug).
- ``correction``: (month index, reason, fields changed) for an update corrected later.
"""

MONTHS = [
    "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
    "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
]  # fmt: skip

# The project whose November 2026 update is missing: overdue on 3 December 2026.
OVERDUE_PROJECT = "school-admissions-online"

STORIES: dict[str, dict] = {
    "digital-telecare": {
        "confidence": "G G AG AG AG A A A AR AR A A",
        "percent": (58, 81),
        "metric": "{n} of about 41,000 community alarms are now on digital lines.",
        "metric_range": (14200, 33800),
        "chapters": [
            (
                0,
                "Councils are migrating alarms on the national devices framework, and the "
                "digital alarm receiving centre has taken its first calls.",
                "Bring the remaining six councils onto the framework and start their resident "
                "letters.",
            ),
            (
                3,
                "Migration continues, but two councils' alarm receiving centres cannot yet "
                "take digital (SCAIP) calls, which holds back their residents.",
                "Agree interim routing for the two receiving centres with the national provider.",
            ),
            (
                5,
                "Telecoms providers have brought forward line withdrawals in parts of "
                "Highland and Argyll, so the plan is being re-sequenced council by council.",
                "Move rural councils to the front of the migration queue and secure extra "
                "installers.",
            ),
            (
                8,
                "Installer capacity is the constraint: the framework supplier is short of "
                "engineers in the north, and some councils face a gap before January 2027.",
                "Confirm the mutual aid rota between neighbouring councils and report weekly to "
                "the board.",
            ),
            (
                10,
                "Mutual aid between councils has restored the pace; the remaining risk sits "
                "with residents whose homes have no mobile signal.",
                "Finish the no-signal survey and fit dual-path devices where they are needed.",
            ),
        ],
        "decisions": {
            8: "Agree that councils may lend installers to neighbours under the mutual aid "
            "agreement, at cost.",
            9: "Approve £180,000 from the programme contingency for dual-path devices.",
        },
        "milestones": [
            ("Devices framework awarded", "2025-06-30", "2025-06-30", "2025-07-14", []),
            (
                "Digital alarm receiving centre live for all councils",
                "2026-03-31",
                "2026-03-31",
                "2026-05-29",
                [("2026-03-02", "2026-05-29", "Two receiving centres need SCAIP upgrades first")],
            ),
            (
                "Half of all alarms migrated",
                "2026-06-30",
                "2026-06-30",
                "2026-08-21",
                [
                    ("2026-05-04", "2026-07-31", "Line withdrawals re-sequenced the plan"),
                    ("2026-07-06", "2026-08-21", "Installer shortage in the north"),
                ],
            ),
            (
                "Every alarm migrated",
                "2026-12-18",
                "2027-01-22",
                None,
                [("2026-09-07", "2027-01-22", "Installer capacity; mutual aid agreed to recover")],
            ),
        ],
        "raid": [
            {
                "kind": "risk",
                "title": "Analogue lines withdrawn before a council finishes migrating",
                "likelihood": 4,
                "impact": 5,
                "proximity": "imminent",
                "owner": "Alison Baird, Digital Office",
                "mitigation": "Weekly line-withdrawal schedule from providers; rural councils "
                "moved first; mutual aid between councils.",
                "raised": "2025-12-08",
                "escalated": (
                    "2026-09-14",
                    "Ask the Scottish Government "
                    "to press providers to hold withdrawals until January 2027 where migration is "
                    "under way.",
                ),
            },
            {
                "kind": "risk",
                "title": "Framework supplier short of installers in the north",
                "likelihood": 3,
                "impact": 4,
                "proximity": "near",
                "owner": "Procurement lead, Highland Council",
                "mitigation": "Mutual aid rota; second supplier on the framework called off.",
                "raised": "2026-06-08",
            },
            {
                "kind": "risk",
                "title": "Residents without mobile signal lose their alarm on a digital line",
                "likelihood": 2,
                "impact": 5,
                "proximity": "near",
                "owner": "Telecare service manager, Argyll and Bute Council",
                "mitigation": "No-signal survey; dual-path devices for the homes that need them.",
                "raised": "2026-10-05",
            },
            {
                "kind": "issue",
                "title": "Two alarm receiving centres cannot take SCAIP calls",
                "priority": "high",
                "owner": "Alison Baird, Digital Office",
                "resolution": "Interim routing through the national receiving centre; both "
                "upgraded in May 2026.",
                "raised": "2026-03-02",
                "closed": ("2026-05-29", "Both centres upgraded and tested"),
            },
            {
                "kind": "assumption",
                "title": "Councils keep their telecare budgets for 2026-27 at this year's level",
                "owner": "Programme board",
                "raised": "2025-12-08",
            },
            {
                "kind": "dependency",
                "title": "Line withdrawal dates from telecoms providers",
                "outside_body": "Openreach and the other line providers",
                "needed_by": "2026-12-31",
                "owner": "Alison Baird, Digital Office",
                "raised": "2025-12-08",
            },
        ],
        "correction": (
            6,
            "The migration figure counted alarms booked, not alarms migrated.",
            {"summary_suffix": " (Corrected: 21,900, not 23,400, are migrated.)"},
        ),
    },
    "cyber-resilience": {
        "confidence": "A A A AG AG AG AG G G G G G",
        "percent": (40, 78),
        "metric": "{n} of 32 councils now hold Cyber Essentials Plus.",
        "metric_range": (9, 24),
        "chapters": [
            (
                0,
                "Councils are working through Cyber Essentials Plus assessments; several "
                "failed first time on unsupported operating systems.",
                "Run the remediation clinic for councils that failed on end-of-life systems.",
            ),
            (
                3,
                "The remediation clinics are working: most councils that failed have "
                "re-tested, and the incident response playbook has been exercised.",
                "Exercise the playbook with two more councils and their resilience partnerships.",
            ),
            (
                7,
                "The programme is on track: assessments are booked for every remaining council "
                "and the shared incident response retainer is in place.",
                "Complete the last assessments and hand the playbook to the security community.",
            ),
        ],
        "decisions": {2: "Agree to fund a shared incident response retainer for all councils."},
        "milestones": [
            (
                "Incident response playbook exercised",
                "2026-02-27",
                "2026-02-27",
                "2026-03-20",
                [
                    (
                        "2026-02-02",
                        "2026-03-20",
                        "Exercise moved to suit two resilience partnerships",
                    )
                ],
            ),
            (
                "Shared incident response retainer in place",
                "2026-06-30",
                "2026-06-30",
                "2026-06-19",
                [],
            ),
            (
                "Every council assessed for Cyber Essentials Plus",
                "2027-03-31",
                "2027-03-31",
                None,
                [],
            ),
        ],
        "raid": [
            {
                "kind": "risk",
                "title": "A ransomware attack on a council during the programme",
                "likelihood": 3,
                "impact": 5,
                "proximity": "near",
                "owner": "Neil Sinclair, Digital Office",
                "mitigation": "Incident response retainer; playbook exercised; backups tested.",
                "raised": "2025-12-08",
            },
            {
                "kind": "risk",
                "title": "End-of-life systems that cannot be replaced before assessment",
                "likelihood": 3,
                "impact": 3,
                "proximity": "medium",
                "owner": "Heads of ICT",
                "mitigation": "Remediation clinic; isolation patterns.",
                "raised": "2026-01-12",
                "closed": ("2026-08-10", "All but one replaced or isolated"),
            },
            {
                "kind": "assumption",
                "title": "The Scottish Government keeps funding assessments "
                "under the Public Sector Action Plan",
                "owner": "Programme board",
                "raised": "2025-12-08",
            },
        ],
    },
    "common-data-standards": {
        "confidence": "AG AG AG AG G G G G AG AG G G",
        "percent": (30, 70),
        "metric": "{n} data standards are now agreed by the standards board.",
        "metric_range": (4, 13),
        "chapters": [
            (
                0,
                "The standards board is agreeing the first wave of standards: addresses, "
                "people and property references.",
                "Publish the address standard and consult on the property reference standard.",
            ),
            (
                4,
                "The first wave is published and councils are adopting it in their new systems.",
                "Start the second wave: service requests and case references.",
            ),
            (
                8,
                "Suppliers of two line-of-business systems asked for more time to support the "
                "case reference standard.",
                "Agree a supplier timetable and publish the case reference standard in draft.",
            ),
        ],
        "decisions": {},
        "milestones": [
            ("First wave of standards published", "2026-04-30", "2026-04-30", "2026-04-24", []),
            (
                "Second wave of standards published",
                "2026-12-18",
                "2027-02-26",
                None,
                [("2026-08-17", "2027-02-26", "Suppliers need longer for the case reference")],
            ),
        ],
        "raid": [
            {
                "kind": "risk",
                "title": "Suppliers do not build the standards into their products",
                "likelihood": 3,
                "impact": 4,
                "proximity": "medium",
                "owner": "Lorna Ferguson, Digital Office",
                "mitigation": "Supplier forum; standards written into the shared procurement "
                "templates.",
                "raised": "2026-08-17",
            },
            {
                "kind": "dependency",
                "title": "Scottish address data licence renewed",
                "outside_body": "Improvement Service",
                "needed_by": "2027-03-31",
                "owner": "Lorna Ferguson, Digital Office",
                "raised": "2025-12-08",
            },
        ],
    },
    "digital-skills-academy": {
        "confidence": "A A AG AG G G G G G G G G",
        "percent": (20, 66),
        "metric": "{n} council staff have completed an academy course.",
        "metric_range": (310, 1840),
        "chapters": [
            (
                0,
                "The academy launched with data and user-centred design courses; take-up "
                "is slower in rural councils.",
                "Add online cohorts and evening sessions for staff who cannot travel.",
            ),
            (
                4,
                "Online cohorts have lifted take-up everywhere; the agile delivery course is "
                "full until the summer.",
                "Open a second agile delivery cohort and train more council trainers.",
            ),
            (
                8,
                "The academy is running at capacity with council trainers leading half the "
                "sessions.",
                "Evaluate the first year and set next year's course list with councils.",
            ),
        ],
        "decisions": {},
        "milestones": [
            ("Online cohorts launched", "2026-03-31", "2026-03-31", "2026-03-16", []),
            (
                "Twenty council trainers accredited",
                "2026-09-30",
                "2026-09-30",
                "2026-10-09",
                [("2026-08-03", "2026-10-09", "Summer holidays delayed two assessments")],
            ),
            ("First-year evaluation to the board", "2027-02-26", "2027-02-26", None, []),
        ],
        "raid": [
            {
                "kind": "risk",
                "title": "Staff cannot be released for training during budget setting",
                "likelihood": 3,
                "impact": 2,
                "proximity": "near",
                "owner": "Laura Anderson, Dundee City Council",
                "mitigation": "No cohorts in February; recorded sessions.",
                "raised": "2025-12-08",
            },
        ],
    },
    "design-community-of-practice": {
        "confidence": "G G G G A AG G G G G G G",
        "percent": (10, 55),
        "metric": "{n} people from councils now take part in the community.",
        "metric_range": (120, 410),
        "chapters": [
            (
                0,
                "The community meets monthly and the pattern library has its first council "
                "contributions.",
                "Publish the first patterns and run the content design crit.",
            ),
            (
                4,
                "The community lost its coordinator to another post for two months; the "
                "crits continued with volunteers.",
                "Recruit a new coordinator from a council and restart the pattern reviews.",
            ),
            (
                6,
                "A new coordinator from Highland Council has restarted the pattern reviews.",
                "Publish the form patterns and plan the spring community day.",
            ),
        ],
        "decisions": {},
        "milestones": [
            ("Pattern library published", "2026-03-31", "2026-03-31", "2026-03-27", []),
            ("Community day held", "2026-10-30", "2026-10-30", "2026-10-29", []),
        ],
        "raid": [
            {
                "kind": "risk",
                "title": "The community depends on one coordinator",
                "likelihood": 2,
                "impact": 3,
                "proximity": "far",
                "owner": "Joanna Ross, Highland Council",
                "mitigation": "Two co-coordinators from different councils.",
                "raised": "2026-04-06",
            },
        ],
    },
    "school-admissions-online": {
        "confidence": "G G G AG AG A A A AR AR AR -",
        "percent": (30, 62),
        "metric": "{n} councils now take school applications online.",
        "metric_range": (6, 14),
        "chapters": [
            (
                0,
                "The admissions service is live in the pilot councils and the placing-in-"
                "schools integration is being tested.",
                "Onboard the next wave of councils ahead of the January intake.",
            ),
            (
                3,
                "The January intake went well, but the education management system supplier "
                "has delayed the integration release.",
                "Agree a release date with the supplier and plan a manual workaround.",
            ),
            (
                5,
                "The supplier's release has slipped again; councils in the next wave are "
                "nervous about the August placing requests.",
                "Escalate to the supplier's account director and test the manual workaround.",
            ),
            (
                8,
                "Without the integration, councils re-key applications; three councils have "
                "paused their move until the release arrives.",
                "Agree with the board whether to go ahead with the workaround for the 2027 intake.",
            ),
        ],
        "decisions": {
            8: "Decide whether councils go live for the 2027 intake on the manual workaround.",
            9: "Agree to raise the supplier's delay at the contract review.",
        },
        "milestones": [
            ("Pilot councils live", "2025-11-28", "2025-11-28", "2025-11-20", []),
            (
                "Integration with the education management system",
                "2026-03-31",
                "2027-01-29",
                None,
                [
                    ("2026-03-09", "2026-06-30", "Supplier delayed its release"),
                    ("2026-05-11", "2026-10-30", "Supplier delayed its release again"),
                    ("2026-09-07", "2027-01-29", "Supplier's new date, not yet confirmed"),
                ],
            ),
            (
                "Second wave of councils live",
                "2026-08-28",
                "2027-02-26",
                None,
                [("2026-06-08", "2027-02-26", "Waits for the integration")],
            ),
        ],
        "raid": [
            {
                "kind": "risk",
                "title": "The supplier's integration slips past the 2027 intake",
                "likelihood": 4,
                "impact": 4,
                "proximity": "near",
                "owner": "Karen Scott, West Lothian Council",
                "mitigation": "Manual workaround tested; contract review with the supplier.",
                "raised": "2026-03-09",
                "escalated": (
                    "2026-09-21",
                    "Raise the delay with the supplier at the national contract review.",
                ),
            },
            {
                "kind": "issue",
                "title": "Applications re-keyed by hand in three councils",
                "priority": "medium",
                "owner": "Education admissions leads",
                "raised": "2026-09-07",
            },
            {
                "kind": "dependency",
                "title": "Integration release from the education management system supplier",
                "outside_body": "Education management system supplier",
                "needed_by": "2027-01-15",
                "owner": "Karen Scott, West Lothian Council",
                "raised": "2026-03-09",
            },
        ],
    },
    "crm-and-bookings": {
        "confidence": "AG AG A A AR AR R R AR A A AG",
        "percent": (25, 60),
        "metric": "{n} councils are now taking bookings on the shared platform.",
        "metric_range": (3, 11),
        "chapters": [
            (
                0,
                "The shared customer platform is live in three councils for bulky uplift and "
                "registrations bookings.",
                "Onboard the next councils and add payments to bookings.",
            ),
            (
                2,
                "Adding payments has taken longer than planned: the payment provider's test "
                "environment has been unreliable.",
                "Complete payment testing and agree the card payment security review.",
            ),
            (
                4,
                "The payment integration failed its security review; onboarding has stopped "
                "until it passes.",
                "Fix the review's findings and re-test with the provider.",
            ),
            (
                6,
                "The platform is red: the fix needs a new payment provider contract, and "
                "councils waiting to join are looking at their own systems.",
                "Agree the contract change and keep the waiting councils on board.",
            ),
            (
                8,
                "The new payment contract is signed and the integration has passed its "
                "security review; onboarding has restarted.",
                "Onboard the councils that waited, two a month.",
            ),
        ],
        "decisions": {
            5: "Agree to change payment provider, at an extra cost of £45,000 a year shared "
            "by the councils on the platform.",
        },
        "milestones": [
            (
                "Payments in bookings",
                "2026-03-31",
                "2026-10-16",
                "2026-10-16",
                [
                    ("2026-02-09", "2026-05-29", "Provider's test environment unreliable"),
                    ("2026-05-11", "2026-10-16", "Failed security review; provider changed"),
                ],
            ),
            (
                "Ten councils on the platform",
                "2026-09-30",
                "2027-03-31",
                None,
                [("2026-05-11", "2027-03-31", "Onboarding paused until payments pass review")],
            ),
        ],
        "raid": [
            {
                "kind": "risk",
                "title": "Councils waiting to join buy their own systems instead",
                "likelihood": 3,
                "impact": 4,
                "proximity": "near",
                "owner": "Andrew McKenzie, Fife Council",
                "mitigation": "Monthly calls with waiting councils; onboarding plan published.",
                "raised": "2026-06-08",
            },
            {
                "kind": "issue",
                "title": "Payment integration failed its security review",
                "priority": "high",
                "owner": "Andrew McKenzie, Fife Council",
                "resolution": "New payment provider; integration re-tested and passed.",
                "raised": "2026-05-11",
                "closed": ("2026-10-16", "Passed on re-test"),
            },
        ],
        "correction": (
            6,
            "The red rating was left out of the dimension ratings by mistake.",
            {"schedule": "red"},
        ),
    },
    "intelligent-automation": {
        "confidence": "AR AR A A A AG AG AG G G G G",
        "percent": (10, 52),
        "metric": "{n} benefits and revenues processes are now automated across councils.",
        "metric_range": (2, 17),
        "chapters": [
            (
                0,
                "The automation platform was late to install and councils' security teams "
                "are still reviewing it.",
                "Finish the security reviews and build the first change-of-address process.",
            ),
            (
                2,
                "The platform is approved and the first processes run in two councils.",
                "Share the processes through the library and train council developers.",
            ),
            (
                5,
                "Councils are reusing processes from the library; the council tax reduction "
                "change process saves each council about a day a week.",
                "Add housing benefit processes and measure the time saved.",
            ),
        ],
        "decisions": {},
        "milestones": [
            (
                "Platform approved by councils' security teams",
                "2025-12-19",
                "2026-02-13",
                "2026-02-13",
                [("2025-12-08", "2026-02-13", "Security reviews took longer than planned")],
            ),
            ("Process library live", "2026-05-29", "2026-05-29", "2026-05-22", []),
            ("Twenty processes automated", "2027-01-29", "2027-01-29", None, []),
        ],
        "raid": [
            {
                "kind": "risk",
                "title": "Automated processes break when councils upgrade their revenues system",
                "likelihood": 3,
                "impact": 3,
                "proximity": "medium",
                "owner": "Stuart Milne, Angus Council",
                "mitigation": "Regression tests for every process; upgrade calendar shared.",
                "raised": "2026-03-09",
            },
            {
                "kind": "dependency",
                "title": "Common data standards for people and addresses",
                "depends_on": "common-data-standards",
                "needed_by": "2026-06-30",
                "owner": "Stuart Milne, Angus Council",
                "raised": "2025-12-08",
            },
        ],
    },
    "shared-data-platform": {
        "confidence": "- - - - - - - - A A AG AG",
        "percent": (5, 12),
        "metric": "{n} councils have committed analysts to the platform team.",
        "metric_range": (4, 9),
        "chapters": [
            (
                8,
                "Recruiting is slow: data engineers are the hardest skill to find, and two "
                "councils withdrew their offers.",
                "Ask organisation leads for data engineers and agree a contractor fallback.",
            ),
            (
                10,
                "Three councils have pledged data engineers; the platform's architecture is "
                "agreed.",
                "Fill the remaining data engineer need and start the discovery.",
            ),
        ],
        "decisions": {
            9: "Agree a contractor fallback if the data engineer need is not filled by December."
        },
        "milestones": [
            (
                "Team in place",
                "2026-10-30",
                "2027-01-15",
                None,
                [("2026-09-07", "2027-01-15", "Data engineers slow to find")],
            ),
        ],
        "raid": [
            {
                "kind": "risk",
                "title": "Not enough data engineers pledged to start",
                "likelihood": 4,
                "impact": 4,
                "proximity": "imminent",
                "owner": "Alan McIntyre, City of Edinburgh Council",
                "mitigation": "Targeted asks to councils with data teams; contractor fallback.",
                "raised": "2026-08-10",
            },
            {
                "kind": "dependency",
                "title": "Data standards for people and addresses",
                "depends_on": "common-data-standards",
                "needed_by": "2027-03-31",
                "owner": "Alan McIntyre, City of Edinburgh Council",
                "raised": "2026-08-10",
            },
        ],
    },
    "digital-inclusion-and-connectivity": {
        "confidence": "- - - - - - - - - AG AG A",
        "percent": (3, 8),
        "metric": "{n} councils have shared their device lending data.",
        "metric_range": (5, 12),
        "chapters": [
            (
                9,
                "Councils are sharing what they know about device lending and digital skills "
                "support in libraries.",
                "Map the support available in each council and find the gaps.",
            ),
            (
                11,
                "The mapping shows big gaps in rural connectivity that the project alone "
                "cannot close.",
                "Agree with the board what is in scope for rural connectivity.",
            ),
        ],
        "decisions": {11: "Agree whether rural broadband advocacy is in the project's scope."},
        "milestones": [],
        "raid": [
            {
                "kind": "risk",
                "title": "Rural connectivity gaps are outside the partnership's control",
                "likelihood": 4,
                "impact": 3,
                "proximity": "medium",
                "owner": "Mairi MacLeod, Comhairle nan Eilean Siar",
                "mitigation": "Work with the Scottish Government's connectivity programme.",
                "raised": "2026-11-09",
            },
        ],
    },
    "digital-leadership-for-elected-members": {
        "confidence": "- - - - - - - - - - - G",
        "percent": (2, 2),
        "metric": "{n} councils have nominated members for the first cohort.",
        "metric_range": (7, 7),
        "chapters": [
            (
                11,
                "Councils are nominating elected members for the first cohort in February.",
                "Confirm the cohort and the venues.",
            ),
        ],
        "decisions": {},
        "milestones": [],
        "raid": [],
    },
    "social-care-data-standards": {
        "confidence": "- - - - - - - - - - A AR",
        "percent": (3, 5),
        "metric": "{n} of the 8 social work practitioners needed are pledged.",
        "metric_range": (3, 3),
        "chapters": [
            (
                10,
                "Recruiting social work practitioners is hard: councils cannot release them "
                "from casework.",
                "Ask chief social work officers for part-time release.",
            ),
            (
                11,
                "No further practitioners have been pledged; the project cannot start its "
                "discovery without them.",
                "Agree with chief social work officers whether to pause until spring.",
            ),
        ],
        "decisions": {
            11: "Decide whether to pause the project until practitioners can be released."
        },
        "milestones": [],
        "raid": [
            {
                "kind": "risk",
                "title": "Practitioners cannot be released from casework",
                "likelihood": 5,
                "impact": 4,
                "proximity": "imminent",
                "owner": "Colin Wallace, Dundee City Council",
                "mitigation": "Part-time release; backfill funding asked of the board.",
                "raised": "2026-10-12",
                "escalated": (
                    "2026-11-16",
                    "Ask chief social work "
                    "officers, through the board, to release practitioners part-time.",
                ),
            },
        ],
    },
    "housing-repairs-online": {
        "confidence": "- - - - - - - - - - - AG",
        "percent": (2, 2),
        "metric": "{n} councils have joined the project.",
        "metric_range": (5, 5),
        "chapters": [
            (
                11,
                "Five councils have joined; the discovery with tenants starts in January.",
                "Recruit the user researchers and book tenant sessions.",
            ),
        ],
        "decisions": {},
        "milestones": [],
        "raid": [
            {
                "kind": "assumption",
                "title": "Housing associations will share repairs data",
                "owner": "David Kerr, North Lanarkshire Council",
                "raised": "2026-11-09",
            },
        ],
    },
}
