"""The soak run: its pieces (the page reader, judging answers, the report, the exit status)
and one short run end to end against gunicorn and a generated SQLite database."""

import json
import sqlite3
import subprocess
from collections import Counter
from itertools import pairwise

import pytest
from django.conf import settings as django_settings

from heartbeat.bench.soak import actions, client, pages, report
from heartbeat.bench.soak.actions import CONFLICT, ERROR, OK, VALIDATION
from heartbeat.bench.soak.pages import Notice
from heartbeat.bench.soak.runner import main, parse_args
from heartbeat.generator.runner import BENCH_USERS

# Reading pages


FORM_PAGE = """
<form method="post" action="/accounts/sign-out/">
  <input type="hidden" name="csrfmiddlewaretoken" value="sign-out-token">
  <button type="submit">Sign out</button>
</form>
<div class="ds_error-summary" role="alert"><h2>There is a problem</h2>
  <ul class="ds_error-summary__list">
    <li><a href="#id_person">Ailsa Douglas is already pledged to this need</a></li>
    <li><a href="#id_days">Enter the days per month</a></li>
  </ul>
</div>
<form method="post" action="/recruitment/needs/7/pledge/" id="pledge-form" novalidate>
  <input type="hidden" name="csrfmiddlewaretoken" value="pledge-token">
  <input type="hidden" name="version" value="">
  <select name="person"><option value="">No one named yet</option>
    <option value="17">Ailsa Douglas, Data Analyst</option></select>
  <select name="level"><option value="working">Working</option>
    <option value="expert" selected>Expert</option></select>
  <input type="text" name="days_per_month" value="10.0">
  <input type="radio" name="schedule" value="" checked>
  <input type="radio" name="schedule" value="green">
  <input type="checkbox" name="public">
  <input type="checkbox" name="notify" checked>
  <input type="text" name="locked" value="x" disabled>
  <textarea name="notes">
Fish &amp; chips</textarea>
  <button type="submit" name="action" value="submit">Submit</button>
  <button type="submit" name="action" value="draft">Save as a draft</button>
</form>
"""


def test_the_csrf_token_is_read_from_the_form_that_posts_the_write():
    assert pages.csrf_token(FORM_PAGE, action_contains="/pledge/") == "pledge-token"
    assert pages.csrf_token(FORM_PAGE, action_contains="/sign-out/") == "sign-out-token"
    assert pages.csrf_token("<p>No form here</p>") is None


def test_a_form_sends_what_a_browser_would():
    form = pages.parse(FORM_PAGE).form(action_contains="/pledge/")

    assert form.id == "pledge-form"
    assert form.values == [
        ("csrfmiddlewaretoken", "pledge-token"),
        ("version", ""),
        ("person", ""),  # no option selected: the first
        ("level", "expert"),
        ("days_per_month", "10.0"),
        ("schedule", ""),  # a checked radio with an empty value sends it empty
        ("notify", "on"),  # a checked box without a value sends "on"; unchecked: nothing
        ("notes", "Fish & chips"),  # the line break after <textarea> is not the value's
    ]
    assert form.options["person"] == [
        ("", "No one named yet"),
        ("17", "Ailsa Douglas, Data Analyst"),
    ]
    assert form.options["schedule"] == [("", ""), ("green", "")]
    assert form.buttons == [("action", "submit"), ("action", "draft")]


def test_a_form_post_carries_the_changes_and_the_button_pressed():
    form = pages.parse(FORM_PAGE).form(action_contains="/pledge/")

    data = form.data({"person": "17", "days_per_month": "0.5", "extra": "1"}, ("action", "draft"))

    assert ("person", "17") in data and ("person", "") not in data
    assert ("days_per_month", "0.5") in data
    assert data[0] == ("csrfmiddlewaretoken", "pledge-token")
    assert data[-2:] == [("extra", "1"), ("action", "draft")]
    assert ("action", "submit") not in data


