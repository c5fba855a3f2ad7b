import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.models import HistoricalRecords

# The longest reason a person can give for a change to someone's account.
REASON_MAX_LENGTH = 500


class Role(models.TextChoices):
    """The roles of the delivery model. Every signed-in person is also a member."""

    PROGRAMME_OFFICE = "programme_office", "Programme office"
    ORGANISATION_LEAD = "organisation_lead", "Organisation lead"
    PROJECT_LEAD = "project_lead", "Project lead"
    BOARD_MEMBER = "board_member", "Board member"


ROLE_FIELDS = {
    Role.PROGRAMME_OFFICE: "is_programme_office",
    Role.ORGANISATION_LEAD: "is_organisation_lead",
    Role.PROJECT_LEAD: "is_project_lead",
    Role.BOARD_MEMBER: "is_board_member",
}


class UserQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_organisation(self, organisation):
        return self.filter(organisation=organisation)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("is_programme_office", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


KEPT_SESSION_HASH = "_kept_session_hash"
KEPT_FALLBACK_HASHES = "_kept_fallback_hashes"


class User(AbstractBaseUser, PermissionsMixin):
    """A person. They sign in with their email and belong to one organisation."""

    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    job_title = models.CharField(max_length=150, blank=True)
    organisation = models.ForeignKey(
        "partnership.Organisation",
        on_delete=models.PROTECT,
        related_name="people",
        null=True,
        blank=True,
    )
    is_programme_office = models.BooleanField("programme office", default=False)
    is_organisation_lead = models.BooleanField("organisation lead", default=False)
    is_project_lead = models.BooleanField("project lead", default=False)
    is_board_member = models.BooleanField("board member", default=False)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField("staff (can use the admin)", default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # When the person was last seen (written at most once an hour, see accounts.visits), and
    # when their visit before this one ended: what counts as new for them.
    last_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    previous_visit_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Bumped by every change to the person's roles, organisation or access; a form that read
    # an older version conflicts rather than overwriting someone else's change.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(
        excluded_fields=["password", "last_login", "last_seen_at", "previous_visit_at"],
        # Why a person's roles, organisation or access changed, as the programme office gave it.
        history_change_reason_field=models.CharField(max_length=REASON_MAX_LENGTH, null=True),
    )

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    @property
    def display_name(self) -> str:
        return self.full_name or self.email

    @property
    def roles(self) -> list[str]:
        return [role for role, field in ROLE_FIELDS.items() if getattr(self, field)]

    @property
    def role_labels(self) -> list[str]:
        labels = [Role(role).label for role in self.roles]
        return [*labels, "Member"] if self.organisation_id else labels

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("people:person_detail", args=[self.pk])

    # A signed-in person kept between requests (accounts.backends) is kept without their
    # password hash, and with the session hashes worked out from it instead. Once the
    # password is read or set on the object, the hashes come from it again.
    def get_session_auth_hash(self):
        kept = self.__dict__.get(KEPT_SESSION_HASH)
        if kept is not None and "password" not in self.__dict__:
            return kept
        return super().get_session_auth_hash()

    def get_session_auth_fallback_hash(self):
        kept = self.__dict__.get(KEPT_FALLBACK_HASHES)
        if kept is not None and "password" not in self.__dict__:
            return iter(kept)
        return super().get_session_auth_fallback_hash()

    def has_role(self, role: str) -> bool:
        return bool(getattr(self, ROLE_FIELDS[Role(role)]))

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class InvitationStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    EXPIRED = "expired", "Expired"
    REVOKED = "revoked", "Revoked"


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        """Neither accepted nor revoked (an expired one still counts: it can be replaced)."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def usable(self):
        """Pending and not yet expired: the link still works."""
        return self.pending().filter(expires_at__gt=timezone.now())

    def expired(self):
        return self.pending().filter(expires_at__lte=timezone.now())

    def accepted(self):
        return self.filter(accepted_at__isnull=False)

    def revoked(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=False)

    def with_status(self, status: str):
        """Filter by an ``InvitationStatus`` value, as the status shown to people."""
        return {
            InvitationStatus.PENDING: self.usable,
            InvitationStatus.ACCEPTED: self.accepted,
            InvitationStatus.EXPIRED: self.expired,
            InvitationStatus.REVOKED: self.revoked,
        }[InvitationStatus(status)]()


class Invitation(models.Model):
    """A single-use link that lets a person join their organisation and set a password."""

    email = models.EmailField()
    full_name = models.CharField(max_length=150)
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.CASCADE, related_name="invitations"
    )
    roles = models.JSONField(default=list, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One live invitation per address: a new one replaces (revokes) the old.
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="accounts_invitation_one_pending_per_email",
            ),
        ]

    def __str__(self):
        return f"Invitation for {self.email}"

    @staticmethod
    def new_token() -> tuple[str, str]:
        raw = secrets.token_urlsafe(32)
        return raw, _hash(raw)

    @staticmethod
    def hash_token(raw: str) -> str:
        return _hash(raw)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def status_code(self) -> InvitationStatus:
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.is_expired:
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    @property
    def status(self) -> str:
        return self.status_code.label

    @property
    def role_labels(self) -> list[str]:
        return [Role(role).label for role in self.roles if role in Role.values]


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A personal access token for scripts. Only its hash is stored; it is shown once."""

    PREFIX = "hbt_"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    # The first characters, so a person can tell their tokens apart.
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def status(self) -> str:
        return "Active" if self.is_active else "Revoked"

    @classmethod
    def new_token(cls) -> tuple[str, str]:
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        return raw, _hash(raw)

    @staticmethod
    def hash_token(raw: str) -> str:
        return _hash(raw)


class PasswordResetRequest(models.Model):
    """One request for a password reset link, kept for the throttling window only.

    Like failed sign-ins (django-axes), requests are counted per client address and per
    email, so no one can flood a person's inbox or try address after address. The email
    is kept as a hash: the throttle needs to match it, not to read it.
    """

    email_hash = models.CharField(max_length=64)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["email_hash", "requested_at"], name="reset_email_recent"),
            models.Index(fields=["ip_address", "requested_at"], name="reset_ip_recent"),
        ]

    def __str__(self):
        return f"Password reset request at {self.requested_at:%Y-%m-%d %H:%M}"

    @staticmethod
    def hash_email(email: str) -> str:
        return hashlib.sha256(email.strip().lower().encode()).hexdigest()
