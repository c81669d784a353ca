"""The drill's load generator: what it counts, against small HTTP servers on 127.0.0.1.

The drill's table is only as true as this accounting: a reader error must never be
missed (a refused connection, a timeout, a 503), a comment counts as posted only when
the site confirmed it, and an interruption is measured from what readers saw.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from cluster import drill_report
from cluster.drill import verdict
from cluster.drill_writers import (
    Account,
    Commenter,
    Editor,
    WireAgency,
    comment_outcome,
    dispatch_from_fixture,
    page_kind,
)
from cluster.load import (
    Answer,
    Cookies,
    Edge,
    Journal,
    Load,
    ReaderPlan,
    Sample,
    errors_by_outcome,
    fetch,
    longest_interruption,
    summary,
    worst_actor_interruption,
)

SITE_PAGE_503 = (
    '<html><link rel="stylesheet" href="/static/kiosque/site.css">'
    '<main class="error-page"><textarea>{text}</textarea></main></html>'
)


class FakeSite(BaseHTTPRequestHandler):
    """Pages, a log-in form, comments and the write API, as the drill sees them."""

    protocol_version = "HTTP/1.1"

    def _answer(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        site = self.server.site
        site["gets"].append(self.path)
        if self.path == "/slow":
            time.sleep(1.0)
        if self.path == "/broken":
            return self._answer(503, b"down")
        if self.path == "/compte/connexion/":
            return self._answer(
                200,
                b'<form><input type="hidden" name="csrfmiddlewaretoken" value="masked-token">',
                [("Set-Cookie", "csrftoken=secret; Path=/; Secure")],
            )
        return self._answer(200, b"<html>page</html>")

    def do_POST(self):
        site = self.server.site
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        cookie = self.headers.get("Cookie", "")
        if self.path == "/compte/connexion/":
            form = parse_qs(body)
            good = form.get("password") == ["right"] and form.get("csrfmiddlewaretoken") == [
                "masked-token"
            ]
            if not good:
                return self._answer(200, b"<form>wrong</form>")
            return self._answer(
                302, headers=[("Location", "/compte/"), ("Set-Cookie", "sessionid=s1; HttpOnly")]
            )
        if self.path.startswith("/commentaires/"):
            text = parse_qs(body).get("body", [""])[0]
            site["comments"].append(text)
            mode = site["comment_mode"]
            if "sessionid=s1" not in cookie or mode == "logged out":
                return self._answer(302, headers=[("Location", "/compte/connexion/?next=x")])
            if mode == "down":
                return self._answer(503, SITE_PAGE_503.format(text=text).encode())
            return self._answer(302, headers=[("Location", "/commentaires/7/#c42")])
        if self.path.startswith("/api/v1/lives/"):
            if self.headers.get("Authorization") != "Bearer kq_good":
                return self._answer(401, b"{}")
            site["entries"].append(json.loads(body))
            return self._answer(201, json.dumps({"id": 99}).encode())
        return self._answer(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSite)
    server.daemon_threads = True
    server.site = {"gets": [], "comments": [], "entries": [], "comment_mode": "ok"}
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def edge_of(server) -> Edge:
    return Edge("127.0.0.1", server.server_address[1])


def closed_port() -> int:
    """A port nothing listens on: bound, then released (refused afterwards)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sample(start, latency, status, actor="reader-1", kind="page", edge="e1", error=""):
    return Sample(actor, kind, edge, "/", start, latency, status, error)


# --- the accounting, on samples made by hand ---------------------------------------------------


def test_no_failure_no_interruption():
    samples = [sample(t, 0.1, 200) for t in range(10)]
    assert longest_interruption(samples) == 0.0
    assert errors_by_outcome(samples) == {}


def test_interruption_runs_from_the_last_success_to_the_last_failure():
    samples = [
        sample(0.0, 0.1, 200),  # ends at 0.1
        sample(1.0, 0.5, None, error="refused"),  # 1.0 → 1.5
        sample(2.0, 0.1, 503),  # ends 2.1
        sample(3.0, 0.1, 200),  # served again
        sample(4.0, 0.2, 503),  # a shorter run: 0.2
    ]
    assert longest_interruption(samples) == pytest.approx(1.1)
    assert errors_by_outcome(samples) == {"503": 2, "refused": 1}


