from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Installed for its ``heartbeat demo`` command; it has no models."""

    name = "heartbeat.demo"
    label = "demo"
    verbose_name = "Demo data"
