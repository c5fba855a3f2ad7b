import argparse
import os

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from heartbeat.bench import BENCH_URLS, BenchURL, load, report
from heartbeat.bench.prepare import engine_description
from heartbeat.bench.registry import FLOOR, organisation_api, organisation_page, project_page
from heartbeat.bench.runner import choose_database, parse_args, redact
from heartbeat.bench.server import BenchError, base_environment, process_memory, sign_in
from heartbeat.core.querycount import HEADER, QueryCountMiddleware
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, UserFactory


def result(kind="list", latencies=None, queries=5, growth=None, statuses=None, **extra):
    latencies = latencies if latencies is not None else [10.0] * 20
    return report.Result(
        name="organisations",
        path="/organisations/",
        kind=kind,
        signed_in=True,
        latencies_ms=latencies,
        statuses=statuses if statuses is not None else [200] * len(latencies),
        queries=[queries] * len(latencies),
        elapsed_s=1.0,
        growth_queries=growth,
        **extra,
    )


# Percentiles


def test_percentile_interpolates_between_ranks():
    values = list(range(1, 101))

    assert report.percentile(values, 50) == pytest.approx(50.5)
    assert report.percentile(values, 95) == pytest.approx(95.05)
    assert report.percentile(values, 0) == 1
    assert report.percentile(values, 100) == 100


def test_percentile_ignores_order_and_handles_one_value():
    assert report.percentile([30.0, 10.0, 20.0], 50) == 20.0
    assert report.percentile([7.5], 95) == 7.5


def test_percentile_of_nothing_is_an_error():
    with pytest.raises(ValueError, match="no values"):
        report.percentile([], 95)
    with pytest.raises(ValueError, match="between 0 and 100"):
        report.percentile([1.0], 101)


# Verdicts against the targets


def test_a_fast_small_page_is_ok():
    assert report.verdict(result()) == "OK"


@pytest.mark.parametrize(
    ("kind", "p95", "missed"),
    [
        ("list", 49.0, False),
        ("list", 51.0, True),
        ("detail", 51.0, True),
        ("api", 99.0, False),
        ("api", 101.0, True),
        ("dashboard", 140.0, False),
        ("dashboard", 151.0, True),
        ("export", 5000.0, False),
    ],
)
def test_latency_target_depends_on_the_kind(kind, p95, missed):
    measured = result(kind=kind, latencies=[p95] * 20)

    assert ("p95 over" in report.verdict(measured)) is missed


def test_dashboards_have_150_ms_and_exports_no_latency_target():
    assert report.TARGET_P95_MS["dashboard"] == 150
    assert report.TARGET_P95_MS["list"] == report.TARGET_P95_MS["detail"] == 50
    assert report.TARGET_P95_MS["export"] is None


# Throughput as a share of the floor measured in the same run


@pytest.mark.parametrize(
    ("kind", "rps", "missed"),
    [
        ("list", 150.0, False),  # 15% of a floor at 1,000 req/s
        ("list", 149.0, True),
        ("detail", 149.0, True),
        ("api", 249.0, True),
        ("api", 250.0, False),
        ("dashboard", 100.0, False),
        ("dashboard", 99.0, True),
        ("export", 50.0, False),
        ("export", 49.0, True),
    ],
)
def test_throughput_is_held_to_a_share_of_the_floor(kind, rps, missed):
    # 20 requests in 20/rps seconds: exactly ``rps`` requests a second.
    measured = result(kind=kind, floor_rps=1000.0)
    measured.elapsed_s = 20 / rps
    verdict = report.verdict(measured)
    assert ("of the floor" in verdict) is missed
    if missed:
        assert f"under {report.FLOOR_SHARE[kind]:.0%}" in verdict


def test_the_share_of_the_floor_is_printed_and_written():
    measured = result(floor_rps=400.0)  # 20 req/s: 5% of the floor
    assert measured.floor_share == pytest.approx(0.05)
    table = report.format_table([measured], growth_scale=1)
    assert "of floor" in table.splitlines()[0] and "5.0%" in table
    written = report.result_json(measured)
    assert written["floor_share"] == 0.05 and written["min_floor_share"] == 0.15
    assert "5.0% of the floor, under 15%" in written["misses"]


def test_without_a_floor_there_is_no_share_to_miss():
    assert result().floor_share is None
    assert report.verdict(result()) == "OK"


def test_more_than_20_queries_misses_even_for_an_export():
    assert report.verdict(result(queries=20)) == "OK"
    assert report.verdict(result(kind="export", queries=21)) == "over 20 queries"


