"""Renditions that apps above the newsroom need of every image, made by the worker.

The worker's task (tasks.pregenerate_image_renditions) makes the newsroom's own
renditions, then calls each maker registered here: the apps that show pictures elsewhere
(distribution: sharing cards; api: the uncropped picture) sit above the newsroom, so
they add their maker in their AppConfig.ready() instead of being imported from here.
"""

from collections.abc import Callable

RenditionMaker = Callable[[object], None]  # takes an image, creates its renditions

_makers: list[RenditionMaker] = []


def register(maker: RenditionMaker) -> None:
    # Once only: ready() may run more than once (tests that reload the app registry).
    if maker not in _makers:
        _makers.append(maker)


def registered() -> list[RenditionMaker]:
    return list(_makers)
