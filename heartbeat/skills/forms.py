"""Forms for the skills list and people's own skills (shape only; services hold the rules)."""

from django import forms

from heartbeat.skills.models import Skill, SkillFamily, SkillLevel


class UserSkillForm(forms.Form):
    skill = forms.ModelChoiceField(
        label="Skill or role",
        queryset=Skill.objects.active(),
        empty_label="Choose a skill",
        to_field_name="slug",
        error_messages={"required": "Choose a skill", "invalid_choice": "Choose a skill"},
    )
    level = forms.ChoiceField(label="Level", choices=SkillLevel.choices)


class SkillForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120)
    family = forms.ChoiceField(label="Role family", choices=SkillFamily.choices)
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
