from django.apps import AppConfig


class SkillsConfig(AppConfig):
    name = "heartbeat.skills"
    label = "skills"
    verbose_name = "Skills"
