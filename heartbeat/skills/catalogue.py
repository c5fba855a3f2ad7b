"""The skills list: roles projects need and councils offer, as plain data.

The first eight families and their role titles follow the UK Government Digital and Data
Profession Capability Framework (called the DDaT Profession Capability Framework until
December 2023; https://ddat-capability-framework.service.gov.uk). Its "chief digital and data"
family holds the senior roles: the framework describes chief data officer, chief information
security officer and chief technology officer; chief digital officer is added because it is the
title most Scottish councils give their digital lead. The last family holds roles councils give to
projects that the framework does not describe.

Descriptions are our own short summaries for people choosing a skill, not the framework's text.
The programme office maintains the list in the admin; ``heartbeat demo`` loads this data without
overwriting a name or description someone has changed since
(see ``heartbeat.skills.services.skill_catalogue_load``).
"""

from heartbeat.skills.models import SkillFamily

# (name, slug, description) per family, in the framework's order.
SKILLS_BY_FAMILY: dict[str, list[tuple[str, str, str]]] = {
    SkillFamily.ARCHITECTURE: [
        (
            "Business architect",
            "business-architect",
            "Maps an organisation's capabilities, processes and information so that change "
            "programmes fit together.",
        ),
        (
            "Data architect",
            "data-architect",
            "Designs how data is modelled, stored, shared and governed across systems and "
            "organisations.",
        ),
        (
            "Enterprise architect",
            "enterprise-architect",
            "Sets the target architecture and technology roadmap for an organisation or a "
            "partnership, and keeps projects aligned to it.",
        ),
        (
            "Network architect",
            "network-architect",
            "Designs wide area, local and wireless networks and their connections to shared "
            "public-sector networks.",
        ),
        (
            "Security architect",
            "security-architect",
            "Designs controls that keep services and data secure, and assures designs against "
            "standards such as Cyber Essentials Plus.",
        ),
        (
            "Solution architect",
            "solution-architect",
            "Turns requirements into a workable design for one solution, including integrations "
            "with existing council systems.",
        ),
        (
            "Technical architect",
            "technical-architect",
            "Makes the technical design decisions for a service: hosting, integration, security "
            "and the way it will be run.",
        ),
    ],
    SkillFamily.CHIEF_DIGITAL_AND_DATA: [
        (
            "Chief digital officer",
            "chief-digital-officer",
            "Leads an organisation's digital strategy and transformation; in councils often "
            "also responsible for ICT.",
        ),
        (
            "Chief data officer",
            "chief-data-officer",
            "Accountable for how an organisation uses, shares and protects its data.",
        ),
        (
            "Chief technology officer",
            "chief-technology-officer",
            "Accountable for an organisation's technology strategy, platforms and technical "
            "standards.",
        ),
        (
            "Chief information security officer",
            "chief-information-security-officer",
            "Accountable for information and cyber security risk across an organisation.",
        ),
    ],
    SkillFamily.DATA: [
        (
            "Analytics engineer",
            "analytics-engineer",
            "Builds tested, documented data models that analysts and dashboards rely on.",
        ),
        (
            "Data analyst",
            "data-analyst",
            "Collects, cleans and analyses data and presents findings people can act on.",
        ),
        (
            "Data engineer",
            "data-engineer",
            "Builds and runs the pipelines and platforms that move data between systems.",
        ),
        (
            "Data ethicist",
            "data-ethicist",
            "Advises on the ethical use of data and algorithms, including automated decisions.",
        ),
        (
            "Data governance manager",
            "data-governance-manager",
            "Sets and monitors data standards, ownership, quality and retention.",
        ),
        (
            "Data scientist",
            "data-scientist",
            "Uses statistics and modelling to answer complex questions and predict demand.",
        ),
        (
            "Machine learning engineer",
            "machine-learning-engineer",
            "Puts machine learning models into production and keeps them reliable.",
        ),
        (
            "Performance analyst",
            "performance-analyst",
            "Defines how a service's performance is measured and reports against it.",
        ),
    ],
    SkillFamily.IT_OPERATIONS: [
        (
            "Application operations engineer",
            "application-operations-engineer",
            "Supports and maintains business applications once they are live.",
        ),
        (
            "Business relationship manager",
            "business-relationship-manager",
            "Links IT with the services it supports, so that plans meet their needs.",
        ),
        (
            "Change and release manager",
            "change-and-release-manager",
            "Plans and controls changes and releases to live systems to keep risk low.",
        ),
        (
            "Command and control centre manager",
            "command-and-control-centre-manager",
            "Monitors live services and co-ordinates the response when they degrade.",
        ),
        (
            "End user computing engineer",
            "end-user-computing-engineer",
            "Builds and supports the devices, desktops and productivity tools staff use.",
        ),
        (
            "IT service manager",
            "it-service-manager",
            "Runs IT services to agreed levels and improves how they are delivered.",
        ),
        (
            "Incident manager",
            "incident-manager",
            "Leads the response to incidents and restores service as quickly as possible.",
        ),
        (
            "Infrastructure engineer",
            "infrastructure-engineer",
            "Designs, builds and maintains servers, storage, networks and cloud platforms.",
        ),
        (
            "Infrastructure operations engineer",
            "infrastructure-operations-engineer",
            "Keeps infrastructure running day to day: patching, monitoring and backups.",
        ),
        (
            "Problem manager",
            "problem-manager",
            "Finds the root causes of recurring incidents and gets them fixed.",
        ),
        (
            "Service desk manager",
            "service-desk-manager",
            "Runs the service desk that staff and residents contact for help.",
        ),
        (
            "Service transition manager",
            "service-transition-manager",
            "Moves new or changed services into live running with support ready.",
        ),
    ],
    SkillFamily.PRODUCT_AND_DELIVERY: [
        (
            "Business analyst",
            "business-analyst",
            "Understands how work is done today, and defines requirements and processes for "
            "change.",
        ),
        (
            "Delivery manager",
            "delivery-manager",
            "Helps a team deliver: removes blockers, plans iterations and reports progress.",
        ),
        (
            "Digital portfolio manager",
            "digital-portfolio-manager",
            "Keeps a portfolio of projects balanced, prioritised and reported on.",
        ),
        (
            "Product manager",
            "product-manager",
            "Owns a product's vision and backlog and makes sure it meets user needs.",
        ),
        (
            "Programme delivery manager",
            "programme-delivery-manager",
            "Co-ordinates several related projects and teams towards shared outcomes.",
        ),
        (
            "Service owner",
            "service-owner",
            "Accountable for a whole service across channels, its budget and its performance.",
        ),
    ],
    SkillFamily.QUALITY_ASSURANCE_TESTING: [
        (
            # The framework's name; the address is kept from the earlier "test analyst".
            "Quality assurance testing (QAT) analyst",
            "quality-assurance-test-analyst",
            "Plans and runs functional and exploratory tests and records defects.",
        ),
        (
            "Test engineer",
            "test-engineer",
            "Writes automated tests and keeps test code and environments healthy.",
        ),
        (
            "Test manager",
            "test-manager",
            "Sets the test approach for a project and reports on quality and risk.",
        ),
    ],
    SkillFamily.SOFTWARE_DEVELOPMENT: [
        (
            "Software developer",
            "software-developer",
            "Writes, tests and maintains the code of digital services and integrations.",
        ),
        (
            "Frontend developer",
            "frontend-developer",
            "Builds accessible user interfaces in HTML, CSS and JavaScript.",
        ),
        (
            "DevOps engineer",
            "devops-engineer",
            "Automates build, test, deployment and hosting so that teams can release safely "
            "(the framework's development operations engineer).",
        ),
    ],
    SkillFamily.USER_CENTRED_DESIGN: [
        (
            "Accessibility specialist",
            "accessibility-specialist",
            "Tests and advises on accessibility so that services work for disabled people.",
        ),
        (
            "Content designer",
            "content-designer",
            "Writes and structures content so that people can find, understand and act on it.",
        ),
        (
            "Graphic designer",
            "graphic-designer",
            "Designs the visual identity, illustrations and printed and on-screen material "
            "that help people understand and use a service.",
        ),
        (
            "Interaction designer",
            "interaction-designer",
            "Designs the flow and screens of a service and tests them with users.",
        ),
        (
            "Service designer",
            "service-designer",
            "Designs whole services end to end, across channels and organisations.",
        ),
        (
            "Technical writer",
            "technical-writer",
            "Writes the documentation people need to build on or run a service: guides, API "
            "references and release notes.",
        ),
        (
            "User researcher",
            "user-researcher",
            "Finds out what people need by observing and talking to them, and shares it.",
        ),
    ],
    SkillFamily.COUNCIL_ROLES: [
        (
            "Subject matter expert",
            "subject-matter-expert",
            "Someone who knows a council service well, such as social work, housing or "
            "revenues, and brings that knowledge to a project.",
        ),
        (
            "Service manager",
            "service-manager",
            "A manager of a council service who makes decisions about how it changes.",
        ),
        (
            "Procurement officer",
            "procurement-officer",
            "Runs compliant procurement: frameworks, tenders and contract management.",
        ),
        (
            "Information governance officer",
            "information-governance-officer",
            "Advises on data protection, records management and data sharing agreements, "
            "including data protection impact assessments.",
        ),
        (
            "Change and engagement officer",
            "change-and-engagement-officer",
            "Helps staff and communities adopt new ways of working: communications, "
            "champions networks and readiness.",
        ),
        (
            "Trainer",
            "trainer",
            "Designs and delivers training for staff, elected members or residents.",
        ),
    ],
}

SKILLS: list[dict] = [
    {"name": name, "slug": slug, "family": family, "description": description}
    for family, rows in SKILLS_BY_FAMILY.items()
    for name, slug, description in rows
]

# The eight role families of the framework (every family except the council roles).
FRAMEWORK_FAMILIES = [f for f in SKILLS_BY_FAMILY if f != SkillFamily.COUNCIL_ROLES]