def test_the_error_summary_and_banners_are_read():
    page = pages.parse(
        FORM_PAGE
        + """
        <div class="ds_notification ds_notification--success" role="status"><div>
          <div class="ds_notification__text"><p>Your changes to  X have been saved.</p></div>
        </div></div>
        <div class="ds_notification" role="status"><div>
          <div class="ds_notification__text"><p>That update has been submitted.</p></div>
        </div></div>"""
    )

    assert page.errors == [
        "Ailsa Douglas is already pledged to this need",
        "Enter the days per month",
    ]
    assert page.notices == [
        Notice("Your changes to X have been saved.", success=True),
        Notice("That update has been submitted.", success=False),
    ]


NEEDS_PAGE = """
<table id="needs-table"><thead><tr><th>Need</th><th>Days required</th><th>Days covered</th>
  <th>Actions</th></tr></thead><tbody>
  <tr><th>Data analyst (practitioner), 3 × 10.0 days a month</th><td>180.0</td><td>40.0</td>
    <td><a href="/recruitment/needs/265/pledge/">Pledge</a></td></tr>
  <tr><th>Service designer (expert), 1 × 2.0 days a month</th><td>1,020.0</td><td>1,020.0</td>
    <td><a href="/recruitment/needs/266/pledge/">Pledge</a></td></tr>
</tbody></table>
<table id="pledges-table"><thead><tr><th>Organisation</th><th>Need</th><th>Who</th>
  <th>Status</th></tr></thead><tbody>
  <tr><th>Fife</th><td>Data analyst</td><td><a href="/p/1/">Ailsa Douglas</a> (expert)</td>
    <td>Active</td></tr>
  <tr><th>Fife</th><td>Data analyst</td><td>Iona Grant (working)</td><td>Withdrawn</td></tr>
</tbody></table>
"""


def test_a_pledge_goes_to_a_need_with_room_and_names_someone_not_pledged_to_it():
    tables = pages.parse(NEEDS_PAGE).tables

    assert actions.needs_with_room(tables["needs-table"]) == [
        ("/recruitment/needs/265/pledge/", "Data analyst")
    ]
    assert actions.pledged_people(tables["pledges-table"]) == {("Data analyst", "Ailsa Douglas")}
    assert actions.needs_with_room([]) == []


def test_an_edit_changes_the_summary_without_growing_it():
    once = actions.edited_summary("Replace paper forms.", 7)
    twice = actions.edited_summary(once, 8)

    assert once == "Replace paper forms. Reviewed in soak 7."
    assert twice == "Replace paper forms. Reviewed in soak 8."
    assert len(actions.edited_summary("x" * 400, 123456)) == 400


# Judging what the server answered


SAVED = [Notice("Your changes to X have been saved.", success=True)]
TURNED_AWAY = [Notice("That update has been submitted: correct it instead.", success=False)]


@pytest.mark.parametrize(
    ("status", "errors", "landed", "where_expected", "result"),
    [
        (302, [], SAVED, True, OK),
        (302, [], SAVED, False, ERROR),  # a success somewhere else
        (302, [], [], True, ERROR),  # no confirmation on the page after the redirect
        (302, [], TURNED_AWAY, True, CONFLICT),  # the record moved on meanwhile
        (409, ["Someone saved this project after you opened it."], None, True, CONFLICT),
        (422, ["Enter the days per month"], None, True, VALIDATION),
        (400, ["Choose a period"], None, True, VALIDATION),
        (422, [], None, True, ERROR),  # a refusal that does not say why
        (200, [], None, True, ERROR),  # a post that neither saved nor refused
        (403, [], None, True, ERROR),
        (404, [], None, True, ERROR),
        (500, [], None, True, ERROR),
        (502, [], None, True, ERROR),
        (0, [], None, True, ERROR),  # no response
    ],
)
def test_answers_are_classified(status, errors, landed, where_expected, result):
    assert (
        actions.classify(
            status,
            errors,
            landed=landed,
            confirmation="have been saved",
            where_expected=where_expected,
        )
        == result
    )


