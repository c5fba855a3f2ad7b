from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from heartbeat.accounts import permissions, selectors, services
from heartbeat.accounts.forms import (
    ApiTokenForm,
    InvitationFilterForm,
    InvitationForm,
    NewPasswordForm,
    PasswordResetRequestForm,
    ProfileForm,
    SignInForm,
)
from heartbeat.accounts.models import Invitation, InvitationStatus, User
from heartbeat.core.client_ip import client_ip
from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.exports import EXPORT_FORMATS, Column, Kind, export_response
from heartbeat.core.formatting import uk_date, uk_datetime
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate

# Accepting an invitation signs the new person in without asking for the password again.
ACCEPT_BACKEND = "heartbeat.accounts.backends.AccountsBackend"


def _show_error(form, error: ApplicationError) -> None:
    """Put a service's refusal on the form, next to its field when it names one."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _posted(request):
    """The submitted data for a POST (even an empty one), None for a GET."""
    return request.POST if request.method == "POST" else None


def _require(allowed: bool) -> None:
    if not allowed:
        raise DjangoPermissionDenied


# Sign in and out ---------------------------------------------------------------------------


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True
    extra_context = {"page_title": "Sign in"}


class LogoutView(auth_views.LogoutView):
    pass


def cooloff_minutes(request=None) -> int:
    """How long sign-in stays paused after too many failures, in whole minutes."""
    from axes.helpers import get_cool_off

    cooloff = get_cool_off(request)
    if not cooloff:
        return 0
    return max(1, round(cooloff.total_seconds() / 60))


def locked_out(request, response=None, credentials=None, *args, **kwargs):
    """django-axes calls this when there have been too many failed sign-ins."""
    return render(
        request,
        "accounts/locked_out.html",
        {
            "page_title": "Too many failed sign-in attempts",
            "cooloff_minutes": cooloff_minutes(request),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        },
        status=429,
    )


# Password reset ----------------------------------------------------------------------------


def reset_link_hours() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = PasswordResetRequestForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_context = {"page_title": "Reset your password"}

    def form_valid(self, form):
        allowed = services.password_reset_request(
            email=form.cleaned_data["email"], ip_address=client_ip(self.request) or None
        )
        if not allowed:
            return render(
                self.request,
                "accounts/reset_throttled.html",
                {
                    "page_title": "Too many requests for a reset link",
                    "cooloff_minutes": cooloff_minutes(self.request),
                },
                status=429,
            )
        self.extra_email_context = {"valid_hours": reset_link_hours()}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title="Check your email", valid_hours=reset_link_hours(), **kwargs
        )


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = {"page_title": "Choose a new password"}


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
    extra_context = {"page_title": "Your password has been changed"}


# Profile and personal access tokens --------------------------------------------------------


@kept_page
def profile(request):
    user = selectors.user_with_organisation(user=request.user)
    return render(
        request,
        "accounts/profile.html",
        {
            "page_title": "Your profile",
            "profile_user": user,
            "tokens": list(selectors.api_token_list(user=user)),
            "can_invite": permissions.can_invite(user),
            "can_manage_people": permissions.can_manage_people(user),
        },
    )


def profile_edit(request):
    user = request.user
    _require(permissions.can_edit_profile(user, user))
    form = ProfileForm(
        _posted(request), initial={"full_name": user.full_name, "job_title": user.job_title}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update_profile(actor=user, user=user, **form.cleaned_data)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, "Your profile has been updated.")
            return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile_edit.html",
        {
            "page_title": "Change your name or job title",
            "form": form,
            "breadcrumbs": [("Your profile", reverse_lazy("accounts:profile")), ("Change", None)],
        },
    )


@never_cache
def token_create(request):
    _require(permissions.can_create_token(request.user))
    form = ApiTokenForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            token, raw = services.api_token_create(
                actor=request.user, name=form.cleaned_data["name"]
            )
        except ApplicationError as error:
            _show_error(form, error)
        else:
            # Shown on this response only: the raw token is never stored, not even in the
            # session, and never_cache keeps it out of the browser's cache.
            return render(
                request,
                "accounts/token_created.html",
                {"page_title": "Your new access token", "token": token, "raw_token": raw},
            )
    return render(
        request,
        "accounts/token_form.html",
        {
            "page_title": "Create a personal access token",
            "form": form,
            "breadcrumbs": [
                ("Your profile", reverse_lazy("accounts:profile")),
                ("New token", None),
            ],
        },
    )


def token_revoke(request, pk: int):
    """Revoke one of your own tokens, after a page of its own that asks to confirm."""
    token = get_object_or_404(selectors.api_token_list(user=request.user), pk=pk)
    back = reverse("accounts:profile") + "#tokens"
    if request.method == "POST":
        services.api_token_revoke(actor=request.user, token=token)
        messages.success(request, f"The token '{token.name}' has been revoked. It no longer works.")
        return redirect("accounts:profile")
    if not token.is_active:
        messages.info(request, f"The token '{token.name}' was already revoked.")
        return redirect(back)
    return render(
        request,
        "confirm.html",
        {
            "page_title": f"Revoke the token '{token.name}'?",
            "breadcrumbs": [("Your profile", back), ("Revoke a token", None)],
            "summary": [
                ("Name", token.name),
                ("Starts with", f"{token.prefix}…"),
                ("Created", uk_date(token.created_at)),
                ("Last used", uk_datetime(token.last_used_at, "Never")),
            ],
            "consequences": [
                "Scripts and spreadsheets that send this token stop working at once.",
                "A revoked token cannot be turned back on: create a new one if you need it.",
            ],
            "confirm_label": "Yes, revoke the token",
            "back_url": back,
        },
    )


# Invitations (programme office) ------------------------------------------------------------

INVITATION_EXPORT_HEADERS = [
    Column("Name"),
    Column("Email"),
    Column("Organisation"),
    Column("Roles"),
    Column("Status"),
    Column("Invited by"),
    Column("Sent", Kind.DATE),
    Column("Expires", Kind.DATE),
    Column("Accepted", Kind.DATE),
]


def _local_date(value):
    return timezone.localdate(value) if value else None


def _invitation_export_row(invitation: Invitation) -> list:
    return [
        invitation.full_name,
        invitation.email,
        invitation.organisation.name,
        "; ".join(["Member", *invitation.role_labels]),
        invitation.status,
        invitation.invited_by.display_name if invitation.invited_by else "",
        _local_date(invitation.created_at),
        _local_date(invitation.expires_at),
        _local_date(invitation.accepted_at),
    ]


@kept_page
def invitation_list(request):
    _require(permissions.can_view_invitations(request.user))
    filters = InvitationFilterForm(request.GET)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    invitations = selectors.invitation_list(status=status or None)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        suffix = f"-{status}" if status else ""
        return export_response(
            fmt,
            filename=f"invitations{suffix}",
            headers=INVITATION_EXPORT_HEADERS,
            rows=(_invitation_export_row(i) for i in invitations),
            title="Invitations",
            request=request,
        )
    return render(
        request,
        "accounts/invitation_list.html",
        {
            "page_title": "Invitations",
            "filters": filters,
            "status": status,
            "status_label": InvitationStatus(status).label if status else "",
            "page_obj": paginate(invitations, request, per_page=50),
            "pending": InvitationStatus.PENDING,
            "valid_days": settings.INVITATION_VALID_DAYS,
        },
    )


def invitation_create(request):
    _require(permissions.can_invite(request.user))
    form = InvitationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _raw = services.invitation_create(actor=request.user, **form.cleaned_data)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(
                request,
                f"Invitation sent to {invitation.full_name} ({invitation.email}). "
                f"The link works for {settings.INVITATION_VALID_DAYS} days.",
            )
            return redirect("accounts:invitation_list")
    return render(
        request,
        "accounts/invitation_form.html",
        {
            "page_title": "Invite a person",
            "form": form,
            "breadcrumbs": [
                ("Invitations", reverse_lazy("accounts:invitation_list")),
                ("Invite a person", None),
            ],
        },
    )


@require_POST
def invitation_revoke(request, pk: int):
    _require(permissions.can_view_invitations(request.user))
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.invitation_revoke(actor=request.user, invitation=invitation)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"The invitation for {invitation.email} has been revoked. Its link no longer works.",
        )
    return redirect("accounts:invitation_list")


def _unusable_invitation(request, error: ApplicationError):
    return render(
        request,
        "accounts/invitation_invalid.html",
        {"page_title": "This invitation link cannot be used", "message": error.message},
        status=error.status,
    )


@login_not_required
@never_cache
def invitation_accept(request, token: str):
    try:
        invitation = selectors.invitation_get_usable(raw_token=token)
    except ApplicationError as error:
        return _unusable_invitation(request, error)
    # The password is checked against the person's name and email before the account exists.
    person = User(email=invitation.email, full_name=invitation.full_name)
    form = NewPasswordForm(person, _posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                raw_token=token, password=form.cleaned_data["new_password1"]
            )
        except ApplicationError as error:
            if error.status in (404, 410):
                return _unusable_invitation(request, error)
            _show_error(form, error)
        else:
            login(request, user, backend=ACCEPT_BACKEND)
            messages.success(
                request, f"Welcome to Heartbeat, {user.display_name}. You are signed in."
            )
            return redirect("accounts:profile")
    return render(
        request,
        "accounts/invitation_accept.html",
        {"page_title": "Set up your account", "invitation": invitation, "form": form},
    )
