"""The repeatable rows of a project's definition, their formsets, and the input the
services take built from them."""

from dataclasses import asdict, dataclass
from decimal import Decimal

from django import forms
from django.db.models import Q
from django.forms import formset_factory

from heartbeat.core.months import MAX_WORKING_DAYS
from heartbeat.portfolio.forms.fields import MAX_ROWS, DateInput, MonthField, parse_tags
from heartbeat.portfolio.forms.project import ProjectForm
from heartbeat.portfolio.inputs import (
    ProductInput,
    ProjectInput,
    RequirementInput,
    ResourceInput,
    TextItemInput,
)
from heartbeat.portfolio.models import ProductType, Requirement
from heartbeat.portfolio.selectors import project_to_input
from heartbeat.skills.models import Skill, SkillLevel


class RowForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)


class TextRowForm(RowForm):
    text = forms.CharField(label="Description", max_length=500)


class ScopeInRowForm(TextRowForm):
    text = forms.CharField(
        label="In scope",
        max_length=500,
        error_messages={"required": "Enter what is in scope, or remove the row"},
    )


class ScopeOutRowForm(TextRowForm):
    text = forms.CharField(
        label="Out of scope",
        max_length=500,
        error_messages={"required": "Enter what is out of scope, or remove the row"},
    )


class BenefitRowForm(TextRowForm):
    text = forms.CharField(
        label="Expected benefit",
        max_length=500,
        error_messages={"required": "Enter the expected benefit, or remove the row"},
    )


class RequirementRowForm(RowForm):
    text = forms.CharField(
        label="Requirement",
        max_length=500,
        error_messages={"required": "Enter the requirement, or remove the row"},
    )
    priority = forms.ChoiceField(
        label="Priority",
        choices=Requirement.Priority.choices,
        initial=Requirement.Priority.MUST,
        error_messages={"invalid_choice": "Choose must, should or could"},
    )


class ProductRowForm(RowForm):
    name = forms.CharField(
        label="Name",
        max_length=200,
        error_messages={"required": "Enter the product's name, or remove the row"},
    )
    product_type = forms.ChoiceField(
        label="Type",
        choices=[("", "Choose a type"), *ProductType.choices],
        error_messages={
            "required": "Choose the type of product",
            "invalid_choice": "Choose the type of product from the list",
        },
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    planned_date = forms.DateField(
        label="Planned date",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": "Enter the planned date as a date, like 2026-11-26"},
    )


def skill_choices(keep_ids=()) -> list[tuple]:
    """Active skills, plus retired ones that rows being edited still have (one query).

    Every resource row shares this list, so a form with many rows still runs one query."""
    skills = Skill.objects.filter(Q(active=True) | Q(pk__in=list(keep_ids))).order_by("name")
    return [("", "Choose a skill"), *skills.values_list("pk", "name")]


class ResourceRowForm(RowForm):
    skill = forms.TypedChoiceField(
        label="Skill or role",
        coerce=int,
        empty_value=None,
        error_messages={
            "required": "Choose a skill from the list",
            "invalid_choice": "Choose a skill from the list",
        },
    )
    level = forms.ChoiceField(label="Level", choices=SkillLevel.choices, initial=SkillLevel.WORKING)
    people = forms.IntegerField(
        label="Number of people",
        initial=1,
        min_value=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the number of people",
            "invalid": "Enter the number of people as a whole number, like 2",
            "min_value": "The number of people must be 1 or more",
        },
    )
    days_per_month = forms.DecimalField(
        label="Days per person per month",
        max_digits=5,
        decimal_places=1,
        min_value=Decimal("0.1"),
        max_value=Decimal(MAX_WORKING_DAYS),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text="For example, 4 or 2.5",
        error_messages={
            "required": "Enter the days per person per month",
            "invalid": "Enter the days per month as a number, like 4 or 2.5",
            "min_value": "The days per month must be more than 0",
            "max_value": f"The days per month can be {MAX_WORKING_DAYS} at most: no month has "
            "more working days in Scotland",
        },
    )
    start_month = MonthField(
        label="First month",
        help_text="For example, April 2026 or 2026-04",
        error_messages={"required": "Enter the first month"},
    )
    end_month = MonthField(
        label="Last month",
        help_text="For example, September 2026 or 2026-09",
        error_messages={"required": "Enter the last month"},
    )
    notes = forms.CharField(label="Notes", max_length=300, required=False)

    def __init__(self, *args, skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].choices = skills

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_month"), cleaned.get("end_month")
        if start and end and end < start:
            self.add_error("end_month", "The last month must be the same as or after the first")
        return cleaned


