from django.contrib.auth.middleware import LoginRequiredMiddleware as BaseLoginRequired


class LoginRequiredMiddleware(BaseLoginRequired):
    """Every page needs a signed-in person unless its view is marked public.

    The API authenticates for itself (session or personal access token) and answers JSON,
    so it is left to its own checks rather than redirected to the sign-in page.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
