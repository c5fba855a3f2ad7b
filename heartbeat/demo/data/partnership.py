"""The partnership as it really is: the 32 Scottish councils, the Digital Office and its partners.

Plain data, so it can be read and corrected without reading code. ``heartbeat demo`` loads it
(see ``heartbeat.demo.partnership``).

GSS codes are the current council-area codes of the Scottish register of geographic codes.
Four councils were recoded when their boundaries changed in 2018 and 2019 (Fife S12000015 ->
S12000047, Perth and Kinross S12000024 -> S12000048, Glasgow City S12000046 -> S12000049,
North Lanarkshire S12000044 -> S12000050); several others were recoded in 2009-2011 (for
example Argyll and Bute S12000035, City of Edinburgh S12000036, East Dunbartonshire
S12000045). Short codes are the three-letter codes of the local-authority-sct register
(the ISO 3166-2:GB subdivision codes).

Membership dates and notes are illustrative: they follow the shape of the real partnership
(most councils signed up at its launch on 1 October 2016, the rest during 2017 and 2018), not
the minutes of any council.
"""

import datetime

# name, official name, GSS code, short code, website
COUNCILS: list[dict] = [
    {
        "name": "Aberdeen City",
        "official_name": "Aberdeen City Council",
        "gss_code": "S12000033",
        "short_code": "ABE",
        "website": "https://www.aberdeencity.gov.uk",
    },
    {
        "name": "Aberdeenshire",
        "official_name": "Aberdeenshire Council",
        "gss_code": "S12000034",
        "short_code": "ABD",
        "website": "https://www.aberdeenshire.gov.uk",
    },
    {
        "name": "Angus",
        "official_name": "Angus Council",
        "gss_code": "S12000041",
        "short_code": "ANS",
        "website": "https://www.angus.gov.uk",
    },
    {
        "name": "Argyll and Bute",
        "official_name": "Argyll and Bute Council",
        "gss_code": "S12000035",
        "short_code": "AGB",
        "website": "https://www.argyll-bute.gov.uk",
    },
    {
        "name": "City of Edinburgh",
        "official_name": "The City of Edinburgh Council",
        "gss_code": "S12000036",
        "short_code": "EDH",
        "website": "https://www.edinburgh.gov.uk",
    },
    {
        "name": "Clackmannanshire",
        "official_name": "Clackmannanshire Council",
        "gss_code": "S12000005",
        "short_code": "CLK",
        "website": "https://www.clacks.gov.uk",
    },
    {
        "name": "Dumfries and Galloway",
        "official_name": "Dumfries and Galloway Council",
        "gss_code": "S12000006",
        "short_code": "DGY",
        "website": "https://www.dumfriesandgalloway.gov.uk",
    },
    {
        "name": "Dundee City",
        "official_name": "Dundee City Council",
        "gss_code": "S12000042",
        "short_code": "DND",
        "website": "https://www.dundeecity.gov.uk",
    },
    {
        "name": "East Ayrshire",
        "official_name": "East Ayrshire Council",
        "gss_code": "S12000008",
        "short_code": "EAY",
        "website": "https://www.east-ayrshire.gov.uk",
    },
    {
        "name": "East Dunbartonshire",
        "official_name": "East Dunbartonshire Council",
        "gss_code": "S12000045",
        "short_code": "EDU",
        "website": "https://www.eastdunbarton.gov.uk",
    },
    {
        "name": "East Lothian",
        "official_name": "East Lothian Council",
        "gss_code": "S12000010",
        "short_code": "ELN",
        "website": "https://www.eastlothian.gov.uk",
    },
    {
        "name": "East Renfrewshire",
        "official_name": "East Renfrewshire Council",
        "gss_code": "S12000011",
        "short_code": "ERW",
        "website": "https://www.eastrenfrewshire.gov.uk",
    },
    {
        "name": "Falkirk",
        "official_name": "Falkirk Council",
        "gss_code": "S12000014",
        "short_code": "FAL",
        "website": "https://www.falkirk.gov.uk",
    },
    {
        "name": "Fife",
        "official_name": "Fife Council",
        "gss_code": "S12000047",
        "short_code": "FIF",
        "website": "https://www.fife.gov.uk",
    },
    {
        "name": "Glasgow City",
        "official_name": "Glasgow City Council",
        "gss_code": "S12000049",
        "short_code": "GLG",
        "website": "https://www.glasgow.gov.uk",
    },
    {
        "name": "Highland",
        "official_name": "The Highland Council",
        "gss_code": "S12000017",
        "short_code": "HLD",
        "website": "https://www.highland.gov.uk",
    },
    {
        "name": "Inverclyde",
        "official_name": "Inverclyde Council",
        "gss_code": "S12000018",
        "short_code": "IVC",
        "website": "https://www.inverclyde.gov.uk",
    },
    {
        "name": "Midlothian",
        "official_name": "Midlothian Council",
        "gss_code": "S12000019",
        "short_code": "MLN",
        "website": "https://www.midlothian.gov.uk",
    },
    {
        "name": "Moray",
        "official_name": "The Moray Council",
        "gss_code": "S12000020",
        "short_code": "MRY",
        "website": "https://www.moray.gov.uk",
    },
    {
        "name": "Na h-Eileanan Siar",
        "official_name": "Comhairle nan Eilean Siar",
        "gss_code": "S12000013",
        "short_code": "ELS",
        "website": "https://www.cne-siar.gov.uk",
    },
    {
        "name": "North Ayrshire",
        "official_name": "North Ayrshire Council",
        "gss_code": "S12000021",
        "short_code": "NAY",
        "website": "https://www.north-ayrshire.gov.uk",
    },
    {
        "name": "North Lanarkshire",
        "official_name": "North Lanarkshire Council",
        "gss_code": "S12000050",
        "short_code": "NLK",
        "website": "https://www.northlanarkshire.gov.uk",
    },
    {
        "name": "Orkney Islands",
        "official_name": "Orkney Islands Council",
        "gss_code": "S12000023",
        "short_code": "ORK",
        "website": "https://www.orkney.gov.uk",
    },
    {
        "name": "Perth and Kinross",
        "official_name": "Perth and Kinross Council",
        "gss_code": "S12000048",
        "short_code": "PKN",
        "website": "https://www.pkc.gov.uk",
    },
    {
        "name": "Renfrewshire",
        "official_name": "Renfrewshire Council",
        "gss_code": "S12000038",
        "short_code": "RFW",
        "website": "https://www.renfrewshire.gov.uk",
    },
    {
        "name": "Scottish Borders",
        "official_name": "Scottish Borders Council",
        "gss_code": "S12000026",
        "short_code": "SCB",
        "website": "https://www.scotborders.gov.uk",
    },
    {
        "name": "Shetland Islands",
        "official_name": "Shetland Islands Council",
        "gss_code": "S12000027",
        "short_code": "ZET",
        "website": "https://www.shetland.gov.uk",
    },
    {
        "name": "South Ayrshire",
        "official_name": "South Ayrshire Council",
        "gss_code": "S12000028",
        "short_code": "SAY",
        "website": "https://www.south-ayrshire.gov.uk",
    },
    {
        "name": "South Lanarkshire",
        "official_name": "South Lanarkshire Council",
        "gss_code": "S12000029",
        "short_code": "SLK",
        "website": "https://www.southlanarkshire.gov.uk",
    },
    {
        "name": "Stirling",
        "official_name": "Stirling Council",
        "gss_code": "S12000030",
        "short_code": "STG",
        "website": "https://www.stirling.gov.uk",
    },
    {
        "name": "West Dunbartonshire",
        "official_name": "West Dunbartonshire Council",
        "gss_code": "S12000039",
        "short_code": "WDU",
        "website": "https://www.west-dunbarton.gov.uk",
    },
    {
        "name": "West Lothian",
        "official_name": "West Lothian Council",
        "gss_code": "S12000040",
        "short_code": "WLN",
        "website": "https://www.westlothian.gov.uk",
    },
]

