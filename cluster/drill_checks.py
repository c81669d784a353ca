"""What the drill asks the cluster: its set-up, what was found afterwards, the lag.

The set-up and the final count run as `kiosque shell -c` on an application host: the
application's own models, the environment of a real host, the primary of the moment
(DATABASE_URL; `.using("default")` so that no read goes to the replica). Their input is
a JSON document inside the script (base64: no quoting to get wrong); their answer is
one line `DRILL-JSON <json>` on standard output.

The short probes during the drills (a task's status, a worker's id, the replica's lag)
are `psql` on the database host itself: a Django start-up would take seconds.
"""

from __future__ import annotations

import base64
import json
import threading
import time

from cluster.control import Cluster, ClusterError

ANSWER_PREFIX = "DRILL-JSON "
SCRIPT_SECONDS = 180

SCRIPT_HEAD = """
import base64, json
SPEC = json.loads(base64.b64decode("{spec}").decode())
def answer(data):
    print("DRILL-JSON " + json.dumps(data))
"""

# Reader accounts with a verified address (allauth requires one to log in and comment),
# a folder wire source that publishes automatically, and what readers will ask for.
SETUP_SCRIPT = """
import secrets
from urllib.parse import urlsplit
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone
from kiosque.discussion.threads import comments_open
from kiosque.live.models import LivePage, LiveState
from kiosque.newsroom.models import Agency, ArticlePage, SectionPage
from kiosque.newsroom.selectors import public_only
from kiosque.wires.models import Policy, WireSource

run = SPEC["run_id"]
User = get_user_model()
accounts = []
for number in range(SPEC["accounts"]):
    email = f"lecteur{number}.{run}@exercice.invalid"
    password = secrets.token_urlsafe(18)
    user = User.objects.create_user(username=f"kqd{run}r{number}", email=email, password=password)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    accounts.append([email, password])

def path_of(page):
    return urlsplit(page.get_url() or "/").path

now = timezone.now()
articles = list(public_only(ArticlePage.objects.live()).exclude(
    pk__in=LivePage.objects.values("pk")).order_by("-first_published_at")[:60])
open_ids = [a.pk for a in articles if comments_open(a)][:12]
sections = [path_of(s) for s in SectionPage.objects.live().order_by("path")[:10]]
lives = [l for l in public_only(LivePage.objects.live()).order_by("-first_published_at")
         if l.state_at(now) == LiveState.RUNNING]
agency = Agency.objects.order_by("pk").first() or Agency.objects.create(name="Agence d'exercice")
source, _ = WireSource.objects.update_or_create(
    name=f"exercice-{run}",
    defaults={"agency": agency, "kind": WireSource.Kind.FOLDER, "folder": SPEC["folder"],
              "policy": Policy.AUTO_PUBLISH, "enabled": True, "format": ""},
)
answer({
    "accounts": accounts,
    "articles": [path_of(a) for a in articles],
    "comment_article_ids": open_ids,
    "sections": sections,
    "lives": [{"id": l.pk, "path": path_of(l)} for l in lives],
    "wire_source": source.pk,
})
"""

ENQUEUE_POLL_SCRIPT = """
from kiosque.wires.tasks import wires_poll_sources
answer({"task": str(wires_poll_sources.enqueue().id)})
"""

# Every marker the writers had confirmed, looked for in the primary of the moment.
FOUND_SCRIPT = """
import re
from django.db.models import Count
from kiosque.discussion.models import Comment
from kiosque.live.models import LiveEntry
from kiosque.wires.models import WireArticle, WireItem
from wagtail.models import PageLogEntry

pattern = re.compile(SPEC["pattern"])

def markers(texts):
    found = {}
    for text in texts:
        for marker in pattern.findall(text or ""):
            found[marker] = found.get(marker, 0) + 1
    return found

comments = markers(Comment.objects.using("default").filter(
    body__contains=SPEC["prefix"]).values_list("body", flat=True))
entries = markers(LiveEntry.objects.using("default").filter(
    title__contains=SPEC["prefix"]).values_list("title", flat=True))
dispatches = {}
for item in WireItem.objects.using("default").filter(identity__in=SPEC["uris"]):
    links = list(WireArticle.objects.using("default").filter(item=item)
                 .values_list("article_id", flat=True))
    publishes = PageLogEntry.objects.using("default").filter(
        page_id__in=links, action="wagtail.publish").values("page_id").annotate(n=Count("id"))
    dispatches[item.identity] = {
        "articles": len(links),
        "most_publications": max([row["n"] for row in publishes] or [0]),
    }
answer({"comments": comments, "entries": entries, "dispatches": dispatches})
"""


def encoded(spec: dict) -> str:
    return base64.b64encode(json.dumps(spec).encode()).decode()


def script(body: str, spec: dict) -> str:
    return SCRIPT_HEAD.format(spec=encoded(spec)) + body


def parse_answer(output: str) -> dict:
    for line in reversed(output.splitlines()):
        if line.startswith(ANSWER_PREFIX):
            return json.loads(line[len(ANSWER_PREFIX) :])
    raise ClusterError(
        f"no answer from the drill's script; its output ended with:\n{output[-2000:]}"
    )


