"""Question pages: asking, the live view, upvotes, moderation, answers and the response."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate
from heartbeat.engagement import permissions
from heartbeat.engagement.forms import (
    AnswerForm,
    MergeForm,
    QuestionForm,
    RejectForm,
    ResponseForm,
)
from heartbeat.engagement.models import Event, EventResponse, Question
from heartbeat.engagement.selectors import events as event_selectors
from heartbeat.engagement.selectors import questions as selectors
from heartbeat.engagement.services import events as event_services
from heartbeat.engagement.services import questions as services
from heartbeat.engagement.views._common import require, show_error, status_for, wants_export
from heartbeat.engagement.views.events import event_context

LIVE_PER_PAGE = 25


def _question_title(question: Question) -> str:
    """A question's page is titled by the question, so no two pages share a title."""
    return f"Question {question.pk}: {Truncator(question.text).chars(60)}"


def _event(slug: str) -> Event:
    return get_object_or_404(Event, slug=slug)


def _question(event: Event, pk: int) -> Question:
    question = selectors.question_detail(event, pk)
    if question is None:
        raise Http404
    return question


def _crumbs(event, last=None):
    crumbs = [
        ("Home", "/"),
        ("Events", reverse("engagement:event_list")),
        (event.title, event.get_absolute_url()),
    ]
    if last:
        crumbs.append((last, None))
    return crumbs


def ask(request, slug: str):
    event = event_selectors.event_by_slug(slug)
    if event is None:
        raise Http404
    require(permissions.can_ask(request.user))
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_ask(
                actor=request.user,
                event=event,
                text_=form.cleaned_data["text"],
                anonymous=form.cleaned_data["anonymous"],
            )
        except ApplicationError as error:
            show_error(form, error)
        else:
            messages.success(
                request,
                "Thank you: your question is sent. It will show here once the programme "
                "office has approved it.",
            )
            return redirect(event.get_absolute_url() + "#questions")
    if request.method == "POST":
        # The form sits on the event page: show it there with its errors.
        context = event_context(request, event, question_form=form)
        return render(request, "engagement/event_detail.html", context, status=status_for(form))
    return render(
        request,
        "engagement/ask.html",
        {
            "page_title": "Ask a question",
            "breadcrumbs": _crumbs(event, "Ask a question"),
            "event": event,
            "form": form,
        },
    )


@kept_page
@login_not_required
def live(request, slug: str):
    event = _event(slug)
    questions = event_selectors.approved_questions(request.user, event)
    context = {
        "page_title": f"Questions to {event.title}",
        "breadcrumbs": _crumbs(event, "Questions, live"),
        "event": event,
        "questions_page": paginate(questions, request, LIVE_PER_PAGE),
        "refreshed_at": timezone.now(),
        "live": True,
    }
    fmt = wants_export(request)
    if fmt and permissions.is_member(request.user):
        return export_response(
            fmt,
            filename=f"{event.slug}-questions",
            headers=selectors.QUESTION_EXPORT_HEADERS,
            rows=selectors.question_export_rows(
                questions, show_askers=permissions.is_programme_office(request.user)
            ),
            title="Questions",
        )
    template = (
        "engagement/partials/_live_questions.html"
        if request.htmx and not request.htmx.boosted
        else "engagement/live.html"
    )
    return render(request, template, context)


@require_POST
def vote(request, slug: str, pk: int):
    event = _event(slug)
    question = _question(event, pk)
    vote_error = None
    try:
        if request.POST.get("undo"):
            services.vote_remove(actor=request.user, question=question)
        else:
            services.vote_add(actor=request.user, question=question)
    except ApplicationError as error:
        vote_error = error.message
        if not request.htmx:
            messages.error(request, error.message)
    back = request.POST.get("next", "")
    if not back.startswith("/") or back.startswith("//"):
        back = event.get_absolute_url() + "#questions"
    if request.htmx:
        questions = event_selectors.approved_questions(request.user, event)
        return render(
            request,
            "engagement/partials/_live_questions.html",
            {
                "event": event,
                "questions_page": paginate(questions, request, LIVE_PER_PAGE),
                "refreshed_at": timezone.now(),
                "live": True,
                "vote_error": vote_error,
            },
        )
    return redirect(back)


