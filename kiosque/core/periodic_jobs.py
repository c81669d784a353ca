"""Work that `kiosque worker` repeats on a timer, registered by the app that owns it.

django-tasks has no periodic scheduler, so the worker runs these jobs itself (see the
worker command). core is the bottom layer and knows no app above it: an app adds its
job here in its AppConfig.ready() (the publishing schedule: kiosque.editorial.apps).
"""

from collections.abc import Callable
from dataclasses import dataclass


def _never_due() -> float | None:
    return None


@dataclass(frozen=True)
class PeriodicJob:
    name: str  # in the worker's log lines: "Publishing schedule: this tick failed"
    run: Callable[[], object]
    # Seconds until the job has work again (None: nothing waiting), so the worker can
    # wake then rather than at its next regular tick.
    seconds_until_due: Callable[[], float | None] = _never_due


_jobs: dict[str, PeriodicJob] = {}


def register(job: PeriodicJob) -> None:
    # By name: ready() may run more than once (tests that reload the app registry).
    _jobs[job.name] = job


def registered() -> list[PeriodicJob]:
    return list(_jobs.values())
