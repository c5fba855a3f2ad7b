"""Demo projects of the Digital Foundations theme.

Shapes: see ``heartbeat.demo.data.portfolio``.
"""

from heartbeat.demo.data.portfolio.common import DEMO_PROJECT_LEAD, DIRECTOR

PROJECTS: list[dict] = [
    {
        "slug": "office-365-federation",
        "title": "Office 365 federation across councils",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "Federate councils' Microsoft 365 tenancies so that staff can find each other, "
            "chat, meet and share documents across organisations as easily as inside their "
            "own."
        ),
        "problem": (
            "Council staff working on shared projects fell back on personal email and file "
            "transfer sites to work with colleagues in other councils, because each council's "
            "Microsoft 365 tenancy was closed to the others. Cross-tenant settings differed "
            "everywhere and information governance teams had no common agreement. Thirteen "
            "organisations agreed to federate using one configuration baseline and one data "
            "sharing agreement."
        ),
        "lead_organisation": "Glasgow City",
        "project_lead": "marie.docherty@glasgow.example",
        "sponsor": "Chief Operating Officer, Glasgow City Council",
        "planned_start": "2024-01-08",
        "planned_end": "2025-03-31",
        "estimated_cost": 260000,
        "stage": "closed",
        "visibility": "public",
        "tags": ["Microsoft 365", "Collaboration", "Federation"],
        "scope_in": [
            "A common cross-tenant access baseline",
            "A shared directory between the participating organisations",
            "A data sharing agreement and guidance for staff",
            "Federation of the thirteen founding organisations",
        ],
        "scope_out": ["Merging tenancies", "Guest access for suppliers"],
        "requirements": [
            ("must", "Every organisation's security lead reviews the settings before go-live"),
            ("must", "Staff can find colleagues in other organisations by name and job title"),
            ("should", "Sensitivity labels are honoured across organisations"),
            ("could", "Shared Teams channels for partnership projects"),
        ],
        "products": [
            (
                "Cross-tenant configuration baseline",
                "guidance",
                "The agreed settings every federated tenancy applies.",
                "2024-06-28",
            ),
            (
                "Microsoft 365 federation data sharing agreement",
                "guidance",
                "The agreement signed by every participating organisation.",
                "2024-05-31",
            ),
            (
                "Federated directory",
                "platform",
                "One address book across the thirteen organisations.",
                "2025-02-28",
            ),
        ],
        "benefits": [
            "Staff collaborate across councils without personal email or file transfer sites",
            "One agreed security baseline instead of thirteen separate assessments",
            "New organisations join in weeks rather than months",
        ],
        "resources": [
            ("end-user-computing-engineer", "practitioner", 2, 4, "2024-01", "2025-03", ""),
            ("security-architect", "expert", 1, 3, "2024-01", "2024-09", ""),
            ("information-governance-officer", "practitioner", 1, 2, "2024-02", "2024-08", ""),
            ("change-and-engagement-officer", "working", 1, 3, "2024-09", "2025-03", ""),
        ],
        "proposed_on": "2023-10-02",
        "story": [
            ("defined", "2023-11-13"),
            ("approved", "2023-12-11"),
            ("recruiting", "2024-01-08"),
            ("in_delivery", "2024-02-05"),
            ("closed", "2025-04-28"),
        ],
    },
    {
        "slug": "shared-contact-centre-telephony",
        "title": "Shared contact centre telephony platform",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "A shared cloud contact centre and telephony platform for councils whose "
            "contracts end as analogue lines are withdrawn."
        ),
        "problem": (
            "Nine councils' contact centre telephony contracts were due to end between 2025 "
            "and 2026, just as analogue lines are withdrawn. A shared cloud platform could "
            "have lowered costs and given councils common call reporting and routing between "
            "services."
        ),
        "lead_organisation": "South Lanarkshire",
        "project_lead": "fraser.lindsay@southlanarkshire.example",
        "sponsor": "Executive Director (Finance and Corporate Resources), South Lanarkshire "
        "Council",
        "planned_start": "2025-04-01",
        "planned_end": "2026-09-30",
        "estimated_cost": 1100000,
        "stage": "cancelled",
        "visibility": "partnership",
        "tags": ["Telephony", "Contact centre"],
        "scope_in": [
            "A shared cloud contact centre platform",
            "Migration of the participating councils' numbers and call flows",
            "Common call reporting",
        ],
        "scope_out": ["Staff mobile phones", "Telecare alarm calls"],
        "requirements": [
            ("must", "Each council keeps its own numbers, menus and opening hours"),
            ("must", "Call recording meets the payment card industry standard"),
            ("should", "Calls can be transferred between councils' services"),
        ],
        "products": [
            (
                "Shared contact centre platform",
                "platform",
                "A cloud contact centre each participating council configures.",
                "2026-03-31",
            ),
        ],
        "benefits": [
            "Lower telephony costs than separate contracts",
            "Common reporting on call volumes and waiting times",
        ],
        "resources": [
            ("technical-architect", "practitioner", 1, 6, "2025-04", "2026-03", ""),
            ("procurement-officer", "practitioner", 1, 4, "2025-04", "2025-09", ""),
        ],
        "proposed_on": "2024-08-26",
        "story": [
            ("defined", "2024-10-07"),
            ("approved", "2024-11-25"),
            (
                "cancelled",
                "2025-03-17",
                "Cancelled at the councils' request: seven of the nine councils extended their "
                "contracts or bought through a national telephony framework, which left too "
                "few councils for a shared platform to be viable.",
            ),
        ],
    },
    {
        "slug": "shared-data-platform",
        "title": "Data and intelligence: shared data platform",
        "theme": "digital-foundations",
        "sub_area": "data-and-intelligence",
        "summary": (
            "A secure data platform councils share, to bring service data together with "
            "common data models and build analysis once for everyone."
        ),
        "problem": (
            "Every council is asked the same questions by its own leaders and by national "
            "bodies: where demand for care is rising, which households are at risk of "
            "homelessness, how services compare. Each answers them from spreadsheets and "
            "reporting databases that few people can maintain. Most councils cannot justify "
            "a modern data platform and data engineering team alone. A shared platform, with "
            "each council's data kept separate and shared only under agreements, would let "
            "analysis built by one council be used by all."
        ),
        "lead_organisation": "City of Edinburgh",
        "project_lead": "alan.mcintyre@edinburgh.example",
        "sponsor": "Executive Director of Corporate Services, The City of Edinburgh Council",
        "planned_start": "2027-01-04",
        "planned_end": "2028-09-29",
        "estimated_cost": 2100000,
        "stage": "recruiting",
        "visibility": "public",
        "tags": ["Data", "Analytics", "Shared platform"],
        "scope_in": [
            "A cloud data platform with a separate, secure area for each council",
            "Common data models for the first three service areas",
            "Shared dashboards and analysis built on the common models",
            "Data sharing agreements for analysis across councils",
        ],
        "scope_out": [
            "Replacing councils' operational systems",
            "Publishing open data (covered by the common data standards project)",
        ],
        "requirements": [
            ("must", "Each council controls who can see its data"),
            ("must", "The platform meets the National Cyber Security Centre's cloud principles"),
            ("must", "Data models follow the partnership's common data standards"),
            ("should", "Analysts can use the tools they already know, such as SQL and R"),
            ("could", "Councils can publish selected data sets as open data from the platform"),
        ],
        "products": [
            (
                "Shared data platform",
                "platform",
                "The hosted platform with an area for each council.",
                "2027-09-30",
            ),
            (
                "Common service data models",
                "data",
                "Models for housing, social care and customer contact data.",
                "2028-03-31",
            ),
        ],
        "benefits": [
            "Analysis built once and used by every participating council",
            "Lower cost per council than separate data platforms",
            "Comparable figures for planning services across councils",
        ],
        "resources": [
            ("data-architect", "expert", 1, 8, "2027-01", "2027-12", ""),
            ("data-engineer", "practitioner", 2, 10, "2027-01", "2028-09", ""),
            ("data-analyst", "working", 3, 4, "2027-06", "2028-09", ""),
            ("information-governance-officer", "practitioner", 1, 3, "2027-01", "2027-09", ""),
        ],
        "proposed_on": "2026-01-19",
        "story": [
            ("defined", "2026-03-16"),
            ("approved", "2026-05-20"),
            ("recruiting", "2026-07-06"),
        ],
    },
    {
        "slug": "common-data-standards",
        "title": "Common data standards",
        "theme": "digital-foundations",
        "sub_area": "data-and-intelligence",
        "summary": (
            "Agree and publish common standards for the data every council holds, such as "
            "addresses, contact details, assets, service requests and open data, so systems "
            "and councils can exchange data without bespoke mapping."
        ),
        "problem": (
            "Councils describe the same things in different ways: an address, a service "
            "request, a school or a bin. Every integration, migration and national return "
            "starts with mapping one council's data to another's. Standards exist for some "
            "of this, such as the One Scotland Gazetteer for addresses, but are applied "
            "unevenly, and there is no agreed place to find and maintain them."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "lorna.ferguson@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2025-06-02",
        "planned_end": "2027-05-31",
        "estimated_cost": 380000,
        "stage": "in_delivery",
        "visibility": "public",
        "tags": ["Data standards", "Open data"],
        "scope_in": [
            "A catalogue of agreed data standards with owners and versions",
            "Standards for contact details, assets and service requests",
            "Guidance for applying existing address and property standards",
            "Open data publishing standards for common council data sets",
        ],
        "scope_out": [
            "Social care case records (covered by their own project)",
            "Building the shared data platform",
        ],
        "requirements": [
            ("must", "Every standard has a named owner and a review date"),
            ("must", "Standards are published openly and free to reuse"),
            ("should", "Suppliers are consulted before a standard is agreed"),
            ("could", "Councils can check their data against a standard with a simple tool"),
        ],
        "products": [
            (
                "Data standards catalogue",
                "guidance",
                "The published list of agreed standards.",
                "2025-12-19",
            ),
            (
                "Open data publishing standards",
                "data",
                "Schemas for the data sets councils most often publish.",
                "2026-09-30",
            ),
        ],
        "benefits": [
            "Less time spent mapping data for integrations and migrations",
            "Consistent open data across councils",
            "Standards written into procurements so suppliers meet them",
        ],
        "resources": [
            ("data-governance-manager", "expert", 1, 6, "2025-06", "2027-05", ""),
            ("data-architect", "practitioner", 1, 4, "2025-06", "2026-12", ""),
            ("data-analyst", "working", 2, 3, "2025-09", "2027-03", ""),
        ],
        "proposed_on": "2024-12-09",
        "story": [
            ("defined", "2025-02-03"),
            ("approved", "2025-03-12"),
            ("recruiting", "2025-04-07"),
            ("in_delivery", "2025-06-02"),
        ],
    },
    {
        "slug": "cyber-resilience",
        "title": "Cyber resilience: Public Sector Action Plan and Cyber Essentials Plus",
        "theme": "digital-foundations",
        "sub_area": "cyber-security",
        "summary": (
            "Help every council meet the Public Sector Action Plan on cyber resilience: "
            "Cyber Essentials Plus certification, tested incident response plans and shared "
            "threat intelligence."
        ),
        "problem": (
            "The Scottish Government's Public Sector Action Plan on cyber resilience expects "
            "public bodies to hold Cyber Essentials certification (Plus where appropriate), "
            "to have incident response plans that are exercised, and to share threat "
            "intelligence. Councils' certification lapses as their estates change, and "
            "attacks on UK councils have shown how long recovery takes without tested plans "
            "and offline backups."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "neil.sinclair@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2025-04-07",
        "planned_end": "2027-03-31",
        "estimated_cost": 950000,
        "stage": "in_delivery",
        "visibility": "partnership",
        "tags": ["Cyber security", "Cyber Essentials Plus", "Resilience"],
        "scope_in": [
            "Cyber Essentials Plus readiness reviews and help with remediation",
            "An incident response plan template and annual exercises",
            "Threat intelligence shared with the Scottish Cyber Coordination Centre",
            "A review of backup and recovery arrangements for critical systems",
        ],
        "scope_out": [
            "Buying security products for councils",
            "A shared security operations centre (a separate proposal)",
        ],
        "requirements": [
            (
                "must",
                "Every participating council holds a current Cyber Essentials Plus "
                "certificate or has a dated remediation plan",
            ),
            ("must", "Each council runs at least one incident response exercise a year"),
            ("should", "Critical systems have immutable or offline backups"),
            ("could", "A shared framework for penetration testing"),
        ],
        "products": [
            (
                "Cyber Essentials Plus readiness toolkit",
                "guidance",
                "Checklists and evidence templates for certification.",
                "2025-09-30",
            ),
            (
                "Incident response plan template and exercise pack",
                "guidance",
                "A plan template and scenarios for tabletop exercises.",
                "2025-10-31",
            ),
            (
                "Cyber resilience baseline report",
                "report",
                "Where every council stands against the action plan.",
                "2026-12-18",
            ),
        ],
        "benefits": [
            "More councils holding Cyber Essentials Plus",
            "Faster recovery from a cyber incident",
            "Earlier warning of threats through shared intelligence",
        ],
        "resources": [
            ("security-architect", "expert", 1, 4, "2025-04", "2027-03", ""),
            ("infrastructure-engineer", "practitioner", 3, 3, "2025-06", "2026-12", ""),
            ("incident-manager", "practitioner", 1, 2, "2025-09", "2027-03", ""),
            ("trainer", "working", 1, 2, "2025-10", "2026-06", ""),
        ],
        "proposed_on": "2024-10-21",
        "story": [
            ("defined", "2024-12-09"),
            ("approved", "2025-01-22"),
            ("recruiting", "2025-02-10"),
            ("in_delivery", "2025-04-07"),
        ],
    },
    {
        "slug": "swan-refresh",
        "title": "Scottish Wide Area Network (SWAN) refresh",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "Prepare councils for the next Scottish Wide Area Network: agree their "
            "requirements, plan the migration of council sites and represent them in the "
            "national procurement."
        ),
        "problem": (
            "Councils connect schools, libraries and offices through the Scottish Wide Area "
            "Network (SWAN), the network shared with NHS Scotland and other public bodies. "
            "The current contract is approaching its end, and the next network must carry "
            "cloud services, more bandwidth for schools and the calls that used to run on "
            "analogue lines. Councils are SWAN's largest group of customers, so their "
            "requirements and migration plans need to be agreed together."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "gordon.reid@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2027-01-04",
        "planned_end": "2028-12-22",
        "estimated_cost": 3500000,
        "stage": "approved",
        "visibility": "partnership",
        "tags": ["Network", "SWAN", "Procurement"],
        "scope_in": [
            "Councils' requirements for the next network, by type of site",
            "A migration plan for every council's sites",
            "Representing councils in the national procurement",
        ],
        "scope_out": [
            "Local networks inside council buildings",
            "NHS boards' requirements",
        ],
        "requirements": [
            ("must", "No school loses connectivity during term time because of the migration"),
            ("must", "Requirements are signed off by every council's head of ICT"),
            ("should", "Bandwidth for schools meets the national digital learning standard"),
            (
                "could",
                "Councils can buy extra services, such as internet breakout, from the contract",
            ),
        ],
        "products": [
            (
                "Council requirements for the next SWAN",
                "report",
                "Agreed requirements by site type, for the procurement.",
                "2027-06-30",
            ),
            (
                "Site migration plan",
                "guidance",
                "The order and timing of every council's site migrations.",
                "2028-03-31",
            ),
        ],
        "benefits": [
            "Continuity of connectivity for schools and offices",
            "Better prices through councils buying together",
            "Capacity for cloud services without local upgrades",
        ],
        "resources": [
            ("network-architect", "expert", 1, 6, "2027-01", "2028-12", ""),
            ("infrastructure-engineer", "practitioner", 4, 3, "2027-06", "2028-12", ""),
            ("procurement-officer", "practitioner", 1, 4, "2027-01", "2027-12", ""),
        ],
        "proposed_on": "2026-04-13",
        "story": [("defined", "2026-06-01"), ("approved", "2026-09-09")],
    },
    {
        "slug": "cloud-first-hosting-strategy",
        "title": "Cloud-first hosting strategy",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "A shared strategy, reference architecture and commercial approach for moving "
            "council systems from local data centres to cloud hosting."
        ),
        "problem": (
            "Many councils run ageing on-premises data centres that need investment in power, "
            "cooling and hardware within the next few years. Each is deciding separately "
            "whether and how to move to the cloud, and several have found that a lift-and-"
            "shift move costs more than they expected. A shared strategy, with a reference "
            "architecture and cost model tested by councils that have moved, would help "
            "others decide well."
        ),
        "lead_organisation": "Aberdeen City",
        "project_lead": DEMO_PROJECT_LEAD,
        "sponsor": "Chief Officer – Digital and Technology, Aberdeen City Council",
        "planned_start": "2027-04-01",
        "planned_end": "2028-03-31",
        "estimated_cost": 290000,
        "stage": "defined",
        "visibility": "public",
        "tags": ["Cloud", "Hosting", "Strategy"],
        "scope_in": [
            "A cloud-first hosting strategy councils can adopt",
            "A reference architecture for landing zones, identity and networking",
            "A cost model comparing on-premises and cloud hosting",
        ],
        "scope_out": ["Migrating any council's systems", "Choosing a single cloud supplier"],
        "requirements": [
            ("must", "The cost model is tested against three councils' real costs"),
            (
                "must",
                "The reference architecture meets the National Cyber Security Centre's "
                "cloud security principles",
            ),
            ("should", "The strategy covers exit plans for each hosting option"),
            ("could", "Template business case for a council's cloud migration"),
        ],
        "products": [
            (
                "Cloud hosting reference architecture",
                "guidance",
                "Landing zone, identity and network patterns.",
                "2027-10-29",
            ),
            (
                "Hosting cost model",
                "report",
                "A model councils fill in with their own figures.",
                "2027-12-17",
            ),
        ],
        "benefits": [
            "Better-informed hosting decisions and fewer costly migrations",
            "Less duplicated design work across councils",
        ],
        "resources": [
            ("enterprise-architect", "expert", 1, 4, "2027-04", "2028-03", ""),
            ("infrastructure-engineer", "practitioner", 2, 3, "2027-04", "2027-12", ""),
            ("security-architect", "practitioner", 1, 2, "2027-06", "2027-12", ""),
        ],
        "proposed_on": "2026-09-14",
        "story": [("defined", "2026-11-09")],
    },
    {
        "slug": "microsoft-licence-agreement",
        "title": "Microsoft licence agreement",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "One national agreement for councils' Microsoft licences, with common prices and "
            "terms, in place of separate renewals by each council."
        ),
        "problem": (
            "Councils renewed their Microsoft licences separately, on different dates and "
            "through different resellers, and paid different prices for the same products. "
            "Negotiating together as one customer of significant size gives councils better "
            "prices and terms, and makes shared projects such as federation simpler."
        ),
        "lead_organisation": "Digital Office",
        "project_lead": "gordon.reid@digital-office.example",
        "sponsor": DIRECTOR,
        "planned_start": "2024-03-11",
        "planned_end": "2024-12-20",
        "estimated_cost": 120000,
        "stage": "closed",
        "visibility": "partnership",
        "tags": ["Microsoft 365", "Licensing", "Procurement"],
        "scope_in": [
            "A licensing baseline for every participating council",
            "Negotiation of national prices and terms",
            "A call-off route for councils through a national framework",
        ],
        "scope_out": ["Licences for schools' pupils", "Councils' other software suppliers"],
        "requirements": [
            ("must", "Each council can join at its own renewal date"),
            ("must", "Prices are at least as good as the best any council already pays"),
            ("should", "Terms allow licences to move between councils in shared services"),
        ],
        "products": [
            (
                "National Microsoft licence agreement",
                "framework",
                "The agreement councils call off at their renewal date.",
                "2024-11-29",
            ),
            (
                "Licensing baseline report",
                "report",
                "What each council licenses today and what it pays.",
                "2024-06-28",
            ),
        ],
        "benefits": [
            "Lower licence costs for councils joining the agreement",
            "Less procurement effort at each renewal",
        ],
        "resources": [
            ("procurement-officer", "expert", 1, 6, "2024-03", "2024-12", ""),
            ("it-service-manager", "practitioner", 2, 2, "2024-03", "2024-08", ""),
        ],
        "proposed_on": "2023-12-11",
        "story": [
            ("defined", "2024-01-15"),
            ("approved", "2024-02-12"),
            ("recruiting", "2024-02-26"),
            ("in_delivery", "2024-03-11"),
            ("closed", "2025-01-20"),
        ],
    },
    {
        "slug": "digital-inclusion-and-connectivity",
        "title": "Digital inclusion and connectivity",
        "theme": "digital-foundations",
        "sub_area": "infrastructure-and-cloud",
        "summary": (
            "Help residents who are offline or find digital services hard, especially in "
            "island and rural areas, with devices, data, skills and connections through "
            "libraries, community groups and council services."
        ),
        "problem": (
            "As more council services move online, residents without a device, an "
            "affordable connection or the confidence to use them risk being left behind. In "
            "island and rural areas, gaps in broadband and mobile coverage make this worse. "
            "Councils run device lending, digital champions and library support, but in "
            "isolation and without knowing what works."
        ),
        "lead_organisation": "Na h-Eileanan Siar",
        "project_lead": "mairi.macleod@cne-siar.example",
        "sponsor": "Chief Executive, Comhairle nan Eilean Siar",
        "planned_start": "2026-11-02",
        "planned_end": "2028-03-31",
        "estimated_cost": 450000,
        "stage": "recruiting",
        "visibility": "public",
        "tags": ["Digital inclusion", "Connectivity", "Rural and islands"],
        "scope_in": [
            "A shared model for lending devices and data",
            "A network of digital champions in libraries and community groups",
            "Mapping connectivity gaps against where residents use council services",
        ],
        "scope_out": ["Building broadband infrastructure", "Digital skills for council staff"],
        "requirements": [
            ("must", "Support is available in Gaelic as well as English where residents ask"),
            ("must", "Outcomes are measured the same way in every participating council"),
            ("should", "Devices are refurbished council equipment where possible"),
            ("could", "Residents can book help sessions online or by phone"),
        ],
        "products": [
            (
                "Device and data lending model",
                "guidance",
                "How to run lending, from stock to safeguarding.",
                "2027-05-28",
            ),
            (
                "Connectivity gaps map",
                "data",
                "Coverage gaps against service use, by data zone.",
                "2027-09-30",
            ),
        ],
        "benefits": [
            "More residents able to use council services online",
            "Fewer residents excluded from services by cost or confidence",
            "Better-targeted investment in connectivity",
        ],
        "resources": [
            ("change-and-engagement-officer", "practitioner", 2, 6, "2026-11", "2028-03", ""),
            ("data-analyst", "working", 1, 4, "2027-01", "2027-09", ""),
            ("trainer", "working", 2, 4, "2027-01", "2028-03", "Digital champions co-ordinators"),
        ],
        "proposed_on": "2026-02-23",
        "story": [
            ("defined", "2026-04-20"),
            ("approved", "2026-06-10"),
            ("recruiting", "2026-08-03"),
        ],
    },
    {
        # A new proposal: the lead is testing interest before writing the definition.
        "slug": "shared-security-operations-centre",
        "title": "Shared security operations centre",
        "theme": "digital-foundations",
        "sub_area": "cyber-security",
        "summary": (
            "Explore a shared security operations centre that watches councils' networks "
            "around the clock, for councils too small to run their own."
        ),
        "problem": (
            "Smaller councils cannot staff round-the-clock security monitoring, so alerts "
            "raised overnight or at weekends wait until the next working day. A shared "
            "service could watch every participating council's alerts continuously."
        ),
        "lead_organisation": "Clackmannanshire",
        "project_lead": "kevin.douglas@clacks.example",
        "sponsor": "",
        "planned_start": None,
        "planned_end": None,
        "estimated_cost": None,
        "stage": "proposed",
        "visibility": "partnership",
        "tags": ["Cyber security"],
        "scope_in": ["Round-the-clock monitoring of participating councils' security alerts"],
        "scope_out": [],
        "requirements": [],
        "products": [],
        "benefits": [],
        "resources": [],
        "proposed_on": "2026-10-19",
        "story": [],
    },
    {
        "slug": "data-sharing-agreements-toolkit",
        "title": "Data sharing agreements toolkit",
        "theme": "digital-foundations",
        "sub_area": "data-and-intelligence",
        "summary": (
            "Templates, guidance and a register so councils can agree lawful data sharing "
            "with each other and with partners in weeks rather than months."
        ),
        "problem": (
            "Every shared project needs data sharing agreements and data protection impact "
            "assessments, and each council's information governance team drafts its own. "
            "Agreements take months, projects wait, and nobody can easily see what is already "
            "shared with whom."
        ),
        "lead_organisation": "Renfrewshire",
        "project_lead": "claire.wilson@renfrewshire.example",
        "sponsor": "Head of Corporate Governance, Renfrewshire Council",
        "planned_start": "2027-02-01",
        "planned_end": "2027-10-29",
        "estimated_cost": 95000,
        "stage": "defined",
        "visibility": "public",
        "tags": ["Information governance", "Data sharing"],
        "scope_in": [
            "Template data sharing agreements for common partnership projects",
            "Template data protection impact assessments",
            "Templates for sharing with health and social care partnerships",
            "A register of agreements between councils",
        ],
        "scope_out": ["Legal advice on individual agreements"],
        "requirements": [
            ("must", "Templates are approved by the information governance leads' forum"),
            ("must", "Templates follow the Information Commissioner's data sharing code"),
            ("should", "The register shows each agreement's review date"),
        ],
        "products": [
            (
                "Data sharing templates",
                "guidance",
                "Agreements and impact assessments ready to adapt.",
                "2027-06-30",
            ),
            (
                "Data sharing register",
                "data",
                "Who shares what with whom, and until when.",
                "2027-09-30",
            ),
        ],
        "benefits": [
            "Agreements for shared projects signed in weeks rather than months",
            "Less duplicated drafting by information governance teams",
        ],
        "resources": [
            ("information-governance-officer", "expert", 2, 4, "2027-02", "2027-10", ""),
            ("business-analyst", "working", 1, 3, "2027-02", "2027-06", ""),
        ],
        "proposed_on": "2026-05-25",
        "story": [
            ("defined", "2026-07-13"),
            (
                "proposed",
                "2026-08-03",
                "Reopened to add templates for sharing with health and social care "
                "partnerships, as the information governance leads' forum asked.",
            ),
            ("defined", "2026-09-14"),
        ],
    },
]