DIGITAL_OFFICE = {
    "name": "Digital Office",
    "official_name": "Digital Office for Scottish Local Government",
    "slug": "digital-office",
    "short_code": "DO",
    "kind": "digital_office",
    "website": "https://www.digitaloffice.scot",
}

# National bodies and partners that work with the partnership but do not sign up to its terms.
PARTNERS: list[dict] = [
    {
        "name": "COSLA",
        "official_name": "Convention of Scottish Local Authorities",
        "short_code": "COSLA",
        "kind": "national_body",
        "website": "https://www.cosla.gov.uk",
    },
    {
        "name": "Improvement Service",
        "official_name": "The Improvement Service",
        "short_code": "IS",
        "kind": "national_body",
        "website": "https://www.improvementservice.org.uk",
    },
    {
        "name": "Scottish Government",
        "official_name": "The Scottish Government",
        "short_code": "SG",
        "kind": "national_body",
        "website": "https://www.gov.scot",
    },
    {
        "name": "SOCITM Scotland",
        "official_name": "Society for Innovation, Technology and Modernisation (Scotland)",
        "short_code": "SOCITM",
        "kind": "partner",
        "website": "https://socitm.net",
    },
]

FIRST_TERM = {
    "name": "2016 to 2019",
    "slug": "2016-to-2019",
    "start": datetime.date(2016, 10, 1),
    "end": datetime.date(2019, 9, 30),
    "description": (
        "The partnership's first term: councils signed up to fund the Digital Office and to "
        "work together on a shared programme of digital change."
    ),
}

