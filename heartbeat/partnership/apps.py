from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "heartbeat.partnership"
    label = "partnership"
    verbose_name = "Partnership"
