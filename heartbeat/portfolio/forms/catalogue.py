"""The catalogue's filter form and the stage-move form."""

from django import forms

from heartbeat.core.fields import OptionsField
from heartbeat.portfolio.models import Stage


class MoveForm(forms.Form):
    to_stage = forms.ChoiceField(choices=Stage.choices)
    reason = forms.CharField(required=False, max_length=2000)


class CatalogueFilterForm(forms.Form):
    """Draws the catalogue's filters; selectors.parse_catalogue_filters reads them."""

    # The form only draws the filters (parse_catalogue_filters reads them): "required"
    # only keeps "(optional)" off a search box that is as optional as every other filter.
    q = forms.CharField(
        label="Search",
        required=True,
        max_length=200,
        help_text="Words in the title, summary, problem, scope, requirements, lead organisation "
        "or tags",
    )
    theme = OptionsField(label="Theme", required=False)
    stage = OptionsField(label="Stage", required=False)
    lead = OptionsField(label="Lead organisation", required=False)
    skill = OptionsField(label="Skill needed", required=False)
    visibility = OptionsField(label="Visibility", required=False)
    sort = OptionsField(label="Sort by", required=False)

    def __init__(self, *args, options, user=None, **kwargs):
        """``options`` is selectors.catalogue_options()."""
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "Any theme"), *options.themes]
        self.fields["stage"].choices = [("", "Any stage"), *options.stages]
        if options.lead_organisations is None:
            # Too many to list (selectors.LEAD_OPTIONS_AT_MOST): the filter takes a name.
            self.fields["lead"] = forms.CharField(
                label="Lead organisation",
                required=True,  # drawn without "(optional)", as the search box is
                max_length=200,
                help_text="Its name, such as Fife or Fife Council",
            )
        else:
            self.fields["lead"].choices = [("", "Any organisation"), *options.lead_organisations]
        self.fields["skill"].choices = [("", "Any skill"), *options.skills]
        self.fields["visibility"].choices = [("", "Any"), *options.visibilities]
        self.fields["sort"].choices = [("", "Best match or title"), *options.sorts]
        if not (user is not None and user.is_authenticated):
            # Visitors see public projects only: the filter would have nothing to choose.
            del self.fields["visibility"]
