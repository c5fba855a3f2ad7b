"""An Atom feed of a project's submitted updates, newest first, corrections included."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from heartbeat.delivery.cadence import Period
from heartbeat.delivery.models import HeartbeatUpdate, UpdateStatus
from heartbeat.delivery.scales import DIMENSIONS, level_for
from heartbeat.delivery.selectors.project import project_for

FEED_ITEMS = 50


class ProjectUpdatesFeed(Feed):
    feed_type = Atom1Feed
    # Public projects' feeds are for everyone (feed readers do not sign in).
    login_required = False

    def get_object(self, request, slug):
        # A partnership-only project's feed is 404 to visitors, as its page is.
        return project_for(request.user, slug)

    def title(self, project):
        return f"Heartbeat updates: {project.title}"

    def link(self, project):
        return f"/projects/{project.slug}/updates/"

    def subtitle(self, project):
        return project.summary

    def items(self, project):
        return (
            HeartbeatUpdate.objects.filter(project=project, status=UpdateStatus.SUBMITTED)
            .select_related("submitted_by", "project")
            .order_by("-submitted_at")[:FEED_ITEMS]
        )

    def item_title(self, update):
        period = Period(update.period_start, update.period_end, update.cadence)
        level = level_for(update.confidence)
        title = f"{period.label}: {level.label if level else 'no rating'}"
        if update.correction_number:
            title += f" (correction {update.correction_number})"
        return title

    def item_description(self, update):
        level = level_for(update.confidence)
        parts = [
            f"Delivery confidence: {level.label if level else 'not given'}.",
            f"{update.percent_complete}% complete.",
            update.summary,
        ]
        ratings = [
            f"{label}: {getattr(update, name)}"
            for name, label in DIMENSIONS
            if getattr(update, name)
        ]
        if ratings:
            parts.append("Ratings: " + ", ".join(ratings) + ".")
        if update.achievements:
            parts.append(f"Achievements: {update.achievements}")
        if update.next_steps:
            parts.append(f"Next steps: {update.next_steps}")
        if update.decisions_needed:
            parts.append(f"Decisions needed: {update.decisions_needed}")
        if update.correction_number:
            parts.append(f"Corrected because: {update.correction_reason}")
        return "\n\n".join(parts)

    def item_link(self, update):
        return f"/projects/{update.project.slug}/updates/{update.pk}/"

    def item_pubdate(self, update):
        return update.submitted_at

    def item_updateddate(self, update):
        return update.submitted_at

    def item_author_name(self, update):
        return update.submitted_by.display_name if update.submitted_by else "Heartbeat"
