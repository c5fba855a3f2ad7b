"""Demo news, events, questions and the published response (see heartbeat.demo.engagement).

Written for Heartbeat's demo: the partnership's news from the launch of its new delivery
model on 1 October 2019, the Partnership Forum of 12 November 2019 with the questions people
asked, how they voted and the programme office's response, and the spring forum to come.
People are the demo's people, by email; projects and themes are the demo portfolio's, by
slug. Times are UK local time.
"""

import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def at(*args: int) -> datetime.datetime:
    """A moment in UK local time."""
    return datetime.datetime(*args, tzinfo=LONDON)


PROGRAMME_OFFICE = "programme.office@digital-office.example"

ARTICLES = [
    {
        "slug": "partnership-extended-for-two-more-years",
        "title": "Councils agree to carry the partnership on for two more years",
        "published": at(2019, 8, 29, 9, 30),
        "summary": "Every council has said it intends to stay in the partnership when the "
        "first programme term ends in September, and to back a two-year extension.",
        "body": """The first term of the partnership ends on 30 September 2019. Over the
summer each council's leadership considered what comes next, and every one of them has
said it intends to continue for a further two years.

## What the extension is for

The first term proved that councils can design, buy and build once for many. The next two
years are about doing that faster and more predictably:

* a single, visible **work programme**, with each project defined before it starts;
* councils' people and time pledged against what each project needs;
* regular, short progress updates, so that everyone can see how the work is going.

The programme office will publish the new delivery model before the extension begins.
""",
        "tags": ["partnership", "programme terms"],
        "themes": ["digital-leadership"],
        "projects": [],
    },
    {
        "slug": "new-delivery-model-launches",
        "title": "The new delivery model starts today",
        "published": at(2019, 10, 1, 8, 0),
        "summary": "From 1 October 2019 every project in the programme has a clear "
        "definition, a regular heartbeat of progress updates and a place on one shared "
        "work programme. A new approach to communication and engagement comes with it.",
        "body": """Today the partnership begins its second term with a new way of running its
work. It changes how projects start, how they report and how councils take part.

## A clear definition before any work starts

Every project now has a written definition: what is in and out of scope, what it must
deliver, the benefits it expects and the people and skills it needs. A project only moves
forward once its definition is complete and the partnership has approved it.

## A heartbeat for every project

Each project posts a short update on a regular cadence: how confident the team is of
delivering, what was achieved and what comes next. Read together, these beats show the
health of the whole programme at a glance.

## Councils pledge people and time

Instead of asking for volunteers project by project, the programme lists the skills each
project needs. Councils pledge named people or capacity against those needs, and everyone
can see where the gaps are.

## Hearing from everyone

The model comes with a new communication and engagement strategy. News of the programme
will be published here, and a **Partnership Forum** will bring people from every member
organisation together to hear what is happening, share their views and ask questions. The
programme office will publish a response after each forum.

The first forum takes place on 12 November 2019. Registration opens this week.
""",
        "tags": ["delivery model", "Partnership Forum"],
        "themes": ["digital-leadership", "digital-foundations", "digital-services"],
        "projects": [],
    },
    {
        "slug": "partnership-forum-registration-open",
        "title": "Registration is open for the first Partnership Forum",
        "published": at(2019, 10, 7, 10, 0),
        "summary": "The first Partnership Forum is on Tuesday 12 November 2019. Places are "
        "limited: register, and send your questions in advance.",
        "body": """The first Partnership Forum takes place on **Tuesday 12 November 2019**,
from 10am to 3:30pm.

The forum is for anyone in a member organisation who works on, or depends on, the
partnership's projects: digital leads, service managers, architects, designers and
front-line staff. Places are limited, so register early; if the forum is full you can join
the waiting list and will be told if a place comes free.

You can send questions before the day, and ask more on the day. Questions are moderated,
and everyone can upvote the ones they most want answered. After the forum the programme
office will publish a response that answers them.
""",
        "tags": ["Partnership Forum"],
        "themes": [],
        "projects": [],
    },
    {
        "slug": "what-we-heard-at-the-partnership-forum",
        "title": "What we heard at the Partnership Forum",
        "published": at(2019, 11, 26, 9, 0),
        "summary": "More than a hundred people came to the first Partnership Forum. Our "
        "response answers the questions they asked and says what happens next.",
        "body": """Thank you to everyone who came to the first Partnership Forum on 12 November,
in person and online, and to everyone who sent questions and voted on them.

The questions people voted for most were about how councils take part in projects without
overloading their own teams, how the cost of shared products is divided, and when telecare
services move from analogue to digital.

The programme office has published its response, which answers every question we approved.
Where several people asked the same thing, we answered it once and linked the duplicates.
""",
        "tags": ["Partnership Forum"],
        "themes": ["digital-leadership"],
        "projects": ["digital-telecare"],
    },
    {
        "slug": "telecare-switchover-halfway",
        "title": "Digital telecare: over half of alarm users now on digital services",
        "published": at(2026, 10, 14, 9, 30),
        "summary": "The councils in the digital telecare project have moved more than half "
        "of their community alarm users to digital alarms ahead of the analogue "
        "switch-off.",
        "body": """The telephone network's move from analogue to digital means every community
alarm must be replaced or reconfigured. The councils working together in the digital
telecare project passed the halfway point this month.

## What has helped

* a **shared test lab**, where alarms and receiving centres are tested once for everyone;
* a common installation checklist, now used by installers in every participating council;
* monthly heartbeat updates, which showed early where stock shortages would slow the work.

The project's next steps are on its page, where its updates are published.
""",
        "tags": ["telecare", "analogue to digital"],
        "themes": ["digital-services"],
        "projects": ["digital-telecare"],
    },
    {
        "slug": "cyber-resilience-exercise",
        "title": "Twenty councils rehearse their response to a ransomware attack",
        "published": at(2026, 11, 5, 11, 0),
        "summary": "A day-long exercise run by the cyber resilience project tested how "
        "councils would keep essential services running during an attack.",
        "body": """Teams from twenty councils spent a day working through a simulated
ransomware attack on a council's housing and social care systems.

The exercise tested who decides what, how quickly suppliers can be reached and which
services can run on paper. Each council leaves with its own list of actions; the project
will publish the common lessons, without naming anyone, in the new year.
""",
        "tags": ["cyber security"],
        "themes": ["digital-foundations"],
        "projects": ["cyber-resilience"],
    },
    {
        "slug": "data-standards-consultation-members",
        "title": "Social care data standards: draft open for comment by members",
        "published": at(2026, 11, 20, 9, 0),
        "summary": "Members can comment on the first draft of the shared social care data "
        "standards until 18 December.",
        "body": """The social care data standards project has published its first draft for
comment by partnership members. It sets out common definitions for people, referrals,
assessments and care packages.

Send comments through your organisation's digital lead by **18 December 2026**.
""",
        "tags": ["data standards", "social care"],
        "themes": ["digital-services"],
        "projects": ["social-care-data-standards"],
        "visibility": "partnership",
    },
    {
        "slug": "spring-forum-2027-announced",
        "title": "The spring 2027 Partnership Forum: save the date",
        "published": at(2026, 12, 1, 9, 0),
        "summary": "The next Partnership Forum is on Thursday 11 March 2027, in Perth and "
        "online. Registration is open.",
        "body": """The next Partnership Forum is on **Thursday 11 March 2027**, from 10am to
3pm, in Perth and online.

The morning looks back at the first year of the digital strategy; the afternoon is given
over to your questions. Send them now: the ones with the most votes will be answered first.
""",
        "tags": ["Partnership Forum"],
        "themes": [],
        "projects": [],
    },
    {
        "slug": "heartbeat-year-in-review-2026",
        "title": "The programme's year in review",
        "published": None,
        "publish_at": at(2026, 12, 18, 9, 0),
        "summary": "A look back at the projects delivered, the products adopted and the "
        "people councils pledged in 2026.",
        "body": """A look back at 2026: what the partnership delivered, which products
councils adopted and how many days of their people's time councils pledged.

*This article is scheduled: it is published by the worker on 18 December 2026.*
""",
        "tags": ["programme"],
        "themes": ["digital-leadership"],
        "projects": [],
    },
]

