"""Whole pages kept until the data changes (heartbeat.core.keptpages).

These tests commit their writes (``transaction=True``), as requests in production do: a
test's own uncommitted writes make its reads bypass the cache, by design."""

import re

import pytest
from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from heartbeat.core import datacache, keptpages
from heartbeat.partnership.models import Organisation
from tests.concurrency import on_postgresql
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

LIST = "/organisations/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _sessions_in_cache(settings):
    # As production has them with CACHE_URL: a signed-in request reads no session row.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def _queries(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return response, len(queries.captured_queries)


@pytest.fixture
def person():
    return UserFactory(organisation=OrganisationFactory(name="Angus"), full_name="Morag Reid")


def _signed_in(person, **kwargs):
    client = Client(**kwargs)
    client.force_login(person)
    return client


def test_a_page_is_drawn_once_until_the_data_changes(client):
    OrganisationFactory(name="Angus")
    first, drawn = _queries(client, LIST)
    again, kept = _queries(client, LIST)
    assert first.status_code == again.status_code == 200
    assert drawn > 0 and kept == 0
    assert again.content == first.content
    assert b"Angus" in again.content


@pytest.mark.parametrize(
    "write",
    [
        lambda: OrganisationFactory(name="Moray"),
        lambda: Organisation.objects.filter(name="Angus").update(name="Moray"),
        lambda: connection.cursor().execute(
            "UPDATE partnership_organisation SET name = %s WHERE name = %s", ["Moray", "Angus"]
        ),
    ],
    ids=["service or factory", "queryset update", "raw SQL"],
)
def test_any_write_shows_on_the_next_request(client, write):
    OrganisationFactory(name="Angus")
    assert b"Moray" not in client.get(LIST).content
    write()
    response, queries = _queries(client, LIST)
    assert b"Moray" in response.content
    assert queries > 0


def test_each_person_gets_their_own_page(person):
    other = UserFactory(organisation=person.organisation, full_name="Calum Fraser")
    mine, theirs = _signed_in(person), _signed_in(other)
    assert b"Morag Reid" in mine.get(LIST).content
    page = theirs.get(LIST).content
    assert b"Calum Fraser" in page and b"Morag Reid" not in page
    # Signed out, neither person's header.
    public = Client().get(LIST).content
    assert b"Morag Reid" not in public and b"Calum Fraser" not in public


def test_a_kept_page_has_a_fresh_form_token_that_posts(person):
    client = _signed_in(person, enforce_csrf_checks=True)
    first = TOKEN.findall(client.get(LIST).content.decode())
    response, queries = _queries(client, LIST)
    kept = TOKEN.findall(response.content.decode())
    assert queries == 0
    assert first and kept, "the header's sign-out form carries the token"
    assert keptpages.TOKEN_PLACEHOLDER.decode() not in response.content.decode()
    # One mask for the page, new for each response.
    assert len(set(kept)) == 1 and kept[0] != first[0]
    signed_out = client.post("/accounts/sign-out/", {"csrfmiddlewaretoken": kept[0]})
    assert signed_out.status_code == 302
    assert client.get("/accounts/profile/").status_code == 302


def test_a_page_with_messages_waiting_is_drawn_for_them(person, rf):
    client = _signed_in(person)
    client.get(LIST)
    assert _queries(client, LIST)[1] == 0
    # A message left by the last request (as a form's "saved" message is) shows on this one.
    session = client.session
    request = rf.get("/")
    request.session = session
    storage = messages.storage.default_storage(request)
    storage.add(messages.SUCCESS, "The council has been saved.")
    response = HttpResponse()
    storage.update(response)
    session.save()
    client.cookies.update(response.cookies)
    page = client.get(LIST)
    assert b"The council has been saved." in page.content
    # And once only: the kept page never had it.
    assert b"The council has been saved." not in client.get(LIST).content


def test_htmx_fragments_are_kept_apart_from_whole_pages(client):
    OrganisationFactory(name="Angus")
    whole = client.get(LIST)
    fragment = client.get(LIST, headers={"HX-Request": "true", "HX-Target": "results"})
    assert _queries(client, LIST, headers={"HX-Request": "true", "HX-Target": "results"})[1] == 0
    again = client.get(LIST)
    assert again.content == whole.content
    assert fragment.status_code == 200


def test_api_reads_are_kept_but_not_with_an_access_token(client):
    OrganisationFactory(name="Angus")
    client.get("/api/v1/organisations")
    assert _queries(client, "/api/v1/organisations")[1] == 0
    # A token is checked (and its use noted) by the API on every request.
    response, queries = _queries(
        client, "/api/v1/organisations", headers={"Authorization": "Bearer not-a-token"}
    )
    assert response.status_code == 401
    assert queries > 0


def test_nothing_is_kept_without_a_shared_cache(client, settings):
    settings.DATA_CACHE = False
    OrganisationFactory(name="Angus")
    client.get(LIST)
    assert _queries(client, LIST)[1] > 0


