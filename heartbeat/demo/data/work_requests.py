"""The demo's work requests: what councils have asked the partnership for, as plain data.

The needs are the kind councils raise; the public facts in them are real (the Visitor Levy
(Scotland) Act 2024 and Edinburgh's levy from 24 July 2026, low emission zones enforced in
Glasgow from June 2023 and in Dundee, Aberdeen and Edinburgh from mid-2024, short-term let
licensing under the 2022 order with existing hosts applying by 1 October 2023, councils'
power since April 2024 to double council tax on second homes, the Community Empowerment
(Scotland) Act 2015, the Burial and Cremation (Scotland) Act 2016, the analogue telephone
switch-off, the cyber attack on Comhairle nan Eilean Siar in November 2023, and the national
Get Your NEC service). Figures a council gives about itself are illustrative.

Shapes:
- ``raised_on`` and every other date: ISO strings;
- ``supporters``: (organisation, their need, date);
- ``comments``: (author's email, body, date); the author must be a demo person;
- ``story``: triage moves after raising, oldest first, as (state, date) with, by state:
  ``declined`` a ``reason``; ``duplicate`` the ``original``'s title; ``accepted`` either
  ``project`` (an existing demo project's slug), ``new_project`` (its title) or neither (its
  project to follow).
"""

OFFICE = "programme.office@digital-office.example"
DELIVERY = "delivery.manager@digital-office.example"