EXTENSION_TERM = {
    "name": "Extension 2019 to 2021",
    "slug": "extension-2019-to-2021",
    "start": datetime.date(2019, 10, 1),
    "end": datetime.date(2021, 9, 30),
    "description": (
        "A two-year extension of the partnership, agreed in principle by every council while "
        "its funding model was settled."
    ),
}

# The terms that followed the extension, up to the one that includes today (3 December 2026).
# They are ILLUSTRATIVE: their names, dates and every council's decision about them are
# invented for the demonstration, not the partnership's records.
LATER_TERMS: list[dict] = [
    {
        "name": "2021 to 2024 (illustrative)",
        "slug": "2021-to-2024",
        "start": datetime.date(2021, 10, 1),
        "end": datetime.date(2024, 3, 31),
        "description": (
            "Illustrative demonstration data, not the partnership's records: a term from the "
            "end of the extension to the end of the 2023-24 financial year, once the funding "
            "model was agreed."
        ),
    },
    {
        "name": "2024 to 2027 (illustrative)",
        "slug": "2024-to-2027",
        "start": datetime.date(2024, 4, 1),
        "end": datetime.date(2027, 3, 31),
        "description": (
            "Illustrative demonstration data, not the partnership's records: a three-year term "
            "for the financial years 2024-25 to 2026-27, the term that includes today."
        ),
    },
]
# Illustrative decisions about the later terms: every council signs up to each, a few
# weeks after its council or committee meeting, except those listed here.
LATER_TERM_FIRST_DATES = {
    "2021-to-2024": datetime.date(2021, 8, 19),
    "2024-to-2027": datetime.date(2024, 2, 22),
}
LATER_TERM_NOTE = "Illustrative: signed up after its committee agreed the contribution."
LATER_TERM_EXCEPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "2024-to-2027": {
        "Orkney Islands": (
            "committed_in_principle",
            "Illustrative: committed in principle while an island-scaled contribution is agreed.",
        ),
        "Na h-Eileanan Siar": (
            "committed_in_principle",
            "Illustrative: committed in principle, subject to its budget setting.",
        ),
    },
}

PARTNERSHIP_LAUNCH = datetime.date(2016, 10, 1)
LAUNCH_NOTE = "Signed up at the partnership's launch."

