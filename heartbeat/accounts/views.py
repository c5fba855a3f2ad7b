from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.decorators import method_decorator

from heartbeat.accounts.forms import SignInForm


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True
    extra_context = {"page_title": "Sign in"}


class LogoutView(auth_views.LogoutView):
    pass


def profile(request):
    return render(request, "accounts/profile.html", {"page_title": "Your profile"})


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes calls this when there have been too many failed sign-ins."""
    return render(
        request,
        "accounts/locked_out.html",
        {"page_title": "Too many failed sign-in attempts"},
        status=429,
    )