def test_a_success_elsewhere_breaks_the_interruption_but_not_the_readers_own_run():
    samples = [
        sample(0.0, 0.1, 503, actor="reader-1"),
        sample(0.5, 0.1, 200, actor="reader-2"),
        sample(1.0, 0.1, 503, actor="reader-1"),
        sample(1.5, 0.1, 503, actor="reader-1"),
    ]
    # From reader-2's page (0.6), or reader-1's next request (1.0), to 1.6.
    assert longest_interruption(samples) == pytest.approx(0.6)
    assert worst_actor_interruption(samples) == ("reader-1", pytest.approx(1.6))


def test_a_success_that_ends_after_failures_began_still_served_readers_until_then():
    samples = [
        sample(0.0, 2.0, 200),  # slow but served, ends at 2.0
        sample(1.0, 1.5, None, error="timeout"),  # sent at 1.0, failed at 2.5
    ]
    assert longest_interruption(samples) == pytest.approx(0.5)


def test_client_errors_count_as_errors_and_writes_are_not_reader_requests():
    samples = [
        sample(0, 0.1, 404),
        sample(1, 0.1, 200),
        sample(2, 0.1, 503, kind="comment"),
    ]
    counted = summary(samples)
    assert counted["requests"] == 2
    assert counted["errors"] == {"404": 1}


# --- HTTP -------------------------------------------------------------------------------------


def test_nothing_listening_is_recorded_as_refused():
    answer = fetch(Edge("127.0.0.1", closed_port()), "GET", "/")
    assert answer.status is None
    assert answer.error == "refused"


def test_a_slow_answer_past_the_timeout_is_a_timeout(site):
    answer = fetch(edge_of(site), "GET", "/slow", timeout=0.2)
    assert (answer.status, answer.error) == (None, "timeout")


def test_edge_urls():
    assert Edge.from_url("http://198.18.1.11") == Edge("198.18.1.11", 80)
    assert Edge.from_url("198.18.1.12:8080").host_header == "198.18.1.12:8080"
    for bad in ("https://198.18.1.11", "ftp://x", "http://"):
        with pytest.raises(ValueError):
            Edge.from_url(bad)


def test_cookies_are_kept_sent_and_removed():
    cookies = Cookies()
    headers = _headers(
        ("Set-Cookie", "sessionid=abc; Path=/; Secure; HttpOnly"),
        ("Set-Cookie", "csrftoken=t1; Path=/"),
    )
    cookies.take(Answer(200, headers, b""))
    assert cookies.header() == {"Cookie": "sessionid=abc; csrftoken=t1"}
    cookies.take(Answer(200, _headers(("Set-Cookie", 'sessionid=""; Max-Age=0; Path=/')), b""))
    assert cookies.values == {"csrftoken": "t1"}
    cookies.take(Answer(200, _headers(("Set-Cookie", "not a cookie ;;; =")), b""))
    assert cookies.values == {"csrftoken": "t1"}


def _headers(*pairs):
    from http.client import HTTPMessage

    message = HTTPMessage()
    for name, value in pairs:
        message[name] = value
    return message


# --- readers against real servers ---------------------------------------------------------------


def test_readers_spread_over_both_edges_and_every_request_is_counted(site):
    load = Load()
    load.add_readers(3, [edge_of(site), edge_of(site)], ReaderPlan(pages=["/a", "/b"]), pause=0.01)
    load.start()
    time.sleep(0.5)
    assert load.stop() == []
    samples = load.journal.samples()
    assert len(samples) == len(site.site["gets"]) > 10
    counted = summary(samples)
    assert counted["requests"] == len(samples)
    assert counted["errors"] == {}
    assert counted["longest_interruption"] == 0.0


def test_a_dead_edge_shows_as_refused_there_and_the_other_keeps_readers_served(site):
    dead = Edge("127.0.0.2", closed_port())
    load = Load()
    load.add_readers(2, [edge_of(site), dead], ReaderPlan(pages=["/a"]), pause=0.01)
    load.start()
    time.sleep(0.4)
    assert load.stop() == []
    counted = summary(load.journal.samples())
    assert set(counted["errors"]) == {"refused"}
    assert counted["by_edge"]["127.0.0.2"]["errors"] == counted["by_edge"]["127.0.0.2"]["requests"]
    assert counted["by_edge"]["127.0.0.1"]["errors"] == 0
    # Alternating edges: no reader went without a page for long.
    assert counted["longest_interruption"] < 0.3


