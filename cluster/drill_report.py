"""The drill's table: per drill, what readers saw, what writers lost, the replica's lag.

`window_report()` counts one drill's time window from the journal (readers), the
writers' confirmations and what the database held afterwards (`found`, from
drill_checks.FOUND_SCRIPT); `render_table()` prints the rows; the same rows, with every
check and event, are written as JSON.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from cluster.drill_writers import Posted
from cluster.load import READER_KINDS, summary


@dataclass
class Check:
    """One thing a drill must show: passed True/False, or None for information only."""

    what: str
    passed: bool | None
    detail: str = ""

    def line(self) -> str:
        mark = {True: "ok  ", False: "FAIL", None: "info"}[self.passed]
        return f"{mark} {self.what}" + (f": {self.detail}" if self.detail else "")


@dataclass
class Window:
    """One drill (or the baseline): its time on the journal's clock and its checks."""

    key: str
    title: str
    start: float
    end: float = float("inf")
    checks: list[Check] = field(default_factory=list)
    skipped: str = ""

    def check(self, what: str, passed: bool | None, detail: str = "") -> Check:
        found = Check(what, passed, detail)
        self.checks.append(found)
        return found

    @property
    def failed(self) -> bool:
        return bool(self.skipped) or any(c.passed is False for c in self.checks)


def writes_report(posted: Sequence[Posted], found: dict[str, int]) -> dict:
    """Confirmed writes against the database afterwards: found, lost, duplicated."""
    markers = [p.marker for p in posted]
    present = [m for m in markers if found.get(m, 0) >= 1]
    return {
        "posted": len(markers),
        "found": len(present),
        "lost": sorted(set(markers) - set(present)),
        "duplicated": sorted(m for m in markers if found.get(m, 0) > 1),
    }


def dispatches_report(dropped: Sequence[Posted], found: dict[str, dict]) -> dict:
    """Dropped dispatches: ingested (an item of that uri), lost, published twice."""
    uris = [p.detail for p in dropped]
    ingested = [u for u in uris if u in found]
    duplicated = [
        u
        for u in ingested
        if found[u].get("articles", 0) > 1 or found[u].get("most_publications", 0) > 1
    ]
    return {
        "dropped": len(uris),
        "ingested": len(ingested),
        "lost": sorted(set(uris) - set(ingested)),
        "duplicated": sorted(duplicated),
    }


def window_report(
    window: Window,
    samples: Sequence,
    posted: Sequence[Posted],
    found: dict,
    lag: dict,
    events: Sequence[tuple[float, str]],
) -> dict:
    comments = [p for p in posted if p.what == "comment"]
    entries = [p for p in posted if p.what == "entry"]
    dispatches = [p for p in posted if p.what == "dispatch"]
    writes = Counter(f"{s.kind}: {s.error}" for s in samples if s.kind in ("comment", "entry"))
    logins = Counter(s.error for s in samples if s.kind == "login" and s.error != "form")
    return {
        "key": window.key,
        "title": window.title,
        "start": round(window.start, 2),
        "end": round(window.end, 2),
        "skipped": window.skipped,
        "readers": summary(samples),
        "reader_failures": [
            {"at": round(s.started, 2), "edge": s.edge, "path": s.path, "outcome": s.outcome}
            for s in sorted(samples, key=lambda s: s.started)
            if s.kind in READER_KINDS and s.failed
        ][:20],
        "write_failures": [
            {
                "at": round(s.started, 2),
                "kind": s.kind,
                "edge": s.edge,
                "path": s.path,
                "status": s.status,
                "outcome": s.error,
            }
            for s in sorted(samples, key=lambda s: s.started)
            if s.kind in ("comment", "entry", "login") and s.failed
        ][:20],
        "comments": writes_report(comments, found.get("comments", {})),
        "entries": writes_report(entries, found.get("entries", {})),
        "dispatches": dispatches_report(dispatches, found.get("dispatches", {})),
        "write_answers": dict(sorted(writes.items())),
        "logins": dict(sorted(logins.items())),
        "replica_lag": lag,
        "checks": [c.__dict__ for c in window.checks],
        "events": [
            {"at": round(at, 2), "what": what}
            for at, what in events
            if window.start <= at < window.end
        ],
        "failed": window.failed,
    }


