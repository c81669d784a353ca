"""The writers of the drill's load: commenters, an editor, an agency dropping dispatches.

Each writer keeps what the site confirmed (`Posted`, with the unique marker of its
text): a comment counts as posted only when the site answered with the redirection to
it (published, or waiting for a moderator), an entry only with the API's 201, a dispatch
once its file is in the folder. After the drill, the database is asked for every marker
(cluster/drill_checks.py): one found for each, never two.

Every answer that is not a confirmation is recorded with what it was ("503 site page,
text kept", "logged out", "refused"), so the table can say what readers were told.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from cluster.load import Actor, Answer, Cookies, Edge, Sample, fetch

LOGIN_PATH = "/compte/connexion/"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
CSRF_INPUT = re.compile(r"<input[^>]*name=\"csrfmiddlewaretoken\"[^>]*>", re.IGNORECASE)
VALUE = re.compile(r"value=\"([^\"]+)\"")
SESSION_COOKIE = "sessionid"
CSRF_COOKIE = "csrftoken"


@dataclass(frozen=True)
class Account:
    email: str
    password: str


@dataclass(frozen=True)
class Posted:
    what: str  # comment | entry | dispatch
    marker: str
    at: float  # on the journal's clock
    detail: str = ""  # the comment's anchor, the entry's id, the file's name


SITE_STYLESHEET = re.compile(r"/static/kiosque/site(\.[0-9a-f]+)?\.css")
TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def page_kind(answer: Answer) -> str:
    """What an error page is: the site's own page (its stylesheet, hashed or not, and an
    error block), Varnish's, a stack trace, JSON, or other."""
    text = answer.text
    if "Traceback (most recent call last)" in text or "Exception Value" in text:
        return "stack trace"
    if SITE_STYLESHEET.search(text) and "error-page" in text:
        return "site page"
    if "Guru Meditation" in text or "Backend fetch failed" in text:
        return "varnish page"
    if answer.header("Content-Type").startswith("application/json"):
        return "json"
    if not text.strip():
        return "empty body"
    return "other page"


def page_title(answer: Answer) -> str:
    found = TITLE.search(answer.text)
    return " ".join(found.group(1).split())[:120] if found else answer.text.strip()[:120]


def form_token(html: str) -> str:
    tag = CSRF_INPUT.search(html)
    found = VALUE.search(tag.group(0)) if tag else None
    return found.group(1) if found else ""


class Writer(Actor):
    """An actor whose confirmed writes are kept in `posted`."""

    def __init__(self, number, journal, stopping, pause, *, run_id: str):
        super().__init__(number, journal, stopping, pause)
        self.run_id = run_id
        self.posted: list[Posted] = []
        # The title of the first error page seen for each outcome: what readers read.
        self.pages: dict[str, str] = {}
        self.sequence = 0
        self._lock = threading.Lock()

    def next_marker(self, letter: str) -> str:
        self.sequence += 1
        return f"kqd{self.run_id}{letter}{self.number}n{self.sequence}"

    def remember_page(self, outcome: str, answer: Answer) -> None:
        if answer.status is not None and answer.status >= 400 and outcome not in self.pages:
            self.pages[outcome] = page_title(answer)

    def confirm(self, what: str, marker: str, at: float, detail: str = "") -> None:
        with self._lock:
            self.posted.append(Posted(what, marker, at, detail))


# --- readers with an account -----------------------------------------------------------


@dataclass(frozen=True)
class LoginResult:
    cookies: Cookies | None  # logged in: the session's cookies
    outcome: str  # ok | unavailable | refused | no answer | status-NNN
    page: str  # what the answer's page was (page_kind), "" when none


