"""Forms check the shape of what people type; the services check the rules."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from heartbeat.prioritisation.inputs import CriterionInput, ScoreInput
from heartbeat.prioritisation.models import (
    MAX_DESCRIPTION,
    MAX_LEVEL,
    MAX_NAME,
    MAX_RATIONALE,
    MAX_SUMMARY,
    Direction,
    RoundCriterion,
)
from heartbeat.prioritisation.scoring import parse_weight


def _text(label, max_length, *, rows=None, required=True, missing=""):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(),
        error_messages={
            "required": missing or f"Enter {label.lower()}.",
            "max_length": f"{label} must be {max_length:,} characters or fewer.",
            "null_characters_not_allowed": f"{label} contains a character that cannot be saved "
            "(a null byte): remove it and try again.",
        },
    )


class WeightField(forms.CharField):
    """A weight, checked by the method's own rule (more than 0, at most 100, 2 decimals)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.error_messages["required"] = "Enter a weight: a number more than 0, like 2."

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        try:
            return parse_weight(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class CriterionForm(forms.Form):
    name = _text("Name", MAX_NAME, missing="Enter the criterion's name.")
    description = _text(
        "What it measures", MAX_DESCRIPTION, rows=3, missing="Describe what the criterion measures."
    )
    weight = WeightField(label="Weight")
    direction = forms.ChoiceField(
        label="Is a higher score better or worse?",
        widget=forms.RadioSelect,
        choices=[
            (Direction.HIGHER_IS_BETTER, "Higher is better (such as benefit)"),
            (Direction.HIGHER_IS_WORSE, "Higher is worse (such as effort or risk)"),
        ],
        error_messages={"required": "Choose whether a higher score is better or worse."},
    )
    level_1 = _text("1 means", MAX_LEVEL, missing="Describe what a score of 1 means.")
    level_2 = _text("2 means", MAX_LEVEL, missing="Describe what a score of 2 means.")
    level_3 = _text("3 means", MAX_LEVEL, missing="Describe what a score of 3 means.")
    level_4 = _text("4 means", MAX_LEVEL, missing="Describe what a score of 4 means.")
    level_5 = _text("5 means", MAX_LEVEL, missing="Describe what a score of 5 means.")
    order = forms.IntegerField(
        label="Order on the page",
        min_value=0,
        max_value=1000,
        required=False,
        error_messages={"invalid": "Enter the order as a whole number from 0 to 1,000."},
    )
    active = forms.BooleanField(label="Use this criterion in new rounds", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, computed=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.computed = computed
        if computed:
            # The bands of a computed criterion are stated in code; its direction is fixed.
            for name in ("level_1", "level_2", "level_3", "level_4", "level_5", "direction"):
                self.fields[name].required = False
                self.fields[name].disabled = True

    def to_input(self, current=None) -> CriterionInput:
        data = self.cleaned_data
        levels = [data.get(f"level_{i}") or "" for i in range(1, 6)]
        direction = data.get("direction")
        if self.computed and current is not None:
            levels, direction = current.levels, current.direction
        return CriterionInput(
            name=data["name"],
            description=data["description"],
            weight=data["weight"],
            direction=direction,
            levels=levels,
            order=data.get("order") or 0,
            active=data.get("active", False),
        )


class OpenRoundForm(forms.Form):
    name = _text("Name of the round", 150, required=False)


class PublishForm(forms.Form):
    summary = _text("What changed in this round", MAX_SUMMARY, rows=4, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ScoreForm(forms.Form):
    """A score and rationale for each criterion the programme office types."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, criteria: list[RoundCriterion] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = [rc for rc in criteria if not rc.is_computed]
        for rc in self.criteria:
            self.fields[f"score_{rc.pk}"] = forms.ChoiceField(
                label=f"{rc.name}: score",
                widget=forms.RadioSelect,
                required=False,
                choices=[(str(i), f"{i}: {level}") for i, level in enumerate(rc.levels, start=1)],
                error_messages={
                    "invalid_choice": f"Scores run from 1 to 5: choose one for {rc.name}."
                },
            )
            self.fields[f"rationale_{rc.pk}"] = _text(
                f"{rc.name}: rationale", MAX_RATIONALE, rows=3, required=False
            )

    def pairs(self):
        return [(rc, self[f"score_{rc.pk}"], self[f"rationale_{rc.pk}"]) for rc in self.criteria]

    def to_inputs(self) -> list[ScoreInput]:
        data = self.cleaned_data
        return [
            ScoreInput(
                criterion_id=rc.pk,
                value=data.get(f"score_{rc.pk}") or None,
                rationale=data.get(f"rationale_{rc.pk}") or "",
            )
            for rc in self.criteria
        ]


def what_if_fields(criteria: list[RoundCriterion]) -> list[tuple[RoundCriterion, str]]:
    return [(rc, f"w-{rc.slug}") for rc in criteria]


def parse_what_if(params, criteria: list[RoundCriterion]):
    """The weights a what-if asks for (each criterion's own weight when not given), the
    values as typed, and the errors as (message, field id) pairs."""
    weights: dict[int, Decimal] = {}
    typed: dict[str, str] = {}
    errors: list[tuple[str, str]] = []
    for rc, name in what_if_fields(criteria):
        raw = params.get(name)
        if raw is None or str(raw).strip() == "":
            weights[rc.pk] = rc.weight
            typed[name] = _plain(rc.weight)
            continue
        typed[name] = str(raw)[:20]
        if "\x00" in str(raw):
            errors.append(
                (f"The weight for {rc.name} holds a character that cannot be used.", name)
            )
            weights[rc.pk] = rc.weight
            continue
        try:
            weights[rc.pk] = parse_weight(raw)
        except ValueError as error:
            errors.append((f"{rc.name}: {error}", name))
            weights[rc.pk] = rc.weight
    return weights, typed, errors


def _plain(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
