"""A live's polling answer through the real edge: Varnish (`kiosque edge`) in front of the site.

Every reader's open live page asks for the same address every few seconds; the edge must
answer them all from one cached copy, and an entry posted or deleted (the composer's call,
kiosque.live.services, from a `kiosque` process as a journalist's request would) must
reach them within seconds. The figures at 2,000 readers are in bench/live_polling.py.
"""

import json
import secrets
import select
import subprocess
import sys

import pytest

from tests.e2e.helpers import REPO_ROOT
from tests.e2e.test_edge import PROPAGATION_LIMIT_SECONDS, anonymous, until

# A journalist's desk in one `kiosque shell` process (one Django start-up for the module):
# it makes a live of its own, so that the demo's live (other browser tests read it) is
# left as is, then posts and deletes entries on command, one JSON line each way.
DESK = """
import json, sys
from datetime import timedelta
from django.urls import reverse
from django.utils import timezone
from kiosque.live.models import LiveEntry, LivePage
from kiosque.live.services import EntryDraft, delete_entry, post_entry
from kiosque.newsroom.models import SectionPage

def draft(text):
    return EntryDraft(body=[{"type": "paragraph", "value": f"<p>{text}</p>"}])

live = LivePage(
    title="DIRECT. Tempête sur la Manche : les ferries restent à quai",
    slug="direct-edge-" + SUFFIX,
    standfirst="Les traversées vers l'Angleterre sont suspendues jusqu'à nouvel ordre.",
    body=[],
    coverage_start=timezone.now() - timedelta(hours=1),
)
SectionPage.objects.live().first().add_child(instance=live)
live.save_revision().publish()
for number in (1, 2, 3):
    post_entry(live, None, draft(f"Point n° {number}."))
print(json.dumps({"id": live.pk, "path": reverse("live:updates", args=[live.pk])}), flush=True)
for line in sys.stdin:
    order = json.loads(line)
    if order["do"] == "post":
        entry = post_entry(live, None, draft(order["text"]))
        print(json.dumps({"id": entry.pk}), flush=True)
    elif order["do"] == "delete":
        delete_entry(LiveEntry.objects.get(pk=order["id"]), None)
        print(json.dumps({"deleted": order["id"]}), flush=True)
"""
ANSWER_SECONDS = 120  # a Django start-up on a machine busy with the rest of the suite


class Desk:
    def __init__(self, live_site):
        code = DESK.replace("SUFFIX", repr(secrets.token_hex(4)))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosque", "shell", "--verbosity", "0", "-c", code],
            env=live_site.env, cwd=REPO_ROOT, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        self.live = self.answer()

    def answer(self) -> dict:
        """The desk's next JSON line (lines the shell prints itself are skipped)."""
        while True:
            ready, _, _ = select.select([self.process.stdout], [], [], ANSWER_SECONDS)
            line = self.process.stdout.readline() if ready else ""
            if not line:
                self.process.kill()
                raise AssertionError(f"the desk stopped: {self.process.stderr.read()[-3000:]}")
            if line.startswith("{"):
                return json.loads(line)

    def order(self, **order) -> dict:
        self.process.stdin.write(json.dumps(order) + "\n")
        self.process.stdin.flush()
        return self.answer()

    def close(self) -> None:
        self.process.stdin.close()  # its last purges go out as it exits
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def desk(live_site):
    desk = Desk(live_site)
    yield desk
    desk.close()


def poll(live_site, path: str, **headers):
    answer = anonymous(live_site.edge(path), headers=headers)
    assert answer.status == 200, (answer.status, answer.body[:300])
    return answer, json.loads(answer.body)


def entry_ids(data: dict) -> set[int]:
    return {entry["id"] for entry in data["entries"]}


def hit(live_site, path: str, **headers):
    """The answer once the edge serves it from its cache (a purge may have just run)."""
    for _ in range(5):
        answer, data = poll(live_site, path, **headers)
        if answer.headers.get("X-Cache") == "HIT":
            return answer, data
    raise AssertionError(f"{path} never became a cache hit: {answer.headers}")


def test_the_polling_answer_is_one_shared_copy_whatever_the_reader_sends(live_site, desk):
    path = desk.live["path"]
    first, data = poll(live_site, path)
    assert data["live"] == desk.live["id"] and data["state"] == "running"
    assert len(data["entries"]) == 3
    second, _ = poll(live_site, path)
    assert second.headers["X-Cache"] == "HIT"
    assert second.body == first.body
    for answer in (first, second):
        assert "Set-Cookie" not in answer.headers
        assert "cookie" not in answer.headers.get("Vary", "").lower()
        assert "xkey" not in {name.lower() for name in answer.headers}  # keys stay at the edge
    cache_control = second.headers["Cache-Control"]
    assert "public" in cache_control and "s-maxage=" in cache_control

    # A logged-in reader's cookies change nothing: same copy, nothing personal set.
    cookies = f"sessionid={secrets.token_hex(16)}; csrftoken={secrets.token_hex(16)}"
    theirs, _ = poll(live_site, path, Cookie=cookies)
    assert theirs.headers["X-Cache"] == "HIT"
    assert theirs.body == first.body
    assert "Set-Cookie" not in theirs.headers
    # and the application itself, asked with them, answers the same public copy
    origin = anonymous(live_site.url(path), headers={"Cookie": cookies})
    assert origin.status == 200 and "public" in origin.headers["Cache-Control"]
    assert "Set-Cookie" not in origin.headers
    assert "cookie" not in origin.headers.get("Vary", "").lower()
    assert json.loads(origin.body)["entries"] == json.loads(first.body)["entries"]


def test_a_posted_entry_reaches_pollers_within_seconds_and_a_deleted_one_leaves(live_site, desk):
    path = desk.live["path"]
    _, before = hit(live_site, path)
    marker = f"{secrets.randbelow(12) + 8}h{secrets.token_hex(2)}"
    entry_id = desk.order(do="post", text=f"Le port de Cherbourg rouvre à {marker}.")["id"]
    assert entry_id not in entry_ids(before)

    took = until(lambda: entry_id in entry_ids(poll(live_site, path)[1]), PROPAGATION_LIMIT_SECONDS)
    assert took is not None, f"pollers still lacked the entry {PROPAGATION_LIMIT_SECONDS} s later"
    print(f"posted entry in the edge's answer {took * 1000:.0f} ms after it was committed")
    answer, data = hit(live_site, path)  # cached again: the next readers share the new copy
    assert marker in json.dumps(data["entries"][0], ensure_ascii=False)
    assert "Set-Cookie" not in answer.headers

    assert desk.order(do="delete", id=entry_id) == {"deleted": entry_id}
    took = until(
        lambda: entry_id not in entry_ids(poll(live_site, path)[1]), PROPAGATION_LIMIT_SECONDS
    )
    assert took is not None, (
        f"the deleted entry was still served {PROPAGATION_LIMIT_SECONDS} s later"
    )
    _, data = poll(live_site, path)
    assert entry_id in data["removed"]  # open pages take it away too
    assert marker not in answer_text(data)


def answer_text(data: dict) -> str:
    return json.dumps([data["entries"], data["changed"], data["pinned"]], ensure_ascii=False)
