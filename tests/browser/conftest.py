"""Browser tests: Playwright driving Debian's Chromium against a live server, with axe-core."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import DEFAULT_PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

_axe = Axe()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def _close_contexts(request):
    """Close every browser context a test opened. One left open goes on loading: the live
    questions page asks the live server for its list every 15 seconds, and a request it
    makes during a later test fails there (no database outside a test's own), which Django's
    test client then reports as that later test's error."""
    yield
    if "browser" in request.fixturenames:
        for context in list(request.getfixturevalue("browser").contexts):
            context.close()


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


def check_accessibility(page, context: str = "") -> None:
    """Run axe-core on the page as it is now; fail on serious or critical violations."""
    results = _axe.run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    if bad:
        lines = []
        for violation in bad:
            targets = [node.get("target") for node in violation.get("nodes", [])][:5]
            lines.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} {targets}"
            )
        where = context or page.url
        raise AssertionError(f"Accessibility violations on {where}:\n" + "\n".join(lines))


@pytest.fixture
def axe():
    return check_accessibility


@pytest.fixture
def sign_in(base_url, axe):
    """Sign a user in through the real sign-in form."""

    def _sign_in(page, user, password: str = DEFAULT_PASSWORD):
        page.goto(f"{base_url}/accounts/sign-in/")
        page.get_by_label("Email address").fill(user.email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()

    return _sign_in
