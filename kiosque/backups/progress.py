"""How far a backup or a restore has gone: a bar on a terminal, plain lines otherwise.

A bar redrawn in place reads well in a terminal and badly in a log file or a systemd
journal, where each redraw would be a line (or one endless line): off a terminal each
step is a line of its own, and a long step adds a line every LINE_SECONDS.
"""

import time

BAR_WIDTH = 30
# On a terminal, redraw at most this often (a million small files are not a million redraws).
REDRAW_SECONDS = 0.1
# Off a terminal, how often a long step says how far it has gone.
LINE_SECONDS = 10.0


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


class Progress:
    """Steps, each with an optional total (bytes or items), reported to `stream`."""

    def __init__(self, stream, *, terminal: bool | None = None, clock=time.monotonic):
        self.stream = stream
        self.terminal = stream.isatty() if terminal is None else terminal
        self.clock = clock
        self.label = ""
        self.total = 0
        self.done = 0
        self.in_bytes = False
        self._drawn_at = 0.0
        self._drawing = False

    def note(self, text: str) -> None:
        """A line of its own (never in the middle of a bar)."""
        self._end_bar()
        self.stream.write(text + "\n")
        self.stream.flush()

    def step(self, label: str, total: int = 0, *, in_bytes: bool = False) -> None:
        self._end_bar()
        self.label, self.total, self.done, self.in_bytes = label, total, 0, in_bytes
        self._drawn_at = self.clock()
        if self.terminal:
            self._draw(force=True)
        else:
            self.note(f"{label} ({self._amount(total)})…" if total else f"{label}…")

    def advance(self, amount: int = 1) -> None:
        self.done += amount
        if self.terminal:
            self._draw()
            return
        now = self.clock()
        if now - self._drawn_at >= LINE_SECONDS and self.done < self.total:
            self._drawn_at = now
            percent = self.done * 100 // self.total
            self.note(f"{self.label}: {percent} % ({self._amount(self.done)})")

    def finish(self) -> None:
        self._end_bar()

    def _amount(self, count: int) -> str:
        return _size(count) if self.in_bytes else str(count)

    def _draw(self, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self._drawn_at < REDRAW_SECONDS and self.done < self.total:
            return
        self._drawn_at = now
        if self.total:
            filled = BAR_WIDTH * min(self.done, self.total) // self.total
            bar = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}]"
            amount = f"{self._amount(self.done)}/{self._amount(self.total)}"
        else:
            bar, amount = "", self._amount(self.done) if self.done else ""
        self.stream.write(f"\r\033[K{self.label} {bar} {amount}".rstrip())
        self.stream.flush()
        self._drawing = True

    def _end_bar(self) -> None:
        if self._drawing:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
            self._drawing = False


class Silent(Progress):
    """For callers that want no report (tests, other code)."""

    def __init__(self):
        super().__init__(None, terminal=False)

    def note(self, text: str) -> None:
        pass
