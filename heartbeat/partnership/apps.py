from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "heartbeat.partnership"
    label = "partnership"
    verbose_name = "Partnership"

    def ready(self):
        from heartbeat.core import registry
        from heartbeat.partnership import home

        registry.navigation.register(
            "partnership:organisation_list",
            registry.NavItem("Organisations", "partnership:organisation_list"),
            order=50,
        )
        registry.navigation.register(
            "partnership:term_list",
            registry.NavItem("Programme terms", "partnership:term_list"),
            order=60,
        )
        registry.home_blocks.register("partnership", home.intro_block, order=0)
        registry.home_cards.register("organisations", home.organisations_card, order=50)
        registry.home_cards.register("terms", home.terms_card, order=60)
