from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "heartbeat.core"
    label = "core"
    verbose_name = "Core"