def log_in(actor: Actor, edge: Edge, account: Account) -> LoginResult:
    """Through the site's log-in form, as a browser: the form, then the post. The post's
    sample notes the outcome ("ok", "unavailable (site page)", "refused"...)."""
    cookies = Cookies()
    form = actor.send("login", edge, "GET", LOGIN_PATH, note="form")
    cookies.take(form)
    if form.status != 200:
        return LoginResult(None, _failed(form), page_kind(form) if form.status else "")
    token = form_token(form.text) or cookies.values.get(CSRF_COOKIE, "")
    body = urlencode(
        {"csrfmiddlewaretoken": token, "login": account.email, "password": account.password}
    ).encode()
    started = actor.journal.now()
    answer = fetch(edge, "POST", LOGIN_PATH, headers=FORM | cookies.header(), body=body)
    cookies.take(answer)
    location = answer.header("Location")
    if (
        answer.status in (302, 303)
        and "connexion" not in location
        and SESSION_COOKIE in cookies.values
    ):
        result = LoginResult(cookies, "ok", "")
    elif answer.status == 503:
        result = LoginResult(None, "unavailable", page_kind(answer))
    elif answer.status == 200:
        result = LoginResult(None, "refused", "form shown again")
    else:
        result = LoginResult(None, _failed(answer), page_kind(answer) if answer.status else "")
    note = result.outcome + (f" ({result.page})" if result.page else "")
    actor.record("login", edge, LOGIN_PATH, started, answer, note)
    if isinstance(actor, Writer):
        actor.remember_page(f"log-in {note}", answer)
    return result


def _failed(answer: Answer) -> str:
    if answer.status is None:
        return f"no answer ({answer.error})" if answer.error else "no answer"
    return f"status-{answer.status}"


def comment_outcome(answer: Answer) -> str:
    """What the site said to a comment posted without JavaScript (discussion/views.py)."""
    location = answer.header("Location")
    if answer.status in (302, 303):
        if re.search(r"#c\d+$", location):
            return "published"
        if location.endswith("#comments-title"):
            return "pending"
        if "connexion" in location:
            return "logged out"
        if location.endswith("#comment-form"):
            return "refused by the site"
        return "redirected"
    if answer.status == 503:
        return "unavailable"
    return _failed(answer)


class Commenter(Writer):
    """A reader with an account who posts a comment every `pause` seconds.

    The site lets one account post once every 20 s (discussion settings); the drill's
    pause is longer. A lost session (Redis restarted empty) means logging in again. The
    drill's own prober is one too, driven step by step (`log_in_once`, `post_once`).
    """

    name_prefix = "commenter"

    def __init__(self, number, journal, stopping, pause, *, run_id, edges, account, article_ids):
        super().__init__(number, journal, stopping, pause, run_id=run_id)
        self.edges: Sequence[Edge] = list(edges)
        self.account: Account = account
        self.article_ids: Sequence[int] = list(article_ids)
        self.cookies: Cookies | None = None
        self.last_page = ""

    @property
    def edge(self) -> Edge:
        # Each commenter stays on one edge, as a browser keeps its connection's address.
        return self.edges[self.number % len(self.edges)]

    def step(self) -> None:
        if self.cookies is None and self.log_in_once().cookies is None:
            return
        self.post_once()

    def log_in_once(self) -> LoginResult:
        result = log_in(self, self.edge, self.account)
        self.cookies = result.cookies
        return result

    def post_once(self) -> str:
        """Post one comment; what the site answered ("published", "unavailable"...)."""
        if self.cookies is None:
            return "not logged in"
        marker = self.next_marker("c")
        article = self.rng.choice(self.article_ids)
        path = f"/commentaires/{article}/publier/"
        text = f"Commentaire d'exercice {marker} : la lecture continue pendant la panne."
        body = urlencode(
            {
                "csrfmiddlewaretoken": self.cookies.values.get(CSRF_COOKIE, ""),
                "body": text,
                "parent": "",
            }
        ).encode()
        started = self.journal.now()
        answer = fetch(self.edge, "POST", path, headers=FORM | self.cookies.header(), body=body)
        self.cookies.take(answer)
        outcome = comment_outcome(answer)
        self.last_page = page_kind(answer) if answer.status and answer.status >= 400 else ""
        if outcome == "unavailable":
            kept = ", text kept" if marker in answer.text else ""
            outcome = f"unavailable ({self.last_page}{kept})"
        self.record("comment", self.edge, path, started, answer, outcome)
        self.remember_page(outcome, answer)
        if outcome in ("published", "pending"):
            self.confirm("comment", marker, started, answer.header("Location"))
        elif outcome == "logged out":
            self.cookies = None
        return outcome


