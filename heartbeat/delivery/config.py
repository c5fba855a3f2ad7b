"""The programme's delivery settings as the rest of the app reads them."""

from heartbeat.delivery.models import DeliverySettings, ProjectCadence


def programme_settings() -> DeliverySettings:
    """The saved settings, or the defaults when the programme office has not set any
    (one query)."""
    return DeliverySettings.objects.filter(pk=1).first() or DeliverySettings(pk=1)


def project_cadence(project, settings: DeliverySettings | None = None) -> str:
    """The cadence a project reports on: its own, or the programme's."""
    settings = settings or programme_settings()
    override = (
        ProjectCadence.objects.filter(project_id=project.pk)
        .values_list("cadence", flat=True)
        .first()
    )
    return override or settings.cadence
