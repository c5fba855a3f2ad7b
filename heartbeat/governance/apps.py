from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "heartbeat.governance"
    label = "governance"
    verbose_name = "Governance"

    def ready(self):
        from heartbeat.core import registry
        from heartbeat.governance import sections, services
        from heartbeat.portfolio import hooks
        from heartbeat.work_requests import hooks as work_request_hooks

        hooks.transition_checks.register("governance.stage_gates", services.check_gate)
        hooks.transition_listeners.register("governance.stage_gates", services.link_decision)
        hooks.transition_notes.register("governance.stage_gates", services.transition_note)
        registry.navigation.register(
            "governance:index", registry.NavItem("Governance", "governance:index"), order=60
        )
        registry.project_sections.register("gates", sections.gates_section, order=40)
        work_request_hooks.request_sections.register(
            "governance.decisions", sections.request_decisions_section, order=40
        )
        registry.home_blocks.register("governance.awaiting", sections.awaiting_block, order=40)
        registry.home_blocks.register("governance.actions", sections.actions_block, order=41)
        registry.home_cards.register("governance", sections.governance_card, order=60)
