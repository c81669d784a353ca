"""A real SMTP server on 127.0.0.1 (aiosmtpd) that records what it is sent.

Used by the newsletter tests (in a thread of the test process, `SmtpServer`) and by
bench/newsletter_send.py (in a process of its own, `python tests/newsletters/smtp_server.py
--count-only`, so that it does not share the sender's interpreter lock).

It can answer given recipients with a refusal (550: a hard bounce; 451: try later),
for every message or the first n, and hold the reply to one message's data until the
test releases it (a sender killed in the middle of that message).
"""

from __future__ import annotations

import argparse
import asyncio
import email
import email.policy
import signal
import sys
import threading
from dataclasses import dataclass

from aiosmtpd.smtp import SMTP

HOLD_SECONDS = 60  # a held reply is released after this long whatever happens


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)


class RecordingHandler:
    def __init__(self, *, count_only: bool = False):
        self.count_only = count_only
        self.count = 0
        self.received: list[Received] = []
        self.connections = 0
        self.lock = threading.Lock()
        # address → [answer, times left (None: always)]
        self.rcpt_answers: dict[str, list] = {}
        self.data_answers: dict[str, list] = {}
        self.hold_message_number: int | None = None  # 1 for the first message...
        self.holding = threading.Event()  # set while the held reply waits
        self.release = threading.Event()

    def refuse(self, address: str, answer: str, *, times: int | None = None, at: str = "RCPT"):
        table = self.rcpt_answers if at == "RCPT" else self.data_answers
        table[address.lower()] = [answer, times]

    def hold(self, message_number: int) -> None:
        self.hold_message_number = message_number
        self.holding.clear()
        self.release.clear()

    @staticmethod
    def _answer(table: dict, address: str) -> str | None:
        entry = table.get(address.lower())
        if entry is None or entry[1] == 0:
            return None
        if entry[1] is not None:
            entry[1] -= 1
        return entry[0]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        answer = self._answer(self.rcpt_answers, address)
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            answer = self._answer(self.data_answers, address)
            if answer:
                return answer
        with self.lock:
            self.count += 1
            number = self.count
            if not self.count_only:
                self.received.append(
                    Received(envelope.mail_from, tuple(envelope.rcpt_tos), envelope.content)
                )
        if number == self.hold_message_number:
            # The message is in; its 250 waits (the sender is killed meanwhile).
            self.holding.set()
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, HOLD_SECONDS)
        return "250 2.0.0 Message accepted for delivery"

    def addresses(self) -> list[str]:
        with self.lock:
            return [address for item in self.received for address in item.rcpt_tos]


class SmtpServer:
    """The server in a thread of its own event loop, on a free port of 127.0.0.1."""

    def __init__(self, handler: RecordingHandler | None = None):
        self.handler = handler or RecordingHandler()
        self.loop = asyncio.new_event_loop()
        self.port = 0
        self._server = None
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, name="smtp-server", daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)

        def factory():
            self.handler.connections += 1
            return SMTP(self.handler, hostname="smtp.test", ident="kiosque-test", timeout=30)

        self._server = self.loop.run_until_complete(
            self.loop.create_server(factory, host="127.0.0.1", port=0)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._started.set()
        self.loop.run_forever()
        self._server.close()
        self.loop.run_until_complete(self._server.wait_closed())
        self.loop.close()

    def start(self) -> SmtpServer:
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("the SMTP server did not start")
        return self

    def stop(self) -> None:
        self.handler.release.set()
        if self._thread.is_alive():
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)


def main() -> int:
    """A counting server for the benchmark: prints `PORT n`, then `RECEIVED n` at SIGTERM."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count-only", action="store_true")
    options = parser.parse_args()
    server = SmtpServer(RecordingHandler(count_only=options.count_only)).start()
    print(f"PORT {server.port}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.2):
        pass
    print(f"RECEIVED {server.handler.count}", flush=True)
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