# --- the editor --------------------------------------------------------------------------


class Editor(Writer):
    """Posts an entry on a live through the write API every `pause` seconds."""

    name_prefix = "editor"

    def __init__(self, number, journal, stopping, pause, *, run_id, edges, token, live_id):
        super().__init__(number, journal, stopping, pause, run_id=run_id)
        self.edges: Sequence[Edge] = list(edges)
        self.token = token
        self.live_id = live_id
        self.turn = 0

    def step(self) -> None:
        edge = self.edges[self.turn % len(self.edges)]
        self.turn += 1
        marker = self.next_marker("e")
        payload = {"title": f"Exercice {marker}", "text": "Le direct continue pendant l'exercice."}
        path = f"/api/v1/lives/{self.live_id}/entries"
        started = self.journal.now()
        answer = fetch(
            edge,
            "POST",
            path,
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                "Accept": "application/json",
            },
            body=json.dumps(payload).encode(),
        )
        outcome = "posted" if answer.status == 201 else _failed(answer)
        if answer.status is not None and answer.status >= 500:
            outcome += f" ({page_kind(answer)})"
        self.record("entry", edge, path, started, answer, outcome)
        self.remember_page(outcome, answer)
        if answer.status == 201:
            try:
                entry_id = str(json.loads(answer.body)["id"])
            except (ValueError, KeyError, TypeError):
                entry_id = ""
            self.confirm("entry", marker, started, entry_id)


# --- the agency ----------------------------------------------------------------------------


def dispatch_from_fixture(fixture: dict, *, uri: str, marker: str, now: datetime) -> dict:
    """An agency's ninjs text item made new: its own uri, a marker in its headline, sent now."""
    item = json.loads(json.dumps(fixture))  # a deep copy
    sent = now.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    item.update(uri=uri, version="1", versioncreated=sent, firstcreated=sent, pubstatus="usable")
    headline = next(
        (h.get("value", "") for h in item.get("headlines", []) if h.get("role") == "main"),
        item.get("headline", ""),
    )
    item["headlines"] = [{"role": "main", "value": f"{headline or 'Dépêche'} ({marker})"}]
    item.pop("headline", None)
    return item


def drop_file(folder: Path, name: str, data: dict) -> Path:
    """Written beside, then renamed: the workers never see half a file."""
    final = folder / name
    partial = folder / f"{name}.part"
    partial.write_text(json.dumps(data, ensure_ascii=False))
    os.replace(partial, final)
    return final


class WireAgency(Writer):
    """Drops a dispatch, made from one of the fixtures, every `pause` seconds."""

    name_prefix = "wires"

    def __init__(self, number, journal, stopping, pause, *, run_id, folder, fixtures):
        super().__init__(number, journal, stopping, pause, run_id=run_id)
        self.folder = Path(folder)
        self.fixtures: Sequence[dict] = list(fixtures)
        self._dropping = threading.Lock()  # the thread's drops and the drill's batch

    def step(self) -> None:
        self.drop(1)

    def drop(self, count: int) -> list[Posted]:
        dropped = []
        with self._dropping:
            for _ in range(count):
                dropped.append(self._drop_one())
        return dropped

    def _drop_one(self) -> Posted:
        marker = self.next_marker("w")
        uri = f"urn:kiosque-drill:{marker}"
        fixture = self.fixtures[self.sequence % len(self.fixtures)]
        data = dispatch_from_fixture(fixture, uri=uri, marker=marker, now=datetime.now(UTC))
        at = self.journal.now()
        drop_file(self.folder, f"{marker}.json", data)
        self.confirm("dispatch", marker, at, uri)
        self.journal.record(Sample(self.name, "dispatch", "", f"{marker}.json", at, 0.0, 201))
        return self.posted[-1]


def writers_of(actors) -> list[Writer]:
    return [actor for actor in actors if isinstance(actor, Writer)]


def posted_between(writers: Sequence[Writer], what: str, start: float, end: float) -> list[Posted]:
    return [p for w in writers for p in list(w.posted) if p.what == what and start <= p.at < end]