def test_a_redirect_on_the_way_to_a_form_is_a_conflict_only_when_the_page_says_why():
    assert actions.classify(302, [], landed=TURNED_AWAY) == CONFLICT
    assert actions.classify(302, [], landed=[]) == ERROR


def test_errors_are_described():
    assert actions.status_problem(0) == "connection error"
    assert actions.status_problem(503) == "server error"
    assert actions.status_problem(404) == "unexpected status"


def test_alike_refusals_are_counted_together():
    first = actions.kind_of_message("Saved on 4 December 2026 at 6:01am, after you opened it.")
    second = actions.kind_of_message("Saved on 3 December 2026 at 11:45am, after you opened it.")

    assert first == second == "Saved on # December # at #:#am, after you opened it."
    assert len(actions.kind_of_message("x" * 500)) == 120


# The report


def sample(kind, ms, status=200):
    return [kind, "GET", status, ms, 4]


def test_latency_percentiles_overall_and_per_kind():
    samples = [sample("read (list)", float(n)) for n in range(1, 101)]
    samples += [sample("edit (post)", 500.0)] * 4

    rows = report.latencies(samples)
    by_kind = {row.kind: row for row in rows}

    assert [row.kind for row in rows] == ["overall", "edit (post)", "read (list)"]
    listed = by_kind["read (list)"]
    assert listed.requests == 100
    assert (listed.p50, listed.p95, listed.p99, listed.max) == pytest.approx(
        (50.5, 95.05, 99.01, 100.0)
    )
    assert by_kind["edit (post)"].p99 == 500.0
    assert by_kind["overall"].requests == 104
    assert by_kind["overall"].p50 == pytest.approx(52.5)
    assert report.latencies([]) == []


def test_outcomes_are_counted_by_action_and_refusals_by_kind():
    outcomes = [
        ["pledge", OK, ""],
        ["pledge", VALIDATION, "A person is already pledged to this need"],
        ["pledge", VALIDATION, "A person is already pledged to this need"],
        ["edit", CONFLICT, "Someone saved this project"],
        ["read", ERROR, ""],
    ]

    counts = report.outcome_counts(outcomes)

    assert counts["pledge"] == Counter({OK: 1, VALIDATION: 2})
    assert report.outcome_kinds(outcomes) == [
        ("pledge", VALIDATION, "A person is already pledged to this need", 2),
        ("edit", CONFLICT, "Someone saved this project", 1),
    ]
    table = report.format_outcomes(counts)
    assert table.splitlines()[0].split() == ["action", "ok", "validation", "conflict", "no",
                                             "target", "error"]  # fmt: skip
    assert [line.split()[0] for line in table.splitlines()[2:]] == ["read", "pledge", "edit"]


def test_writes_that_mostly_fail_validation_are_a_warning():
    outcomes = (
        [["pledge", OK, ""]] + [["pledge", VALIDATION, "full"]] * 2 + [["edit", CONFLICT, ""]]
    )

    assert report.warnings(outcomes) == [
        "no edit succeeded",
        "2 of 3 pledge posts failed validation: the workload is choosing poor targets",
    ]
    assert report.warnings([["pledge", OK, ""], ["pledge", VALIDATION, "full"]]) == []


def worker(pid, rss):
    return {"pid": pid, "rss_mb": rss, "peak_mb": rss + 1}


def test_memory_growth_per_worker():
    rows = report.memory_growth([worker(1, 100.0), worker(2, 200.0)], [worker(1, 105.0)])

    assert rows[0] == {"pid": 1, "start_mb": 100.0, "end_mb": 105.0, "peak_mb": 106.0,
                       "growth": pytest.approx(0.05)}  # fmt: skip
    assert rows[1]["end_mb"] is None and rows[1]["growth"] is None
    assert "+5.0%" in report.format_memory(rows)


