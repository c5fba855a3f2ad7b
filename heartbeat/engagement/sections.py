"""Engagement's section of the project page: its news, and following it."""

from heartbeat.core.registry import Section
from heartbeat.engagement.selectors.news import project_news
from heartbeat.engagement.selectors.notifications import is_following


def project_news_section(request, project) -> Section:
    return Section(
        key="news",
        title="News and following",
        template="engagement/partials/_project_news.html",
        context={
            "articles": project_news(request.user, project),
            "following": is_following(request.user, project=project),
            "follow_project": project,
        },
    )