def test_error_statuses_are_counted_by_status(site):
    load = Load()
    load.add_readers(
        1, [edge_of(site)], ReaderPlan(pages=["/broken"], polls=["/ok"], poll_share=0.5), pause=0.01
    )
    load.start()
    time.sleep(0.3)
    load.stop()
    samples = load.journal.samples()
    counted = summary(samples)
    broken = sum(1 for s in samples if s.path == "/broken")
    assert counted["errors"] == {"503": broken} and broken > 0
    assert {s.kind for s in samples} == {"page", "poll"}


def test_the_journal_cuts_windows_by_start_time():
    journal = Journal(clock=iter([0.0, 5.0]).__next__)
    assert journal.now() == 5.0
    journal.record(sample(1.0, 0.1, 200))
    journal.record(sample(3.0, 0.1, 200, kind="comment"))
    assert len(journal.samples(0, 2)) == 1
    assert len(journal.samples(0, 10, kinds=("page",))) == 1


# --- writers ---------------------------------------------------------------------------


def commenter(site, typed="right", number=1) -> Commenter:
    journal = Journal()
    return Commenter(
        number, journal, threading.Event(), 0,
        run_id="t1", edges=[edge_of(site)], account=Account("a@b.invalid", typed),
        article_ids=[7],
    )  # fmt: skip


def test_a_comment_counts_as_posted_only_once_the_site_confirmed_it(site):
    reader = commenter(site)
    assert reader.log_in_once().outcome == "ok"
    assert reader.post_once() == "published"
    site.site["comment_mode"] = "down"
    outcome = reader.post_once()
    assert outcome == "unavailable (site page, text kept)"
    assert [p.marker for p in reader.posted] == ["kqdt1c1n1"]
    assert "kqdt1c1n1" in site.site["comments"][0]
    assert "kqdt1c1n2" in site.site["comments"][1]  # sent, refused: not counted
    notes = [s.error for s in reader.journal.samples(kinds=("comment",))]
    assert notes == ["published", outcome]


def test_a_lost_session_logs_in_again(site):
    reader = commenter(site)
    reader.log_in_once()
    site.site["comment_mode"] = "logged out"
    assert reader.post_once() == "logged out"
    assert reader.cookies is None and reader.posted == []


def test_a_wrong_password_is_a_refused_log_in(site):
    reader = commenter(site, typed="wrong")
    result = reader.log_in_once()
    assert (result.outcome, result.cookies) == ("refused", None)
    assert reader.post_once() == "not logged in"
    logins = [s.error for s in reader.journal.samples(kinds=("login",))]
    assert logins == ["form", "refused (form shown again)"]


def test_the_editor_counts_entries_the_api_created(site):
    journal = Journal()
    editor = Editor(
        1, journal, threading.Event(), 0,
        run_id="t2", edges=[edge_of(site)], token="kq_good", live_id=5,
    )  # fmt: skip
    editor.step()
    editor.token = "kq_revoked"
    editor.step()
    assert [(p.marker, p.detail) for p in editor.posted] == [("kqdt2e1n1", "99")]
    assert site.site["entries"][0]["title"] == "Exercice kqdt2e1n1"
    assert [s.error for s in journal.samples()] == ["posted", "status-401"]


def test_dispatches_are_new_items_written_whole(tmp_path):
    fixture = {"uri": "urn:x", "version": "6", "headlines": [{"role": "main", "value": "Titre"}]}
    agency = WireAgency(
        1, Journal(), threading.Event(), 0, run_id="t3", folder=tmp_path, fixtures=[fixture]
    )
    dropped = agency.drop(3)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"kqdt3w1n{n}.json" for n in (1, 2, 3)]
    item = json.loads((tmp_path / "kqdt3w1n2.json").read_text())
    assert item["uri"] == dropped[1].detail == "urn:kiosque-drill:kqdt3w1n2"
    assert item["version"] == "1" and item["headlines"][0]["value"] == "Titre (kqdt3w1n2)"
    assert fixture["uri"] == "urn:x"  # the fixture itself is left alone


