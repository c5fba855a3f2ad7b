"""Endpoints: the work programme's themes."""

from heartbeat.portfolio.api.base import router
from heartbeat.portfolio.api.convert import _ref
from heartbeat.portfolio.api.schemas import ThemeOut
from heartbeat.portfolio.models import Theme


@router.get("/themes", response=list[ThemeOut], summary="Themes of the work programme")
def theme_list(request):
    return [
        {
            "slug": theme.slug,
            "name": theme.name,
            "summary": theme.summary,
            "description": theme.description,
            "order": theme.order,
            "colour": theme.colour,
            "sub_areas": [_ref(s) for s in theme.sub_areas.all()],
        }
        for theme in Theme.objects.prefetch_related("sub_areas")
    ]
