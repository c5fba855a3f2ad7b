from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "heartbeat.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from django import forms
        from django.db.backends.signals import connection_created

        from heartbeat.core.datacache import watch_connection
        from heartbeat.core.text import ProhibitControlCharactersValidator

        # Every text field of every form refuses control characters (Django's own check
        # refuses NUL): one rule for every form, the admin's included, in one place.
        validator = ProhibitControlCharactersValidator()
        if validator not in forms.CharField.default_validators:
            forms.CharField.default_validators = [*forms.CharField.default_validators, validator]

        # Every connection reports its writes, so cached figures never outlive the data.
        connection_created.connect(watch_connection, dispatch_uid="heartbeat-data-version")
