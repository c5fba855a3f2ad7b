"""Pages for people's own skills and the skills list the programme office keeps."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.keptpages import kept_page
from heartbeat.skills import permissions, selectors, services
from heartbeat.skills.forms import SkillForm, UserSkillForm
from heartbeat.skills.models import Skill, UserSkill


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _show_error(form, error: ApplicationError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


# People's own skills -----------------------------------------------------------------------


def my_skills(request):
    user = request.user
    _require(permissions.can_manage_own_skills(user))
    form = UserSkillForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_skill_set(actor=user, user=user, **form.cleaned_data)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['skill']} has been saved.")
            return redirect("skills:my_skills")
    return render(
        request,
        "skills/my_skills.html",
        {
            "page_title": "Your skills",
            "breadcrumbs": [("Your profile", reverse("accounts:profile")), ("Your skills", None)],
            "skills": selectors.user_skills(user),
            "form": form,
        },
        status=422 if form.errors else 200,
    )


@require_POST
def my_skill_remove(request, pk: int):
    user_skill = get_object_or_404(UserSkill, pk=pk, user=request.user)
    services.user_skill_remove(actor=request.user, user_skill=user_skill)
    messages.success(request, f"{user_skill.skill} has been removed from your skills.")
    return redirect("skills:my_skills")


# The skills list ---------------------------------------------------------------------------


@kept_page
def skill_list(request):
    can_manage = permissions.can_manage_skills(request.user)
    return render(
        request,
        "skills/skill_list.html",
        {
            "page_title": "Skills and roles",
            "breadcrumbs": [("Home", "/"), ("Skills and roles", None)],
            "skills": selectors.skill_list(include_inactive=can_manage),
            "can_manage": can_manage,
        },
    )


def skill_create(request):
    _require(permissions.can_manage_skills(request.user))
    form = SkillForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            skill = services.skill_create(actor=request.user, **form.cleaned_data)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, f"{skill} has been added to the skills list.")
            return redirect("skills:skill_list")
    return _skill_form(request, form, "Add a skill or role")


def skill_edit(request, slug: str):
    _require(permissions.can_manage_skills(request.user))
    skill = get_object_or_404(Skill, slug=slug)
    form = SkillForm(
        request.POST or None,
        initial={"name": skill.name, "family": skill.family, "description": skill.description},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.skill_update(actor=request.user, skill=skill, **form.cleaned_data)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, f"{skill} has been saved.")
            return redirect("skills:skill_list")
    return _skill_form(request, form, f"Change {skill}", skill=skill)


def _skill_form(request, form, title, skill=None):
    return render(
        request,
        "skills/skill_form.html",
        {
            "page_title": title,
            "breadcrumbs": [
                ("Skills and roles", reverse("skills:skill_list")),
                (title, None),
            ],
            "form": form,
            "skill": skill,
        },
        status=422 if form.errors else 200,
    )


@require_POST
def skill_set_active(request, slug: str):
    _require(permissions.can_manage_skills(request.user))
    skill = get_object_or_404(Skill, slug=slug)
    active = request.POST.get("active") == "1"
    services.skill_set_active(actor=request.user, skill=skill, active=active)
    messages.success(
        request,
        f"{skill} is back on the list."
        if active
        else f"{skill} is no longer offered for new needs and pledges; existing ones keep it.",
    )
    return redirect("skills:skill_list")
