from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "heartbeat.engagement"
    label = "engagement"
    verbose_name = "Communication and engagement"

    def ready(self):
        from heartbeat.engagement import wiring

        wiring.connect()
