"""A live coverage as machines read it: JSON-LD, its own feed, the API and ninjs.

A live is an article, so sitemaps, the site's feeds and the API's lists carry it as
one with nothing to add. What is its own, registered from LiveConfig.ready() with
distribution and the API (they may not import this app, decision 0064):

- JSON-LD: a schema.org LiveBlogPosting (coverageStartTime, coverageEndTime) whose
  `liveBlogUpdate` lists the latest entries as BlogPostings;
- a feed of its entries at <live address>rss.xml and atom.xml, one item per entry;
- in the API, a `live` object (state, coverage times, where its entries are);
- in ninjs, the profile "kiosque-live" and its latest entries as `associations`.

Each of these shows entries, so each response is tagged with the live's surrogate key
(`l<id>`), which every change to an entry purges; scheduled entries appear by the clock
alone, so the responses that list entries are kept no longer than the next one's time.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.utils import timezone, translation

from kiosque.api import representation
from kiosque.api.body import portable_body_html
from kiosque.api.urls_absolute import absolute_url
from kiosque.api.urls_absolute import page_url as api_page_url
from kiosque.distribution import extensions, feeds
from kiosque.distribution import structured_data as ld
from kiosque.distribution.links import absolute
from kiosque.distribution.links import page_url as site_page_url
from kiosque.edge.keys import add_keys, article_key, live_key
from kiosque.edge.middleware import note_next_change
from kiosque.live import selectors
from kiosque.live.models import LiveEntry, LivePage, state_at
from kiosque.live.page import entry_headline, updates_url
from kiosque.newsroom.article_view import body_plain_text
from kiosque.newsroom.models import ArticleType
from kiosque.newsroom.text.credit_line import clean_names
from kiosque.newsroom.text.reading_time import count_words, html_to_text
from kiosque.newsroom.text.typography import typeset

# Google reads the latest updates of a LiveBlogPosting; the whole stream would make the
# page's head grow with the live.
UPDATES_IN_JSON_LD = 10
ENTRIES_IN_FEED = 50
ENTRIES_IN_NINJS = 50
HEADLINE_LENGTH = 110  # Google's limit for a headline
NINJS_PROFILE = "kiosque-live"
LIVE_TYPES = frozenset({ArticleType.LIVE, ArticleType.LIVE_ENDED})


def latest_entries(live_id: int, moment: datetime, count: int) -> list[LiveEntry]:
    """The latest visible entries, pinned summary included, newest first."""
    return list(
        selectors.visible(live_id, moment)
        .select_related("author", "agency")
        .order_by("-posted_at", "-pk")[:count]
    )


def entry_url(live_url: str, entry: LiveEntry) -> str:
    """The entry's own address: the live opened on it."""
    return f"{live_url}entree/{entry.pk}/#{entry.anchor}"


def entry_guid(live, entry: LiveEntry) -> str:
    """Stable across retitles, moves and domain changes, like an article's."""
    return f"urn:uuid:{uuid.uuid5(live.translation_key, f'entree-{entry.pk}')}"


def entry_modified_at(entry: LiveEntry) -> datetime:
    # A scheduled entry is written before its time: it is not older than it appears.
    return max(entry.updated_at, entry.posted_at)


def coverage_start(live) -> datetime:
    return live.coverage_start or live.first_published_at or timezone.now()


def _watch(request, live, now: datetime, *, scheduled: bool = True) -> None:
    """Tag the response with the live's key, and keep it no longer than the next
    scheduled entry's time (`scheduled=False` where the caller already does)."""
    add_keys(request, {live_key(live.pk), article_key(live.pk)})
    if request is not None and scheduled:
        note_next_change(request, selectors.next_scheduled(live.pk, now))


# --- JSON-LD ----------------------------------------------------------------------------


