from django.apps import AppConfig


class GeneratorConfig(AppConfig):
    """Installed for its ``heartbeat generate`` command; it has no models."""

    name = "heartbeat.generator"
    label = "generator"
    verbose_name = "Data generator"