def test_dispatch_without_a_headline_gets_one():
    from datetime import UTC, datetime

    item = dispatch_from_fixture({}, uri="urn:y", marker="m1", now=datetime(2026, 1, 1, tzinfo=UTC))
    assert item["headlines"][0]["value"] == "Dépêche (m1)"
    assert item["versioncreated"] == "2026-01-01T00:00:00Z"


def test_what_an_answer_was():
    def answer(status, body=b"", headers=()):
        return Answer(status, _headers(*headers), body)

    assert comment_outcome(answer(302, headers=[("Location", "/c/7/#c12")])) == "published"
    assert comment_outcome(answer(302, headers=[("Location", "/c/7/#comments-title")])) == "pending"
    refused = answer(302, headers=[("Location", "/c/7/#comment-form")])
    assert comment_outcome(refused) == "refused by the site"
    assert comment_outcome(Answer(None, None, b"", "refused")) == "no answer (refused)"
    assert page_kind(answer(500, b"Traceback (most recent call last):")) == "stack trace"
    assert page_kind(answer(503, b"<h1>Error 503 Backend fetch failed</h1>")) == "varnish page"
    assert page_kind(answer(503, SITE_PAGE_503.encode())) == "site page"
    hashed = SITE_PAGE_503.replace("site.css", "site.0123abcd4567.css")
    assert page_kind(answer(503, hashed.encode())) == "site page"
    assert page_kind(answer(503, b'<main class="error-page">no stylesheet</main>')) == "other page"
    assert page_kind(answer(503, b"  ")) == "empty body"


# --- the table -------------------------------------------------------------------------


def test_lost_and_duplicated_writes_fail_the_drill():
    from cluster.drill_writers import Posted

    window = drill_report.Window("app", "1. app", 0.0, 10.0)
    posted = [
        Posted("comment", "m1", 1.0),
        Posted("comment", "m2", 2.0),
        Posted("entry", "e1", 3.0),
    ]
    found = {"comments": {"m1": 1}, "entries": {"e1": 2}, "dispatches": {}}
    row = drill_report.window_report(window, [sample(1, 0.1, 200)], posted, found, {}, [])
    assert row["comments"] == {"posted": 2, "found": 1, "lost": ["m2"], "duplicated": []}
    assert row["entries"]["duplicated"] == ["e1"]
    table = drill_report.render_table([row])
    assert "2/1/1" in table and "1. app" in table
    status, reasons = verdict({"drills": [row]})
    assert status == 1 and len(reasons) == 2


def test_a_clean_run_passes():
    window = drill_report.Window("app", "1. app", 0.0, 10.0)
    window.check("no reader error", True)
    row = drill_report.window_report(window, [], [], {}, {"max_seconds": 0.01, "max_bytes": 0}, [])
    assert verdict({"drills": [row]}) == (0, [])
    window.check("broken", False, "why")
    row = drill_report.window_report(window, [], [], {}, {}, [])
    assert verdict({"drills": [row]})[0] == 1
    assert "FAIL broken: why" in drill_report.render_details([row])


def test_where_a_dispatch_that_never_became_an_item_ended(tmp_path):
    from cluster.drill import dispatch_file_state

    (tmp_path / "a.json").write_text("{}")
    (tmp_path / ".a.json.lock").write_text("worker-1")
    (tmp_path / "done").mkdir()
    (tmp_path / "done" / "b.json").write_text("{}")
    (tmp_path / "failed").mkdir()
    (tmp_path / "failed" / "c.json").write_text("{}")
    (tmp_path / "failed" / "c.json.reason.txt").write_text("urn:c v1: no body\n")
    assert dispatch_file_state(tmp_path, "a.json") == "is still waiting in the folder (locked)"
    assert dispatch_file_state(tmp_path, "b.json") == "was moved to done/"
    assert dispatch_file_state(tmp_path, "c.json") == "was moved to failed/: urn:c v1: no body"
    assert dispatch_file_state(tmp_path, "d.json") == "is nowhere"
    assert dispatch_file_state(None, "a.json") == "(no folder)"
