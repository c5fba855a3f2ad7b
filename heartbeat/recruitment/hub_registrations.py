"""Recruitment's blocks of the home page and sections of council and people's pages,
registered from ``RecruitmentConfig.ready``."""


def register() -> None:
    from heartbeat.accounts.home import MEMBER, ORGANISATION_LEAD, PROGRAMME_OFFICE, PROJECT_LEAD
    from heartbeat.core import registry
    from heartbeat.recruitment import home, hub_sections

    blocks = registry.home_blocks
    blocks.register("uncovered-needs", home.uncovered_needs_block, order=PROJECT_LEAD.order + 20)
    for offset, (key, block) in enumerate(
        [
            ("council-projects", home.participations_block),
            ("council-pledges", home.pledges_block),
            ("pledges-to-reassign", home.reassign_block),
            ("months-over-capacity", home.over_capacity_block),
            ("new-matching-needs", home.new_needs_block),
            ("pledges-ending-soon", home.ending_soon_block),
        ]
    ):
        blocks.register(key, block, order=ORGANISATION_LEAD.order + 10 * (offset + 1))
    blocks.register(
        "councils-over-capacity",
        home.councils_over_capacity_block,
        order=PROGRAMME_OFFICE.order + 30,
    )
    blocks.register("my-council-projects", home.council_projects_block, order=MEMBER.order + 10)

    sections = registry.organisation_sections
    sections.register("actions", hub_sections.actions_section, order=0)
    sections.register("projects", hub_sections.projects_section, order=10)
    sections.register("pledges", hub_sections.pledges_section, order=20)
    sections.register("capacity", hub_sections.capacity_section, order=30)
    sections.register("help", hub_sections.help_section, order=40)
    sections.register("reassign", hub_sections.reassign_section, order=50)

    people = registry.person_sections
    people.register("load", hub_sections.load_section, order=20)
    people.register("pledges", hub_sections.person_pledges_section, order=25)