# The exit status


def test_a_run_without_errors_or_growth_passes():
    memory = report.memory_growth([worker(1, 100.0)], [worker(1, 109.9)])

    assert report.failures([], memory) == []


def test_growth_at_the_threshold_fails():
    memory = report.memory_growth([worker(1, 100.0)], [worker(1, 110.0)])

    assert report.failures([], memory) == [
        "worker 1 grew 10.0% (100.0 MB to 110.0 MB), the limit is under 10%"
    ]
    assert report.failures([], memory, max_growth=0.2) == []


def test_any_error_fails_and_is_listed_with_its_url_and_status():
    errors = [
        {"action": "read", "method": "GET", "path": "/a/", "status": 500, "detail": "server error"},
        {"action": "pledge", "method": "POST", "path": "/b/", "status": 0, "detail": "reset"},
    ]
    memory = report.memory_growth([worker(1, 100.0)], [worker(1, 100.0)])

    assert report.failures(errors, memory) == ["2 errors (1 x no response, 1 x HTTP 500)"]
    listed = report.format_errors(errors)
    assert "read: GET /a/ -> HTTP 500 (server error)" in listed
    assert "pledge: POST /b/ -> no response (reset)" in listed


def test_a_replaced_worker_or_unreadable_memory_fails():
    replaced = report.memory_growth([worker(1, 100.0)], [worker(2, 100.0)])

    assert report.failures([], replaced) == [
        "worker 1 was gone at the end (it was replaced)",
        "worker 2 started during the run (one was replaced)",
    ]
    assert report.failures([], []) == ["no gunicorn worker's memory could be read"]


def test_arguments_have_the_documented_defaults():
    args = parse_args([])

    assert (args.duration, args.concurrency, args.workers, args.scale, args.seed) == (
        120,
        16,
        2,
        10,
        1,
    )
    assert (args.output, args.no_generate, args.max_growth) == (None, False, 10.0)
    assert parse_args(["--no-generate", "--duration", "5"]).no_generate
    for bad in (["--scale", "0"], ["--concurrency", "0"], ["--duration", "0"]):
        with pytest.raises(SystemExit):
            parse_args(bad)


