"""Page views counted at the real edge: Varnish (`kiosque edge`, which starts varnishncsa)
in front of the demo site, the same `live_site` the browser tests use."""

import json
import secrets
import subprocess
import sys
import time
import urllib.request

from kiosque.audience.counting import COUNT_HEADER
from tests.e2e.helpers import REPO_ROOT

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
LOG_WAIT_SECONDS = 10.0
# Ingests what the edge logged so far, then prints the home page's views (all hours).
INGEST_AND_COUNT = """
import json
from django.db.models import Sum
from wagtail.models import Site
from kiosque.audience.ingest import ingest_files
from kiosque.audience.models import HourlyPageViews
from django.conf import settings
report = ingest_files(settings.AUDIENCE_LOG_FILES)
home = Site.objects.get(is_default_site=True).root_page_id
total = HourlyPageViews.objects.filter(page_id=home).aggregate(n=Sum("views"))["n"] or 0
print(json.dumps({"home": home, "views": total, "counted": report.counted}))
"""


def ingest_and_count(live_site) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "kiosque", "shell", "-c", INGEST_AND_COUNT],
        env=live_site.env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def fetch(url: str, agent: str) -> dict:
    request = urllib.request.Request(url, headers={"User-Agent": agent})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (127.0.0.1)
        response.read()
        assert response.status == 200
        return dict(response.headers)


def lines_with(log_path, token: str, expected: int) -> list[str]:
    deadline = time.monotonic() + LOG_WAIT_SECONDS
    while True:
        text = log_path.read_text() if log_path.exists() else ""
        found = [line for line in text.splitlines() if token in line]
        if len(found) >= expected or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def test_every_copy_the_edge_serves_is_counted_once_robots_never(live_site):
    log = live_site.var_dir / "log" / "audience.log"
    before = ingest_and_count(live_site)
    token = secrets.token_hex(8)
    # A URL of its own: the first request is a miss, the next two come from the cache.
    url = live_site.edge(f"/?audience={token}")
    reader = f"{FIREFOX} test-{token}"
    served = [fetch(url, reader) for _ in range(3)]
    robot = fetch(url, f"Mozilla/5.0 (compatible; Googlebot/2.1) test-{token}")
    assert [headers["X-Cache"] for headers in served] == ["MISS", "HIT", "HIT"]
    assert all(COUNT_HEADER not in headers for headers in [*served, robot])

    lines = lines_with(log, token, expected=4)
    assert len(lines) == 4, lines
    assert all(f"\t{before['home']}\t" in line for line in lines)
    assert not any("127.0.0.1" in line for line in lines)  # no address in the log

    after = ingest_and_count(live_site)
    assert after["views"] - before["views"] == 3  # 1 miss + 2 hits; the robot left out

    # The database keeps counts only: no User-Agent (the token was in it).
    database = live_site.var_dir / "kiosque.sqlite3"
    for path in (database, database.with_name(database.name + "-wal")):
        if path.exists():
            assert token.encode() not in path.read_bytes()
