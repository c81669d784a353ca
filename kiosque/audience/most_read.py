"""« Les plus lus »: the most read articles of the last 24 hours, site-wide and per section.

The worker computes the lists (a periodic job, every AUDIENCE_REFRESH_SECONDS) and
stores them in MostRead: every application host then shows the same lists, and a page
reads one small row instead of summing a day of counts.

- One aggregate query sums the views of the live, public articles over the window; one
  more reads the live, public sections. An article counts for its section and for every
  section above it (the page tree: a sub-section is a child of its section), so the
  sections' lists come from the same rows, in memory.
- The site's list is always stored (even empty): its `computed_at` tells the workers
  when the next computation is due. A section's list is stored only when it has one.
- The edge and the application's fragments are purged (key `mostread`) only when a list
  changed: most runs change nothing and purge nothing.
"""

import logging
from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from kiosque.audience.models import HourlyPageViews, MostRead
from kiosque.edge.keys import MOST_READ
from kiosque.edge.purge import purge_keys_on_commit
from kiosque.edge.site_memo import forget as forget_site_memo
from kiosque.newsroom.selectors import public_only, visible_articles

logger = logging.getLogger("kiosque.audience")

WINDOW = timedelta(hours=24)
LIST_LENGTH = 10
SITE = ""  # the scope of the whole site's list
# Wagtail's tree paths grow by this many characters per level.
STEP = 4


def refresh_seconds() -> int:
    return max(int(settings.AUDIENCE_REFRESH_SECONDS), 1)


def section_scope(section_id: int) -> str:
    return str(section_id)


def _live_sections() -> dict[str, int]:
    """Tree path → id of every live, public section."""
    from kiosque.newsroom.models import SectionPage

    rows = public_only(SectionPage.objects.live()).values_list("path", "pk")
    return dict(rows)


def views_per_article(since: datetime) -> list[tuple[int, str, int]]:
    """(article id, tree path, views since `since`) of the live, public articles read."""
    rows = (
        HourlyPageViews.objects.filter(hour__gt=since, page_id__in=visible_articles().values("pk"))
        .values("page_id", "page__path")
        .annotate(total=Sum("views"))
        .order_by()
    )
    return [(row["page_id"], row["page__path"], row["total"]) for row in rows]


def compute_lists(now: datetime | None = None) -> dict[str, list[int]]:
    """Scope → ids of its most read articles, most read first (ties: the newer first)."""
    now = now or timezone.now()
    sections = _live_sections()
    read: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for article_id, path, views in views_per_article(now - WINDOW):
        if not views:
            continue
        read[SITE].append((views, article_id))
        for length in range(STEP, len(path), STEP):
            section_id = sections.get(path[:length])
            if section_id is not None:
                read[section_scope(section_id)].append((views, article_id))
    lists = {SITE: []}
    for scope, counted in read.items():
        counted.sort(reverse=True)  # most views first; the higher (newer) id on a tie
        lists[scope] = [article_id for _views, article_id in counted[:LIST_LENGTH]]
    return lists


def refresh_most_read(now: datetime | None = None) -> bool:
    """Compute and store every list; purge `mostread` when one changed. True if one did."""
    now = now or timezone.now()
    lists = compute_lists(now)
    with transaction.atomic():
        stored = dict(MostRead.objects.values_list("scope", "article_ids"))
        changed = [scope for scope, ids in lists.items() if stored.get(scope) != ids]
        gone = [scope for scope in stored if scope not in lists]
        if gone:
            MostRead.objects.filter(scope__in=gone).delete()
        if changed:
            MostRead.objects.bulk_create(
                [MostRead(scope=s, article_ids=lists[s], computed_at=now) for s in changed],
                update_conflicts=True,
                unique_fields=["scope"],
                update_fields=["article_ids", "computed_at"],
            )
        if len(changed) < len(lists):
            # The unchanged lists were checked now too: the next run is due from now.
            MostRead.objects.exclude(scope__in=changed).update(computed_at=now)
        if changed or gone:
            purge_keys_on_commit([MOST_READ])
            # The lists as pages read them (site_data, below) are remembered until the
            # purge moves the content clock; a change in this process forgets them at
            # once, as a save of the site's settings does (edge/site_memo.py).
            forget_site_memo()
    if changed or gone:
        logger.info("Most read: %d list(s) changed, %d removed", len(changed), len(gone))
    return bool(changed or gone)


def seconds_until_due(now: datetime | None = None) -> float:
    """Seconds until the lists should be computed again (0: now), by any worker."""
    now = now or timezone.now()
    computed_at = MostRead.objects.filter(scope=SITE).values_list("computed_at", flat=True).first()
    if computed_at is None:
        return 0.0
    return max((computed_at + timedelta(seconds=refresh_seconds()) - now).total_seconds(), 0.0)


def run_when_due() -> bool:
    """The worker's job: every tick asks, one run per refresh period does the work.
    Several workers may both run it at once: the second finds nothing changed."""
    if seconds_until_due() > 0:
        return False
    return refresh_most_read()


# --- reading, for the block ----------------------------------------------------------


# The stored lists as reader pages read them: core's site data, remembered by each process
# until the content clock moves (every purge of `mostread` moves it). A page rendered
# without its cached block then costs no query for the lists.
SITE_DATA = "most_read"


def load_stored_lists(site=None) -> dict[str, tuple[int, ...]]:
    """Every stored list, scope → ids (one query); shared read-only between requests."""
    return {
        scope: tuple(ids) for scope, ids in MostRead.objects.values_list("scope", "article_ids")
    }


# A section's list shorter than this gives way to the list of the section above it, then
# to the site's: two or three titles are no ranking.
MIN_SECTION_LIST = 3


def chosen_list(scopes: list[str], stored: dict) -> tuple[str, list[int]]:
    """(scope, ids): the first of `scopes` (nearest section first) with a list worth
    showing, else the site's."""
    for scope in scopes:
        if scope != SITE and len(stored.get(scope) or ()) >= MIN_SECTION_LIST:
            return scope, list(stored[scope])
    return SITE, list(stored.get(SITE) or ())


def articles_in_order(article_ids: list[int]) -> list:
    """The listed articles still live and public (one query), in the list's order: a
    withdrawn one leaves at once (its purge reaches the block through its key)."""
    if not article_ids:
        return []
    fields = ("id", "path", "depth", "url_path", "title", "language", "live",
              "content_type_id", "locale_id", "article_type")  # fmt: skip
    found = {a.pk: a for a in visible_articles().filter(pk__in=article_ids).only(*fields)}
    return [found[pk] for pk in article_ids if pk in found]