def run_script(cluster: Cluster, host: str, body: str, spec: dict) -> dict:
    output = cluster.kiosque(host, "shell", "-c", script(body, spec), timeout=SCRIPT_SECONDS)
    return parse_answer(output)


def api_token(cluster: Cluster, host: str, user: str, name: str) -> str:
    """A write token for `user` (`kiosque apitoken create`: the token is the last line)."""
    output = cluster.kiosque(host, "apitoken", "create", user, "--scope", "live", "--name", name)
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    if not lines or not lines[-1].startswith("kq_"):
        raise ClusterError(f"`kiosque apitoken create {user}` printed no token: {output[-500:]}")
    return lines[-1]


# --- psql probes -------------------------------------------------------------------------

TASKS = "django_tasks_database_dbtaskresult"


def sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def task_state(cluster: Cluster, primary: str, task_id: str) -> tuple[str, list[str]]:
    """A task's status and the ids of the workers that claimed it, in order."""
    row = cluster.psql(
        primary,
        f"SELECT status, worker_ids::text FROM {TASKS} WHERE id::text = {sql_text(task_id)}",  # noqa: S608 (quoted by sql_text)
    )
    if not row:
        return "missing", []
    status, _, workers = row.partition("|")
    try:
        return status, list(json.loads(workers or "[]"))
    except ValueError:
        return status, []


def worker_pids(cluster: Cluster, primary: str) -> dict[str, int]:
    """Each running worker's id → its process id (core_workerheartbeat)."""
    rows = cluster.psql(primary, "SELECT worker_id, pid FROM core_workerheartbeat")
    found = {}
    for line in rows.splitlines():
        worker_id, _, pid = line.partition("|")
        if pid.strip().isdigit():
            found[worker_id] = int(pid)
    return found


def database_now(cluster: Cluster, primary: str) -> str:
    """The primary's clock, as an SQL literal: task times are the database's."""
    return sql_text(cluster.psql(primary, "SELECT now()"))


def purge_retries(cluster: Cluster, primary: str, address: str, since: str, back: str) -> dict:
    """The purge retries queued for one edge since `since` (kiosque/edge/tasks.py): how
    many, how many still wait, how many ran after `back` (both database times). Every
    attempt that fails queues the next one: none waiting means the purges got through."""
    pattern = sql_text("%" + address + "%")
    sql = (
        "SELECT count(*), count(*) FILTER (WHERE status IN ('READY', 'RUNNING')), "  # noqa: S608
        f"count(*) FILTER (WHERE status = 'SUCCESSFUL' AND finished_at >= {back}::timestamptz) "
        f"FROM {TASKS} WHERE task_path LIKE '%.retry_purge' "
        f"AND args_kwargs::text LIKE {pattern} AND enqueued_at >= {since}::timestamptz"
    )
    queued, waiting, after = (int(n or 0) for n in cluster.psql(primary, sql).split("|"))
    return {"queued": queued, "waiting": waiting, "ran_after_return": after}


def replica_lag(cluster: Cluster, primary: str) -> tuple[float, int] | None:
    """(seconds, bytes) the standby is behind, from pg_stat_replication on the primary;
    None when the primary does not answer or has no standby streaming."""
    try:
        row = cluster.psql(
            primary,
            "SELECT coalesce(max(extract(epoch FROM replay_lag)), 0), "
            "coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0), count(*) "
            "FROM pg_stat_replication",
            timeout=5,
        )
    except (ClusterError, OSError, TimeoutError, ValueError):
        return None
    except Exception:  # subprocess.TimeoutExpired and the like: no sample this time
        return None
    seconds, lag_bytes, count = [*row.split("|"), "", "", "0"][:3]
    if not count.strip().isdigit() or int(count) == 0:
        return None
    return float(seconds or 0), int(float(lag_bytes or 0))


class LagSampler(threading.Thread):
    """Samples the replica's lag every `interval` seconds on the primary of the moment
    (`primary`: the drill changes it after a promotion)."""

    def __init__(self, cluster: Cluster, journal, interval: float = 2.0):
        super().__init__(name="lag-sampler", daemon=True)
        self.cluster = cluster
        self.journal = journal
        self.interval = interval
        self.primary = "primary"
        self.samples: list[tuple[float, float, int]] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            began = time.monotonic()
            lag = replica_lag(self.cluster, self.primary) if self.primary else None
            if lag is not None:
                self.samples.append((self.journal.now(), *lag))
            self.stopping.wait(max(0.1, self.interval - (time.monotonic() - began)))

    def between(self, start: float, end: float) -> dict:
        chosen = [s for s in self.samples if start <= s[0] < end]
        if not chosen:
            return {"samples": 0, "max_seconds": None, "max_bytes": None}
        return {
            "samples": len(chosen),
            "max_seconds": round(max(s[1] for s in chosen), 3),
            "max_bytes": max(s[2] for s in chosen),
        }

    def stop(self) -> None:
        self.stopping.set()
        self.join(10)