WORK_REQUESTS: list[dict] = [
    # Submitted -------------------------------------------------------------------------------
    {
        "title": "Lair purchase and burial bookings online for funeral directors",
        "organisation": "Fife",
        "raised_on": "2026-11-09",
        "theme": "digital-services",
        "urgency": "medium",
        "benefit_value": 18000,
        "benefit_notes": "About 1,400 bookings a year at 40 minutes of officer time each, "
        "plus fewer errors in the burial register.",
        "problem": "Funeral directors book burials and buy lairs by phone and email, and our "
        "bereavement team types each booking into the burial register by hand. Bookings for "
        "the same cemetery clash, and families sometimes wait a day for a date to be "
        "confirmed.\n\nThe Burial and Cremation (Scotland) Act 2016 and its regulations "
        "changed the records we must keep and how applications are made, and our forms have "
        "not caught up.",
        "affected": "Bereaved families, the 30 or so funeral directors who work in Fife, and "
        "the six people in our bereavement services team.",
        "outcome": "Funeral directors see available dates and book a burial or buy a lair "
        "online, with the application the regulations require, and the register updates "
        "itself. Families get a confirmed date the same day.",
        "supporters": [
            (
                "Angus",
                "Our funeral directors ask for the same; we book about 600 burials a "
                "year by phone.",
                "2026-11-16",
            ),
            (
                "Dundee City",
                "Dundee's bereavement team would use it for our cemeteries.",
                "2026-11-20",
            ),
        ],
        "comments": [
            (
                "organisation.lead@fife.example",
                "We have a draft of the application form with "
                "the fields the regulations need, if it helps whoever picks this up.",
                "2026-11-10",
            ),
        ],
        "story": [],
    },
    {
        "title": "Ferry disruption alerts for island pupils' school transport",
        "organisation": "Orkney Islands",
        "raised_on": "2026-11-18",
        "theme": "digital-services",
        "urgency": "high",
        "benefit_value": None,
        "benefit_notes": "",
        "problem": "Pupils from the isles travel to school on our inter-island ferries. When "
        "weather disrupts sailings, schools phone parents one by one and post on social "
        "media; families on the outer isles often hear last, after children have set out "
        "for the pier.",
        "affected": "Island pupils and their families, school office staff and the ferry "
        "service's staff.",
        "outcome": "Parents sign up once and get a text or email as soon as a sailing their "
        "child relies on is cancelled or changed, with what the school is doing about it.",
        "supporters": [
            (
                "Shetland Islands",
                "Our inter-island ferries carry pupils too; we have the same "
                "problem on stormy days.",
                "2026-11-21",
            ),
        ],
        "comments": [],
        "story": [],
    },
    {
        "title": "Second homes and empty homes: declarations and evidence online",
        "organisation": "Inverclyde",
        "raised_on": "2026-10-27",
        "theme": "digital-services",
        "urgency": "medium",
        "benefit_value": 65000,
        "benefit_notes": "Council tax correctly charged on properties wrongly shown as "
        "occupied, estimated from last year's review.",
        "problem": "Since April 2024 councils can charge up to double council tax on second "
        "homes. Owners tell us how a property is used by letter and email, with evidence we "
        "check by hand, and reviews of long-term empty homes are done on paper.",
        "affected": "Owners of second and empty homes, and our council tax team.",
        "outcome": "Owners declare how a property is used, upload evidence and see the charge "
        "that applies, and the council tax team reviews declarations in one place.",
        "supporters": [
            (
                "Argyll and Bute",
                "Many homes on our islands are second homes; we review them every year.",
                "2026-11-02",
            ),
            ("Highland", "We would use the same declaration form.", "2026-11-04"),
            ("Fife", "Our empty homes reviews are on paper too.", "2026-11-12"),
        ],
        "comments": [],
        "story": [],
    },
    {
        "title": "School let bookings for community groups",
        "organisation": "East Dunbartonshire",
        "raised_on": "2026-11-25",
        "theme": "digital-services",
        "urgency": "low",
        "benefit_value": 12000,
        "benefit_notes": "Officer time spent arranging lets and chasing payments.",
        "problem": "Community groups book school halls and pitches in the evenings by email. "
        "We check availability in each school's diary, send an invoice and chase payment, "
        "and janitors are not always told.",
        "affected": "Clubs and community groups, school business managers and janitors.",
        "outcome": "Groups see what is free, book and pay online, and the school and janitor "
        "get the booking.",
        "supporters": [],
        "comments": [],
        "story": [],
    },
    # Under review ----------------------------------------------------------------------------
    {
        "title": "Low emission zone exemptions and permits in one place",
        "organisation": "Glasgow City",
        "raised_on": "2026-08-17",
        "theme": "digital-services",
        "urgency": "high",
        "benefit_value": 40000,
        "benefit_notes": "Handling time for exemption requests by email, and fewer penalty "
        "charges cancelled on appeal.",
        "problem": "Glasgow's low emission zone has been enforced since June 2023. Residents "
        "and businesses apply for local exemptions by email, and we check each vehicle and "
        "enter it by hand. Drivers who qualify for an exemption still receive penalty charge "
        "notices when the list is late.",
        "affected": "Drivers who need an exemption, businesses with fleets, and our LEZ and "
        "parking teams.",
        "outcome": "People apply for an exemption online, with the vehicle checked against "
        "the national rules, and an approved exemption reaches enforcement the same day.",
        "supporters": [
            (
                "City of Edinburgh",
                "Edinburgh's zone has been enforced since June 2024; our "
                "exemption requests come in the same way.",
                "2026-08-24",
            ),
            ("Aberdeen City", "Aberdeen's zone started in June 2024 too.", "2026-08-26"),
        ],
        "comments": [
            (
                OFFICE,
                "The four cities' zones follow the same national regulations, so one "
                "service could serve them all. We are checking with Transport Scotland what "
                "the national vehicle checker can share.",
                "2026-09-08",
            ),
            (
                "data.lead@edinburgh.example",
                "Happy to share our exemption data model.",
                "2026-09-10",
            ),
        ],
        "story": [("under_review", "2026-09-07")],
    },
    {
        "title": "Damp and mould reports from tenants, with photos and follow-up",
        "organisation": "Dumfries and Galloway",
        "raised_on": "2026-09-14",
        "theme": "digital-services",
        "urgency": "critical",
        "benefit_value": None,
        "benefit_notes": "",
        "problem": "Tenants report damp and mould by phone. We rarely get photos, inspections "
        "are booked without knowing how bad it is, and we cannot show tenants or the Scottish "
        "Housing Regulator how quickly each case was dealt with.",
        "affected": "Council tenants, especially children and older people in affected homes, "
        "and our housing officers and repairs teams.",
        "outcome": "Tenants report damp and mould online with photos, get an inspection date "
        "and follow the case; we can show how long each step took.",
        "supporters": [
            (
                "West Dunbartonshire",
                "We need the same records of how quickly cases are handled.",
                "2026-09-21",
            ),
            (
                "East Dunbartonshire",
                "Our tenants would report with photos if they could.",
                "2026-09-23",
            ),
        ],
        "comments": [
            (
                OFFICE,
                "This looks like part of Housing repairs online, which is recruiting. "
                "We are asking its project lead whether damp and mould reporting fits its "
                "first release.",
                "2026-10-05",
            ),
        ],
        "story": [("under_review", "2026-10-02")],
    },
    {
        "title": "Short-term let licence applications and renewals online",
        "organisation": "Highland",
        "raised_on": "2026-07-06",
        "theme": "digital-services",
        "urgency": "high",
        "benefit_value": 90000,
        "benefit_notes": "Licensing officers' time on paper applications, and renewals of "
        "licences granted since October 2023 falling due from 2026.",
        "problem": "Under the short-term lets licensing order of 2022, existing hosts had to "
        "apply by 1 October 2023. We took thousands of applications, many by PDF form, and "
        "the first licences now fall due for renewal. Each application is checked by hand "
        "against planning, fire safety and gas certificates.",
        "affected": "Hosts of short-term lets, our licensing team, and neighbours who comment "
        "on applications.",
        "outcome": "Hosts apply and renew online, upload certificates once, and see where "
        "their application is; officers check applications in one place.",
        "supporters": [
            (
                "City of Edinburgh",
                "Edinburgh has the most short-term lets in Scotland; our renewals start soon.",
                "2026-07-13",
            ),
            ("Argyll and Bute", "Renewals are a big workload for us from next year.", "2026-07-20"),
            ("Fife", "Fife's coastal towns have many lets; same problem.", "2026-07-22"),
        ],
        "comments": [
            (
                "member@highland.example",
                "We can share the validation rules our officers use for certificates.",
                "2026-07-08",
            ),
            (
                OFFICE,
                "East Renfrewshire raised the same need: we have joined the two.",
                "2026-08-04",
            ),
        ],
        "story": [("under_review", "2026-07-27")],
    },
    {
        "title": "Asset transfer and participation requests tracker",
        "organisation": "North Ayrshire",
        "raised_on": "2026-10-12",
        "theme": "digital-leadership",
        "urgency": "medium",
        "benefit_value": None,
        "benefit_notes": "",
        "problem": "Under the Community Empowerment (Scotland) Act 2015, community bodies can "
        "ask to take over council land and buildings or to take part in improving services, "
        "and we must report on these requests every year. We track them in a spreadsheet "
        "and community groups cannot see where their request is.",
        "affected": "Community groups, our community development officers and elected members.",
        "outcome": "Community bodies make and follow requests online, and the annual report "
        "comes straight from the records.",
        "supporters": [
            ("East Lothian", "Our annual report takes weeks to put together.", "2026-10-19"),
        ],
        "comments": [],
        "story": [("under_review", "2026-11-02")],
    },
    # Accepted into a new proposed project ----------------------------------------------------
    {
        "title": "Visitor levy returns and payments from accommodation providers",
        "organisation": "City of Edinburgh",
        "raised_on": "2026-05-11",
        "theme": "digital-services",
        "urgency": "critical",
        "benefit_value": 250000,
        "benefit_notes": "Officer time on returns and payment checks; the levy itself is "
        "not counted as a benefit.",
        "problem": "The Visitor Levy (Scotland) Act 2024 lets councils charge a levy on "
        "overnight stays. Edinburgh's levy of 5% on the first five nights applies from 24 "
        "July 2026. Every accommodation provider must send us a return each quarter and pay "
        "what they collected, and we have no system for returns, payments or checking them.",
        "affected": "Thousands of hotels, guest houses and short-term lets in Edinburgh, and "
        "our revenues team.",
        "outcome": "Providers register once, send their quarterly return and pay online; the "
        "revenues team sees who has not, and reports what the levy raised.",
        "supporters": [
            (
                "Glasgow City",
                "Glasgow's levy is planned for 2027; we would use the same returns service.",
                "2026-05-18",
            ),
            (
                "Highland",
                "We are preparing a levy of our own and would rather not build a "
                "returns service too.",
                "2026-05-20",
            ),
            (
                "Aberdeen City",
                "Aberdeen is considering a levy and would use the same service.",
                "2026-05-25",
            ),
        ],
        "comments": [
            (
                "data.lead@edinburgh.example",
                "Our deadline is real: returns for the first quarter are due in the autumn.",
                "2026-05-12",
            ),
        ],
        "story": [
            ("under_review", "2026-05-19"),
            ("accepted", "2026-06-02", {"new_project": "Visitor levy returns and payments"}),
        ],
    },
    {
        "title": "Winter gritting routes and priorities residents can check",
        "organisation": "Aberdeenshire",
        "raised_on": "2026-09-01",
        "theme": "digital-services",
        "urgency": "medium",
        "benefit_value": 15000,
        "benefit_notes": "Calls to the contact centre on snowy days.",
        "problem": "On snowy days our contact centre is flooded with calls asking whether a "
        "road will be gritted. The routes and priorities are published as PDF maps that are "
        "hard to read on a phone.",
        "affected": "Residents and drivers across a large rural area, and our roads and "
        "contact centre staff.",
        "outcome": "Residents look up their street and see its gritting priority and when it "
        "was last treated.",
        "supporters": [
            ("Angus", "Same calls, same PDF maps.", "2026-09-08"),
            ("Perth and Kinross", "We would publish our routes the same way.", "2026-09-10"),
            ("Moray", "Yes, please.", "2026-09-15"),
        ],
        "comments": [],
        "story": [
            ("under_review", "2026-09-21"),
            ("accepted", "2026-10-19", {"new_project": "Winter gritting information online"}),
        ],
    },
    # Accepted into an existing project -------------------------------------------------------
    {
        "title": "Restoring services quickly after a cyber incident",
        "organisation": "Na h-Eileanan Siar",
        "raised_on": "2026-03-09",
        "theme": "digital-foundations",
        "urgency": "high",
        "benefit_value": None,
        "benefit_notes": "",
        "problem": "In November 2023 a cyber attack took most of the Comhairle's systems "
        "offline, and rebuilding them took months. Small councils cannot keep the offline "
        "backups and rehearsed recovery plans a larger organisation can.",
        "affected": "Every resident who uses council services, and our small ICT team.",
        "outcome": "Tested offline backups and recovery plans that small councils share, and "
        "help on call when an incident happens.",
        "supporters": [
            ("Orkney Islands", "Our ICT team is small too.", "2026-03-16"),
            ("Shetland Islands", "We would take part in shared recovery exercises.", "2026-03-18"),
            ("Argyll and Bute", "Yes: recovery is where we are weakest.", "2026-03-23"),
        ],
        "comments": [
            ("ict.manager@cne-siar.example", "We are glad to share what we learned.", "2026-03-10"),
        ],
        "story": [
            ("under_review", "2026-03-24"),
            ("accepted", "2026-04-14", {"project": "cyber-resilience"}),
        ],
    },
    {
        "title": "Tenants report repairs out of hours, with photos",
        "organisation": "West Dunbartonshire",
        "raised_on": "2026-02-02",
        "theme": "digital-services",
        "urgency": "high",
        "benefit_value": 55000,
        "benefit_notes": "Fewer wasted visits when the job is not what was reported.",
        "problem": "Tenants can only report repairs by phone in office hours. Without photos, "
        "operatives often arrive without the right parts.",
        "affected": "Council tenants and our repairs service.",
        "outcome": "Tenants report a repair at any time with photos and choose an appointment.",
        "supporters": [
            ("Inverclyde", "Same in Inverclyde.", "2026-02-09"),
            ("East Renfrewshire", "We want photos with every report.", "2026-02-11"),
        ],
        "comments": [],
        "story": [
            ("under_review", "2026-02-16"),
            ("accepted", "2026-03-23", {"project": "housing-repairs-online"}),
        ],
    },
    {
        "title": "Book and pay for bulky uplifts online",
        "organisation": "Falkirk",
        "raised_on": "2026-04-20",
        "theme": "digital-services",
        "urgency": "medium",
        "benefit_value": 30000,
        "benefit_notes": "About 5,000 calls a year to book uplifts.",
        "problem": "Residents book bulky uplifts by phone and pay by card over the phone, and "
        "crews get the list on paper.",
        "affected": "Residents, the contact centre and waste crews.",
        "outcome": "Residents book and pay online any time, and crews see the jobs in the cab.",
        "supporters": [
            ("Stirling", "We would share the booking service.", "2026-04-27"),
            ("Clackmannanshire", "Yes, for us too.", "2026-04-29"),
        ],
        "comments": [],
        "story": [
            ("under_review", "2026-05-04"),
            ("accepted", "2026-06-08", {"project": "waste-and-recycling-digital-services"}),
        ],
    },
    # Accepted, its project to follow ---------------------------------------------------------
    {
        "title": "Booking and paying for pier and harbour berths",
        "organisation": "Argyll and Bute",
        "raised_on": "2026-08-03",
        "theme": "digital-services",
        "urgency": "medium",
        "benefit_value": 20000,
        "benefit_notes": "Dues collected on time, and harbour staff time.",
        "problem": "The council runs many piers and harbours. Visiting boats pay harbour dues "
        "in cash or by invoice, and we cannot see which berths are free.",
        "affected": "Fishing and leisure boat owners, ferry and cruise operators, harbour staff.",
        "outcome": "Boat owners book berths and pay dues online, and harbour staff see who is due.",
        "supporters": [
            ("Highland", "Highland runs harbours too.", "2026-08-10"),
            ("Orkney Islands", "Orkney's harbours would use it.", "2026-08-17"),
        ],
        "comments": [
            (
                OFFICE,
                "Accepted: we will scope it as a project with the three harbour "
                "authorities early in 2027.",
                "2026-09-29",
            ),
        ],
        "story": [
            ("under_review", "2026-08-31"),
            ("accepted", "2026-09-28", {}),
        ],
    },
    # Declined --------------------------------------------------------------------------------
    {
        "title": "Online applications for National Entitlement Cards",
        "organisation": "Moray",
        "raised_on": "2026-06-01",
        "theme": "digital-services",
        "urgency": "low",
        "benefit_value": None,
        "benefit_notes": "",
        "problem": "Young people and older residents come to our offices to apply for a "
        "National Entitlement Card for free bus travel.",
        "affected": "Young people under 22, older and disabled residents, our customer service "
        "points.",
        "outcome": "People apply for their card online.",
        "supporters": [],
        "comments": [],
        "story": [
            ("under_review", "2026-06-08"),
            (
                "declined",
                "2026-06-15",
                {
                    "reason": "The national Get Your NEC service, run by the Improvement "
                    "Service at getyournec.scot, already lets people apply online. The "
                    "Digital Office will help Moray link its pages to it and keep a paper "
                    "route for people who need one.",
                },
            ),
        ],
    },
    {
        "title": "A council app for every service",
        "organisation": "East Lothian",
        "raised_on": "2026-05-18",
        "theme": "digital-services",
        "urgency": "low",
        "benefit_value": None,
        "benefit_notes": "",
        "problem": "Residents expect an app, and councillors have asked why we do not have one.",
        "affected": "Residents.",
        "outcome": "One app with all our services.",
        "supporters": [],
        "comments": [
            (
                DELIVERY,
                "Could the need be met by making the web services work well on phones? "
                "That is how the shared services in the programme are built.",
                "2026-05-26",
            ),
        ],
        "story": [
            ("under_review", "2026-05-25"),
            (
                "declined",
                "2026-06-15",
                {
                    "reason": "The partnership builds web services that work on any phone rather "
                    "than apps people must find and install, so every service reaches everyone. "
                    "The Digital Office will review East Lothian's most used services on phones "
                    "with you instead.",
                },
            ),
        ],
    },
    {
        "title": "Replace our payroll system",
        "organisation": "Clackmannanshire",
        "raised_on": "2026-07-13",
        "theme": "digital-foundations",
        "urgency": "high",
        "benefit_value": None,
        "benefit_notes": "",
        "problem": "Our payroll system's support contract ends and the product is being retired.",
        "affected": "Every member of staff, and our payroll team.",
        "outcome": "A supported payroll system.",
        "supporters": [],
        "comments": [],
        "story": [
            ("under_review", "2026-07-20"),
            (
                "declined",
                "2026-08-03",
                {
                    "reason": "Replacing one council's payroll system is outside the programme, "
                    "which takes on work several councils share. The Digital Office will put you "
                    "in touch with councils that replaced theirs recently and share their "
                    "specifications.",
                },
            ),
        ],
    },
    # Duplicates ------------------------------------------------------------------------------
    {
        "title": "Low emission zone exemption applications",
        "organisation": "Dundee City",
        "raised_on": "2026-08-24",
        "theme": "digital-services",
        "urgency": "medium",
        "benefit_value": None,
        "benefit_notes": "",
        "problem": "Dundee's low emission zone has been enforced since May 2024. Exemption "
        "requests come by email.",
        "affected": "Drivers and our parking team.",
        "outcome": "An online exemption application.",
        "supporters": [],
        "comments": [],
        "story": [
            ("under_review", "2026-09-07"),
            (
                "duplicate",
                "2026-09-07",
                {
                    "original": "Low emission zone exemptions and permits in one place",
                },
            ),
        ],
    },
    {
        "title": "Renewing short-term let licences",
        "organisation": "East Renfrewshire",
        "raised_on": "2026-07-27",
        "theme": "digital-services",
        "urgency": "medium",
        "benefit_value": None,
        "benefit_notes": "",
        "problem": "Short-term let licences granted in 2023 are due for renewal and we renew "
        "them on paper.",
        "affected": "Hosts and our licensing team.",
        "outcome": "Hosts renew online.",
        "supporters": [
            ("Renfrewshire", "Renfrewshire renews on paper too.", "2026-07-30"),
        ],
        "comments": [],
        "story": [
            ("under_review", "2026-08-03"),
            (
                "duplicate",
                "2026-08-04",
                {
                    "original": "Short-term let licence applications and renewals online",
                },
            ),
        ],
    },
    {
        "title": "Blue Badge renewals that reuse the evidence we hold",
        "organisation": "South Ayrshire",
        "raised_on": "2026-11-30",
        "theme": "digital-services",
        "urgency": "medium",
        "benefit_value": 9000,
        "benefit_notes": "Fewer repeat assessments.",
        "problem": "People renewing a Blue Badge send the same evidence of a lifelong "
        "condition every three years, and we assess it again.",
        "affected": "Disabled residents and our Blue Badge team.",
        "outcome": "Renewals reuse evidence that does not change, so people only send what is new.",
        "supporters": [],
        "comments": [],
        "story": [],
    },
]
