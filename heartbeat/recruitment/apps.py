from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "heartbeat.recruitment"
    label = "recruitment"
    verbose_name = "Recruitment"

    def ready(self):
        from heartbeat.core import registry
        from heartbeat.portfolio import hooks
        from heartbeat.recruitment import home, permissions, sections, tasks
        from heartbeat.recruitment.hub_registrations import register
        from heartbeat.recruitment.services import participation, project_changes

        registry.navigation.register(
            "recruitment:open_needs",
            registry.NavItem("Open needs", "recruitment:open_needs"),
            order=30,
        )
        registry.navigation.register(
            "recruitment:contributions",
            registry.NavItem(
                "Contributions", "recruitment:contributions", permissions.can_view_contributions
            ),
            order=40,
        )
        registry.project_sections.register("participants", sections.participants_section, order=10)
        registry.project_sections.register("coverage", sections.coverage_section, order=20)
        registry.scheduled_jobs.register("recruitment.weekly_digest", tasks.digest_job)
        registry.home_cards.register("open_needs", home.open_needs_card, order=30)
        hooks.transition_listeners.register(
            "recruitment.end_pledges", project_changes.end_pledges_of_finished_project
        )
        hooks.creation_listeners.register(
            "recruitment.lead_joins", participation.lead_joins_new_project
        )
        hooks.transition_notes.register("recruitment.pledges", project_changes.transition_note)
        hooks.need_checks.register(
            "recruitment.pledged_needs", project_changes.refuse_changing_pledged_need
        )
        hooks.need_listeners.register(
            "recruitment.trim_pledges", project_changes.trim_pledges_to_need
        )
        register()
