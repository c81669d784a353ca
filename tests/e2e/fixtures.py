"""Browser end-to-end tests: a real Kiosque server, driven by Debian's Chromium.

The server is started once per session exactly as `make run` starts it (migrate,
createcachetable, collectstatic, demo, then `kiosque serve`), but on a throw-away data
folder and a free port, always on SQLite. Tests talk to it over HTTP only: they never
touch the test database, so they must not use the `db` fixture. The data folder is
deleted at the end; set KIOSQUE_E2E_KEEP=1 to keep it (setup.log, server.log, database).

Playwright's sync API is used directly (no pytest-playwright plugin), because the
browser is the system's Chromium, not one Playwright downloads.
"""

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.helpers import REPO_ROOT, SCREENSHOT_DIR

E2E_DIR = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEFAULT_AXE_PATH = ".venv/npm/node_modules/axe-core/axe.min.js"
DEFAULT_VIEWPORT = {"width": 1280, "height": 900}
START_TIMEOUT_SECONDS = 60
STOP_TIMEOUT_SECONDS = 15
ADMIN_USERNAME = "e2e-admin"
# Variables that would move the site away from http://127.0.0.1:<port>/ with its admin
# at /admin/ on SQLite: whatever the developer's shell exports, the e2e site ignores them.
ENVIRONMENT_NOT_INHERITED = (
    "DATABASE_URL",
    "BASE_URL",
    "ADMIN_PATH",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # the test process's own (see `browser`), not the site's
)


def pytest_collection_modifyitems(config, items):
    # This hook sees every collected test of the session: mark only those in tests/e2e.
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# --- the server -------------------------------------------------------------------


@dataclass(frozen=True)
class LiveSite:
    base_url: str
    admin_username: str
    admin_password: str
    var_dir: Path
    log_file: Path
    edge_url: str  # Varnish (`kiosque edge`) in front of base_url; the site purges it
    env: dict  # the site's environment, for `kiosque` commands run against it

    def edge(self, path: str = "/") -> str:
        return self.edge_url + path

    def url(self, path: str = "/") -> str:
        return self.base_url + path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tail(path: Path, characters: int = 6000) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    return text[-characters:]