def test_a_kept_page_is_held_to_the_queries_it_takes_when_drawn():
    assert report.verdict(result(queries=0, work_queries=20, growth=20)) == "OK"
    assert report.verdict(result(queries=0, work_queries=21, growth=21)) == "over 20 queries"


def test_counts_that_differ_at_the_smaller_scale_grow():
    assert report.verdict(result(queries=7, growth=7)) == "OK"
    assert report.verdict(result(queries=9, growth=7)) == "queries grow with data"


def test_with_kept_figures_the_growth_check_compares_the_counts_worked_out():
    # The main pass read a kept figure back (5 queries); worked out, the page makes 16 at
    # this scale as at the smaller one: it does not grow.
    kept = result(queries=5, growth=16, work_queries=16)
    assert report.verdict(kept) == "OK"
    assert report.result_json(kept)["queries_figures_worked_out"] == 16
    assert report.verdict(result(queries=5, growth=16, work_queries=18)) == (
        "queries grow with data"
    )


def test_the_growth_pass_and_the_count_worked_out_keep_sessions_but_no_figures():
    from heartbeat.bench import runner

    env = {"CACHE_URL": "redis://127.0.0.1:6379/0", "DATABASE_URL": "postgres://x/y"}
    assert runner.without_kept_figures(env) == {**env, "DATA_CACHE": "0"}
    assert "DATA_CACHE" not in env


def test_failed_requests_are_reported_by_status():
    measured = result(statuses=[200] * 17 + [404, 404, 0])

    assert report.verdict(measured) == "failed: 1 x no response, 2 x HTTP 404"


def test_several_misses_are_listed_together():
    measured = result(latencies=[250.0] * 20, queries=30, growth=12)

    assert report.misses(measured) == [
        "p95 over 50 ms",
        "over 20 queries",
        "queries grow with data",
    ]


def test_throughput_target_when_the_url_has_one():
    assert report.verdict(result(min_rps=10)) == "OK"  # 20 requests in 1 s
    assert report.verdict(result(min_rps=110)) == "under 110 req/s"


def test_a_missing_query_count_header_is_a_miss():
    assert report.verdict(result(queries=None)) == "no query count"


def test_memory_target():
    workers = [
        {"pid": 1, "rss_mb": 80.0, "peak_mb": 81.0},
        {"pid": 2, "rss_mb": 260.0, "peak_mb": 300.0},
    ]

    assert report.memory_misses(workers) == ["worker 2 uses 260 MB"]
    assert "MISSED" in report.format_memory(workers)
    assert "OK" in report.format_memory(workers[:1])


# The table


def test_table_has_a_row_per_url_with_aligned_columns():
    fast = result(latencies=[float(n) for n in range(1, 21)])
    slow = result(kind="dashboard", latencies=[200.0] * 10, queries=25, growth=25)
    slow.path = "/dashboard/"

    table = report.format_table([fast, slow], growth_scale=1).splitlines()

    assert table[0].split() == [
        "URL", "kind", "as", "requests", "req/s", "of", "floor", "p50", "ms", "p95", "ms",
        "queries", "at", "scale", "1", "verdict",
    ]  # fmt: skip
    assert set(table[1]) <= {"-", " "}
    assert table[2].split() == [
        "/organisations/", "list", "signed", "in", "20", "20.0", "-", "10.5", "19.1", "5", "-",
        "OK",
    ]  # fmt: skip
    assert table[3].endswith("p95 over 150 ms; over 20 queries")
    # Numbers are right-aligned: the queries column ends at the same place on every row.
    end = table[0].index("queries") + len("queries")
    assert table[2][end - 1] == "5"
    assert table[3][end - 2 : end] == "25"


def test_summary_counts_misses_and_says_when_the_run_is_only_indicative():
    fine, slow = result(), result(latencies=[500.0] * 20)
    slow.path = "/slow/"

    line = report.summary_line([fine, slow], [], scale=1, engine="SQLite 3.40.1")

    assert line.startswith("Summary: 1 of 2 URLs met their targets; missed: /slow/.")
    assert "indicative" in line
    for scale in (10, 100):
        assert "indicative" not in report.summary_line(
            [fine], [], scale=scale, engine="PostgreSQL 15.8"
        )


def test_summary_tells_apart_a_path_loaded_signed_in_and_signed_out():
    signed_in = result(latencies=[500.0] * 20)
    public = result(latencies=[500.0] * 20)
    public.signed_in = False

    line = report.summary_line([signed_in, public], [], scale=10, engine="PostgreSQL 15")

    assert "missed: /organisations/ (signed in), /organisations/ (public)." in line


