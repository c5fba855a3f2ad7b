from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "heartbeat.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from django import forms
        from django.core.signals import request_finished, request_started
        from django.db.backends.signals import connection_created

        from heartbeat.core import datacache, memory
        from heartbeat.core.text import ProhibitControlCharactersValidator

        # Every text field of every form refuses control characters (Django's own check
        # refuses NUL): one rule for every form, the admin's included, in one place.
        validator = ProhibitControlCharactersValidator()
        if validator not in forms.CharField.default_validators:
            forms.CharField.default_validators = [*forms.CharField.default_validators, validator]

        # Every connection reports its writes, so cached figures never outlive the data.
        connection_created.connect(
            datacache.watch_connection, dispatch_uid="heartbeat-data-version"
        )
        # A request reads the data version once.
        request_started.connect(datacache.request_started, dispatch_uid="heartbeat-version-on")
        request_finished.connect(datacache.request_finished, dispatch_uid="heartbeat-version-off")
        # A request that needed much memory gives it back to the system when it ends.
        request_finished.connect(memory.give_back, dispatch_uid="heartbeat-give-back-memory")