@dataclass(frozen=True)
class RowSection:
    """A repeatable part of the definition: its formset prefix (the services name rows
    '<prefix>-<index>-<field>' the same way), its row form and its words."""

    prefix: str
    form: type[forms.Form]
    title: str
    row_label: str
    add_label: str
    hint: str = ""
    # Blank rows a new project starts with.
    blank_rows: int = 1


ROW_SECTIONS = [
    RowSection(
        "scope_in",
        ScopeInRowForm,
        "In scope",
        "In scope",
        "Add another thing in scope",
        hint="What the project will do or cover.",
    ),
    RowSection(
        "scope_out",
        ScopeOutRowForm,
        "Out of scope",
        "Out of scope",
        "Add a thing out of scope",
        hint="What people might expect but the project will not do.",
        blank_rows=0,
    ),
    RowSection(
        "requirements",
        RequirementRowForm,
        "Requirements",
        "Requirement",
        "Add another requirement",
        hint="In order of importance: must, should or could.",
    ),
    RowSection(
        "products",
        ProductRowForm,
        "Anticipated products",
        "Product",
        "Add another product",
        hint="What the project will make or deliver.",
    ),
    RowSection(
        "benefits",
        BenefitRowForm,
        "Expected benefits",
        "Benefit",
        "Add another benefit",
        hint="Short lines; the benefits register holds the measures.",
    ),
    RowSection(
        "resources",
        ResourceRowForm,
        "Resource requirements",
        "Resource",
        "Add another resource",
        hint="The people and time the project needs from councils.",
    ),
]
SECTIONS_BY_PREFIX = {section.prefix: section for section in ROW_SECTIONS}

# Fields the services name differently from the forms.
FIELD_ALIASES = {"skill_id": "skill", "theme_id": "theme", "sub_area_id": "sub_area"}
FIELD_ALIASES |= {"lead_organisation_id": "lead_organisation", "project_lead_id": "project_lead"}


def project_initial(project) -> dict:
    return {
        "title": project.title,
        "slug": project.slug,
        "theme": project.theme_id,
        "sub_area": project.sub_area_id,
        "summary": project.summary,
        "problem": project.problem,
        "lead_organisation": project.lead_organisation_id,
        "project_lead": project.project_lead_id,
        "sponsor": project.sponsor,
        "planned_start": project.planned_start,
        "planned_end": project.planned_end,
        "estimated_cost": project.estimated_cost,
        "visibility": project.visibility,
        "tags": ", ".join(t.name for t in project.tags.all()),
        "version": project.version,
    }


def rows_initial(project) -> dict[str, list[dict]]:
    """The project's definition rows as initial data for each row formset.

    Built from ``selectors.project_to_input``, the one place that reads a project's rows
    into input form; formsets name a resource's skill ``skill`` rather than ``skill_id``.
    """
    data = asdict(project_to_input(project))
    sections = {section.prefix: data[section.prefix] for section in ROW_SECTIONS}
    for row in sections["resources"]:
        row["skill"] = row.pop("skill_id")
    return sections


def build_formsets(data=None, initial=None) -> dict[str, forms.BaseFormSet]:
    """A formset per row section. A section with no rows yet starts with a blank one (most
    sections); a posted form has exactly the rows it sent."""
    kept_skills = [row["skill"] for row in (initial or {}).get("resources", [])]
    if data is not None:
        kept_skills += [
            int(value)
            for key, value in data.items()
            if key.startswith("resources-") and key.endswith("-skill") and value.isdigit()
        ]
    skills = skill_choices(kept_skills)
    formsets = {}
    for section in ROW_SECTIONS:
        rows = (initial or {}).get(section.prefix) or []
        extra = 0 if rows else section.blank_rows
        formset_class = formset_factory(section.form, extra=extra, max_num=MAX_ROWS)
        formsets[section.prefix] = formset_class(
            data=data,
            initial=rows or None,
            prefix=section.prefix,
            form_kwargs={"skills": skills} if section.form is ResourceRowForm else None,
        )
    return formsets