def _latest_for_head(live, context, now: datetime) -> list[LiveEntry]:
    """The page's context has the latest window and the pinned summary already: the
    latest updates come from there, without a query, when the page shows the latest."""
    if context.get("live") is live and context.get("is_latest_window"):
        shown = list(context.get("entries") or [])
        if context.get("pinned_entry") is not None:
            shown.append(context["pinned_entry"])
        shown.sort(key=lambda entry: (entry.posted_at, entry.pk), reverse=True)
        return shown[:UPDATES_IN_JSON_LD]
    return latest_entries(live.pk, now, UPDATES_IN_JSON_LD)


def _entry_author(entry: LiveEntry, site) -> dict | None:
    if entry.author is not None and entry.author.live:
        return ld.person(ld.PersonFacts(entry.author.title, site_page_url(entry.author, site)))
    if entry.agency is not None:
        return ld.organization(ld.OrganizationFacts(entry.agency.name, entry.agency.website))
    return None


def _shortened(text: str, limit: int) -> str:
    """A long title cut at a word (entry_headline cuts the text, not the title)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def blog_posting(entry: LiveEntry, *, live_url: str, site, zone) -> dict:
    url = entry_url(live_url, entry)
    data = {
        "@type": "BlogPosting",
        "@id": url,
        "url": url,
        "headline": _shortened(entry_headline(entry, HEADLINE_LENGTH), HEADLINE_LENGTH),
        "datePublished": ld.iso_datetime(timezone.localtime(entry.posted_at, zone)),
        "dateModified": ld.iso_datetime(timezone.localtime(entry_modified_at(entry), zone)),
        "articleBody": body_plain_text(entry.body),
    }
    author = _entry_author(entry, site)
    if author is not None:
        data["author"] = author
    return data


def live_json_ld(live, data: dict, *, context, site, newsroom) -> dict:
    """The article's JSON-LD, made a LiveBlogPosting with its latest updates."""
    now = context.get("live_now") or timezone.now()
    zone = newsroom.zone
    # The <head> is a cached fragment: tagged so, a new entry renders it again. (The
    # page's own context already keeps the page no longer than the next scheduled entry.)
    _watch(context.get("request"), live, now, scheduled=False)
    data = {**data, "@type": "LiveBlogPosting"}
    data.pop("genre", None)
    data["coverageStartTime"] = ld.iso_datetime(timezone.localtime(coverage_start(live), zone))
    if live.coverage_end is not None:
        data["coverageEndTime"] = ld.iso_datetime(timezone.localtime(live.coverage_end, zone))
    entries = _latest_for_head(live, context, now)
    if entries:
        live_url = site_page_url(live, site)
        data["liveBlogUpdate"] = [
            blog_posting(entry, live_url=live_url, site=site, zone=zone) for entry in entries
        ]
        latest = max(timezone.localtime(entry_modified_at(e), zone) for e in entries)
        # « Mis à jour » on the page is the latest entry's time: the same here.
        if latest > datetime.fromisoformat(data["dateModified"]):
            data["dateModified"] = ld.iso_datetime(latest)
    return data


# --- the live's own feed -----------------------------------------------------------------


def _entry_credits(entry: LiveEntry, newsroom, site) -> list[tuple[str, str]]:
    if entry.author is not None and entry.author.live:
        return [(entry.author.title, site_page_url(entry.author, site))]
    if entry.agency is not None:
        return [(name, "") for name in clean_names([newsroom.newsroom_name, entry.agency.name])]
    return [(newsroom.newsroom_name, absolute("/"))]


def live_feed(live, *, kind: str, site, newsroom, request=None):
    """The live's entries, newest first, one item each."""
    now = timezone.now()
    _watch(request, live, now)
    with translation.override(settings.LANGUAGE_CODE):
        feed = feeds.empty_feed(
            live,
            kind=kind,
            site=site,
            newsroom=newsroom,
            description=live.search_description or live.standfirst or live.title,
        )
    live_url = site_page_url(live, site)
    language = live.language
    for entry in latest_entries(live.pk, now, ENTRIES_IN_FEED):
        published_at = feeds.to_the_second(entry.posted_at)
        credits = _entry_credits(entry, newsroom, site)
        feed.add_item(
            title=typeset(entry_headline(entry), language),
            link=entry_url(live_url, entry),
            description=typeset(" ".join(body_plain_text(entry.body).split()), language),
            unique_id=entry_guid(live, entry),
            pubdate=published_at,
            updateddate=feeds.to_the_second(entry_modified_at(entry)),
            categories=[],
            creators=[name for name, _url in credits],
            authors=credits,
            image=None,
        )
    return feed


