"""The XSS corpus through every place text enters, rendered: no payload ever becomes code.

One hostile site is built for the module (comments, names, reports, dispatches through
the ingest, an article written in Wagtail's editor, search queries, API parameters); the
server-side test renders every page that shows them and parses it, the browser test
loads the pages that gather the most payloads in Chromium with a hook that catches any
execution. Both print how many payloads each place received.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from tests.hostile import chromium
from tests.hostile.corpus import all_payloads, payload
from tests.hostile.dom import findings_in, folded, page_text, payload_ids_in
from tests.hostile.places import HostileSite, Visit, feed_everything

pytestmark = [
    # One worker builds the hostile site once for both tests (and runs the Chromium of
    # the second), beside the live demo site's group rather than in it.
    pytest.mark.xdist_group("hostile-xss"),
]
MINIMUM_PAYLOADS = 500
# A page of the test's own, loaded first: one payload that does run, which the watch must see.
TRAP_ID = 1
TRAP_PATH = "/piege-a-xss/"
TRAP_PAGE = f"<!doctype html><title>piège</title><img src=x onerror=__xss({TRAP_ID})>"
# Places that receive the whole corpus (the others take what their fields can hold).
EVERY_PAYLOAD_PLACES = ("comment", "wire body", "admin rich text", "search query")
# Places whose payloads land in JSON answers (an API), never parsed as a page.
JSON_ANSWERS = {"API parameter"}


@pytest.fixture(scope="module")
def hostile_site(_module_newsroom, django_db_blocker) -> HostileSite:
    started = time.monotonic()
    with django_db_blocker.unblock():
        site = feed_everything(_module_newsroom)
    print(f"\nThe hostile site was built in {time.monotonic() - started:.1f} s.")
    return site


def _places_of(site: HostileSite, visit: Visit, ids: frozenset[int]) -> list[str]:
    """The places of this page whose payloads the construct names (all, if it names none)."""
    named = [p for p in visit.places if ids & {x.id for x in site.placed[p]}]
    return named or list(visit.places)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


@dataclass(frozen=True)
class PageText:
    """A page's text, folded, and the payload numbers it mentions (found once a page)."""

    text: str
    ids: frozenset[int]

    @classmethod
    def of(cls, text: str) -> PageText:
        return cls(text, payload_ids_in(text))


def _arrived(payloads, pages: list[PageText]) -> set[int]:
    """The payloads found, as text, in the pages: each page is searched only for the
    payloads whose numbers it mentions (631 payloads in 250 pages would be slow)."""
    by_id = {p.id: p for p in payloads}
    found: set[int] = set()
    for page in pages:
        for n in page.ids & by_id.keys() - found:
            if folded(by_id[n].text) in page.text:
                found.add(n)
    return found


def _shown_per_place(site: HostileSite, visits: list[Visit]) -> dict[str, int]:
    """How many of each place's payloads the pages show (as text: none ran)."""
    texts: dict[str, list[PageText]] = defaultdict(list)
    for visit in visits:
        text = PageText.of(page_text(site.get(visit.who, visit.path).body.decode()))
        for place in visit.places:
            texts[place].append(text)
    return {place: len(_arrived(site.placed[place], pages)) for place, pages in texts.items()}


def _print_counts(site: HostileSite, title: str) -> None:
    print(f"\n{title}")
    for place, count in site.counts().items():
        print(f"  {count:5}  {place}")


def test_the_corpus_is_large_and_every_payload_names_itself():
    payloads = all_payloads()
    assert len(payloads) >= MINIMUM_PAYLOADS
    assert len({p.text for p in payloads}) == len(payloads)
    for p in payloads:
        # However the call is spelt (split, escaped, in base64), the number is found:
        # a finding in a page names its payload.
        assert payload_ids_in(p.text) == {p.id}, p
    assert payload(1).id == 1


