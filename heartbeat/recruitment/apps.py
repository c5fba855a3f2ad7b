from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "heartbeat.recruitment"
    label = "recruitment"
    verbose_name = "Recruitment"

    def ready(self):
        from heartbeat.core import registry
        from heartbeat.recruitment import home, sections, tasks

        registry.navigation.register(
            "recruitment:open_needs",
            registry.NavItem("Open needs", "recruitment:open_needs"),
            order=30,
        )
        registry.navigation.register(
            "recruitment:contributions",
            registry.NavItem("Contributions", "recruitment:contributions"),
            order=40,
        )
        registry.project_sections.register("participants", sections.participants_section, order=10)
        registry.project_sections.register("coverage", sections.coverage_section, order=20)
        registry.scheduled_jobs.register("recruitment.weekly_digest", tasks.digest_job)
        registry.home_cards.register("open_needs", home.open_needs_card, order=30)
        from heartbeat.recruitment.hub_registrations import register

        register()