# The seven councils that joined the first term after its launch: (name, date, note).
LATER_JOINERS: list[tuple[str, datetime.date, str]] = [
    (
        "Glasgow City",
        datetime.date(2017, 3, 16),
        "Joined after the City Administration Committee approved membership.",
    ),
    (
        "City of Edinburgh",
        datetime.date(2017, 6, 22),
        "Joined once its ICT contract transition plan was agreed.",
    ),
    (
        "East Renfrewshire",
        datetime.date(2017, 9, 7),
        "Joined after a Cabinet report on its Modern Ambitious Programme.",
    ),
    (
        "North Lanarkshire",
        datetime.date(2017, 11, 30),
        "Joined as part of its digital transformation strategy.",
    ),
    (
        "South Lanarkshire",
        datetime.date(2018, 2, 15),
        "Joined after the Executive Committee approved the contribution.",
    ),
    (
        "Aberdeenshire",
        datetime.date(2018, 5, 24),
        "Joined after the Business Services Committee agreed the contribution.",
    ),
    (
        "Orkney Islands",
        datetime.date(2018, 8, 30),
        "Joined with a contribution scaled for an island authority.",
    ),
]

EXTENSION_NOTE = "Committed in principle, subject to the funding model being agreed."
# Councils committed to the extension over the summer of 2019, a few each week.
EXTENSION_FIRST_DATE = datetime.date(2019, 6, 13)

# Demo people: (email, full name, job title, organisation name, roles).
DEMO_PEOPLE: list[dict] = [
    {
        "email": "programme.office@digital-office.example",
        "full_name": "Morag Campbell",
        "job_title": "Programme Manager",
        "organisation": "Digital Office",
        "roles": ["programme_office"],
        "role_label": "Programme office",
    },
    {
        "email": "organisation.lead@fife.example",
        "full_name": "Iain Robertson",
        "job_title": "Chief Digital Officer",
        "organisation": "Fife",
        "roles": ["organisation_lead"],
        "role_label": "Organisation lead",
    },
    {
        "email": "project.lead@aberdeencity.example",
        "full_name": "Fiona Stewart",
        "job_title": "Digital Transformation Lead",
        "organisation": "Aberdeen City",
        "roles": ["project_lead"],
        "role_label": "Project lead",
    },
    {
        "email": "board.member@dundeecity.example",
        "full_name": "Graham Thomson",
        "job_title": "Executive Director of Corporate Services",
        "organisation": "Dundee City",
        "roles": ["board_member"],
        "role_label": "Board member",
    },
    {
        "email": "member@highland.example",
        "full_name": "Catriona MacLeod",
        "job_title": "Business Analyst",
        "organisation": "Highland",
        "roles": [],
        "role_label": "Member",
    },
]

# More people, so organisation pages show who is involved. They sign in with the same password.
EXTRA_PEOPLE: list[dict] = [
    {
        "email": "user.researcher@fife.example",
        "full_name": "Ailsa Murray",
        "job_title": "User Researcher",
        "organisation": "Fife",
        "roles": [],
    },
    {
        "email": "service.designer@fife.example",
        "full_name": "Callum Reid",
        "job_title": "Service Designer",
        "organisation": "Fife",
        "roles": [],
    },
    {
        "email": "architect@aberdeencity.example",
        "full_name": "Euan Grant",
        "job_title": "Enterprise Architect",
        "organisation": "Aberdeen City",
        "roles": [],
    },
    {
        "email": "digital.lead@glasgow.example",
        "full_name": "Shona Wilson",
        "job_title": "Head of Digital Services",
        "organisation": "Glasgow City",
        "roles": ["organisation_lead"],
    },
    {
        "email": "data.lead@edinburgh.example",
        "full_name": "Kirsty Paterson",
        "job_title": "Data and Insight Manager",
        "organisation": "City of Edinburgh",
        "roles": [],
    },
    {
        "email": "ict.manager@cne-siar.example",
        "full_name": "Donald MacDonald",
        "job_title": "ICT Manager",
        "organisation": "Na h-Eileanan Siar",
        "roles": ["organisation_lead"],
    },
    {
        "email": "delivery.manager@digital-office.example",
        "full_name": "Rachel Hughes",
        "job_title": "Delivery Manager",
        "organisation": "Digital Office",
        "roles": ["programme_office"],
    },
    {
        "email": "content.designer@highland.example",
        "full_name": "Eilidh Fraser",
        "job_title": "Content Designer",
        "organisation": "Highland",
        "roles": [],
    },
]
