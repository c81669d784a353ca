"""Adding the page views of access logs: parsing, robots, hours, positions, rotation,
malformed lines, the adding upsert, and the 13 months' retention."""

import os
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command

from kiosque.audience.ingest import ingest_file, ingest_lines, position_key
from kiosque.audience.lines import MalformedLine, parse_line
from kiosque.audience.models import HourlyPageViews, LogPosition
from kiosque.audience.retention import delete_expired_views, months_before
from kiosque.audience.robots import is_robot
from tests.concurrency import on_postgresql, run_together

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
# 2026-12-07 08:15:00 UTC
MORNING = int(datetime(2026, 12, 7, 8, 15, tzinfo=UTC).timestamp())


def line(page_id, *, at=MORNING, method="GET", status=200, purpose="-", agent=FIREFOX) -> str:
    return f"{at}\t{method}\t{status}\t{page_id}\t{purpose}\t{agent}\n"


def views_of(page_id) -> dict[datetime, int]:
    return dict(HourlyPageViews.objects.filter(page_id=page_id).values_list("hour", "views"))


# --- one line ------------------------------------------------------------------------


def test_a_readers_line_is_a_view_of_its_page_in_its_utc_hour():
    view = parse_line(line(42, agent=SAFARI))
    assert view.page_id == 42
    assert view.hour == datetime(2026, 12, 7, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
        "Mediapartners-Google",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
        "curl/7.88.1",
        "Wget/1.21",
        "python-requests/2.32.3",
        "WhatsApp/2.23.20.0",
        "",
        "-",
    ],
)
def test_robots_previews_and_scripts_are_not_readers(agent):
    assert is_robot(agent)
    assert parse_line(line(42, agent=agent)) is None


def test_head_errors_redirects_and_prefetches_are_not_views():
    assert parse_line(line(42, status=304)) is not None  # the reader opened it again
    assert parse_line(line(42, method="HEAD")) is None
    for status in (404, 410, 500, 503, 301):
        assert parse_line(line(42, status=status)) is None
    assert parse_line(line(42, purpose="prefetch")) is None
    assert parse_line(line(42, purpose="prefetch;prerender")) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        '127.0.0.1 - - [07/Dec/2026:08:15:00 +0000] "GET / HTTP/1.1" 200 512',  # not our format
        f"{MORNING}\tGET\t200\t42\t-",  # a field missing
        f"x{MORNING}\tGET\t200\t42\t-\t{FIREFOX}",
        f"{MORNING}\tGET\t2000\t42\t-\t{FIREFOX}",
        f"{MORNING}\tGET\t200\t-\t-\t{FIREFOX}",  # the edge logged no count
        f"{MORNING}\tGET\t200\t4x2\t-\t{FIREFOX}",
        f"{MORNING}\tGET\t200\t{'9' * 30}\t-\t{FIREFOX}",
        f"99\tGET\t200\t42\t-\t{FIREFOX}",  # 1970
        f"{MORNING}\tGET\t200\t４２\t-\t{FIREFOX}",  # non-ASCII digits
    ],
)
def test_a_line_that_is_not_ours_is_malformed(text):
    with pytest.raises(MalformedLine):
        parse_line(text)


# --- adding ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_views_are_summed_per_page_and_hour_and_unknown_pages_skipped(newsroom):
    home, monde = newsroom.home.pk, newsroom.monde.pk
    report = ingest_lines(
        [
            line(home),
            line(home, at=MORNING + 60),
            line(home, at=MORNING + 3600),  # 09:15, the next hour
            line(monde, agent=SAFARI),
            line(home, agent="Googlebot/2.1"),
            line(999_999),  # a page deleted since
            "not a line\n",
        ]
    )
    assert views_of(home) == {
        datetime(2026, 12, 7, 8, tzinfo=UTC): 2,
        datetime(2026, 12, 7, 9, tzinfo=UTC): 1,
    }
    assert views_of(monde) == {datetime(2026, 12, 7, 8, tzinfo=UTC): 1}
    assert (report.counted, report.skipped, report.malformed, report.unknown_pages) == (4, 1, 1, 1)


@pytest.mark.django_db
def test_a_second_ingestion_adds_to_the_hour_it_does_not_overwrite_it(newsroom):
    home = newsroom.home.pk
    ingest_lines([line(home)] * 3)
    ingest_lines([line(home)] * 2)
    assert views_of(home) == {datetime(2026, 12, 7, 8, tzinfo=UTC): 5}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_ingesters_at_once_both_count(newsroom):
    """Two edges' logs added at the same moment, each in its own connection. (SQLite
    takes its write lock at the start of every transaction: they cannot overlap there.)"""
    on_postgresql()
    home = newsroom.home.pk

    def ingest(count):
        return lambda: [ingest_lines([line(home)] * count) for _ in range(5)]

    outcomes = run_together([ingest(3), ingest(7)])
    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert views_of(home) == {datetime(2026, 12, 7, 8, tzinfo=UTC): 5 * (3 + 7)}


