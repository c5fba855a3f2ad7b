"""Who may do what with benefits, costs and the appraisal settings. Every check lives here.

- Signed-in members read the register, the economics and every council's value statement.
- The programme office and a project's own lead keep its benefits, profiles and costs.
- An organisation lead reports what their own council received, never another council's,
  and records their own council's direct contributions.
- Only the programme office changes the day rates and the discount rate.
"""

from heartbeat.portfolio.permissions import is_lead_of, is_programme_office


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def can_view_benefits(user) -> bool:
    return _signed_in(user)


def can_manage_benefits(user, project) -> bool:
    """Add, change and profile a project's benefits; bring in its definition's benefits."""
    return is_programme_office(user) or is_lead_of(user, project)


def is_lead_of_organisation(user, organisation) -> bool:
    return (
        _signed_in(user)
        and organisation is not None
        and bool(user.is_organisation_lead)
        and user.organisation_id == organisation.pk
    )


def can_report_for(user, benefit, organisation) -> bool:
    """Report a measurement for ``organisation`` (None: the whole partnership)."""
    if is_programme_office(user):
        return True
    if organisation is None:
        return is_lead_of(user, benefit.project)
    return is_lead_of_organisation(user, organisation)


def can_report_any(user, benefit) -> bool:
    """Whether the person sees the "report a measurement" link at all."""
    return (
        is_programme_office(user)
        or is_lead_of(user, benefit.project)
        or (_signed_in(user) and bool(user.is_organisation_lead) and user.organisation_id)
    )


def can_change_measurement(user, measurement) -> bool:
    return can_report_for(user, measurement.benefit, measurement.organisation)


def can_add_cost(user, project, organisation) -> bool:
    """The programme office and the project lead for anyone who paid; an organisation lead
    for their own council's contributions."""
    if can_manage_benefits(user, project):
        return True
    return is_lead_of_organisation(user, organisation)


def can_add_any_cost(user, project) -> bool:
    return can_manage_benefits(user, project) or (
        _signed_in(user) and bool(user.is_organisation_lead) and bool(user.organisation_id)
    )


def can_change_cost(user, cost) -> bool:
    return can_add_cost(user, cost.project, cost.organisation)


def can_change_settings(user) -> bool:
    return is_programme_office(user)


def can_view_value_statement(user, organisation) -> bool:
    return _signed_in(user)
