from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.db.models.functions import Lower

from heartbeat.accounts.models import REASON_MAX_LENGTH, InvitationStatus, Role
from heartbeat.accounts.selectors import (
    ACTIVE_CHOICES,
    MEMBER,
    PeopleFilters,
    organisation_choices,
)
from heartbeat.partnership.models import Organisation


def password_hint() -> str:
    """The password rules in plain words (Django's own help is HTML)."""
    return " ".join(password_validation.password_validators_help_texts())


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes whose group keeps the field's id, so the error summary can link to it.

    Same class name as Django's: the form macros choose the markup by widget class name.
    """

    def id_for_label(self, id_, index=None):
        if index is None:
            return id_
        return super().id_for_label(id_, index)


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address", widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": "Enter a correct email address and password.",
        "inactive": "This account has been deactivated. Ask the Digital Office for help.",
    }

    def clean_username(self):
        # One spelling per address, so failed attempts add up however the address is typed.
        return self.cleaned_data["username"].strip().lower()

    def clean(self):
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email and password:
            # django-axes counts failures by the credential it is told holds the username;
            # pass the address under that name, so its checks and its counts agree.
            credentials = {str(settings.AXES_USERNAME_FORM_FIELD): email, "password": password}
            self.user_cache = authenticate(self.request, **credentials)
            if self.user_cache is None:
                # Shown at the password, so the error summary links to a field to put right.
                self.add_error("password", self.get_invalid_login_error())
            else:
                self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class NewPasswordForm(SetPasswordForm):
    """Choose a password twice; Django's validators decide what is strong enough."""

    error_messages = {"password_mismatch": "The two passwords do not match. Enter them again."}

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        first, second = self.fields["new_password1"], self.fields["new_password2"]
        first.label = "New password"
        first.help_text = password_hint()
        first.error_messages["required"] = "Enter a new password."
        second.label = "Confirm new password"
        second.help_text = "Enter the same password again."
        second.error_messages["required"] = "Enter the new password again to confirm it."


class PasswordResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk.",
        },
    )


class InvitationForm(forms.Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": "Enter the person's full name."},
    )
    email = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": "Enter the person's email address.",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk.",
        },
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=None,
        empty_label="Choose an organisation",
        to_field_name="slug",
        error_messages={
            "required": "Choose the organisation the person works for.",
            "invalid_choice": "Choose an organisation from the list.",
        },
    )
    roles = forms.MultipleChoiceField(
        label="Roles",
        choices=Role.choices,
        required=False,
        widget=CheckboxSelectMultiple,
        help_text="Everyone is a member of their organisation. Tick any extra roles.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices()


class InvitationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "All statuses"), *InvitationStatus.choices],
        required=False,
    )


class ProfileForm(forms.Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Enter your full name."},
    )
    job_title = forms.CharField(
        label="Job title",
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="Token name",
        max_length=100,
        help_text="So you can tell your tokens apart, for example 'Monthly report script'.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": "Enter a name for the token."},
    )


# People administration ---------------------------------------------------------------------

ACTIVE_FILTER_CHOICES = [
    ("yes", "Active"),
    ("no", "Deactivated"),
    ("all", "Active and deactivated"),
]
ROLE_FILTER_CHOICES = [("", "Any role"), *Role.choices, (MEMBER, "Member only (no other role)")]
PEOPLE_FILTER_NAMES = {
    "q": "name",
    "organisation": "organisation",
    "role": "role",
    "active": "account",
}


class PeopleFilterForm(forms.Form):
    """The people list's filters, read from the URL."""

    q = forms.CharField(label="Name or email", required=False, max_length=100)
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=None,
        required=False,
        empty_label="Any organisation",
        to_field_name="slug",
    )
    role = forms.ChoiceField(label="Role", required=False, choices=ROLE_FILTER_CHOICES)
    active = forms.ChoiceField(label="Account", required=False, choices=ACTIVE_FILTER_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by(Lower("name"))

    def filters(self) -> tuple[PeopleFilters, list[str], dict]:
        """The valid filters, a message for each one ignored, and the values kept."""
        self.is_valid()
        kept, ignored = {}, []
        for name in ("q", "organisation", "role", "active"):
            if name in self.errors:
                value = str(self.data.get(name, ""))[:40]
                reason = (
                    "it is longer than 100 characters or holds a character that cannot be used"
                    if name == "q"
                    else f"'{value}' is not one of the choices"
                )
                ignored.append(
                    f"We ignored the {PEOPLE_FILTER_NAMES[name]} filter because {reason}."
                )
            elif self.cleaned_data.get(name):
                kept[name] = self.cleaned_data[name]
        active = kept.get("active", "yes")
        return (
            PeopleFilters(
                organisation=kept.get("organisation"),
                role=kept.get("role", ""),
                active=ACTIVE_CHOICES.get(active),
                q=kept.get("q", ""),
            ),
            ignored,
            kept,
        )


def reason_field(label: str, hint: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=REASON_MAX_LENGTH,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter the reason for the change: it is kept in the person's history.",
            "max_length": f"The reason must be {REASON_MAX_LENGTH} characters or fewer.",
            "null_characters_not_allowed": "The reason contains a character that cannot be saved.",
        },
    )


class _PersonChangeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)


class RolesForm(_PersonChangeForm):
    roles = forms.MultipleChoiceField(
        label="Roles",
        choices=Role.choices,
        required=False,
        widget=CheckboxSelectMultiple,
        help_text="Everyone in an organisation is a member of it. Tick the roles they have.",
    )
    reason = reason_field(
        "Why are their roles changing?",
        "For example: 'Now leads the council's digital programme'. It is kept in their history.",
    )


class MoveForm(_PersonChangeForm):
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=None,
        empty_label="Choose an organisation",
        to_field_name="slug",
        help_text=(
            "An organisation lead leads their own organisation only: moving ends that role. "
            "Their pledges stay with the organisation that made them, whose lead can reassign them."
        ),
        error_messages={
            "required": "Choose the organisation to move them to.",
            "invalid_choice": "Choose an organisation from the list.",
        },
    )
    reason = reason_field(
        "Why are they moving?",
        "For example: 'Joined Fife Council's digital team'. It is kept in their history.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices()


class DeactivateForm(_PersonChangeForm):
    reason = reason_field(
        "Why are you deactivating this account?",
        "For example: 'Left the council on 28 November 2026'. It is kept in their history.",
    )


class ReactivateForm(_PersonChangeForm):
    reason = reason_field(
        "Why are you reactivating this account?",
        "For example: 'Returned from a secondment'. It is kept in their history.",
    )