def filled_rows(formset) -> list[tuple[int, dict]]:
    """(index in the formset, cleaned data) of the rows that hold something."""
    return [(i, form.cleaned_data) for i, form in enumerate(formset.forms) if form.cleaned_data]


def project_input(form: ProjectForm, formsets) -> tuple[ProjectInput, dict[str, list[int]]]:
    """The ProjectInput for the service, and for each section the form index of every row it
    holds (so an error about 'resources-0-...' lands on the right row)."""
    data = form.cleaned_data
    index_map = {}
    rows = {}
    for prefix, formset in formsets.items():
        filled = filled_rows(formset)
        index_map[prefix] = [i for i, _ in filled]
        rows[prefix] = [row for _, row in filled]

    def text_items(prefix):
        return [TextItemInput(text=r["text"], id=r.get("id")) for r in rows[prefix]]

    return (
        ProjectInput(
            title=data["title"],
            slug=data.get("slug") or "",
            theme_id=data["theme"].pk,
            sub_area_id=data["sub_area"].pk if data.get("sub_area") else None,
            summary=data["summary"],
            problem=data.get("problem") or "",
            lead_organisation_id=(
                data["lead_organisation"].pk if data.get("lead_organisation") else None
            ),
            project_lead_id=data["project_lead"].pk if data.get("project_lead") else None,
            sponsor=data.get("sponsor") or "",
            planned_start=data.get("planned_start"),
            planned_end=data.get("planned_end"),
            estimated_cost=data.get("estimated_cost"),
            visibility=data["visibility"],
            tags=parse_tags(data.get("tags")),
            scope_in=text_items("scope_in"),
            scope_out=text_items("scope_out"),
            requirements=[
                RequirementInput(text=r["text"], priority=r["priority"], id=r.get("id"))
                for r in rows["requirements"]
            ],
            products=[
                ProductInput(
                    name=r["name"],
                    product_type=r["product_type"],
                    description=r.get("description") or "",
                    planned_date=r.get("planned_date"),
                    id=r.get("id"),
                )
                for r in rows["products"]
            ],
            benefits=text_items("benefits"),
            resources=[
                ResourceInput(
                    skill_id=r["skill"],
                    level=r["level"],
                    people=r["people"],
                    days_per_month=r["days_per_month"],
                    start_month=r["start_month"],
                    end_month=r["end_month"],
                    notes=r.get("notes") or "",
                    id=r.get("id"),
                )
                for r in rows["resources"]
            ],
        ),
        index_map,
    )


def _total_forms(data, prefix: str) -> int:
    try:
        return max(0, min(int(data.get(f"{prefix}-TOTAL_FORMS", 0)), MAX_ROWS))
    except (TypeError, ValueError):
        return 0


def with_row_added(data, prefix: str):
    """The posted data with one more (blank) row in ``prefix``'s formset."""
    data = data.copy()
    total = _total_forms(data, prefix)
    data[f"{prefix}-TOTAL_FORMS"] = str(min(total + 1, MAX_ROWS))
    data.setdefault(f"{prefix}-INITIAL_FORMS", "0")
    return data


def with_row_removed(data, prefix: str, index: int):
    """The posted data without row ``index`` of ``prefix``'s formset; later rows move up."""
    total = _total_forms(data, prefix)
    if not 0 <= index < total:
        return data
    data = data.copy()
    keys = [key for key in data if key.startswith(f"{prefix}-") and key.count("-") >= 2]
    rows: dict[int, dict[str, list]] = {}
    for key in keys:
        _prefix, number, name = key.split("-", 2)
        if _prefix == prefix and number.isdigit():
            rows.setdefault(int(number), {})[name] = data.getlist(key)
            del data[key]
    for number, values in rows.items():
        if number == index:
            continue
        new_number = number - 1 if number > index else number
        for name, value in values.items():
            data.setlist(f"{prefix}-{new_number}-{name}", value)
    data[f"{prefix}-TOTAL_FORMS"] = str(total - 1)
    try:
        initial = int(data.get(f"{prefix}-INITIAL_FORMS", 0))
    except (TypeError, ValueError):
        initial = 0
    if index < initial:
        data[f"{prefix}-INITIAL_FORMS"] = str(initial - 1)
    return data
