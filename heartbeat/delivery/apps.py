from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "heartbeat.delivery"
    label = "delivery"
    verbose_name = "Delivery"

    def ready(self):
        from heartbeat.core import registry
        from heartbeat.delivery import home, sections, tasks
        from heartbeat.delivery.services.milestones import take_baselines_at_approval
        from heartbeat.portfolio import hooks as portfolio_hooks

        registry.navigation.register(
            "delivery:dashboard",
            registry.NavItem(
                "Dashboard",
                "delivery:dashboard",
                visible=lambda user: user is not None and user.is_authenticated,
            ),
            order=15,
        )
        registry.project_sections.register("delivery", sections.delivery_section, order=30)
        registry.home_blocks.register("delivery.updates_due", home.updates_due_block, order=20)
        registry.home_blocks.register("delivery.overdue", home.overdue_block, order=21)
        registry.home_blocks.register("delivery.escalated", home.escalated_risks_block, order=22)
        registry.scheduled_jobs.register("delivery.overdue_updates", tasks.overdue_job)
        portfolio_hooks.transition_listeners.register(
            "delivery.baselines", take_baselines_at_approval
        )
