from django.apps import AppConfig


class WorkRequestsConfig(AppConfig):
    name = "heartbeat.work_requests"
    label = "work_requests"
    verbose_name = "Work requests"

    def ready(self):
        from heartbeat.core import registry
        from heartbeat.work_requests import home, sections

        registry.navigation.register(
            "work_requests:list",
            registry.NavItem(
                "Work requests", "work_requests:list", visible=lambda user: _signed_in(user)
            ),
            order=50,
        )
        registry.home_blocks.register("work_requests.own", home.own_requests_block, order=40)
        registry.home_blocks.register("work_requests.triage", home.triage_block, order=41)
        registry.project_sections.register("work_requests", sections.project_requests, order=40)


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated
