"""A bounded load on the edges, every request recorded, and what readers saw, counted.

The drill (cluster/drill.py) runs this while it breaks hosts, one after the other:

    readers     anonymous readers: article pages, la une, sections and a live's polling
                answer, each request to the next edge in turn (both edges share the load)
    commenters  readers with an account, logged in through the site's log-in form, who
                post a comment every so often, each with a unique marker in its text
                (cluster/drill_writers.py)
    editor      posts live entries through the write API with a Bearer token
    wires       drops agency dispatches into the folder the workers poll

Every request is a `Sample` in the `Journal`: when it started (seconds on the journal's
clock, `time.monotonic()` from the journal's start), who sent it, what, to which edge,
its status (None when nothing answered: refused, reset, timed out) and its latency. The
drill cuts the journal into its drills' time windows and `summary()` counts each one:
requests, errors by status, and the longest interruption readers saw.

Only the standard library: a drill must run where the application runs, with nothing
more installed. One connection per request (`Connection: close`): a reused connection
that the edge closed meanwhile would count as an error that no reader saw.
"""

from __future__ import annotations

import http.client
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlsplit

USER_AGENT = "kiosque-drill/1 (cluster/load.py)"
REQUEST_TIMEOUT_SECONDS = 5.0
MAX_BODY_BYTES = 2_000_000
# Reader kinds of request: what counts in "reader requests" and interruptions.
READER_KINDS = ("page", "poll")


# --- what was sent and what came back ------------------------------------------------


@dataclass(frozen=True)
class Sample:
    actor: str  # "reader-3", "commenter-1", "editor", "wires"
    kind: str  # page | poll | login | comment | entry | dispatch
    edge: str  # the edge's address ("198.18.1.11"), or "" (a file dropped)
    path: str
    started: float  # seconds on the journal's clock
    latency: float
    status: int | None  # None: nothing answered
    error: str = ""  # why nothing answered ("refused", "timeout"...), or a note

    @property
    def ended(self) -> float:
        return self.started + self.latency

    @property
    def failed(self) -> bool:
        """What a reader calls an error: no answer, or an error status."""
        return self.status is None or self.status >= 400

    @property
    def outcome(self) -> str:
        """The key of `errors by status`: "503", "refused", "timeout"..."""
        return str(self.status) if self.status is not None else (self.error or "no answer")


class Journal:
    """Every sample of a run, in the order they ended; safe to write from many threads."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self.origin = clock()
        self._samples: list[Sample] = []
        self._lock = threading.Lock()
        self.events: list[tuple[float, str]] = []  # (time, what the drill did)

    def now(self) -> float:
        return self._clock() - self.origin

    def record(self, sample: Sample) -> None:
        with self._lock:
            self._samples.append(sample)

    def note(self, what: str) -> float:
        """A drill's event ("app1 killed"), on the samples' clock; its time."""
        at = self.now()
        with self._lock:
            self.events.append((at, what))
        return at

    def samples(
        self, start: float = 0.0, end: float = float("inf"), kinds: Iterable[str] | None = None
    ) -> list[Sample]:
        """The samples that started in [start, end), of these kinds (all by default)."""
        wanted = set(kinds) if kinds is not None else None
        with self._lock:
            chosen = list(self._samples)
        return [
            s for s in chosen if start <= s.started < end and (wanted is None or s.kind in wanted)
        ]


# --- the accounting --------------------------------------------------------------------


def errors_by_outcome(samples: Iterable[Sample]) -> dict[str, int]:
    """How many failed, by status ("503") or by why nothing answered ("refused")."""
    counted = Counter(s.outcome for s in samples if s.failed)
    return dict(sorted(counted.items()))


def longest_interruption(samples: Iterable[Sample]) -> float:
    """The longest time during which every request that came back had failed.

    Requests are taken in the order they ended. A run of failures with no success
    between them is one interruption: from when the first of them was sent (or when the
    success before it came back, if later: readers were served until then) to when the
    last of them came back. 0 when nothing failed.
    """
    ordered = sorted(samples, key=lambda s: s.ended)
    longest = 0.0
    last_success_end: float | None = None
    run_start: float | None = None
    for sample in ordered:
        if sample.failed:
            if run_start is None:
                run_start = sample.started
                if last_success_end is not None:
                    run_start = max(run_start, last_success_end)
            longest = max(longest, sample.ended - run_start)
        else:
            run_start = None
            last_success_end = sample.ended
    return longest


def worst_actor_interruption(samples: Iterable[Sample]) -> tuple[str, float]:
    """The actor whose own longest run of failures was longest, and that run's length."""
    by_actor: dict[str, list[Sample]] = {}
    for sample in samples:
        by_actor.setdefault(sample.actor, []).append(sample)
    worst = ("", 0.0)
    for actor, own in sorted(by_actor.items()):
        seconds = longest_interruption(own)
        if seconds > worst[1]:
            worst = (actor, seconds)
    return worst


