from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Window

# The window count's name on each row of a page read by ``paginate_counted``.
TOTAL = "_page_total"


def paginate(items, request, per_page: int = 25):
    """The requested page of ``items``; a bad page number shows the nearest real page."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def paginate_counted(queryset, request, per_page: int = 25):
    """``paginate`` for a queryset whose count costs as much as its page, such as a search
    that ranks every match: the total rides on the page's rows as a window count, so the
    database finds the matches once, not once to count and again to show. A page number
    past the end falls back to ``paginate`` (a count, then the last page)."""
    try:
        number = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        number = 1
    if number < 1:
        return paginate(queryset, request, per_page)
    paginator = Paginator(queryset, per_page)
    bottom = (number - 1) * per_page
    rows = list(queryset.annotate(**{TOTAL: Window(Count("pk"))})[bottom : bottom + per_page])
    if not rows and number > 1:
        return paginate(queryset, request, per_page)
    # Paginator.count is a cached property: the window count fills it without a query.
    paginator.count = getattr(rows[0], TOTAL) if rows else 0
    return paginator._get_page(rows, number, paginator)