def test_results_as_json():
    data = report.result_json(result(latencies=[10.0, 30.0], growth=5))

    assert data["p95_ms"] == 29.0
    assert data["queries"] == 5
    assert data["queries_smaller_scale"] == 5
    assert data["statuses"] == {"200": 2}
    assert data["verdict"] == "OK"
    assert data["target_p95_ms"] == 50.0


# The registry


def test_registry_lists_the_foundation_urls():
    kinds = {url.kind for url in BENCH_URLS}
    names = [url.name for url in BENCH_URLS]

    assert len(names) == len(set(names))
    assert kinds <= {"list", "detail", "dashboard", "export", "bulk", "api", "search"}
    literal = {url.path for url in BENCH_URLS if isinstance(url.path, str)}
    assert {"/", "/organisations/", "/terms/", "/api/v1/organisations", "/healthz"} <= literal
    assert "/organisations/?format=csv" in literal
    assert FLOOR.path == "/bench/floor"


def test_registry_rejects_an_unknown_kind_and_a_relative_path():
    with pytest.raises(ValueError, match="kind must be one of"):
        BenchURL("bad", "/x", "report")
    with pytest.raises(ValueError, match="must start with /"):
        BenchURL("bad", "x", "list").resolve()


@pytest.mark.django_db
def test_resolvers_find_a_council_in_the_database():
    OrganisationFactory(name="Zetland", slug="zetland")
    OrganisationFactory(name="Aberfield", slug="aberfield")
    OrganisationFactory(name="Aaa Office", slug="aaa-office", kind="digital_office")

    assert organisation_page() == "/organisations/aberfield/"
    assert organisation_api() == "/api/v1/organisations/aberfield"


@pytest.mark.django_db
def test_project_resolver_finds_a_project():
    from tests.portfolio.factories import ProjectFactory

    ProjectFactory(slug="zz-last")
    ProjectFactory(slug="aa-first")

    assert project_page() == "/projects/aa-first/"


@pytest.mark.django_db
def test_resolvers_say_when_there_is_no_council():
    with pytest.raises(LookupError, match="no councils"):
        organisation_page()


@pytest.mark.django_db
def test_engine_description_names_the_database():
    assert engine_description(connection).split()[0] in {"SQLite", "PostgreSQL"}


# The query count header


@pytest.fixture
def counted(settings):
    settings.MIDDLEWARE = [
        settings.MIDDLEWARE[0],
        "heartbeat.core.querycount.QueryCountMiddleware",
        *settings.MIDDLEWARE[1:],
    ]


@pytest.mark.django_db
def test_query_count_header_is_zero_for_the_floor(counted, client):
    response = client.get("/bench/floor")

    assert response[HEADER] == "0"


@pytest.mark.django_db
def test_query_count_header_matches_the_queries_django_ran(counted, client, member):
    OrganisationFactory.create_batch(3)
    client.force_login(member, backend="heartbeat.accounts.backends.AccountsBackend")

    for path in ["/healthz", "/organisations/", "/api/v1/organisations"]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, path
        assert int(response[HEADER]) == len(captured.captured_queries), path
    assert int(response[HEADER]) >= 1


@pytest.mark.django_db
def test_without_the_setting_there_is_no_header(client):
    assert HEADER not in client.get("/bench/floor")


@pytest.mark.django_db
def test_middleware_counts_each_statement(rf):
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        return HttpResponse("ok")

    response = QueryCountMiddleware(view)(rf.get("/"))

    assert response[HEADER] == "2"


# Choosing the database and the environment


def namespace(**values):
    return argparse.Namespace(**{"database_url": None, **values})


def test_database_from_the_option_then_the_environment_then_a_fresh_sqlite_file():
    env = {"BENCH_DATABASE_URL": "postgres://b/b", "DATABASE_URL": "postgres://d/d"}

    assert choose_database(namespace(database_url="postgres://o/o"), env, 10)[:2] == (
        "postgres://o/o",
        "--database-url",
    )
    assert choose_database(namespace(), env, 10)[:2] == ("postgres://b/b", "BENCH_DATABASE_URL")
    assert choose_database(namespace(), {"DATABASE_URL": "postgres://d/d"}, 10)[1] == (
        "DATABASE_URL"
    )
    url, source, path = choose_database(namespace(), {}, 10)
    assert path.name == "bench-10.sqlite3"
    assert url == f"sqlite:///{path}"


