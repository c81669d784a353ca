"""How far behind each streaming replica is, and whether the primary answers (decision 0073).

A replica (a PostgreSQL hot standby) replays the primary's write-ahead log a little
behind it. Its lag is measured on the replica itself, in one short query:

- caught up (everything received is replayed) while a WAL receiver is connected: 0;
- otherwise, now() minus the commit time of the last transaction it replayed. After an
  idle spell that figure looks large for the moment the next write takes to replay:
  reads go to the primary for that moment, which is the safe direction.

A replica with no WAL receiver (the primary is down, or the link between them is cut)
has replayed all it has but cannot say how much it is missing. It is read only when
the primary does not answer either: stale pages beat no pages, and while the primary is
down nothing newer can exist (decision 0073 says what a cut link costs).

Each process keeps a verdict about a second (VERDICT_SECONDS) and remembers a server
that did not answer for a few (DOWN_SECONDS): the measure costs one query per replica
per process per second, and a dead server is not dialled by every request.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

VERDICT_SECONDS = 1.0
DOWN_SECONDS = 3.0

# One round trip. pg_stat_wal_receiver shows its row (the process id) to every role,
# its details to monitoring roles only: only the row's presence is used.
LAG_QUERY = """
    SELECT pg_is_in_recovery(),
           COALESCE(pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(), FALSE),
           EXTRACT(EPOCH FROM pg_last_xact_replay_timestamp())::float8,
           EXTRACT(EPOCH FROM now())::float8,
           EXISTS (SELECT FROM pg_stat_wal_receiver)
"""


@dataclass(frozen=True)
class Verdict:
    """What one measure found. `replayed_until`: the primary's commit time (epoch
    seconds) of the last transaction the replica replayed; infinite for a server that
    is no longer a replica (promoted: it has all it will ever have)."""

    reachable: bool
    lag: float = math.inf
    replayed_until: float = -math.inf
    detached: bool = False
    measured_at: float = 0.0  # time.monotonic()

    def still_valid(self, now: float) -> bool:
        keep = VERDICT_SECONDS if self.reachable else DOWN_SECONDS
        return now - self.measured_at < keep

    def fit_to_read(self, *, max_lag: float, last_change: float | None) -> bool:
        """Within the lag bound, and holding the site's last content change when that
        change is recent (older ones are covered by the lag bound)."""
        if not self.reachable or self.lag > max_lag:
            return False
        return last_change is None or self.replayed_until >= last_change


def replica_aliases() -> list[str]:
    """The databases that copy the primary: the test mirrors of "default", as
    settings.environment declares each replica (and as Django's own docs do)."""
    return [
        alias
        for alias, database in settings.DATABASES.items()
        if alias != DEFAULT_DB_ALIAS and database.get("TEST", {}).get("MIRROR") == DEFAULT_DB_ALIAS
    ]


_verdicts: dict[str, Verdict] = {}
_primary: dict[str, tuple[bool, float]] = {}


def forget() -> None:
    """Measure everything again at the next need (tests)."""
    _verdicts.clear()
    _primary.clear()


def forget_replicas() -> None:
    """Measure the replicas again (after a database error: one may have gone). What is
    known of the primary stays: dialling one that vanished costs the connect timeout."""
    _verdicts.clear()


def replica_verdict(alias: str) -> Verdict:
    now = time.monotonic()
    known = _verdicts.get(alias)
    if known is not None and known.still_valid(now):
        return known
    verdict = _measure(alias, now)
    _verdicts[alias] = verdict
    return verdict


def _measure(alias: str, now: float) -> Verdict:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(LAG_QUERY)
            in_recovery, caught_up, replayed_at, server_now, receiving = cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Replica %s does not answer: %s", alias, error)
        _close_quietly(alias)
        return Verdict(reachable=False, measured_at=now)
    if not in_recovery:
        return Verdict(reachable=True, lag=0.0, replayed_until=math.inf, measured_at=now)
    if caught_up and receiving:
        lag = 0.0
    elif replayed_at is not None:
        lag = max(server_now - replayed_at, 0.0)
    else:  # nothing replayed since it started: no way to tell
        lag = math.inf
    return Verdict(
        reachable=True,
        lag=lag,
        replayed_until=replayed_at if replayed_at is not None else -math.inf,
        detached=not receiving,
        measured_at=now,
    )


def primary_known_down() -> bool:
    """Whether a recent attempt (a routing decision, /healthz) found the primary away.
    Never dials it: asking costs nothing."""
    known = _primary.get(DEFAULT_DB_ALIAS)
    if known is None:
        return False
    answers, measured_at = known
    return not answers and time.monotonic() - measured_at < DOWN_SECONDS


def primary_answers() -> bool:
    """Whether the primary answers a query, remembered like a replica's verdict."""
    now = time.monotonic()
    known = _primary.get(DEFAULT_DB_ALIAS)
    if known is not None:
        answers, measured_at = known
        if now - measured_at < (VERDICT_SECONDS if answers else DOWN_SECONDS):
            return answers
    return primary_health() is not None


def primary_health() -> str | None:
    """`ok` when the primary can take writes, `read-only` when it answers but cannot
    (a standby named in DATABASE_URL, not yet promoted), None when it does not answer."""
    connection = connections[DEFAULT_DB_ALIAS]
    query = "SELECT pg_is_in_recovery()" if connection.vendor == "postgresql" else "SELECT 0"
    try:
        with connection.cursor() as cursor:
            cursor.execute(query)
            in_recovery = bool(cursor.fetchone()[0])
    except DatabaseError as error:
        logger.warning("The primary database does not answer: %s", error)
        _close_quietly(DEFAULT_DB_ALIAS)
        _primary[DEFAULT_DB_ALIAS] = (False, time.monotonic())
        return None
    _primary[DEFAULT_DB_ALIAS] = (True, time.monotonic())
    return "read-only" if in_recovery else "ok"


def some_replica_answers() -> bool:
    for alias in replica_aliases():
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError as error:
            logger.warning("Replica %s does not answer: %s", alias, error)
            _close_quietly(alias)
            continue
        return True
    return False


def _close_quietly(alias: str) -> None:
    # The next use opens a new connection instead of failing on the broken one.
    with contextlib.suppress(DatabaseError):
        connections[alias].close()