FORUM_2019 = {
    "slug": "partnership-forum-november-2019",
    "title": "Partnership Forum, November 2019",
    "summary": "The first Partnership Forum: the new delivery model, the work programme and "
    "your questions.",
    "starts_at": at(2019, 11, 12, 10, 0),
    "ends_at": at(2019, 11, 12, 15, 30),
    "format": "hybrid",
    "place": "Edinburgh city centre (the venue's address went to registered delegates)",
    "online_link": "https://events.digital-office.example/forum-2019",
    "capacity": 120,
    "agenda": """1. Welcome and introductions
2. The new delivery model: how projects start, report and recruit
3. The work programme: the projects in each theme
4. Workshops: digital telecare, common data standards, the digital skills academy
5. Your questions, with the programme office and project leads
6. Close""",
}

FORUM_2027 = {
    "slug": "partnership-forum-spring-2027",
    "title": "Partnership Forum, spring 2027",
    "summary": "The first year of the digital strategy, and your questions.",
    "starts_at": at(2027, 3, 11, 10, 0),
    "ends_at": at(2027, 3, 11, 15, 0),
    "format": "hybrid",
    "place": "Perth Concert Hall, Mill Street, Perth",
    "online_link": "https://events.digital-office.example/forum-spring-2027",
    "capacity": 150,
    "agenda": """1. Welcome
2. The digital strategy: the first year
3. What councils have adopted, and what comes next
4. Your questions""",
}

