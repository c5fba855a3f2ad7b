"""Forms for the project pages: they check the shape of input; services check the rules.

The forms live in the modules of this package; import them from here.
"""

from heartbeat.portfolio.forms.catalogue import CatalogueFilterForm, MoveForm
from heartbeat.portfolio.forms.fields import (
    MAX_ROWS,
    DateInput,
    MonthField,
    MonthInput,
    RadioSelect,
    SubAreaChoiceField,
    UserChoiceField,
    parse_tags,
)
from heartbeat.portfolio.forms.lifecycle import StageMoveForm
from heartbeat.portfolio.forms.project import ProjectForm, lead_choices
from heartbeat.portfolio.forms.rows import (
    FIELD_ALIASES,
    ROW_SECTIONS,
    SECTIONS_BY_PREFIX,
    BenefitRowForm,
    ProductRowForm,
    RequirementRowForm,
    ResourceRowForm,
    RowForm,
    RowSection,
    ScopeInRowForm,
    ScopeOutRowForm,
    TextRowForm,
    build_formsets,
    filled_rows,
    project_initial,
    project_input,
    rows_initial,
    skill_choices,
    with_row_added,
    with_row_removed,
)

__all__ = [
    "StageMoveForm",
    "MAX_ROWS",
    "DateInput",
    "MonthInput",
    "MonthField",
    "RadioSelect",
    "UserChoiceField",
    "SubAreaChoiceField",
    "parse_tags",
    "ProjectForm",
    "lead_choices",
    "RowForm",
    "TextRowForm",
    "ScopeInRowForm",
    "ScopeOutRowForm",
    "BenefitRowForm",
    "RequirementRowForm",
    "ProductRowForm",
    "skill_choices",
    "ResourceRowForm",
    "RowSection",
    "ROW_SECTIONS",
    "SECTIONS_BY_PREFIX",
    "FIELD_ALIASES",
    "project_initial",
    "rows_initial",
    "build_formsets",
    "filled_rows",
    "project_input",
    "with_row_added",
    "with_row_removed",
    "MoveForm",
    "CatalogueFilterForm",
]