def test_make_soak_passes_the_scale_and_the_duration():
    commands = subprocess.run(
        ["make", "-n", "soak", "SCALE=3", "DURATION=30", "SOAK_ARGS=--no-generate"],  # noqa: S607
        cwd=django_settings.PROJECT_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert "-m heartbeat.bench.soak --scale 3 --duration 30 --no-generate" in commands


def test_reusing_a_database_that_is_not_there_fails_at_once(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HEARTBEAT_VAR_DIR", str(tmp_path))
    for name in ("BENCH_DATABASE_URL", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)

    assert main(["--scale", "2", "--no-generate", "--output", str(tmp_path / "r.json")]) == 1
    assert "soak-2.sqlite3, which is not there" in capsys.readouterr().err
    assert not (tmp_path / "r.json").exists()


# The client


def test_each_thread_cycles_through_the_mix_spread_out():
    order = client.cycle(client.MIX)

    assert Counter(order) == Counter(client.MIX)
    assert order.count("read") == 7
    # No two writes side by side: reads come between them.
    assert all("read" in pair for pair in pairwise([*order, order[0]]))
    assert client.cycle({"read": 2, "edit": 1}) == ["read", "edit", "read"]


def test_cookies_follow_set_cookie_headers():
    jar = client.parse_cookie_header("csrftoken=abc; sessionid=s1")

    client.update_jar(
        jar,
        [
            'messages="saved"; HttpOnly; Path=/; SameSite=Lax',
            "sessionid=s2; Path=/",
            'csrftoken=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/',
        ],
    )

    assert jar == {"sessionid": "s2", "messages": "saved"}
    assert client.cookie_header(jar) == "sessionid=s2; messages=saved"


def test_the_client_only_talks_to_loopback():
    spec = {"host": "example.org", "port": 80, "duration": 1, "concurrency": 1, "seed": 1,
            "sessions": {}, "reads": [{"path": "/", "kind": "list", "role": None}]}  # fmt: skip
    with pytest.raises(ValueError, match="loopback"):
        client.run(spec)
    with pytest.raises(ValueError, match="concurrency"):
        client.run({**spec, "host": "127.0.0.1", "concurrency": 1000})


# End to end


def test_a_short_soak_writes_through_the_pages_without_errors(tmp_path, monkeypatch):
    """A few seconds at concurrency 2 on a fresh scale-1 SQLite partnership: no errors,
    every kind of write succeeds, and the rows are in the database."""
    monkeypatch.setenv("HEARTBEAT_VAR_DIR", str(tmp_path))
    database = tmp_path / "soak-1.sqlite3"
    output = tmp_path / "soak-results.json"

    status = main(
        [
            "--scale", "1", "--duration", "6", "--warmup", "0", "--concurrency", "2",
            "--database-url", f"sqlite:///{database}", "--output", str(output),
            # Memory growth is the unit tests' to judge: a run this short without a warm-up
            # measures pages rendered for the first time.
            "--max-growth", "1000",
        ]
    )  # fmt: skip

    results = json.loads(output.read_text())
    assert results["errors"] == []
    assert status == 0, results["failures"]
    outcomes = results["outcomes"]
    for action in ("read", "pledge", "update", "edit"):
        assert outcomes[action].get(OK, 0) >= 1, (action, outcomes)
    kinds = {row["kind"] for row in results["latency_ms"]}
    assert {"overall", "pledge (post)", "update (post)", "edit (post)"} <= kinds
    assert len(results["memory"]) == 2
    with sqlite3.connect(database) as db:
        (lead,) = db.execute(
            "SELECT id FROM accounts_user WHERE email = ?", [BENCH_USERS["organisation_lead"]]
        ).fetchone()
        (pledged,) = db.execute(
            "SELECT count(*) FROM recruitment_pledge WHERE created_by_id = ?", [lead]
        ).fetchone()
        (updates,) = db.execute(
            "SELECT count(*) FROM delivery_heartbeatupdate WHERE summary LIKE '%of this run.'"
        ).fetchone()
        (edited,) = db.execute(
            "SELECT count(*) FROM portfolio_project WHERE summary LIKE '%Reviewed in soak %'"
        ).fetchone()
    # Every pledge that succeeded is a row, made by the organisation lead through the form.
    assert pledged == outcomes["pledge"][OK]
    assert updates >= 1
    assert edited >= 1


def test_every_kind_of_bench_url_can_be_read_in_the_soak():
    from heartbeat.bench.url import KINDS

    assert set(actions.READ_WEIGHTS) == set(KINDS)


def test_the_warm_up_sweeps_every_url_the_workload_reads_and_no_other(monkeypatch):
    read = []

    def fake_read(browser, rng, reads):
        # As the real one does: chosen by weight, which fails for a list of weight 0.
        read.append(rng.choices(reads, weights=[actions.READ_WEIGHTS[r["kind"]] for r in reads])[0])
        return actions.Outcome("read", OK)

    monkeypatch.setattr(actions, "read", fake_read)
    reads = [{"path": "/projects/", "kind": "list", "role": None},
             {"path": "/requests/?format=csv", "kind": "bulk", "role": None}]  # fmt: skip
    recorder = client.Recorder()

    client.sweep({"host": "127.0.0.1", "port": 1, "sessions": {}, "reads": reads,
                  "sweep": 2, "concurrency": 2}, recorder)  # fmt: skip

    assert recorder.errors == []
    assert [url["path"] for url in read] == ["/projects/", "/projects/"]
