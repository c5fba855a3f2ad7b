from django.apps import AppConfig


class RoadmapConfig(AppConfig):
    name = "heartbeat.roadmap"
    label = "roadmap"
    verbose_name = "Product roadmap"

    def ready(self):
        from heartbeat.core import registry
        from heartbeat.roadmap import sections

        registry.navigation.register(
            "roadmap:roadmap", registry.NavItem("Roadmap", "roadmap:roadmap"), order=50
        )
        registry.project_sections.register("products", sections.products_section, order=30)
        registry.organisation_sections.register("adoptions", sections.adoptions_section, order=30)
        registry.home_cards.register("roadmap", sections.roadmap_card, order=50)
