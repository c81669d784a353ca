"""One agency's hostile file is refused and set aside; every other file and source goes on.

Issue 19's probe: a ninjs file nested 100,000 levels deep, or holding an integer of
thousands of digits, escaped the JSON reader (RecursionError, ValueError). `kiosque
ingest` stopped its batch with a traceback, `kiosque wires_poll` crashed, and the
worker's poll task died without scheduling the next one, so every agency's dispatches
waited for ever.
"""

import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone

from kiosque.wires import sources
from kiosque.wires.models import WireItem, WireSource
from kiosque.wires.tasks import wires_poll_sources
from tests.wires.helpers import ninjs, write_json

pytestmark = pytest.mark.django_db
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
NEWSML = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'

# The probe's files, and the reason each one is refused with.
HOSTILE = {
    "1-deep.json": ("[" * 100_000 + "]" * 100_000, "JSON nested deeper than 64 levels"),
    "2-deep-object.json": ('{"a":' * 100_000 + "1" + "}" * 100_000, "JSON nested deeper"),
    "3-digits.json": (
        '{"uri": "urn:x:digits", "urgency": ' + "9" * 5000 + "}",
        "JSON number of 5000 characters (the limit is 40)",
    ),
    "4-deep.xml": (
        f'<newsItem {NEWSML} guid="urn:x:deep">'
        + "<a>" * 100_000
        + "</a>" * 100_000
        + "</newsItem>",
        "XML nested deeper than 256 levels",
    ),
}
GOOD = "urn:kiosque-test:good"


def hostile_files(folder):
    for name, (content, _) in HOSTILE.items():
        (folder / name).write_text(content)


def good_file(folder, name="9-good.json", uri=GOOD):
    return write_json(folder, name, ninjs(uri=uri))


@pytest.fixture
def two_agencies(newsroom, tmp_path, settings):
    """Agency A's folder holds the hostile files, agency B's a good dispatch."""
    settings.WIRES_FOLDER_SETTLE_SECONDS = 0
    folders = {}
    for name in ("a-hostile", "b-good"):
        folder = tmp_path / name
        folder.mkdir()
        folders[name] = folder
        WireSource.objects.create(
            name=name,
            agency=newsroom.agency,
            kind=WireSource.Kind.FOLDER,
            folder=str(folder),
            default_section=newsroom.sport,
        )
    hostile_files(folders["a-hostile"])
    good_file(folders["a-hostile"], uri=GOOD + "-a")
    good_file(folders["b-good"], uri=GOOD + "-b")
    return folders


def assert_filed_away(folders):
    """Hostile files in failed/ with their reason beside them; good ones ingested."""
    hostile = folders["a-hostile"]
    for name, (_, reason) in HOSTILE.items():
        assert not (hostile / name).exists()
        assert (hostile / "failed" / name).exists()
        assert reason in (hostile / "failed" / f"{name}.reason.txt").read_text()
    assert (hostile / "done" / "9-good.json").exists()
    assert (folders["b-good"] / "done" / "9-good.json").exists()
    assert set(WireItem.objects.values_list("identity", flat=True)) == {GOOD + "-a", GOOD + "-b"}
    # No lock left behind: the folder is polled as usual next time.
    assert not list(hostile.glob(".*.lock"))


def test_ingest_refuses_each_hostile_file_and_goes_on(newsroom, tmp_path):
    hostile_files(tmp_path)
    good_file(tmp_path)
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("ingest", str(tmp_path), stdout=out, stderr=err)
    assert exit_.value.code == 1
    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines] == ["rejected"] * 4 + ["created"]
    for name, (_, reason) in HOSTILE.items():
        assert f"{tmp_path / name}: {reason}" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert list(WireItem.objects.values_list("identity", flat=True)) == [GOOD]


def test_wires_poll_command_files_them_away_and_polls_every_source(two_agencies):
    out, err = StringIO(), StringIO()
    call_command("wires_poll", stdout=out, stderr=err)  # no SystemExit: no source failed
    assert "a-hostile: rejected" in out.getvalue() and "b-good: created" in out.getvalue()
    assert err.getvalue() == ""
    assert_filed_away(two_agencies)


