from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from heartbeat.core import registry


@login_not_required
def home(request):
    """The home page: what each app has for this person, then where to go next."""
    blocks = registry.collect(registry.home_blocks, request)
    return render(
        request,
        "core/home.html",
        {
            "page_title": "Heartbeat",
            "blocks": registry.render_sections(request, blocks),
            "cards": registry.collect(registry.home_cards, request),
        },
    )


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


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html", {"page_title": "Accessibility statement"})


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
