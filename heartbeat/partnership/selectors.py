from django.db.models import Count, Q

from heartbeat.partnership.models import Organisation, OrganisationKind, ProgrammeTerm


def home_summary() -> dict:
    counts = Organisation.objects.active().aggregate(
        organisations=Count("id"),
        local_authorities=Count("id", filter=Q(kind=OrganisationKind.LOCAL_AUTHORITY)),
    )
    return {
        "partnership_name": "Digital Partnership",
        "organisations": counts["organisations"],
        "local_authorities": counts["local_authorities"],
        "terms": ProgrammeTerm.objects.count(),
    }
