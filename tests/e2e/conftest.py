"""End-to-end browser tests: Playwright for Python driving Debian's Chromium.

The browser is never downloaded. `make test` installs Debian's `chromium` package when
it is missing (Makefile target `browser`). On a machine without it these tests skip
with the reason, unless the environment variable CI is set: then they fail, because a
CI run must not pass without its browser tests.

One browser per session (started by the first browser test, stopped after the last
one), a new context (cookies, storage, downloads) per test, the site served by
pytest-django's `live_server`. Every step of a flow is saved as a
screenshot in artifacts/e2e/<test>/<nn>-<step>.png (git-ignored).
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "e2e"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def chromium_path():
    """Debian's Chromium: /usr/bin/chromium, or `chromium` found on PATH."""
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    return shutil.which("chromium")


class ChromiumSession:
    """Playwright and one Chromium, shared by the browser tests of a session.

    Playwright's sync API marks an event loop as running in the test's thread while
    it is started, and Django then refuses ORM calls from that thread; the tests' own
    ORM calls (building data, checking results) are ordinary synchronous code, so
    DJANGO_ALLOW_ASYNC_UNSAFE is set, but only while the browser runs: `stop()` (after
    the last browser test) restores it, so that later tests, `check --deploy` among
    them, see the environment as it was.
    """

    def __init__(self):
        self.playwright = None
        self.browser = None
        self.saved_env = None

    def start(self):
        if self.browser is not None:
            return self.browser
        path = chromium_path()
        if path is None:
            reason = (
                "Debian's chromium is not installed (no /usr/bin/chromium): run `make "
                "test`, whose `browser` target installs it, or `apt-get install -y "
                "chromium`. Playwright never downloads a browser here."
            )
            if in_ci():
                pytest.fail(f"CI is set, so the browser tests may not skip: {reason}")
            pytest.skip(reason)
        self.saved_env = os.environ.get(ASYNC_UNSAFE)
        os.environ[ASYNC_UNSAFE] = "true"
        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(
            executable_path=path, args=CHROMIUM_ARGS, headless=True
        )
        return self.browser

    def stop(self):
        if self.playwright is None:
            return
        try:
            self.browser.close()
        finally:
            self.playwright.stop()
            self.playwright = self.browser = None
            if self.saved_env is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = self.saved_env


CHROMIUM_SESSION = ChromiumSession()


@pytest.fixture(scope="session")
def chromium_session():
    yield CHROMIUM_SESSION
    CHROMIUM_SESSION.stop()


@pytest.fixture
def browser(chromium_session):
    return chromium_session.start()


def pytest_collection_modifyitems(items):
    """Every browser test is backend_independent: slow, and the same on both databases.

    This hook sees the whole session's items, so it marks only those under this folder.
    """
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.backend_independent)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last browser test (its data flushed), stop the browser."""
    result = yield
    here = Path(__file__).parent
    if nextitem is None or here not in Path(nextitem.path).parents:
        CHROMIUM_SESSION.stop()
    return result


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def artifact_dir(node_name):
    """artifacts/e2e/<test name, with parameters made safe for a folder name>."""
    return ARTIFACTS / re.sub(r"[^\w.-]+", "-", node_name).strip("-")


class Screenshots:
    """`shoot(page, "step")` saves artifacts/e2e/<test>/<nn>-<step>.png."""

    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        shutil.rmtree(folder, ignore_errors=True)

    def __call__(self, page, step, full_page=True):
        self.count += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "-", step).strip("-")
        path = self.folder / f"{self.count:02d}-{name}.png"
        page.screenshot(path=path, full_page=full_page)
        return path


@pytest.fixture
def shoot(request):
    return Screenshots(artifact_dir(request.node.name))


@pytest.fixture
def new_context(browser, live_server, request, shoot):
    """A factory of fresh browser contexts on the live server, all closed afterwards.

    If the test fails, each open page is saved as a last "failure" screenshot.
    """
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(
            base_url=live_server.url, accept_downloads=True, **options
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    report = getattr(request.node, "report_call", None)
    failed = report is not None and report.failed
    for context in contexts:
        if failed:
            for page in context.pages:
                try:
                    shoot(page, "failure")
                except Exception:  # noqa: S110 - the test failure is reported anyway
                    pass
        context.close()


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()
