from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


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
