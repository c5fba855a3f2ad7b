"""Receivers that keep the register and the in-kind years in step with the apps below:
a project definition's expected benefits, and pledges with their planned reductions.
Connected in ``BenefitsConfig.ready``; they run inside the writer's transaction."""

from heartbeat.benefits import inkind


def expected_benefit_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from heartbeat.benefits.services import sync_expected_benefit

    sync_expected_benefit(instance, getattr(instance, "_history_user", None))


def pledge_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    inkind.refresh_pledges([instance.pk])


def adjustment_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    inkind.refresh_pledges([instance.pledge_id])
