from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "heartbeat.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from heartbeat.accounts.permissions import can_view_invitations
        from heartbeat.core import registry

        registry.navigation.register(
            "accounts:invitation_list",
            registry.NavItem("Invitations", "accounts:invitation_list", can_view_invitations),
            order=90,
        )
