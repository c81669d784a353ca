"""Which section and topic an article made from a dispatch goes to.

Inside `batch_scope()` (one file or feed being ingested) the rules and the defaults are
read once, not once per item: they are the same for every item of the batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Site

from kiosque.newsroom.models import SectionPage, TopicPage
from kiosque.wires.models import RoutingRule, WireSettings, WireSource


def _matches(rule: RoutingRule, concepts: list[dict]) -> bool:
    wanted = rule.value.strip().casefold()
    return any(
        wanted in {(c.get("code") or "").casefold(), (c.get("name") or "").casefold()}
        for c in concepts
    )


_batch: ContextVar[dict | None] = ContextVar("wires_routing_batch", default=None)


@contextmanager
def batch_scope() -> Iterator[None]:
    token = _batch.set({})
    try:
        yield
    finally:
        _batch.reset(token)


def _memo(key, compute):
    memo = _batch.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _rules() -> list[RoutingRule]:
    return _memo("rules", lambda: list(RoutingRule.objects.select_related("section", "topic")))


def route(
    *, fields: dict, source: WireSource | None
) -> tuple[SectionPage | None, TopicPage | None]:
    """The first matching rule with a section (and with a topic) wins; else the defaults."""
    section = topic = None
    by_field = {
        RoutingRule.Field.SUBJECT: fields.get("subjects", []),
        RoutingRule.Field.PLACE: fields.get("places", []),
    }
    for rule in _rules():
        if not _matches(rule, by_field[rule.field]):
            continue
        section = section or rule.section
        topic = topic or rule.topic
        if section and topic:
            break
    return section or default_section(source=source), topic


def default_section(*, source: WireSource | None) -> SectionPage | None:
    if source is not None and source.default_section_id:
        return source.default_section
    return _memo("site default", _site_default_section)


def _site_default_section() -> SectionPage | None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        chosen = WireSettings.for_site(site).default_section
        if chosen is not None:
            return chosen
        return SectionPage.objects.descendant_of(site.root_page).order_by("path").first()
    return SectionPage.objects.order_by("path").first()
