from heartbeat.accounts.visits import record_visit


class VisitMiddleware:
    """Notes when a signed-in person is here (at most one write an hour), before the view
    runs, so the home page's "new since your last visit" starts where their last visit ended.

    The API is left out: scripts with access tokens are not visits.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            record_visit(user)
        return None