@override_settings(TASKS=DB_TASKS)
def test_worker_poll_task_survives_and_schedules_the_next_poll(two_agencies, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    # The worker closes "old" connections between tasks; inside the test's transaction
    # that would lose the test data on PostgreSQL.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    DBTaskResult.objects.all().delete()  # what saving the sources queued
    wires_poll_sources.enqueue()
    call_command("worker", "--batch", "--no-startup-delay", verbosity=0)
    poll = DBTaskResult.objects.filter(task_path=wires_poll_sources.module_path)
    assert poll.filter(status="SUCCESSFUL").count() == 1
    assert_filed_away(two_agencies)
    # The chain goes on: the next poll waits in the queue, in the future.
    assert poll.filter(status="READY", run_after__gt=timezone.now()).count() == 1


@override_settings(TASKS=DB_TASKS)
def test_a_failing_source_neither_stops_the_others_nor_the_polling(two_agencies, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    real_folder_poll = sources.folder_poll

    def broken_for_a(*, source):
        if source.name == "a-hostile":
            raise PermissionError(13, "Permission denied", source.folder)
        return real_folder_poll(source=source)

    monkeypatch.setattr(sources, "folder_poll", broken_for_a)
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("wires_poll", stdout=out, stderr=err)
    assert exit_.value.code == 1
    assert "a-hostile: poll failed: PermissionError" in err.getvalue()
    assert "b-good: created" in out.getvalue()

    DBTaskResult.objects.all().delete()
    good_file(two_agencies["b-good"], "later.json", uri=GOOD + "-later")
    assert wires_poll_sources.call() == {"created": 1}  # the task itself does not raise
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # next poll queued


def test_an_unexpected_reader_fault_rejects_that_file_only(two_agencies, monkeypatch, caplog):
    """Any exception, not only the expected refusals: logged with the file's name, the
    file set aside with the reason, the folder's other files ingested."""
    from kiosque.wires import batch

    real_parse = batch.parse_file

    def parser_bug(data, **kwargs):
        if b"urn:kiosque-test:good-a" in data:
            raise KeyError("a bug in the parser")
        return real_parse(data, **kwargs)

    monkeypatch.setattr(batch, "parse_file", parser_bug)
    with caplog.at_level(logging.ERROR, logger="kiosque.wires"):
        call_command("wires_poll", stdout=StringIO())
    failed = two_agencies["a-hostile"] / "failed"
    reason = (failed / "9-good.json.reason.txt").read_text()
    assert "internal error while reading the file: KeyError: 'a bug in the parser'" in reason
    assert any("9-good.json" in record.getMessage() for record in caplog.records)
    assert WireItem.objects.filter(identity=GOOD + "-b").exists()


def test_a_database_outage_leaves_the_file_for_the_next_poll(two_agencies, monkeypatch):
    """Not the file's fault: it is not set aside as rejected."""

    def database_down(path, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(sources, "ingest_file", database_down)
    results = {source.name: error for source, _, error in sources.sources_poll()}
    assert isinstance(results["a-hostile"], OperationalError)
    assert isinstance(results["b-good"], OperationalError)
    folder = two_agencies["b-good"]
    assert (folder / "9-good.json").exists() and not (folder / "failed").exists()
    assert not list(folder.glob(".*.lock"))


def test_a_database_outage_while_storing_an_item_rejects_nothing(
    two_agencies, monkeypatch, tmp_path
):
    """The connection lost in the middle of an item (after the file was read): neither
    the poll nor `kiosque ingest` calls the item rejected; the file waits where it is."""
    from kiosque.wires import batch

    def connection_lost(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(batch, "wire_item_ingest", connection_lost)
    results = {source.name: error for source, _, error in sources.sources_poll()}
    assert isinstance(results["b-good"], OperationalError)
    folder = two_agencies["b-good"]
    assert (folder / "9-good.json").exists() and not (folder / "failed").exists()

    with pytest.raises(CommandError, match="database unavailable while ingesting") as raised:
        call_command("ingest", str(folder / "9-good.json"), stdout=StringIO())
    assert raised.value.returncode == 3
    assert not WireItem.objects.exists()


def test_a_hostile_feed_is_refused_with_its_reason(newsroom, monkeypatch):
    source = WireSource.objects.create(
        name="feed",
        agency=newsroom.agency,
        kind=WireSource.Kind.HTTP,
        feed_url="http://127.0.0.1:9/feed.json",
        default_section=newsroom.sport,
    )

    class Response:
        status_code = 200
        headers: dict = {}

    monkeypatch.setattr(
        sources, "_get", lambda url, headers: (b"[" * 100_000 + b"]" * 100_000, Response())
    )
    [result] = sources.feed_poll(source=source)
    assert (result.outcome, result.reason) == ("rejected", "JSON nested deeper than 64 levels")
