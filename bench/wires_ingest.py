"""Wire ingest benchmark: `kiosque ingest` on generated ninjs items.

    .venv/bin/python bench/wires_ingest.py [--items 10000] [--publish-items 1000]

Runs on a throw-away data folder (SQLite, demo newsroom). Each phase is one real
`kiosque ingest` process; its wall time includes start-up, its peak memory is that
process's maximum resident set size (from wait4).
Targets (2-core machine): ≥ 200 items/s without pictures, ≥ 50 with, < 500 MB,
≥ 1,000 items/s unchanged; the publish rate is reported as measured.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
PER_FILE = 100
WORDS = [
    *("le", "la", "les", "un", "une", "des", "port", "pêcheurs", "préfecture", "conseil"),
    *("ministre", "accord", "grève", "région", "maire", "habitants", "tempête", "marée"),
    *("semaine", "jeudi", "projet", "budget", "vote", "rapport", "enquête"),
]


def paragraph(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def item(n: int, rng: random.Random, *, picture: bool, prefix: str) -> dict:
    body = "".join(f"<p>{paragraph(rng, 50)}</p>" for _ in range(8))  # ~400 words
    data = {
        "uri": f"urn:kiosque-bench:{prefix}:{n}",
        "type": "text",
        "version": "1",
        "versioncreated": "2026-11-24T09:00:00+01:00",
        "firstcreated": "2026-11-24T08:00:00+01:00",
        "language": "fr",
        "headlines": [{"role": "main", "value": f"Dépêche de test numéro {n}"}],
        "descriptions": [{"role": "summary", "value": paragraph(rng, 25)}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": body}],
        "copyrightholder": "AFP",
        "urgency": 1 + n % 9,
    }
    if picture:
        data["associations"] = [
            {
                "type": "picture",
                "headlines": [{"role": "main", "value": f"Photo {n}"}],
                "descriptions": [{"role": "caption", "value": "Une photo de test."}],
                "by": "Bench",
                "renditions": [{"href": "photo.jpg", "width": 640, "height": 360}],
            }
        ]
    return data


def generate(folder: Path, count: int, *, picture: bool, prefix: str) -> Path:
    folder.mkdir(parents=True)
    rng = random.Random(4)
    if picture:
        buffer = io.BytesIO()
        Image.new("RGB", (640, 360), (30, 80, 120)).save(buffer, format="JPEG")
        (folder / "photo.jpg").write_bytes(buffer.getvalue())
    for start in range(0, count, PER_FILE):
        items = [
            item(n, rng, picture=picture, prefix=prefix)
            for n in range(start, min(count, start + PER_FILE))
        ]
        (folder / f"items-{start:06d}.json").write_text(json.dumps(items, ensure_ascii=False))
    return folder


def kiosque(env: dict, *args: str, quiet: bool = True) -> tuple[float, float, list[str], float]:
    """Run `kiosque ARGS`; wall seconds, peak RSS in MB, stdout lines, CPU seconds.

    CPU time (user + system) is printed beside the wall time: on a machine other
    processes share, it moves much less than the wall time from run to run.

    A command that fails outright (exit status other than 0 or 1, "something was
    rejected") stops the benchmark: a broken tree must not pass for a fast one."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosque", *args],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.DEVNULL if quiet else None,
        )
        # wait4 gives this child's own peak memory (getrusage would mix all children).
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().decode().splitlines()
    if process.returncode not in {0, 1}:
        raise SystemExit(f"kiosque {' '.join(args)} failed (exit status {process.returncode})")
    return elapsed, usage.ru_maxrss / 1024, lines, usage.ru_utime + usage.ru_stime


def phase(env, label: str, folder: Path, count: int, *extra: str) -> float:
    seconds, peak, lines, cpu = kiosque(env, "ingest", str(folder), "--json", *extra)
    outcomes: dict[str, int] = {}
    for line in lines:
        name = json.loads(line)["outcome"]
        outcomes[name] = outcomes.get(name, 0) + 1
    if sum(outcomes.values()) != count:
        raise SystemExit(f"{label}: {count} items sent, outcomes {outcomes}")
    rate = count / seconds
    print(f"{label:<34} {count:>6} items {seconds:7.1f} s {rate:8.1f} items/s "
          f"(CPU {cpu:6.1f} s, {count / cpu:7.1f} items/CPU-s) "
          f"peak {peak:6.0f} MB  {outcomes}", flush=True)  # fmt: skip
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--publish-items", type=int, default=1_000)
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kiosque-bench-wires-"))
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "BASE_URL"}}
    env.update(KIOSQUE_VAR_DIR=str(work / "var"), DJANGO_SETTINGS_MODULE="kiosque.settings.dev")
    try:
        print(f"Setting up {work} (migrate, demo)…", flush=True)
        for command in (["migrate", "--no-input"], ["createcachetable"], ["demo"]):
            kiosque(env, *command)
        plain = generate(work / "plain", options.items, picture=False, prefix="plain")
        pictured = generate(work / "pictured", options.items, picture=True, prefix="pic")
        published = generate(work / "publish", options.publish_items, picture=False, prefix="pub")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, SQLite, "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
        first = phase(env, "desk, no picture", plain, options.items)
        with_pictures = phase(env, "desk, one picture each", pictured, options.items)
        unchanged = phase(env, "same batch again (unchanged)", plain, options.items)
        publish = phase(env, "--publish (articles published)", published,
                        options.publish_items, "--publish")  # fmt: skip
        print(f"ratios: with pictures / without = {with_pictures / first:.2f}, "
              f"unchanged / first = {unchanged / first:.2f}, "
              f"publish / desk = {publish / first:.3f}")  # fmt: skip
    finally:
        if options.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