# Each question: who asked, the text, whether anonymous, how many people upvoted it (the
# first that many demo people, not counting the asker), and its answer, its rejection
# reason, or the index of the question it was merged into.
FORUM_2019_QUESTIONS = [
    {
        "asker": "organisation.lead@fife.example",
        "text": "How can smaller teams take part in projects without taking people away from "
        "keeping their own services running?",
        "votes": 11,
        "answer": "Councils pledge time in days per month, from one day upwards, and can plan "
        "reductions for busy periods such as the summer. Projects ask for specific skills, so a "
        "council can pledge one specialist for a few days rather than a whole team. The "
        "programme office will publish every open need, so smaller councils can choose where a "
        "little time goes furthest.",
    },
    {
        "asker": "digital.lead@glasgow.example",
        "text": "How will the cost of shared products be divided between councils of very "
        "different sizes?",
        "votes": 10,
        "answer": "Each project's definition sets out its costs and how they are shared, and "
        "the board approves it before delivery starts. The default is a share in proportion to "
        "population with a floor, so that no council pays more than its share and the smallest "
        "are not priced out.",
    },
    {
        "asker": "member@highland.example",
        "text": "When will telecare services have to move from analogue to digital, and what "
        "help will councils get?",
        "votes": 9,
        "answer": "The telephone network is moving to digital over the next few years, and "
        "community alarms must move with it. The digital telecare project will share a test "
        "lab, procurement routes and an installation checklist with every council, whether it "
        "joins the project or not.",
    },
    {
        "asker": "ict.manager@cne-siar.example",
        "text": "Will the island councils' connectivity be considered when shared platforms "
        "are chosen?",
        "anonymous": True,
        "votes": 7,
        "answer": "Yes. Every platform the programme chooses will be tested from the island "
        "councils' networks before it is approved, and the digital inclusion and connectivity "
        "project will report on the results.",
    },
    {
        "asker": "data.lead@edinburgh.example",
        "text": "Will there be common data standards across councils, so that data can be "
        "shared between services?",
        "votes": 6,
        "answer": "A common data standards project is part of the work programme. It starts "
        "with the data that social care and housing share most often.",
    },
    {
        "asker": "user.researcher@fife.example",
        "text": "How will the people who use our services be involved in the projects?",
        "votes": 5,
        "answer": "Every project that builds a service must plan user research in its "
        "definition. The design community of practice will share research across projects so "
        "that people are not asked the same questions twice.",
    },
    {
        "asker": "board.member@dundeecity.example",
        "text": "How will elected members be kept informed about the programme's progress?",
        "votes": 4,
        "answer": "Each project's progress updates are published on its page, and the "
        "programme office will write a short quarterly summary for elected members.",
    },
    {
        "asker": "content.designer@highland.example",
        "text": "What happens to the analogue telecare alarms, and who pays to replace them?",
        "votes": 2,
        "merged_into": 2,
    },
    {
        "asker": "service.designer@fife.example",
        "text": "Can we have the slides from this morning?",
        "votes": 0,
        "rejected": "The slides are sent to everyone who registered; this is not a question "
        "for the panel.",
    },
]

FORUM_2019_RESPONSE = """Thank you to everyone who came to the first Partnership Forum on
12 November 2019, in Edinburgh and online, and to everyone who sent questions before the day
and voted on them.

## What we covered

We introduced the partnership's new **delivery model**, which began on 1 October 2019, and
walked through the work programme theme by theme. Three workshops looked at digital
telecare, common data standards and the digital skills academy.

## Your questions

People sent questions before the day, asked more on it, and voted for the ones they most
wanted answered. We have answered every question we approved. Where several people asked
the same thing, we merged the questions and answered them once; the answers are below, with
the questions that received the most votes first.

## What happens next

The next forum will be in the spring. Until then, follow the projects that matter to you to
hear of their news and progress.
"""

FORUM_2027_QUESTIONS = [
    {
        "asker": "organisation.lead@fife.example",
        "text": "Which shared products are councils most likely to adopt in 2027?",
        "votes": 4,
        "approved": True,
    },
    {
        "asker": "member@highland.example",
        "text": "How will the safe use of generative AI be governed across councils?",
        "votes": 3,
        "approved": True,
    },
    {
        "asker": "architect@aberdeencity.example",
        "text": "Is there a plan to retire the older shared network contracts?",
        "votes": 0,
        "approved": False,
    },
]

FORUM_2019_REGISTERED = [
    "programme.office@digital-office.example",
    "organisation.lead@fife.example",
    "project.lead@aberdeencity.example",
    "board.member@dundeecity.example",
    "member@highland.example",
    "user.researcher@fife.example",
    "service.designer@fife.example",
    "digital.lead@glasgow.example",
    "data.lead@edinburgh.example",
    "ict.manager@cne-siar.example",
    "content.designer@highland.example",
]

FORUM_2027_REGISTERED = [
    "organisation.lead@fife.example",
    "user.researcher@fife.example",
    "member@highland.example",
    "digital.lead@glasgow.example",
]

# (person's email, kind, slug)
FOLLOWS = [
    ("member@highland.example", "project", "digital-telecare"),
    ("member@highland.example", "event", "partnership-forum-spring-2027"),
    ("organisation.lead@fife.example", "theme", "digital-services"),
    ("project.lead@aberdeencity.example", "project", "cyber-resilience"),
    ("board.member@dundeecity.example", "theme", "digital-leadership"),
]
