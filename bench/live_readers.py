"""Simulated readers of a live: each polls the polling answer at a fixed interval.

A reader behaves like live.js in a browser: one GET of /direct/<id>/nouveautes.json every
`interval` seconds from a random phase, `Accept-Encoding: gzip`, and `If-None-Match` with
the ETag of its last answer (what `fetch(url, {cache: "no-cache"})` sends), so an unchanged
answer is a 304. Readers share a bounded pool of keep-alive HTTP/1.1 connections (raw
asyncio streams: no HTTP library in the requirements, and none is needed for this): a
browser has its own connection, so the time a reader waits for a free one is recorded
apart, and a pool large enough keeps it near zero.

Every poll is recorded (when it was due, when its answer came, status, X-Cache, the entry
ids the answer lists); identical bodies are decoded once, since thousands of readers get
the same bytes.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
import zlib
from dataclasses import dataclass, field

REQUEST_TIMEOUT = 5.0


@dataclass
class Poll:
    due: float  # wall time the reader wanted to ask (time.time())
    sent: float  # wall time a connection was free and the request went out
    received: float  # wall time the whole answer had come (or the failure)
    status: int  # 0: no answer (timeout, connection error)
    cache: str  # the edge's X-Cache ("" from the application directly)
    ids: frozenset | None  # entry ids the reader's page shows after this answer (a 304
    # keeps the last 200's); None when the poll failed


@dataclass
class Reader:
    number: int
    polls: list[Poll] = field(default_factory=list)
    etag: str = ""
    shown: frozenset | None = None  # the entry ids of its last 200: what a 304 confirms


class Answer:
    __slots__ = ("body", "headers", "status")

    def __init__(self, status: int, headers: dict, body: bytes):
        self.status, self.headers, self.body = status, headers, body


class Connection:
    """One keep-alive HTTP/1.1 connection, opened on first use and after a failure."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def request(self, raw: bytes) -> Answer:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        if status in (204, 304):
            body = b""
        elif "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif "chunked" in headers.get("transfer-encoding", ""):
            body = await self._chunks()
        else:  # delimited by the end of the connection
            body = await self.reader.read()
            self.close()
        if headers.get("connection", "").lower() == "close":
            self.close()
        return Answer(status, headers, body)

    async def _chunks(self) -> bytes:
        parts = []
        while True:
            size = int((await self.reader.readline()).split(b";")[0], 16)
            if size == 0:
                while (await self.reader.readline()) not in (b"\r\n", b""):
                    pass  # trailers
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)


class Pool:
    def __init__(self, host: str, port: int, size: int):
        self.free: asyncio.Queue[Connection] = asyncio.Queue()
        self.all = [Connection(host, port) for _ in range(size)]
        self.reopened = 0  # idle connections the server had closed, reopened to ask
        for connection in self.all:
            self.free.put_nowait(connection)

    async def request(self, raw: bytes) -> tuple[float, Answer | None]:
        """(wall time sent, answer or None on failure); a failed connection is reopened.

        A kept-alive connection the server closed while it was idle fails before any byte
        of the answer: the request is sent again on a new one, as browsers do (gunicorn
        closes idle connections after 2 s, Varnish after 5 s).
        """
        connection = await self.free.get()
        sent = time.time()
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT):
                reused = connection.writer is not None
                try:
                    return sent, await connection.request(raw)
                except (ConnectionError, asyncio.IncompleteReadError) as error:
                    partial = getattr(error, "partial", b"")
                    if not reused or partial:
                        raise
                    connection.close()
                    self.reopened += 1
                    return sent, await connection.request(raw)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
            connection.close()
            return sent, None
        finally:
            self.free.put_nowait(connection)

    def close(self) -> None:
        for connection in self.all:
            connection.close()


class Decoder:
    """Entry ids of an answer's body, decoded once per distinct body."""

    def __init__(self):
        self.known: dict[bytes, frozenset] = {}

    def ids(self, answer: Answer) -> frozenset:
        found = self.known.get(answer.body)
        if found is None:
            body = answer.body
            if answer.headers.get("content-encoding") == "gzip":
                body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
            data = json.loads(body)
            found = frozenset(entry["id"] for entry in data["entries"])
            if data.get("pinned"):
                found |= {data["pinned"]["id"]}
            self.known[answer.body] = found
        return found


def request_bytes(host: str, port: int, path: str, etag: str) -> bytes:
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: {host}:{port}",
        "Accept: */*",
        "Accept-Encoding: gzip, deflate",
        "Accept-Language: fr-FR,fr;q=0.9",
        "User-Agent: kiosque-bench-live-reader",
    ]
    if etag:
        lines.append(f"If-None-Match: {etag}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def _read(reader: Reader, pool: Pool, decoder: Decoder, target, start, stop, interval):
    host, port, path = target
    loop = asyncio.get_running_loop()
    due_at = start + random.uniform(0, interval)
    while due_at < stop:
        await asyncio.sleep(max(0.0, due_at - loop.time()))
        due = time.time()
        sent, answer = await pool.request(request_bytes(host, port, path, reader.etag))
        received = time.time()
        if answer is None:
            reader.polls.append(Poll(due, sent, received, 0, "", None))
        else:
            ids = reader.shown if answer.status == 304 else None
            if answer.status == 200:
                try:
                    ids = reader.shown = decoder.ids(answer)
                    reader.etag = answer.headers.get("etag", "")
                except (ValueError, KeyError, zlib.error):
                    answer.status = -1  # a 200 that is not the polling answer
            reader.polls.append(
                Poll(due, sent, received, answer.status, answer.headers.get("x-cache", ""), ids)
            )
        due_at += interval


async def run_readers(
    *, host: str, port: int, path: str, readers: int, interval: float, seconds: float,
    connections: int, while_reading=None,
) -> tuple[list[Reader], int]:  # fmt: skip
    """`readers` readers polling for `seconds`; `while_reading` (a coroutine) runs alongside.

    Returns the readers and how many idle connections were found closed and reopened.
    """
    loop = asyncio.get_running_loop()
    pool = Pool(host, port, connections)
    decoder = Decoder()
    start = loop.time()
    crowd = [Reader(number) for number in range(readers)]
    target = (host, port, path)
    tasks = [
        asyncio.create_task(_read(r, pool, decoder, target, start, start + seconds, interval))
        for r in crowd
    ]
    try:
        if while_reading is not None:
            await while_reading
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        pool.close()
    return crowd, pool.reopened
