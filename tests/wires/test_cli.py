"""`kiosque ingest`: one line per item, outcomes and exit codes."""

import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kiosque.wires.models import WireSource
from tests.wires.helpers import ninjs, write_json

pytestmark = [pytest.mark.django_db, pytest.mark.processes]


def run(*args) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_outcome_lines_and_exit_zero(newsroom, tmp_path, settings):
    settings.BASE_URL = "https://www.kiosque.example"
    write_json(tmp_path, "a.json", ninjs())
    code, out, err = run(tmp_path, "--publish")
    assert code == 0 and err == ""
    outcome, identity, version, url = out.split()
    assert (outcome, identity, version) == ("created", "urn:kiosque-test:douarnenez", "v1")
    assert url.startswith("https://www.kiosque.example/monde/douarnenez")
    code, out, _ = run(tmp_path / "a.json")
    assert out.split()[:3] == ["unchanged", "urn:kiosque-test:douarnenez", "v1"]


def test_every_outcome(newsroom, tmp_path):
    lines = []
    for name, item in [
        ("1.json", ninjs(version="2")),
        ("2.json", ninjs(version="3")),
        ("3.json", ninjs(version="3")),
        ("4.json", ninjs(version="1")),
        ("5.json", ninjs(uri="urn:kiosque-test:held", pubstatus="withheld")),
        ("6.json", ninjs(version="4", pubstatus="canceled")),
    ]:
        path = write_json(tmp_path, name, item)
        lines.append(run(path)[1].split()[0])
    (tmp_path / "7.json").write_text("{")
    code, out, err = run(tmp_path / "7.json")
    lines.append(out.split()[0])
    assert lines == ["created", "updated", "unchanged", "ignored", "held", "killed", "rejected"]
    assert code == 1 and "malformed JSON" in err


def test_json_lines_and_rejections_do_not_stop_the_batch(newsroom, tmp_path):
    write_json(tmp_path, "a.json", ninjs(uri="urn:kiosque-test:a"))
    write_json(tmp_path, "b.json", {"headline": "sans identité"})
    write_json(tmp_path, "c.json", ninjs(uri="urn:kiosque-test:c"))
    code, out, err = run(tmp_path, "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["outcome"] for r in rows] == ["created", "rejected", "created"]
    assert set(rows[0]) == {"outcome", "id", "version", "url", "reason"}
    assert rows[1]["reason"] == "missing identity: no uri"
    assert rows[0]["version"] == "1" and rows[0]["url"] is None
    assert code == 1 and "missing identity" in err


def test_usage_errors_exit_two(newsroom, tmp_path):
    with pytest.raises(CommandError) as unknown_source:
        call_command("ingest", str(tmp_path), "--source", "nope")
    assert unknown_source.value.returncode == 2
    with pytest.raises(CommandError) as missing:
        call_command("ingest", str(tmp_path / "absent.json"))
    assert missing.value.returncode == 2


def test_source_option(newsroom, tmp_path):
    WireSource.objects.create(name="afp", agency=newsroom.agency, default_section=newsroom.sport)
    write_json(tmp_path, "a.json", ninjs(copyrightholder="Autre"))
    code, out, _ = run(tmp_path, "--source", "afp", "--publish")
    assert code == 0 and "/sport/" in out


def test_real_process_exit_status_for_bad_usage():
    completed = subprocess.run(
        [sys.executable, "-m", "kiosque", "ingest", "--settings=kiosque.settings.test"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert "PATH" in completed.stderr


class Terminal(StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_progress_bar_only_on_a_terminal(newsroom, tmp_path, terminal):
    for n in range(25):
        write_json(tmp_path, f"{n:02d}.json", ninjs(uri=f"urn:kiosque-test:{n}"))
    out, err = StringIO(), Terminal() if terminal else StringIO()
    call_command("ingest", str(tmp_path), stdout=out, stderr=err)
    assert len(out.getvalue().splitlines()) == 25
    assert ("25/25" in err.getvalue()) is terminal
    assert "[" not in out.getvalue()


def test_terminal_control_sequences_in_a_dispatch_are_printed_escaped(newsroom, tmp_path):
    # A careless (or hostile) agency's identity: an OSC that retitles the terminal and a
    # CSI that erases the line; printed raw, the terminal would run them.
    hostile = "urn:kiosque-test:\x1b]0;pwned\x07\x1b[2Kfaux"
    write_json(tmp_path, "a.json", ninjs(uri=hostile))
    (tmp_path / "b.json").write_text('{"uri": "urn:kiosque-test:\\u009b31m", "version": []}')
    code, out, err = run(tmp_path)
    assert code == 1  # b.json is refused, and its reason printed on stderr, escaped too
    for text in (out, err):
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "\\x1b]0;pwned\\x07\\x1b[2Kfaux" in out
    _, out, _ = run(tmp_path, "--json")
    for line in out.splitlines():
        assert line.isprintable()
        json.loads(line)
