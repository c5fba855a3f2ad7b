from django import forms

from heartbeat.partnership.models import Organisation, OrganisationKind, ProgrammeTerm
from heartbeat.partnership.selectors import (
    STATUS_FILTER_CHOICES,
    OrganisationFilters,
    current_term,
    term_choices,
)

FILTER_NAMES = {"kind": "kind", "status": "membership status", "q": "name", "term": "term"}


class TermChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, current: ProgrammeTerm | None = None, **kwargs):
        self.current = current
        super().__init__(*args, **kwargs)

    def label_from_instance(self, term):
        return (
            f"{term.name} (current)" if self.current and term.pk == self.current.pk else term.name
        )


class OrganisationFilterForm(forms.Form):
    """The organisation list's filters, read from the URL. The membership status is each
    organisation's decision about one programme term: the current one unless another is
    chosen."""

    q = forms.CharField(label="Name", required=False, max_length=100)
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "All kinds"), *OrganisationKind.choices]
    )
    term = TermChoiceField(
        label="Programme term",
        required=False,
        queryset=ProgrammeTerm.objects.none(),
        to_field_name="slug",
        empty_label=None,
    )
    status = forms.ChoiceField(
        label="Membership status",
        required=False,
        choices=[("", "Any status"), *STATUS_FILTER_CHOICES],
    )

    def __init__(self, *args, current: ProgrammeTerm | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current or current_term()
        self.fields["term"].queryset = term_choices()
        self.fields["term"].current = self.current

    def filters(self) -> tuple[OrganisationFilters, list[str], dict]:
        """The valid filters, a message for each ignored one, and the values kept. Without a
        term, the current one; the term is kept only when another was chosen."""
        self.is_valid()
        kept = {}
        ignored = []
        for name in ("q", "kind", "status", "term"):
            if name in self.errors:
                value = str(self.data.get(name, ""))
                reason = (
                    "it is longer than 100 characters"
                    if name == "q"
                    else f"'{value[:40]}' is not one of the choices"
                )
                ignored.append(
                    f"We ignored the {FILTER_NAMES[name]} filter because {reason}, "
                    "so the list is not filtered by it."
                )
            elif self.cleaned_data.get(name):
                kept[name] = self.cleaned_data[name]
        term = kept.get("term") or self.current
        if term is not None and self.current is not None and term.pk == self.current.pk:
            kept.pop("term", None)
        return (
            OrganisationFilters(
                kind=kept.get("kind"), status=kept.get("status"), q=kept.get("q", ""), term=term
            ),
            ignored,
            kept,
        )


class OrganisationEditForm(forms.ModelForm):
    """What the programme office may change about an organisation."""

    website = forms.URLField(
        label="Website",
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text="The full address, for example https://www.fife.gov.uk",
    )
    updated_at = forms.DateTimeField(widget=forms.HiddenInput)

    class Meta:
        model = Organisation
        fields = ["name", "website", "active"]
        labels = {"active": "Active member of the partnership"}
        help_texts = {
            "name": "The everyday name people use, for example Aberdeen City.",
        }