def test_no_payload_becomes_code_in_any_rendered_page(hostile_site, db):
    site = hostile_site
    found: dict[str, list[str]] = defaultdict(list)
    shown: dict[str, list[PageText]] = defaultdict(list)  # place → its pages' text
    for visit in site.pages:
        response = site.get(visit.who, visit.path)
        if visit.json:
            # Refused parameters are a 4xx in JSON; JSON is never sniffed into a page.
            assert response.status in (200, 400, 422), (visit.path, response.status)
            assert response.headers["Content-Type"].startswith("application/json"), visit.path
            assert response.headers["X-Content-Type-Options"] == "nosniff", visit.path
            text = folded("\n".join(_strings(json.loads(response.body))))
        else:
            assert response.status == 200, (visit.path, response.status)
            html = response.body.decode()
            for finding in findings_in(html):
                for place in _places_of(site, visit, finding.payload_ids):
                    found[place].append(f"{visit.path[:60]}: {finding}")
            text = page_text(html)
        text = PageText.of(text)
        for place in visit.places:
            shown[place].append(text)

    missing = {}
    for place, payloads in site.placed.items():
        if place in JSON_ANSWERS:
            continue  # the API may refuse a parameter without repeating it
        arrived = _arrived(payloads, shown[place])
        absent = [p for p in payloads if p.id not in arrived]
        if absent:
            missing[place] = absent
    _print_counts(site, "Payloads per place, rendered server-side and parsed:")
    for place in EVERY_PAYLOAD_PLACES:
        assert site.counts()[place] >= MINIMUM_PAYLOADS, place
    assert not found, "payloads that became code:\n" + "\n".join(
        f"{place}: {line}" for place, lines in found.items() for line in lines[:20]
    )
    assert not missing, "payloads that never reached their pages (nothing was tested):\n" + (
        "\n".join(f"{place}: {len(a)}: {a}" for place, a in missing.items())
    )


def test_no_payload_runs_in_chromium(hostile_site, db):
    site = hostile_site
    visits = [v for v in site.pages if v.in_browser]
    who_by_path = {v.path: v.who for v in visits}
    current = ["anonymous"]

    def answer(request: chromium.Request) -> chromium.Response:
        url = urlsplit(request.url)
        path = url.path + (f"?{url.query}" if url.query else "")
        if path == TRAP_PATH:
            return chromium.Response(200, {"content-type": "text/html"}, TRAP_PAGE.encode())
        # The page's own requests (styles, scripts, images) go as the page's visitor.
        current[0] = who_by_path.get(path, current[0])
        if request.method != "GET":
            return chromium.Response(405, {"content-type": "text/plain"}, b"")
        served = site.get(current[0], path)
        headers = {
            name: value
            for name, value in served.headers.items()
            if name.lower() not in ("content-length", "content-encoding")
        }
        return chromium.Response(served.status, headers, served.body)

    trap, *reports = chromium.render([TRAP_PATH, *(v.path for v in visits)], answer)
    # The watch itself works: a page that runs a payload is caught, by its number.
    assert trap.hook_calls == [str(TRAP_ID)], trap
    assert any(str(TRAP_ID) in line for line in trap.dom), trap

    executions: dict[str, list[str]] = defaultdict(list)
    for visit, report in zip(visits, reports, strict=True):
        assert report.status == 200, (visit.path, report.status)
        for what in report.executions + report.dom:
            for place in _places_of(site, visit, payload_ids_in(what)):
                executions[place].append(f"{visit.path[:60]}: {what[:160]}")
        for line in report.console + report.errors:
            if "xss" in line.lower():
                executions["console"].append(f"{visit.path[:60]}: {line[:160]}")
    shown = _shown_per_place(site, visits)
    print(f"\nChromium: {len(visits)} pages; payloads of each place found as text on them:")
    for place, count in sorted(shown.items()):
        print(f"  {count:5}  {place}")
    for report in reports:
        if report.errors:
            print(f"  page errors on {report.url[:60]}: {report.errors[:3]}")
    assert not executions, "payloads that ran (or wait for a click) in Chromium:\n" + "\n".join(
        f"{place}: {line}" for place, lines in executions.items() for line in lines[:20]
    )
    for place in ("comment", "wire body", "admin rich text"):
        assert shown[place] >= MINIMUM_PAYLOADS, place
