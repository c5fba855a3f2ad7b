"""The demo work programme: themes, sub-areas, project leads and projects, as plain data.

``heartbeat demo`` loads it through ``heartbeat.demo.portfolio`` after the partnership's
organisations and people exist. Projects read like the partnership's real work; the people,
costs and dates are illustrative.

Shapes, so the data can be read without the loader:
- dates are ISO strings ("2025-04-01"); months are "YYYY-MM" (stored as the first of the month);
- ``requirements``: (priority, text) with priority must / should / could;
- ``products``: (name, product type, description, planned date);
- ``resources``: (skill slug, level, people, days per person per month, start month, end
  month, notes); skill slugs are those of ``heartbeat.skills.catalogue``;
- ``story``: the stage transitions after the project was proposed on ``proposed_on``, oldest
  first, as (to stage, date) or (to stage, date, reason). The project lead marks a project as
  defined (or reopens its definition); the programme office makes every other move.
"""

from heartbeat.demo.data.portfolio import foundations, leadership, services
from heartbeat.demo.data.portfolio.common import DEMO_PROJECT_LEAD, DIRECTOR

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


__all__ = ["DEMO_PROJECT_LEAD", "DIRECTOR", "PROJECTS", "PROJECT_LEADS", "THEMES"]

PROJECTS: list[dict] = [*services.PROJECTS, *foundations.PROJECTS, *leadership.PROJECTS]