def test_errors_and_redirects_are_not_kept(client):
    for path in ("/organisations/no-such-council/", "/accounts/profile/"):
        first = client.get(path)
        assert first.status_code in (302, 404)
        assert _queries(client, path)[0].status_code == first.status_code
    assert not [key for key in cache._cache if ":page:" in key]


def test_exports_are_kept_as_they_stream(client):
    OrganisationFactory(name="Angus")
    first = client.get(LIST + "?format=csv")
    assert first.streaming
    body = b"".join(first.streaming_content)
    again, queries = _queries(client, LIST + "?format=csv")
    assert queries == 0
    assert again.content == body
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Disposition"] == first["Content-Disposition"]


# The middleware on its own ---------------------------------------------------------------


def _middleware(view_response):
    return keptpages.KeptPagesMiddleware(lambda request: view_response)


def _kept_view(request):
    return None


keptpages.kept_page(_kept_view)


def _through(middleware, request):
    served = middleware.process_view(request, _kept_view, (), {})
    return served if served is not None else middleware(request)


def _request(path="/somewhere/"):
    request = RequestFactory().get(path)
    request.user = type("Anyone", (), {"is_authenticated": False, "pk": None})()
    return request


def test_a_stream_larger_than_the_limit_is_passed_on_but_not_kept(monkeypatch):
    monkeypatch.setattr(keptpages, "MAX_BYTES", 10)
    middleware = _middleware(StreamingHttpResponse(iter([b"12345", b"67890", b"abc"])))
    response = _through(middleware, _request())
    assert b"".join(response.streaming_content) == b"1234567890abc"
    assert _through(_middleware(HttpResponse(b"drawn")), _request()).content == b"drawn"


def test_a_response_that_sets_a_cookie_or_changes_the_session_is_not_kept():
    with_cookie = HttpResponse(b"first")
    with_cookie.set_cookie("choice", "1")
    assert _through(_middleware(with_cookie), _request()).content == b"first"
    assert _through(_middleware(HttpResponse(b"second")), _request()).content == b"second"


def test_a_view_not_marked_is_never_kept():
    middleware = _middleware(HttpResponse(b"first"))
    request = _request()
    assert middleware.process_view(request, lambda r: None, (), {}) is None
    assert not hasattr(request, "_heartbeat_kept_key")


def test_the_version_is_read_once_a_request_and_moves_with_this_process_writes():
    datacache.request_started(environ={"REQUEST_METHOD": "GET"})
    try:
        first = datacache.current_version()
        cache.set(datacache.VERSION_KEY, "moved-by-another-process", None)
        # Within the request, the version it started with.
        assert datacache.current_version() == first
        datacache.bump()
        assert datacache.current_version() not in (first, "moved-by-another-process")
        assert datacache.request_only_reads()
    finally:
        datacache.request_finished()
    assert not datacache.request_only_reads()
    assert datacache.current_version() == cache.get(datacache.VERSION_KEY)


def test_a_page_drawn_while_a_write_commits_is_not_served_after_it():
    """The key is taken before the view reads anything: a write that commits while the page
    is drawn leaves that page under a version no later request asks for."""
    OrganisationFactory(name="Angus")

    def view(request):
        names = list(Organisation.objects.values_list("name", flat=True))
        # Another request's write commits after this one read the rows.
        Organisation.objects.filter(name="Angus").update(name="Moray")
        return HttpResponse(", ".join(names).encode())

    def draw(request):
        return view(request)

    middleware = keptpages.KeptPagesMiddleware(draw)
    first = _through(middleware, _request())
    assert first.content == b"Angus"
    middleware = keptpages.KeptPagesMiddleware(
        lambda request: HttpResponse(
            ", ".join(Organisation.objects.values_list("name", flat=True)).encode()
        )
    )
    assert _through(middleware, _request()).content == b"Moray"


def test_a_page_whose_token_came_from_elsewhere_is_not_kept():
    """A Django template's {% csrf_token %} (the API's documentation page) masks a token
    the placeholder cannot stand in for: such a page is drawn every time."""
    from django.middleware.csrf import get_token

    def view(request):
        return HttpResponse(f'<body data-csrf-token="{get_token(request)}">'.encode())

    middleware = keptpages.KeptPagesMiddleware(view)
    first = _through(middleware, _request())
    second = _through(middleware, _request())
    assert first.content != second.content


@on_postgresql
def test_a_project_made_partnership_only_is_not_shown_to_a_visitor_from_a_kept_page():
    """A visitor's project list is read over and over while another connection makes a
    project partnership-only: once that write has committed, no page read shows it."""
    from heartbeat.portfolio.models import Stage, Visibility
    from tests.core.test_datacache import assert_hidden_once_committed
    from tests.portfolio.factories import ProjectFactory

    project = ProjectFactory(
        stage=Stage.IN_DELIVERY, visibility=Visibility.PUBLIC, title="Telecare alarm switchover"
    )
    visitor = Client()

    def shown():
        return b"Telecare alarm switchover" in visitor.get("/projects/").content

    assert_hidden_once_committed(project, shown, rounds=3)
