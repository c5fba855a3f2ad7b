from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "heartbeat.api"
    label = "api"
    verbose_name = "API"
