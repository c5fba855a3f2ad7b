from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    name = "heartbeat.portfolio"
    label = "portfolio"
    verbose_name = "Work programme"
