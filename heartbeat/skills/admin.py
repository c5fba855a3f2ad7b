"""The admin for the skills list and people's skills, both editable here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.skills.models import Skill, UserSkill


@admin.register(Skill)
class SkillAdmin(SimpleHistoryAdmin):
    list_display = ["name", "family", "active"]
    list_filter = ["family", "active"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(UserSkill)
class UserSkillAdmin(SimpleHistoryAdmin):
    list_display = ["user", "skill", "level"]
    list_filter = ["level", "skill__family"]
    search_fields = ["user__full_name", "user__email", "skill__name"]
    list_select_related = ["user", "skill"]
    autocomplete_fields = ["skill"]
    raw_id_fields = ["user"]