# --- files -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_file_is_read_from_where_the_last_reading_stopped(newsroom, tmp_path):
    home = newsroom.home.pk
    log = tmp_path / "audience.log"
    log.write_text(line(home) * 2 + line(home)[:20])  # the last line still being written
    assert ingest_file(str(log)).counted == 2
    with log.open("a") as file:
        file.write(line(home)[20:] + line(home))
    assert ingest_file(str(log)).counted == 2  # the finished line and the new one
    assert ingest_file(str(log)).counted == 0  # nothing new: nothing counted again
    call_command("audience_ingest", str(log), stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert views_of(home) == {datetime(2026, 12, 7, 8, tzinfo=UTC): 4}
    position = LogPosition.objects.get(path=position_key(str(log)))
    assert position.offset == log.stat().st_size
    assert position.inode == log.stat().st_ino


@pytest.mark.django_db
def test_a_rotated_file_is_finished_then_the_new_one_read_from_its_start(newsroom, tmp_path):
    home = newsroom.home.pk
    log = tmp_path / "audience.log"
    log.write_text(line(home))
    ingest_file(str(log))
    with log.open("a") as file:
        file.write(line(home) * 2)  # written just before the rotation, not read yet
    log.rename(tmp_path / "audience.log.1")  # logrotate
    log.write_text(line(home) * 3)  # the edge's new file
    assert ingest_file(str(log)).counted == 5
    assert views_of(home) == {datetime(2026, 12, 7, 8, tzinfo=UTC): 6}
    (tmp_path / "audience.log.1").unlink()  # compressed or deleted: nothing to finish
    log.rename(tmp_path / "audience.log.1")
    log.write_text(line(home))
    assert ingest_file(str(log)).counted == 1


@pytest.mark.django_db
def test_a_file_truncated_in_place_is_read_from_its_start(newsroom, tmp_path):
    home = newsroom.home.pk
    log = tmp_path / "audience.log"
    log.write_text(line(home) * 3)
    ingest_file(str(log))
    log.write_text(line(home))  # copytruncate, then one new line
    assert ingest_file(str(log)).counted == 1


@pytest.mark.django_db
def test_malformed_lines_and_a_binary_file_never_stop_the_reading(newsroom, tmp_path):
    home = newsroom.home.pk
    log = tmp_path / "audience.log"
    log.write_bytes(
        b"\xff\xfe\x00 binary junk\n" + line(home).encode() + b"x" * 40_000 + b"\n"
        + line(home).encode()
    )  # fmt: skip
    report = ingest_file(str(log))
    assert (report.counted, report.malformed) == (2, 2)
    # Characters Python's splitlines() would break a line at (a User-Agent may hold them).
    with log.open("a") as file:
        file.write(line(home, agent="Mozilla/5.0 \x0b\x1c\u2028 Firefox/128.0"))
    assert ingest_file(str(log)).counted == 1
    missing = ingest_file(str(tmp_path / "absent.log"))
    assert missing.lines == 0


@pytest.mark.django_db
def test_standard_input_is_counted_with_no_position(newsroom, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(line(newsroom.home.pk) * 2))
    out = io.StringIO()
    call_command("audience_ingest", "-", stdout=out)
    assert "2 views counted" in out.getvalue()
    assert not LogPosition.objects.exists()


# --- retention -------------------------------------------------------------------------


def test_thirteen_months_are_calendar_months():
    assert months_before(datetime(2026, 12, 7, 8, tzinfo=UTC), 13) == datetime(
        2025, 11, 7, 8, tzinfo=UTC
    )
    assert months_before(datetime(2027, 3, 31, tzinfo=UTC), 13) == datetime(2026, 2, 28, tzinfo=UTC)


@pytest.mark.django_db
def test_hours_older_than_thirteen_months_are_deleted(newsroom):
    home = newsroom.home.pk
    kept = datetime(2025, 11, 7, 9, tzinfo=UTC)
    for hour in (datetime(2025, 11, 7, 7, tzinfo=UTC), kept, datetime(2026, 12, 7, 8, tzinfo=UTC)):
        HourlyPageViews.objects.create(page_id=home, hour=hour, views=3)
    with time_machine.travel(datetime(2026, 12, 7, 8, 30, tzinfo=UTC), tick=False):
        assert delete_expired_views() == 1
    assert min(views_of(home)) == kept


# --- the edge's format -----------------------------------------------------------------


def test_the_edge_writes_the_fields_the_ingester_reads_and_the_service_says_the_same():
    from pathlib import Path

    from kiosque.audience.lines import FIELDS
    from kiosque.edge.page_view_log import VARNISHNCSA_FORMAT, VARNISHNCSA_QUERY

    assert len(VARNISHNCSA_FORMAT.split(r"\t")) == FIELDS
    assert "%h" not in VARNISHNCSA_FORMAT and "Cookie" not in VARNISHNCSA_FORMAT
    unit = (Path(__file__).parents[2] / "deploy/varnish/kiosque-audience.service").read_text()
    [start] = [row for row in unit.splitlines() if row.startswith("ExecStart=")]
    assert f'-F "{VARNISHNCSA_FORMAT.replace("%", "%%")}"' in start
    assert f'-q "{VARNISHNCSA_QUERY}"' in start
