from django.apps import AppConfig


class SkillsConfig(AppConfig):
    name = "heartbeat.skills"
    label = "skills"
    verbose_name = "Skills"

    def ready(self):
        from heartbeat.core import registry
        from heartbeat.skills import person_sections

        registry.person_sections.register("skills", person_sections.skills_section, order=10)
