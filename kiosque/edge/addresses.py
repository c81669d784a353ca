"""Where the edges are: EDGE_URL, checked at start, and re-read from a file when it changes.

EDGE_URL is one of:

- empty: there is no edge; nothing is purged and nothing fails;
- one URL, or several separated by commas: `http://198.18.2.11:8080,http://198.18.2.12:8080`;
  every purge goes to each of them;
- `file:///etc/kiosque/edges`: a file naming the edges, one URL per line (blank lines
  and `#` comments ignored). Each purge looks at the file's modification time, size
  and inode, and reads it again when one changed: a deployment that adds, moves or
  removes an edge rewrites the file (a new file renamed over the old one, so that no
  process reads it half-written) and no web server or worker restarts.

A value Kiosque cannot use stops start-up (ImproperlyConfigured), from the settings:
which is why this module needs nothing of Django but that exception. A file that turns
bad later (unreadable, a line that is not an edge URL) is logged, and the edges read
from it last stay in use.
"""

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger("kiosque.edge")

FILE_SCHEME = "file://"


class EdgeListUnavailable(Exception):
    """The file of edges cannot be read, and no good list was ever read from it."""


def edge_url(value: str, origin: str = "EDGE_URL") -> str:
    """One edge's URL, as `scheme://host[:port]`; ImproperlyConfigured when it is not one."""
    value = value.strip()
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
        parts = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or not port_ok
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username
    ):
        raise ImproperlyConfigured(
            f"{origin}: {value!r} is not an edge URL; expected http://HOST[:PORT] "
            "(or https://), e.g. http://198.18.2.11:8080"
        )
    return f"{parts.scheme}://{parts.netloc}"


def edge_urls(items: Iterable[str], origin: str = "EDGE_URL") -> list[str]:
    """The edges `items` name, each once, in order (blank items ignored)."""
    urls = []
    for item in items:
        if item.strip():
            url = edge_url(item, origin)
            if url not in urls:
                urls.append(url)
    return urls


@dataclass(frozen=True)
class EdgeList:
    """Edges named in EDGE_URL itself: they change with a restart only."""

    listed: tuple[str, ...]

    def urls(self) -> list[str]:
        return list(self.listed)


class EdgeFile:
    """Edges named in a file, read again at the first look after it changed."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._signature: tuple[int, int, int] | None = None
        self._urls: list[str] | None = None

    def urls(self) -> list[str]:
        with self._lock:
            try:
                stat = self.path.stat()
                signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
                if signature != self._signature:
                    self._urls = self._read()
                    self._signature = signature
                    logger.info("Edges read from %s: %s", self.path, self._urls or "none")
            except (OSError, UnicodeDecodeError, ImproperlyConfigured) as error:
                if self._urls is None:
                    raise EdgeListUnavailable(f"{self.path}: {error}") from error
                logger.error(
                    "Edges file %s: %s; still purging the edges read before: %s",
                    self.path, error, self._urls,
                )  # fmt: skip
            return list(self._urls)

    def _read(self) -> list[str]:
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return edge_urls((line.split("#", 1)[0] for line in lines), origin=str(self.path))


def edge_file_path(value: str) -> Path:
    """`file:///etc/kiosque/edges` → /etc/kiosque/edges (an absolute path, on this host)."""
    parts = urlsplit(value)
    path = Path(unquote(parts.path))
    if parts.netloc not in ("", "localhost") or not path.is_absolute() or parts.query:
        raise ImproperlyConfigured(
            f"EDGE_URL={value!r}: a file of edges is named file:///absolute/path "
            "(three slashes), e.g. file:///etc/kiosque/edges"
        )
    return path


@lru_cache(maxsize=32)
def edge_source(value: str) -> EdgeList | EdgeFile:
    """What an EDGE_URL value names; one EdgeFile per file, shared by every caller, so
    each process reads a file once per change (Wagtail makes a new backend per purge)."""
    value = value.strip()
    if value.lower().startswith(FILE_SCHEME):
        return EdgeFile(edge_file_path(value))
    if FILE_SCHEME in value.lower():
        raise ImproperlyConfigured(
            f"EDGE_URL={value!r}: a file of edges (file://) must be EDGE_URL's only value"
        )
    return EdgeList(tuple(edge_urls(value.split(","))))


def checked_edge_setting(value: str) -> str:
    """EDGE_URL as read at start: stripped, and refused (ImproperlyConfigured) unless
    every edge it names, directly or in its file, is an http(s) URL."""
    value = value.strip()
    if not value:
        return ""
    source = edge_source(value)
    if isinstance(source, EdgeFile):
        try:
            source.urls()
        except EdgeListUnavailable as error:
            raise ImproperlyConfigured(f"EDGE_URL={value!r}: {error.__cause__}") from None
    return value
