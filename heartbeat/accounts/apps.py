from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "heartbeat.accounts"
    label = "accounts"
    verbose_name = "Accounts"