def _kiosque(args: list[str], env: dict, log) -> None:
    log.write(f"\n$ kiosque {' '.join(args)}\n")
    log.flush()
    subprocess.run(
        [sys.executable, "-m", "kiosque", *args],
        check=True,
        env=env,
        cwd=REPO_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (http://127.0.0.1)
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@pytest.fixture(scope="session")
def live_site():
    """The demo site served by `kiosque serve` on 127.0.0.1:<free port>."""
    var_dir = Path(tempfile.mkdtemp(prefix="kiosque-e2e-"))
    port = _free_port()
    edge_port = _free_port()
    password = secrets.token_urlsafe(24)
    env = dict(os.environ)
    for name in ENVIRONMENT_NOT_INHERITED:
        env.pop(name, None)
    env.update(
        KIOSQUE_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="kiosque.settings.dev",
        HOST="127.0.0.1",
        PORT=str(port),
        PYTHONUNBUFFERED="1",
        EDGE_URL=f"http://127.0.0.1:{edge_port}",
    )
    setup_log = var_dir / "setup.log"
    static_log = var_dir / "collectstatic.log"
    with setup_log.open("w") as log, static_log.open("w") as collect_log:
        # Collecting the static files touches no database: it runs while the database
        # is made (the live site's setup is the head of the suite's longest group).
        collect = subprocess.Popen(
            [sys.executable, "-m", "kiosque", "collectstatic", "--no-input", "-v0"],
            env=env,
            cwd=REPO_ROOT,
            stdout=collect_log,
            stderr=subprocess.STDOUT,
        )
        try:
            _kiosque(["migrate", "--no-input"], env, log)
            _kiosque(["createcachetable"], env, log)
            if collect.wait(timeout=300) != 0:
                pytest.fail(f"collectstatic failed:\n{_tail(static_log)}", pytrace=False)
            _kiosque(["demo"], env, log)
            _kiosque(
                [
                    "createsuperuser", "--no-input",
                    "--username", ADMIN_USERNAME,
                    "--email", "e2e@kiosque.invalid",
                ],
                {**env, "DJANGO_SUPERUSER_PASSWORD": password},
                log,
            )  # fmt: skip
        except subprocess.CalledProcessError as error:
            log.flush()
            pytest.fail(
                f"Setting up the e2e site failed ({error.cmd[3:]}):\n{_tail(setup_log)}",
                pytrace=False,
            )
        finally:
            if collect.poll() is None:
                collect.kill()
                collect.wait()

    server_log = var_dir / "server.log"
    log = server_log.open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "kiosque", "serve", "--workers", "1"],
        env=env,
        cwd=REPO_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        # Its own process group: if it ignores SIGTERM, its gunicorn and worker
        # children are killed with it, and nothing else.
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not _healthy(base_url + "/healthz"):
            if server.poll() is not None:
                pytest.fail(
                    f"`kiosque serve` exited with {server.returncode}:\n{_tail(server_log)}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"{base_url}/healthz did not answer 200 within {START_TIMEOUT_SECONDS} s:"
                    f"\n{_tail(server_log)}",
                    pytrace=False,
                )
            time.sleep(0.25)
        edge = _start_edge(env, edge_port, port, var_dir)
        yield LiveSite(
            base_url=base_url,
            admin_username=ADMIN_USERNAME,
            admin_password=password,
            var_dir=var_dir,
            log_file=server_log,
            edge_url=f"http://127.0.0.1:{edge_port}",
            env=env,
        )
    finally:
        if "edge" in locals():
            _stop(edge)
        _stop(server)
        log.close()
        if os.environ.get("KIOSQUE_E2E_KEEP", "") == "":
            shutil.rmtree(var_dir, ignore_errors=True)


def _start_edge(env: dict, edge_port: int, backend_port: int, var_dir: Path):
    """Varnish in front of the site, started as `make edge` starts it."""
    edge_log = (var_dir / "edge.log").open("w")
    edge = subprocess.Popen(
        [sys.executable, "-m", "kiosque", "edge", "--port", str(edge_port),
         "--backend-port", str(backend_port), "--memory", "64m"],
        env=env, cwd=REPO_ROOT, stdout=edge_log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not _healthy(f"http://127.0.0.1:{edge_port}/healthz"):
        if edge.poll() is not None or time.monotonic() > deadline:
            edge_log.flush()
            pytest.fail(f"`kiosque edge` did not start:\n{_tail(var_dir / 'edge.log')}")
        time.sleep(0.2)
    return edge


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


# --- the browser ------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (`make browsers`)")
    from playwright.sync_api import expect, sync_playwright

    # The server runs the demo on SQLite with one process: be patient on a busy machine.
    expect.set_options(timeout=10_000)
    playwright = sync_playwright().start()
    # From here on, Playwright's event loop counts as running in this thread, and Django
    # refuses to open a database connection from it ("async context"): the later
    # database tests of the same worker would all fail. The test code is synchronous,
    # so the guard is lifted for the rest of the session.
    async_guard = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()
    if async_guard is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = async_guard


def _screenshot_name(test_name: str, number: int) -> str:
    safe = re.sub(r"[^\w.\[\]-]+", "_", test_name)
    return f"{safe}.png" if number == 1 else f"{safe}-{number}.png"


@pytest.fixture
def new_page(browser, request):
    """Open a page in a fresh browser context: `new_page(color_scheme="dark", ...)`.

    Keyword arguments go to `browser.new_context` (viewport 1280x900 and French locale
    unless given). Every page opened gets a full-page screenshot in
    test-artifacts/screenshots/ when the test ends, whether it passed or failed.
    """
    opened = []

    def open_page(**context_options):
        options = {"viewport": DEFAULT_VIEWPORT, "locale": "fr-FR", **context_options}
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        page = context.new_page()
        opened.append((context, page))
        return page

    yield open_page

    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for number, (context, page) in enumerate(opened, start=1):
        try:
            if not page.is_closed():
                page.screenshot(
                    path=str(SCREENSHOT_DIR / _screenshot_name(request.node.name, number)),
                    full_page=True,
                )
        except Exception as error:  # a crashed page must not hide the test's own result
            print(f"screenshot of {request.node.name} failed: {error}")
        finally:
            context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def axe_page(new_page):
    """A page whose Content-Security-Policy is ignored, so axe-core can be injected.

    The reader site forbids inline scripts, and `add_script_tag(path=...)` injects the
    script's text inline.
    """
    return new_page(bypass_csp=True)


# --- axe-core ---------------------------------------------------------------------


def axe_script_path() -> Path:
    path = Path(os.environ.get("AXE_PATH") or DEFAULT_AXE_PATH)
    if not path.is_absolute():
        path = REPO_ROOT / path
    if not path.is_file():
        pytest.fail(
            f"axe-core is missing ({path}). Run `make test`, which installs it, or: "
            "npm install --prefix .venv/npm --no-save --no-package-lock axe-core@4.14.1",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def axe():
    """`axe(page)` runs axe-core on the page's document and returns its violations."""
    script = axe_script_path()

    def run(page) -> list[dict]:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(script))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return result["violations"]

    return run
