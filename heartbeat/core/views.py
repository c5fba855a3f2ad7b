from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from heartbeat.core import registry
from heartbeat.core.keptpages import kept_page


def _groups(rendered) -> tuple[list, list[tuple[str, list]]]:
    """Introductions (blocks without a title), then the other blocks under their groups'
    headings, in the order each group first appears."""
    intro, groups = [], {}
    for block, html in rendered:
        if not block.title:
            intro.append((block, html))
        else:
            groups.setdefault(block.group, []).append((block, html))
    return intro, list(groups.items())


@kept_page
@login_not_required
def home(request):
    """The home page: this person's work by role, from every app, then where to go next."""
    blocks = registry.collect(registry.home_blocks, request)
    # A block with nothing to count and a sentence for that draws no template.
    drawn = [b for b in blocks if not (b.count == 0 and b.empty)]
    html = {id(block): markup for block, markup in registry.render_sections(request, drawn)}
    intro, groups = _groups([(block, html.get(id(block))) for block in blocks])
    return render(
        request,
        "core/home.html",
        {
            "page_title": "Heartbeat",
            "intro": intro,
            "groups": groups,
            "cards": registry.collect(registry.home_cards, request),
        },
    )


@kept_page
def your_work(request, key: str):
    """One home block on a page of its own, with every row rather than the first few."""
    contribution = dict(registry.home_blocks.items()).get(key)
    if contribution is None:
        raise Http404("There is no such list.")
    setattr(request, registry.FULL_LIST, True)
    block = contribution(request)
    if block is None or not block.title:
        # The block is not for this person (or is an introduction): nothing to list.
        raise Http404("There is no such list.")
    rendered = None
    if not (block.count == 0 and block.empty):
        rendered = registry.render_sections(request, [block])[0][1]
    return render(
        request,
        "core/your_work.html",
        {
            "page_title": block.title,
            "breadcrumbs": [("Home", "/"), (block.title, None)],
            "block": block,
            "html": rendered,
        },
    )


@login_not_required
def favicon(request):
    """Browsers ask for /favicon.ico when a page (a feed, a download) names no icon."""
    return HttpResponsePermanentRedirect(static("heartbeat/favicon.svg"))


@login_not_required
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means unhealthy
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@kept_page
@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html", {"page_title": "Accessibility statement"})


@kept_page
@login_not_required
def privacy(request):
    return render(request, "core/privacy.html", {"page_title": "Privacy"})


@login_not_required
def feedback(request):
    return render(request, "core/feedback.html", {"page_title": "Feedback"})


@login_not_required
def floor(request):
    """The cheapest possible Django response: the benchmark's floor."""
    return HttpResponse("ok", content_type="text/plain")


def error_403(request, exception=None):
    return render(request, "core/403.html", {"page_title": "You cannot do that"}, status=403)


def error_404(request, exception=None):
    return render(request, "core/404.html", {"page_title": "Page not found"}, status=404)


def error_500(request):
    return render(request, "core/500.html", {"page_title": "Sorry, there is a problem"}, status=500)
