from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel

PARTNERSHIP_NAME = "Scottish Local Government Digital Partnership"


class OrganisationKind(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    NATIONAL_BODY = "national_body", "National body"
    PARTNER = "partner", "Partner"
    DIGITAL_OFFICE = "digital_office", "Digital Office"


class MembershipStatus(models.TextChoices):
    SIGNED_UP = "signed_up", "Signed up"
    COMMITTED_IN_PRINCIPLE = "committed_in_principle", "Committed in principle"
    DECLINED = "declined", "Declined"
    LEFT = "left", "Left"


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def local_authorities(self):
        return self.filter(kind=OrganisationKind.LOCAL_AUTHORITY)


class Organisation(TimeStampedModel):
    """A member of the partnership: a council, a national body, a partner or the Digital Office."""

    name = models.CharField(
        max_length=150, unique=True, help_text="Everyday name, e.g. Aberdeen City"
    )
    official_name = models.CharField(max_length=200, help_text="e.g. Aberdeen City Council")
    slug = models.SlugField(max_length=160, unique=True)
    short_code = models.CharField(max_length=12, blank=True)
    gss_code = models.CharField(
        "GSS code", max_length=9, blank=True, help_text="e.g. S12000033 for Aberdeen City"
    )
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    website = models.URLField(blank=True)
    active = models.BooleanField(default=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["gss_code"], condition=~Q(gss_code=""), name="organisation_gss_unique"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("partnership:organisation_detail", args=[self.slug])


class ProgrammeTerm(TimeStampedModel):
    """A period of the programme that organisations sign up to, e.g. 2016 to 2019."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=110, unique=True)
    start = models.DateField()
    end = models.DateField()
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="term_end_after_start"
            ),
        ]

    def __str__(self):
        return self.name


class Membership(TimeStampedModel):
    """An organisation's decision about one programme term, and when it was made."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    term = models.ForeignKey(ProgrammeTerm, on_delete=models.CASCADE, related_name="memberships")
    status = models.CharField(max_length=30, choices=MembershipStatus.choices)
    date = models.DateField(help_text="When the organisation made this decision")
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["term__start", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "term"], name="membership_unique_per_term"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.term}: {self.get_status_display()}"
