from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    name = "heartbeat.portfolio"
    label = "portfolio"
    verbose_name = "Work programme"

    def ready(self):
        from heartbeat.accounts.home import BOARD_MEMBER, MEMBER, PROGRAMME_OFFICE, PROJECT_LEAD
        from heartbeat.core import registry
        from heartbeat.portfolio import home, person_sections

        registry.navigation.register(
            "portfolio:programme", registry.NavItem("Programme", "portfolio:programme"), order=10
        )
        registry.navigation.register(
            "portfolio:project_list",
            registry.NavItem("Projects", "portfolio:project_list"),
            order=20,
        )
        registry.home_cards.register("programme", home.programme_card, order=10)
        registry.home_cards.register("catalogue", home.catalogue_card, order=20)
        blocks = registry.home_blocks
        blocks.register("my-projects", home.my_projects_block, order=PROJECT_LEAD.order + 10)
        blocks.register(
            "awaiting-decision", home.awaiting_decision_block, order=PROGRAMME_OFFICE.order + 10
        )
        blocks.register(
            "changed-since-approval",
            home.changed_since_approval_block,
            order=PROGRAMME_OFFICE.order + 20,
        )
        blocks.register("board-decisions", home.board_decisions_block, order=BOARD_MEMBER.order)
        blocks.register("new-since-last-visit", home.new_since_block, order=MEMBER.order + 50)
        registry.person_sections.register(
            "projects-led", person_sections.projects_led_section, order=30
        )