def lost_and_duplicated(row: dict) -> tuple[int, int]:
    lost = sum(len(row[k]["lost"]) for k in ("comments", "entries", "dispatches"))
    duplicated = sum(len(row[k]["duplicated"]) for k in ("comments", "entries", "dispatches"))
    return lost, duplicated


def _errors_text(errors: dict[str, int]) -> str:
    if not errors:
        return "0"
    return ", ".join(f"{count}×{outcome}" for outcome, count in errors.items())


def _lag_text(lag: dict) -> str:
    if not lag or lag.get("max_seconds") is None:
        return "n/a"
    return f"{lag['max_seconds']:.2f} s / {lag['max_bytes'] / 1024:.0f} kB"


COLUMNS = (
    ("Drill", "<"),
    ("Reader req.", ">"),
    ("Errors (by status)", "<"),
    ("Longest int.", ">"),
    ("Comments posted/found/lost", ">"),
    ("Entries p/f/lost", ">"),
    ("Dispatches d/i/lost", ">"),
    ("Dup. publ.", ">"),
    ("Replica lag max", ">"),
    ("Result", "<"),
)


def table_cells(row: dict) -> list[str]:
    if row["skipped"]:
        return [row["title"], "", "", "", "", "", "", "", "", f"NOT RUN: {row['skipped']}"]
    readers, comments = row["readers"], row["comments"]
    entries, dispatches = row["entries"], row["dispatches"]
    _, duplicated = lost_and_duplicated(row)
    return [
        row["title"],
        str(readers["requests"]),
        _errors_text(readers["errors"]),
        f"{readers['longest_interruption']:.1f} s",
        f"{comments['posted']}/{comments['found']}/{len(comments['lost'])}",
        f"{entries['posted']}/{entries['found']}/{len(entries['lost'])}",
        f"{dispatches['dropped']}/{dispatches['ingested']}/{len(dispatches['lost'])}",
        str(duplicated),
        _lag_text(row["replica_lag"]),
        "FAIL" if row["failed"] else "ok",
    ]


def render_table(rows: Sequence[dict]) -> str:
    cells = [[name for name, _ in COLUMNS]] + [table_cells(row) for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]

    def line(values: list[str]) -> str:
        return " | ".join(
            f"{value:{align}{width}}"
            for value, (_, align), width in zip(values, COLUMNS, widths, strict=True)
        )

    rule = "-+-".join("-" * width for width in widths)
    return "\n".join([line(cells[0]), rule, *(line(values) for values in cells[1:])])


def render_details(rows: Sequence[dict]) -> str:
    """Each drill's checks and what writers were told, under the table."""
    out = []
    for row in rows:
        out.append(f"{row['title']}:")
        if row["skipped"]:
            out.append(f"  not run: {row['skipped']}")
            continue
        for check in row["checks"]:
            out.append("  " + Check(**check).line())
        if row["write_answers"]:
            answers = ", ".join(f"{n}× {k}" for k, n in row["write_answers"].items())
            out.append(f"  writes answered: {answers}")
        if row["logins"]:
            out.append("  log-ins: " + ", ".join(f"{n}× {k}" for k, n in row["logins"].items()))
        by_edge = row["readers"]["by_edge"]
        if by_edge:
            out.append(
                "  readers by edge: "
                + ", ".join(
                    f"{e} {v['requests']} req. {v['errors']} err." for e, v in by_edge.items()
                )
            )
        for key in ("comments", "entries", "dispatches"):
            if row[key]["lost"] or row[key]["duplicated"]:
                out.append(f"  {key} lost: {row[key]['lost']} duplicated: {row[key]['duplicated']}")
    return "\n".join(out)