def summary(samples: Sequence[Sample]) -> dict:
    """Requests, errors by outcome and interruptions of the readers' samples given."""
    readers = [s for s in samples if s.kind in READER_KINDS]
    actor, worst = worst_actor_interruption(readers)
    latencies = sorted(s.latency for s in readers if not s.failed)
    return {
        "requests": len(readers),
        "errors": errors_by_outcome(readers),
        "error_count": sum(1 for s in readers if s.failed),
        "longest_interruption": round(longest_interruption(readers), 2),
        "worst_reader": actor,
        "worst_reader_interruption": round(worst, 2),
        "latency_p50": round(_quantile(latencies, 0.5), 3),
        "latency_p99": round(_quantile(latencies, 0.99), 3),
        "by_edge": {
            edge: {
                "requests": sum(1 for s in readers if s.edge == edge),
                "errors": sum(1 for s in readers if s.edge == edge and s.failed),
            }
            for edge in sorted({s.edge for s in readers})
        },
    }


def _quantile(ordered: Sequence[float], q: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# --- HTTP --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int | None
    headers: http.client.HTTPMessage | None
    body: bytes
    error: str = ""

    def header(self, name: str) -> str:
        return (self.headers.get(name) if self.headers is not None else None) or ""

    def header_values(self, name: str) -> list[str]:
        return self.headers.get_all(name) or [] if self.headers is not None else []

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def error_name(error: BaseException) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "refused"
    if isinstance(error, TimeoutError | socket.timeout):
        return "timeout"
    if isinstance(error, ConnectionResetError | BrokenPipeError):
        return "reset"
    if isinstance(error, http.client.RemoteDisconnected):
        return "disconnected"
    if isinstance(error, OSError) and error.errno is not None:
        return f"{type(error).__name__}:{error.errno}"
    return type(error).__name__


@dataclass(frozen=True)
class Edge:
    """An edge as readers reach it: its address and port (from its URL)."""

    address: str
    port: int = 80

    @classmethod
    def from_url(cls, url: str) -> Edge:
        parts = urlsplit(url if "//" in url else f"http://{url}")
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"{url!r}: an http://address[:port] URL is expected")
        return cls(parts.hostname, parts.port or 80)

    @property
    def host_header(self) -> str:
        return self.address if self.port == 80 else f"{self.address}:{self.port}"


def fetch(
    edge: Edge,
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    timeout: float = REQUEST_TIMEOUT_SECONDS,
) -> Answer:
    """One request on a new connection; an Answer even when nothing answered."""
    connection = http.client.HTTPConnection(edge.address, edge.port, timeout=timeout)
    sent = {"User-Agent": USER_AGENT, "Connection": "close", "Accept-Encoding": "identity"}
    try:
        connection.request(method, path, body=body, headers=sent | (headers or {}))
        response = connection.getresponse()
        content = response.read(MAX_BODY_BYTES)
        return Answer(response.status, response.headers, content)
    except (OSError, http.client.HTTPException) as error:
        return Answer(None, None, b"", error_name(error))
    finally:
        connection.close()


class Cookies:
    """A browser's cookies for one site, as simple as the drill needs.

    Secure cookies are sent over plain HTTP too: the cluster has no TLS (it would end in
    front of the edges), and production settings mark the session cookie Secure.
    """

    def __init__(self):
        self.values: dict[str, str] = {}

    def take(self, answer: Answer) -> None:
        for line in answer.header_values("Set-Cookie"):
            jar = SimpleCookie()
            try:
                jar.load(line)
            except CookieError:
                continue
            for name, morsel in jar.items():
                expired = morsel["max-age"] == "0" or "1970" in morsel["expires"]
                if expired or morsel.value == "":
                    self.values.pop(name, None)
                else:
                    self.values[name] = morsel.value

    def header(self) -> dict[str, str]:
        if not self.values:
            return {}
        return {"Cookie": "; ".join(f"{name}={value}" for name, value in self.values.items())}