def test_passwords_are_not_printed():
    assert redact("postgres://heartbeat:secret@127.0.0.1:5432/hb") == (
        "postgres://heartbeat:***@127.0.0.1:5432/hb"
    )
    assert redact("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"


def test_server_environment_is_production_with_the_query_count_header(tmp_path):
    env = base_environment(database_url="sqlite:///x", static_root=tmp_path)

    assert env["DEBUG"] == "0"
    assert env["HEARTBEAT_QUERY_COUNT_HEADER"] == "1"
    assert env["SECURE_COOKIES"] == "0"
    assert env["ALLOWED_HOSTS"] == "127.0.0.1"
    assert env["DATABASE_URL"] == "sqlite:///x"
    assert "PYTEST_VERSION" not in env


def test_arguments_have_the_documented_defaults():
    args = parse_args(["--scale", "3"])

    assert (args.scale, args.requests, args.concurrency, args.workers) == (3, 200, 4, 2)
    assert not args.no_growth_check
    assert not args.reuse
    assert args.urls == list(BENCH_URLS)
    with pytest.raises(SystemExit):
        parse_args(["--scale", "0"])


def test_only_picks_urls_by_name_or_path_and_refuses_a_filter_that_matches_none():
    args = parse_args(["--only", "search", "--only", "/api/v1/projects", "--reuse"])

    names = [url.name for url in args.urls]
    assert "project search" in names
    assert all("search" in url.name or "/api/v1/projects" in str(url.path) for url in args.urls)
    assert len(names) < len(BENCH_URLS)
    assert args.reuse
    with pytest.raises(SystemExit):
        parse_args(["--only", "no such page anywhere"])


def test_memory_is_read_from_proc():
    memory = process_memory(os.getpid())

    assert memory["pid"] == os.getpid()
    assert 1 < memory["rss_mb"] <= memory["peak_mb"]


# The load client and sign-in, against the test server


def test_the_load_client_only_talks_to_loopback():
    spec = {"host": "example.org", "port": 80, "path": "/", "requests": 1, "concurrency": 1,
            "time_limit": 1}  # fmt: skip
    with pytest.raises(ValueError, match="loopback"):
        load.run(spec)
    with pytest.raises(ValueError, match="requests"):
        load.run({**spec, "host": "127.0.0.1", "requests": 10**6})


@pytest.mark.django_db(transaction=True)
def test_the_load_client_measures_every_request(live_server):
    port = int(live_server.url.rsplit(":", 1)[1])
    spec = {"host": "127.0.0.1", "port": port, "path": "/bench/floor", "requests": 12,
            "concurrency": 3, "time_limit": 30, "warmup": 2}  # fmt: skip

    measured = load.run(spec)

    assert len(measured["latencies_ms"]) == 12
    assert measured["statuses"] == [200] * 12
    assert all(latency > 0 for latency in measured["latencies_ms"])
    assert measured["queries"] == [None] * 12  # the header is off in tests
    assert not measured["timed_out"]


def test_a_fresh_url_asks_for_an_address_of_its_own_each_time(monkeypatch):
    asked = []

    class Connection:
        def __init__(self, *args, **kwargs):
            pass

        def request(self, method, path, headers):
            asked.append(path)

        def getresponse(self):
            return type(
                "Response", (), {"status": 200, "will_close": False, "read": lambda self: b"",
                                 "getheader": lambda self, name: None},
            )()  # fmt: skip

        def close(self):
            pass

    monkeypatch.setattr(load.http.client, "HTTPConnection", Connection)
    spec = {"host": "127.0.0.1", "port": 1, "path": "/projects/?q=digital", "requests": 6,
            "concurrency": 2, "time_limit": 30, "warmup": 2}  # fmt: skip
    load.run({**spec, "fresh": True})
    assert len(asked) == len(set(asked)) == 8
    assert all(path.startswith("/projects/?q=digital&fresh=") for path in asked)
    asked.clear()
    load.run(spec)
    assert set(asked) == {"/projects/?q=digital"}


def test_search_drawn_each_time_is_held_to_60_ms_whatever_its_share():
    searches = [url for url in BENCH_URLS if url.kind == "search"]
    assert searches and all(url.fresh for url in searches)
    measured = result(kind="search", floor_rps=1000.0)
    measured.elapsed_s = 20  # one request a second
    assert "of the floor" not in report.verdict(measured)
    measured.latencies_ms = [61.0] * 20
    assert "p95 over 60 ms" in report.verdict(measured)


@pytest.mark.django_db(transaction=True)
def test_sign_in_returns_a_session_cookie(live_server):
    UserFactory(email="bench@example.org")
    port = int(live_server.url.rsplit(":", 1)[1])

    cookie = sign_in(port, "bench@example.org", DEFAULT_PASSWORD)

    assert "sessionid=" in cookie
    with pytest.raises(BenchError, match="answered HTTP 200"):
        sign_in(port, "bench@example.org", "not-the-password")


def test_the_faster_of_the_two_floor_runs_is_the_floor():
    slow = result(latencies=[10.0] * 20)
    slow.elapsed_s = 2.0
    fast = result(latencies=[5.0] * 20)

    assert report.faster_floor(slow, fast) is fast
    assert report.faster_floor(fast, slow) is fast
    assert fast.rps > slow.rps


# Whole registers as files


@pytest.mark.parametrize(
    ("rows", "slowest_ms", "missed"),
    [
        (500, 1990.0, False),  # under 2 seconds however few rows
        (500, 2010.0, True),
        (20_000, 1990.0, False),
        (65_000, 6400.0, False),  # 2 seconds for each 20,000 rows
        (65_000, 6600.0, True),
    ],
)
def test_a_whole_register_is_held_to_2_seconds_for_each_20000_rows(rows, slowest_ms, missed):
    measured = result(kind="bulk", latencies=[100.0] * 4 + [slowest_ms], rows=rows)
    measured.floor_rps = 1000.0

    verdict = report.verdict(measured)

    assert ("for " in verdict and "rows" in verdict) is missed
    assert "of the floor" not in verdict
    if missed:
        target = report.bulk_target_ms(rows) / 1000
        assert f"over {target:.1f} s for {rows:,} rows" in verdict
    written = report.result_json(measured)
    assert written["rows"] == rows and written["target_ms"] == report.bulk_target_ms(rows)


def test_a_whole_register_whose_rows_were_not_counted_misses():
    assert "no rows counted" in report.verdict(result(kind="bulk"))


def test_rows_are_counted_as_records_not_lines():
    csv = b'\xef\xbb\xbfTitle,Notes\r\nTelecare,"Two\nlines"\r\nBookings,\r\n'
    calendar = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n"

    assert report.count_rows("/requests/?format=csv", csv) == 2
    assert report.count_rows("/requests/?format=csv", b"Title\r\n") == 0
    assert report.count_rows("/roadmap/roadmap.ics", calendar) == 2


def test_whole_registers_are_drawn_one_at_a_time_and_page_sized_exports_kept(monkeypatch):
    from heartbeat.bench import runner

    sent = []

    def fake_load(port, path, **spec):
        sent.append((path, spec))
        return {"latencies_ms": [5.0], "statuses": [200], "queries": [3], "elapsed_s": 0.1,
                "timed_out": False, "rows": 20 if spec["count_rows"] else None}  # fmt: skip

    monkeypatch.setattr(runner, "load", fake_load)
    args = argparse.Namespace(requests=200, concurrency=4, time_limit=60)
    bulk = BenchURL("register as CSV", "/requests/?format=csv", "bulk")
    export = BenchURL("one council's as CSV", "/requests/?organisation=fife&format=csv", "export")

    measured = runner.measure(bulk, bulk.path, 1, {"programme_office": "c"}, args)
    runner.measure(export, export.path, 1, {"programme_office": "c"}, args)

    (_, bulk_spec), (_, export_spec) = sent
    assert (bulk_spec["requests"], bulk_spec["concurrency"]) == (report.BULK_REQUESTS, 1)
    assert bulk_spec["fresh"] and bulk_spec["count_rows"]
    assert measured.rows == 20
    assert (export_spec["requests"], export_spec["concurrency"]) == (200, 4)
    assert not export_spec["fresh"] and not export_spec["count_rows"]


def test_every_whole_register_has_a_page_sized_export_beside_it():
    bulk = [url for url in BENCH_URLS if url.kind == "bulk"]
    exports = [url for url in BENCH_URLS if url.kind == "export"]

    assert len(bulk) >= 4 and all(url.measured_fresh for url in bulk)
    assert not any(url.measured_fresh for url in exports)
    for prefix in ("/requests/", "/benefits/", "/recruitment/needs/", "/roadmap/"):
        assert any(isinstance(url.path, str) and url.path.startswith(prefix) for url in bulk), (
            prefix
        )
