from django.apps import AppConfig


class BenefitsConfig(AppConfig):
    name = "heartbeat.benefits"
    label = "benefits"
    verbose_name = "Benefits"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from heartbeat.benefits import home, sections, signals
        from heartbeat.core import registry
        from heartbeat.portfolio.models import ExpectedBenefit
        from heartbeat.recruitment.models import Pledge, PledgeAdjustment

        post_save.connect(
            signals.expected_benefit_saved, sender=ExpectedBenefit, dispatch_uid="benefits.expected"
        )
        post_save.connect(signals.pledge_saved, sender=Pledge, dispatch_uid="benefits.pledge")
        post_save.connect(
            signals.adjustment_changed, sender=PledgeAdjustment, dispatch_uid="benefits.adj_save"
        )
        post_delete.connect(
            signals.adjustment_changed,
            sender=PledgeAdjustment,
            dispatch_uid="benefits.adj_delete",
        )
        registry.navigation.register(
            "benefits:register",
            registry.NavItem(
                "Benefits",
                "benefits:register",
                visible=lambda user: bool(user and user.is_authenticated),
            ),
            order=60,
        )
        registry.project_sections.register("benefits", sections.project_benefits_section, order=60)
        registry.organisation_sections.register(
            "value_statement", sections.value_statement_section, order=60
        )
        registry.home_blocks.register("value_statement", home.value_statement_block, order=60)
