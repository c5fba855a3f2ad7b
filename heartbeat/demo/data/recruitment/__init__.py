"""The demo's recruitment, as plain data: who takes part in which demo project, what they
pledged, people's skills and councils' declared capacity.

``heartbeat.demo.recruitment`` loads it after the work programme. Participation is uneven, as
in the real partnership: the Office 365 federation had 13 organisations, most projects have a
handful, and recruiting projects have some interest and a few early pledges. Many pledges dip
in July and August for the summer holidays; some projects are fully staffed and some have
gaps. Closed projects have the councils and pledges that delivered them. The loader dates
each participation and pledge on its project's story (when it started recruiting) and adds
the lead organisation to any project that recruited without it listed.
"""

from heartbeat.demo.data.recruitment import closed, delivery, recruiting

INTERESTED, C, A = "interested", "committed", "active"

# Project slug -> (organisation, status). The lead organisation takes the lead role.
PARTICIPATION: dict[str, list[tuple[str, str]]] = {
    # The real federation: 13 organisations sharing one Microsoft 365 tenant model.
    "office-365-federation": [
        ("Glasgow City", A),
        ("Aberdeen City", A),
        ("Aberdeenshire", A),
        ("Angus", A),
        ("Dundee City", A),
        ("East Lothian", A),
        ("Falkirk", A),
        ("Fife", A),
        ("Highland", A),
        ("Midlothian", A),
        ("Perth and Kinross", A),
        ("Renfrewshire", A),
        ("Stirling", A),
    ],
    "digital-telecare": [
        ("Digital Office", A),
        ("Angus", A),
        ("Falkirk", A),
        ("North Lanarkshire", A),
        ("East Renfrewshire", A),
        ("Scottish Borders", C),
        ("Moray", INTERESTED),
    ],
    "crm-and-bookings": [
        ("Fife", A),
        ("Aberdeen City", A),
        ("Highland", A),
        ("Glasgow City", C),
        ("Clackmannanshire", INTERESTED),
    ],
    "school-admissions-online": [
        ("West Lothian", A),
        ("Fife", A),
        ("Falkirk", A),
        ("Midlothian", C),
        ("East Lothian", C),
    ],
    "intelligent-automation": [
        ("Angus", A),
        ("Dundee City", A),
        ("Perth and Kinross", A),
    ],
    "common-data-standards": [
        ("Digital Office", A),
        ("City of Edinburgh", A),
        ("Glasgow City", C),
        ("Renfrewshire", INTERESTED),
    ],
    "cyber-resilience": [
        ("Digital Office", A),
        ("Highland", A),
        ("Moray", A),
        ("Argyll and Bute", A),
        ("Stirling", C),
        ("Orkney Islands", INTERESTED),
        ("Shetland Islands", INTERESTED),
    ],
    "design-community-of-practice": [
        ("Highland", A),
        ("Fife", A),
        ("Dundee City", INTERESTED),
    ],
    "digital-skills-academy": [
        ("Dundee City", A),
        ("Digital Office", A),
        ("Angus", C),
    ],
    "social-care-data-standards": [
        ("Dundee City", C),
        ("City of Edinburgh", C),
        ("Glasgow City", INTERESTED),
        ("South Lanarkshire", INTERESTED),
    ],
    "housing-repairs-online": [
        ("North Lanarkshire", C),
        ("West Dunbartonshire", INTERESTED),
        ("Inverclyde", INTERESTED),
    ],
    "shared-data-platform": [
        ("City of Edinburgh", C),
        ("Digital Office", C),
        ("Glasgow City", INTERESTED),
        ("Aberdeen City", INTERESTED),
    ],
    "digital-inclusion-and-connectivity": [
        ("Na h-Eileanan Siar", C),
        ("Orkney Islands", C),
        ("Shetland Islands", INTERESTED),
        ("Argyll and Bute", INTERESTED),
    ],
    "digital-leadership-for-elected-members": [
        ("Stirling", C),
        ("Digital Office", C),
    ],
    "waste-and-recycling-digital-services": [
        ("Perth and Kinross", C),
        ("Scottish Borders", INTERESTED),
    ],
    "swan-refresh": [("Digital Office", C), ("Highland", INTERESTED)],
    # Closed: the councils that delivered them.
    "free-school-meals-and-clothing-grants-online": [
        ("South Ayrshire", A),
        ("East Ayrshire", A),
        ("North Ayrshire", A),
        ("Dumfries and Galloway", A),
        ("Inverclyde", C),
    ],
    "microsoft-licence-agreement": [
        ("Digital Office", A),
        ("Glasgow City", A),
        ("City of Edinburgh", A),
        ("Highland", A),
        ("Fife", A),
        ("Aberdeenshire", C),
    ],
    "digital-maturity-assessment": [
        ("Digital Office", A),
        ("Improvement Service", A),
        ("Angus", A),
        ("Stirling", A),
        ("West Lothian", A),
        ("Moray", A),
    ],
    # Paused while it recruited: its councils and their pledges wait for it to resume.
    "council-tax-online-account": [
        ("Aberdeen City", C),
        ("Aberdeenshire", C),
        ("Moray", INTERESTED),
    ],
}

# (project, skill, organisation, person's email or None, description when unnamed,
#  days per month, first month or None for the need's, last month or None, summer dip),
# by the stage of their projects.
PLEDGES: list[tuple] = [*closed.PLEDGES, *delivery.PLEDGES, *recruiting.PLEDGES]


# Person's email -> [(skill, level)]: what "where my council can help" matches.
USER_SKILLS: dict[str, list[tuple[str, str]]] = {
    "user.researcher@fife.example": [
        ("user-researcher", "practitioner"),
        ("service-designer", "working"),
    ],
    "service.designer@fife.example": [
        ("service-designer", "practitioner"),
        ("interaction-designer", "working"),
    ],
    "architect@aberdeencity.example": [
        ("enterprise-architect", "expert"),
        ("solution-architect", "practitioner"),
        ("security-architect", "practitioner"),
    ],
    "data.lead@edinburgh.example": [
        ("data-architect", "practitioner"),
        ("data-analyst", "expert"),
    ],
    "content.designer@highland.example": [("content-designer", "practitioner")],
    "delivery.manager@digital-office.example": [("delivery-manager", "expert")],
}

# Organisation -> (days per month, first month, last month).
CAPACITY: dict[str, tuple[int, str, str]] = {
    "Fife": (36, "2026-04", "2027-03"),  # less than pledged in most months: the page warns
    "Glasgow City": (30, "2026-04", "2027-03"),
    "Aberdeen City": (10, "2026-04", "2027-03"),
    "Angus": (30, "2026-04", "2027-03"),
    "Dundee City": (25, "2026-04", "2027-03"),
    "Highland": (15, "2026-04", "2027-03"),
    "Digital Office": (60, "2026-04", "2027-03"),
}