# --- readers -----------------------------------------------------------------------------


@dataclass
class ReaderPlan:
    """What anonymous readers ask for: pages (weighted) and live polling answers."""

    pages: list[str]
    polls: list[str] = field(default_factory=list)
    poll_share: float = 0.2

    def pick(self, rng: random.Random) -> tuple[str, str]:
        if self.polls and rng.random() < self.poll_share:
            return "poll", rng.choice(self.polls)
        return "page", rng.choice(self.pages)


class Actor(threading.Thread):
    """A thread that acts until the load stops; `step()` does one thing and records it."""

    name_prefix = "actor"

    def __init__(self, number: int, journal: Journal, stopping: threading.Event, pause: float):
        super().__init__(name=f"{self.name_prefix}-{number}", daemon=True)
        self.number = number
        self.journal = journal
        self.stopping = stopping
        self.pause = pause
        # Which page comes next: reproducible from run to run, and no secret.
        self.rng = random.Random(number)  # noqa: S311
        self.failure: BaseException | None = None

    def run(self) -> None:
        # The first steps of the actors are spread over one pause.
        if self.stopping.wait(self.rng.uniform(0, self.pause)):
            return
        while not self.stopping.is_set():
            try:
                self.step()
            except Exception as error:  # a bug of the drill, not of the site: kept, shown
                self.failure = error
                return
            self.stopping.wait(self.pause)

    def step(self) -> None:
        raise NotImplementedError

    def send(
        self, kind: str, edge: Edge, method: str, path: str, note: str = "", **options
    ) -> Answer:
        """One request, recorded with `note` (or why nothing answered)."""
        started = self.journal.now()
        answer = fetch(edge, method, path, **options)
        self.record(kind, edge, path, started, answer, note)
        return answer

    def record(
        self, kind: str, edge: Edge, path: str, started: float, answer: Answer, note: str = ""
    ) -> None:
        latency = self.journal.now() - started
        sample = Sample(
            self.name,
            kind,
            edge.address,
            path,
            started,
            latency,
            answer.status,
            answer.error or note,
        )
        self.journal.record(sample)


class Reader(Actor):
    """An anonymous reader: the next page of the plan, from the next edge in turn."""

    name_prefix = "reader"

    def __init__(
        self, number, journal, stopping, pause, *, edges: Sequence[Edge], plan: ReaderPlan
    ):
        super().__init__(number, journal, stopping, pause)
        self.edges = list(edges)
        self.plan = plan
        self.turn = number

    def step(self) -> None:
        edge = self.edges[self.turn % len(self.edges)]
        self.turn += 1
        kind, path = self.plan.pick(self.rng)
        self.send(kind, edge, "GET", path)


class Load:
    """Actors started together, stopped together; the journal they all write in."""

    def __init__(self, journal: Journal | None = None):
        self.journal = journal or Journal()
        self.stopping = threading.Event()
        self.actors: list[Actor] = []

    def add(self, actor: Actor) -> Actor:
        self.actors.append(actor)
        return actor

    def add_readers(
        self, count: int, edges: Sequence[Edge], plan: ReaderPlan, pause: float = 0.1
    ) -> None:
        for number in range(1, count + 1):
            self.add(Reader(number, self.journal, self.stopping, pause, edges=edges, plan=plan))

    def start(self) -> None:
        for actor in self.actors:
            actor.start()

    def stop(self, seconds: float = REQUEST_TIMEOUT_SECONDS + 5) -> list[str]:
        """Stop every actor (a request under way ends by its timeout); the failures of
        the drill's own code, one line each (empty when none)."""
        self.stopping.set()
        deadline = time.monotonic() + seconds
        for actor in self.actors:
            actor.join(max(0.0, deadline - time.monotonic()))
        problems = [f"{a.name}: {a.failure!r}" for a in self.actors if a.failure]
        problems += [f"{a.name}: still running" for a in self.actors if a.is_alive()]
        return problems
