"""Pages of the test's own site rendered in Chromium, with every way a payload could run
watched: its call to `__xss(n)`, a dialog, a console line, an uncaught error, and what
is left in the live DOM once the site's own scripts have run (a handler or a javascript:
link waiting for a click).

No server: Chromium asks for http://testserver/..., and each request is answered by
Django's test client in the test's thread, inside the test's transaction. Chromium runs
in a thread of its own (Playwright's sync API allows one instance per thread, and the
e2e suite's session-wide browser may hold this worker's main thread).
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.e2e.fixtures import CHROMIUM, CHROMIUM_ARGS, DEFAULT_VIEWPORT

ORIGIN = "http://testserver"
# How long a page may take, and how long its late events (an image's onerror, a focus,
# an animation's start) are waited for once it has loaded.
PAGE_TIMEOUT_MS = 20_000
SETTLE_MS = 250
RUN_TIMEOUT_SECONDS = 120

# Defined before any script of any frame: records the call, whatever the argument.
HOOK_SCRIPT = """
(() => {
  const report = (id) => { try { window.__xssReport(String(id)); } catch (e) {} };
  try {
    Object.defineProperty(window, '__xss', {value: report, writable: false});
  } catch (e) {}
})();
"""

# What the live DOM holds that would run on a click or a hover: the same constructs the
# server-side check looks for, after the site's scripts have changed the page.
DOM_SCAN = """
() => {
  const found = [];
  const runs = (url) => {
    const ignored = new RegExp('[\\u0000-\\u0020\\u007f-\\u009f\\u00ad\\u200b-\\u200f'
      + '\\u2028-\\u202e\\u2060-\\u206f\\ufeff]', 'g');
    const bare = String(url).replace(ignored, '').toLowerCase();
    return /^(javascript|vbscript|livescript|data):/.test(bare)
      && !/^data:image\\/(png|jpeg|gif|webp|avif)[;,]/.test(bare);
  };
  const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data',
    'poster', 'background', 'srcset', 'to', 'values', 'from', 'by']);
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) found.push(`${name} on <${tag}>: ${attribute.value}`);
        else if (urlAttributes.has(name) && runs(attribute.value))
          found.push(`${name}= on <${tag}>: ${attribute.value}`);
        else if (name === 'srcdoc') found.push(`srcdoc on <${tag}>: ${attribute.value}`);
      }
      if (tag === 'script' && !element.src && !/json/i.test(element.type)
          && /xss/i.test(element.textContent))
        found.push(`inline <script>: ${element.textContent}`);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return found.map((text) => text.slice(0, 200));
}
"""


@dataclass
class Request:
    method: str
    url: str
    headers: dict
    body: bytes | None
    answer: queue.Queue = field(default_factory=lambda: queue.Queue(maxsize=1))


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes


@dataclass
class PageReport:
    url: str
    hook_calls: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dom: list[str] = field(default_factory=list)
    status: int = 0

    @property
    def executions(self) -> list[str]:
        return [*(f"ran: __xss({n})" for n in self.hook_calls), *self.dialogs]


def render(paths: list[str], answer: Callable[[Request], Response]) -> list[PageReport]:
    """Load each path in Chromium; `answer` (called in this thread) serves every request."""
    requests: queue.Queue[Request | None] = queue.Queue()
    reports: list[PageReport] = []
    failure: list[BaseException] = []
    worker = threading.Thread(
        target=_browse, args=(paths, requests, reports, failure), name="hostile-chromium"
    )
    worker.start()
    deadline = time.monotonic() + RUN_TIMEOUT_SECONDS
    try:
        while worker.is_alive():
            if time.monotonic() > deadline:
                raise TimeoutError(f"Chromium did not finish {len(paths)} pages in time")
            try:
                request = requests.get(timeout=0.05)
            except queue.Empty:
                continue
            if request is not None:
                request.answer.put(answer(request))
    finally:
        worker.join(timeout=30)
    if failure:
        raise failure[0]
    return reports


def _browse(paths, requests, reports, failure) -> None:
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                _visit_all(browser, paths, requests, reports)
            finally:
                browser.close()
    except BaseException as error:  # re-raised in the test's thread
        failure.append(error)


def _visit_all(browser, paths, requests, reports) -> None:
    # The page's Content-Security-Policy is bypassed: escaping is what is tested here,
    # the CSP is a second wall that must not hide a hole in the first.
    context = browser.new_context(viewport=DEFAULT_VIEWPORT, locale="fr-FR", bypass_csp=True)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    current: list[PageReport] = []
    context.expose_binding(
        "__xssReport", lambda source, payload_id: current[-1].hook_calls.append(payload_id)
    )
    context.add_init_script(HOOK_SCRIPT)
    context.route("**/*", lambda route: _serve(route, requests))
    page = context.new_page()
    page.on("dialog", lambda dialog: _dialog(dialog, current[-1]))
    page.on("console", lambda message: current[-1].console.append(message.text))
    page.on("pageerror", lambda error: current[-1].errors.append(str(error)))
    for path in paths:
        report = PageReport(path)
        current.append(report)
        try:
            response = page.goto(ORIGIN + path, wait_until="load")
        except Exception as error:  # e.g. a navigation the page started by itself
            report.errors.append(f"navigation failed: {error}"[:300])
            response = None
        report.status = response.status if response else 0
        page.wait_for_timeout(SETTLE_MS)
        for frame in page.frames:
            try:
                report.dom += frame.evaluate(DOM_SCAN)
            except Exception as error:  # a cross-origin frame cannot be read: say so
                report.dom.append(f"unreadable frame {frame.url[:80]}: {error}")
        reports.append(report)
    context.close()


def _dialog(dialog, report: PageReport) -> None:
    if dialog.type == "beforeunload":
        # The admin's editor asks before leaving a page with changes: leave.
        dialog.accept()
        return
    report.dialogs.append(f"{dialog.type}: {dialog.message}")
    dialog.dismiss()


def _serve(route, requests: queue.Queue) -> None:
    request = route.request
    if not request.url.startswith(ORIGIN + "/"):
        # Nothing leaves the machine: a payload's address elsewhere is refused.
        route.abort()
        return
    job = Request(request.method, request.url, request.headers, request.post_data_buffer)
    requests.put(job)
    served = job.answer.get(timeout=60)
    route.fulfill(status=served.status, headers=served.headers, body=served.body)