# --- the API and ninjs ----------------------------------------------------------------------


def describe_lives(articles: list, request) -> dict[int, dict]:
    """The API's `live` object of each of these articles (one query for them all)."""
    now = timezone.now()
    rows = LivePage.objects.filter(pk__in=[article.pk for article in articles]).values_list(
        "pk", "coverage_start", "coverage_end"
    )
    times = {pk: (start, end) for pk, start, end in rows}
    moments = []
    described = {}
    for article in articles:
        if article.pk not in times:
            continue  # an article typed « direct » by hand, without a live's row
        start, end = times[article.pk]
        moments += [moment for moment in (start, end) if moment is not None and moment > now]
        page_address = api_page_url(article, request)
        with translation.override(settings.LANGUAGE_CODE):
            polling = absolute_url(updates_url(article))
        described[article.pk] = {
            "state": state_at(start, end, now).value,
            "coverage_start": start or article.first_published_at,
            "coverage_end": end,
            # Like its feed itself, nothing for a live hidden from search engines.
            "feed_url": None if article.noindex or not page_address else page_address + "atom.xml",
            "updates_url": polling,
        }
    if moments:
        note_next_change(request, min(moments))  # the state changes then
    return described


def _by(entry: LiveEntry) -> str:
    if entry.author is not None and entry.author.live:
        return entry.author.title
    return entry.agency.name if entry.agency is not None else ""


def entry_association(entry: LiveEntry, *, live_url: str, language: str) -> dict:
    """An entry as a ninjs 2.2 news object of its own, associated with the live."""
    body = portable_body_html(entry)
    text = html_to_text(body)
    association = {
        "name": f"entry-{entry.pk}",
        "uri": entry_url(live_url, entry),
        "type": "text",
        "representationtype": "full",
        "version": str(entry.version),
        "firstcreated": entry.posted_at.isoformat(),
        "versioncreated": entry_modified_at(entry).isoformat(),
        "pubstatus": "usable",
        "language": language,
        "headlines": [{"role": "main", "value": entry.title or entry_headline(entry)}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": body,
                "charcount": len(text),
                "wordcount": count_words(text),
            }
        ],
    }
    by = _by(entry)
    if by:
        association["by"] = by
    return association


def live_ninjs(article, item: dict, request) -> dict:
    """The live's latest entries as `associations` (after the lead picture), newest
    first; `versioncreated` follows the latest, as « Mis à jour » does on the page."""
    now = timezone.now()
    _watch(request, article, now)
    entries = latest_entries(article.pk, now, ENTRIES_IN_NINJS)
    live_url = api_page_url(article, request)
    item = {**item, "profile": NINJS_PROFILE}
    if entries and live_url:
        item["associations"] = [
            *item.get("associations", []),
            *(entry_association(e, live_url=live_url, language=article.language) for e in entries),
        ]
        latest = max(entry.posted_at for entry in entries)
        if latest > datetime.fromisoformat(item["versioncreated"]):
            item["versioncreated"] = latest.isoformat()
    return item


def register() -> None:
    """Called once from LiveConfig.ready()."""
    extensions.register(LivePage, extensions.PageDistribution(json_ld=live_json_ld, feed=live_feed))
    representation.register_article_kind(
        representation.ArticleKind(
            field="live",
            article_types=LIVE_TYPES,
            describe=describe_lives,
            ninjs=live_ninjs,
        )
    )
