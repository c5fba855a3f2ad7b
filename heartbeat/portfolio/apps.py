from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    name = "heartbeat.portfolio"
    label = "portfolio"
    verbose_name = "Work programme"

    def ready(self):
        from heartbeat.core import registry
        from heartbeat.portfolio import home

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
