from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "heartbeat.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from heartbeat.accounts import home, visits

        # Signing in is a visit: noted then, the pages that follow within the hour write nothing.
        user_logged_in.connect(visits.signed_in, dispatch_uid="heartbeat.accounts.visit")
        from heartbeat.accounts.permissions import can_view_invitations, can_view_people_list
        from heartbeat.core import registry

        registry.navigation.register(
            "people:people_list",
            registry.NavItem("People", "people:people_list", can_view_people_list),
            order=85,
        )
        registry.navigation.register(
            "accounts:invitation_list",
            registry.NavItem("Invitations", "accounts:invitation_list", can_view_invitations),
            order=90,
        )
        registry.home_blocks.register("join-an-organisation", home.no_organisation_block, order=1)
        registry.home_blocks.register(
            "invitations-pending",
            home.invitations_block,
            order=home.PROGRAMME_OFFICE.order + 40,
        )