@kept_page
@login_not_required
def question_detail(request, slug: str, pk: int):
    event = _event(slug)
    question = _question(event, pk)
    if not permissions.can_view_question(request.user, question):
        raise Http404
    target = question.merged_into if question.merged_into_id else None
    can_moderate = permissions.can_moderate(request.user)
    return render(
        request,
        "engagement/question_detail.html",
        {
            "page_title": _question_title(question),
            "breadcrumbs": _crumbs(event, "Question"),
            "event": event,
            "question": question,
            "target": target,
            "show_asker": permissions.can_see_asker(request.user, question),
            "can_moderate": can_moderate,
            "reject_form": RejectForm(initial={"version": question.version}),
            "merge_form": MergeForm(
                initial={"version": question.version},
                targets=[q for q in selectors.merge_targets(event) if q.pk != question.pk],
            )
            if can_moderate
            else None,
            "answer_form": AnswerForm(
                initial={"answer": question.answer, "version": question.version}
            ),
            "response": EventResponse.objects.filter(event=event, published_at__isnull=False)
            .only("pk", "event_id", "published_at")
            .first(),
        },
    )


@kept_page
def moderate(request, slug: str):
    event = _event(slug)
    require(permissions.can_moderate(request.user))
    queue = selectors.moderation_queue(event)
    return render(
        request,
        "engagement/moderate.html",
        {
            "page_title": f"Moderate questions to {event.title}",
            "breadcrumbs": _crumbs(event, "Moderate questions"),
            "event": event,
            "queue_page": paginate(queue, request, 25),
            "moderated": paginate(selectors.moderated(event), request, 25),
            "reject_form": RejectForm(),
        },
    )


def _moderation_done(request, event, question, message):
    messages.success(request, message)
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect(reverse("engagement:moderate", args=[event.slug]))


def _moderation_failed(request, event, question, name, form, error=None):
    if error is not None:
        show_error(form, error)
    can_moderate = permissions.can_moderate(request.user)
    context = {
        "page_title": _question_title(question),
        "breadcrumbs": _crumbs(event, "Question"),
        "event": event,
        "question": Question.objects.select_related("asker__organisation", "merged_into").get(
            pk=question.pk
        ),
        "target": question.merged_into,
        "show_asker": True,
        "can_moderate": can_moderate,
        "reject_form": RejectForm(initial={"version": question.version}),
        "merge_form": MergeForm(
            initial={"version": question.version},
            targets=[q for q in selectors.merge_targets(event) if q.pk != question.pk],
        ),
        "answer_form": AnswerForm(initial={"answer": question.answer, "version": question.version}),
        "response": None,
    }
    context[name] = form
    return render(
        request,
        "engagement/question_detail.html",
        context,
        status=409 if isinstance(error, Conflict) else 422,
    )


