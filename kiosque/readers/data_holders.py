"""What other apps keep about a reader: shown on the account page, exported, erased.

readers (accounts) sits below the apps that keep data about a reader (discussion:
comments, likes, reports, sanctions), so it cannot import them. Each registers a holder
here in its AppConfig.ready(); the account page, the export (GDPR art. 15, 20) and the
deletion (art. 17) go through every holder, in the order they registered.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReaderDataHolder:
    app: str
    # Template variables of the reader's account page (readers/account.html).
    account_context: Callable[[object], dict]
    # Top-level sections of the JSON export, after "account".
    export: Callable[[object], dict]
    # Called inside the deletion's transaction, before the user row is deleted.
    erase: Callable[[object], None]


_holders: dict[str, ReaderDataHolder] = {}


def register(holder: ReaderDataHolder) -> None:
    # By app: ready() may run more than once (tests that reload the app registry).
    _holders[holder.app] = holder


def registered() -> list[ReaderDataHolder]:
    return list(_holders.values())
