from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render

from heartbeat.partnership.models import Organisation, ProgrammeTerm


@login_not_required
def organisation_list(request):
    organisations = Organisation.objects.all()
    return render(request, "partnership/organisation_list.html",
                  {"page_title": "Organisations", "organisations": organisations})


@login_not_required
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(request, "partnership/organisation_detail.html",
                  {"page_title": organisation.name, "organisation": organisation})


@login_not_required
def term_list(request):
    return render(request, "partnership/term_list.html",
                  {"page_title": "Programme terms", "terms": ProgrammeTerm.objects.all()})