@require_POST
def question_action(request, slug: str, pk: int, action: str):
    event = _event(slug)
    question = _question(event, pk)
    require(permissions.can_moderate(request.user))
    version = request.POST.get("version") or None
    if action == "approve":
        try:
            services.question_approve(
                actor=request.user, question=question, version=int(version) if version else None
            )
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect(reverse("engagement:question_detail", args=[event.slug, pk]))
        return _moderation_done(request, event, question, "The question is approved.")
    if action == "reject":
        form = RejectForm(request.POST)
        if not form.is_valid():
            return _moderation_failed(request, event, question, "reject_form", form)
        try:
            services.question_reject(
                actor=request.user,
                question=question,
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data.get("version"),
            )
        except ApplicationError as error:
            return _moderation_failed(request, event, question, "reject_form", form, error)
        return _moderation_done(request, event, question, "The question is rejected.")
    if action == "merge":
        form = MergeForm(request.POST, targets=selectors.merge_targets(event))
        if not form.is_valid():
            return _moderation_failed(request, event, question, "merge_form", form)
        into = Question.objects.filter(event=event, pk=int(form.cleaned_data["into"])).first()
        try:
            services.question_merge(
                actor=request.user,
                question=question,
                into=into,
                version=form.cleaned_data.get("version"),
            )
        except ApplicationError as error:
            return _moderation_failed(request, event, question, "merge_form", form, error)
        return _moderation_done(request, event, question, "The question is merged, with its votes.")
    if action == "answer":
        form = AnswerForm(request.POST)
        if not form.is_valid():
            return _moderation_failed(request, event, question, "answer_form", form)
        try:
            services.question_answer(
                actor=request.user,
                question=question,
                answer=form.cleaned_data["answer"],
                version=form.cleaned_data.get("version"),
            )
        except ApplicationError as error:
            return _moderation_failed(request, event, question, "answer_form", form, error)
        messages.success(request, "The answer is saved; the person who asked is told.")
        return redirect(reverse("engagement:question_detail", args=[event.slug, pk]))
    raise Http404


@require_POST
def close_questions(request, slug: str):
    event = _event(slug)
    require(permissions.can_moderate(request.user))
    event_services.event_close_questions(actor=request.user, event=event)
    messages.success(request, "Questions are closed.")
    return redirect(reverse("engagement:moderate", args=[event.slug]))


# The published response --------------------------------------------------------------------


@kept_page
@login_not_required
def response(request, slug: str):
    event = _event(slug)
    published = EventResponse.objects.filter(event=event).first()
    if not permissions.can_view_response(request.user, published):
        raise Http404
    return render(
        request,
        "engagement/response.html",
        {
            "page_title": f"Response to {event.title}",
            "breadcrumbs": _crumbs(event, "Response"),
            "event": event,
            "response": published,
            "questions": event_selectors.response_page(event),
            "can_edit": permissions.can_publish_response(request.user),
        },
    )


@kept_page
@login_not_required
def response_pdf(request, slug: str):
    from heartbeat.engagement.pdf import render_response_pdf

    event = _event(slug)
    published = EventResponse.objects.filter(event=event).first()
    if not permissions.can_view_response(request.user, published):
        raise Http404
    pdf = render_response_pdf(request, event, published, event_selectors.response_page(event))
    out = HttpResponse(pdf, content_type="application/pdf")
    out["Content-Disposition"] = f'attachment; filename="{event.slug}-response.pdf"'
    return out


def response_edit(request, slug: str):
    event = _event(slug)
    require(permissions.can_publish_response(request.user))
    existing = EventResponse.objects.filter(event=event).first()
    initial = {"body": existing.body, "version": existing.version} if existing else None
    form = ResponseForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.response_save(
                actor=request.user,
                event=event,
                body=form.cleaned_data["body"],
                publish="publish" in request.POST,
                version=form.cleaned_data.get("version"),
            )
        except Conflict as error:
            show_error(form, error)
            conflict = EventResponse.objects.get(event=event)
        except ApplicationError as error:
            show_error(form, error)
        else:
            messages.success(
                request,
                "The response is published: the people whose questions it answers are told."
                if saved.is_published and "publish" in request.POST
                else "The response is saved.",
            )
            return redirect(reverse("engagement:response", args=[event.slug]))
    return render(
        request,
        "engagement/response_form.html",
        {
            "page_title": f"Response to {event.title}",
            "breadcrumbs": _crumbs(event, "Write the response"),
            "event": event,
            "form": form,
            "existing": existing,
            "conflict": conflict,
            "answered": event_selectors.response_page(event),
        },
        status=409 if conflict else status_for(form),
    )
