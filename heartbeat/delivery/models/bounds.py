"""Bounds shared by the forms, the services, the API schemas and the database."""

from django.conf import settings

USER = settings.AUTH_USER_MODEL

# Bounds shared by the forms, the services, the API schemas and the database.
SUMMARY_MAX = 2000
LONG_TEXT_MAX = 4000
REASON_MAX = 500
NAME_MAX = 200
OWNER_MAX = 150
DESCRIPTION_MAX = 2000
MAX_ESCALATE_AFTER_DAYS = 90
