from django.apps import AppConfig


class PrioritisationConfig(AppConfig):
    name = "heartbeat.prioritisation"
    label = "prioritisation"
    verbose_name = "Prioritisation"

    def ready(self):
        from heartbeat.core import registry
        from heartbeat.prioritisation import home, sections

        registry.navigation.register(
            "prioritisation:ranking",
            registry.NavItem(
                "Priorities",
                "prioritisation:ranking",
                visible=lambda user: user is not None and user.is_authenticated,
            ),
            order=55,
        )
        registry.project_sections.register("priority", sections.rank_history, order=50)
        registry.home_cards.register("priorities", home.priorities_card, order=50)
