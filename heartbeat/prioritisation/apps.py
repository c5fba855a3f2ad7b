from django.apps import AppConfig


class PrioritisationConfig(AppConfig):
    name = "heartbeat.prioritisation"
    label = "prioritisation"
    verbose_name = "Prioritisation"
