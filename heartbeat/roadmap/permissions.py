"""Who may do what with products and adoptions. Every check of the roadmap lives here.

Anyone may read the roadmap of public projects; signed-in members read all of it. The
programme office and a project's lead grow and keep its products (as does a product's
owner); organisation leads record adoption for their own organisation only.
"""

from heartbeat.portfolio.models import Visibility
from heartbeat.portfolio.permissions import is_lead_of, is_programme_office


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_view_product(user, product) -> bool:
    return product.project.visibility == Visibility.PUBLIC or _signed_in(user)


def can_grow_products(user, project) -> bool:
    """Put a project's anticipated products on the roadmap."""
    return is_programme_office(user) or is_lead_of(user, project)


def can_edit_product(user, product) -> bool:
    if is_programme_office(user) or is_lead_of(user, product.project):
        return True
    return _signed_in(user) and product.owner_id == user.pk


def acts_for(user, organisation) -> bool:
    """The programme office for any organisation; an organisation lead for their own."""
    if organisation is None:
        return False
    if is_programme_office(user):
        return True
    return (
        _signed_in(user)
        and bool(user.is_organisation_lead)
        and user.organisation_id == organisation.pk
    )


def can_record_adoption(user, organisation) -> bool:
    return acts_for(user, organisation)


def can_record_any_adoption(user) -> bool:
    """Whether the person sees the "mark as adopted" button at all."""
    return is_programme_office(user) or (
        _signed_in(user) and bool(user.is_organisation_lead) and user.organisation_id is not None
    )
