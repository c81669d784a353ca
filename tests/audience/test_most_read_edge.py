"""« Les plus lus » through the real edge: Varnish assembles the block into cached pages.

The demo site runs behind `kiosque edge` (tests/e2e/fixtures.py). The list changes in
the site's own database (a `kiosque shell`, as the worker's job would), whose refresh
purges `mostread`: the cached home page stays a HIT and shows the new list.
"""

import html
import json
import time
from email.utils import formatdate

from tests.e2e.helpers import SCREENSHOT_DIR, flat
from tests.e2e.test_edge import anonymous, cached_copy, shell, until

# A purge reaches the edge in milliseconds; the limit only absorbs a busy machine.
PROPAGATION_LIMIT_SECONDS = 5.0

# Puts `views` views this hour on the newest articles (lives aside), in that order, then
# computes the lists as the worker does; prints the articles' titles.
MAKE_THEM_MOST_READ = """
import json
from django.utils import timezone
from kiosque.audience.models import HourlyPageViews
from kiosque.audience.most_read import refresh_most_read
from kiosque.newsroom.selectors import visible_articles
views = {views!r}
articles = list(visible_articles().exclude(article_type__startswith="direct")
                .order_by("-first_published_at")[{offset}:{offset} + len(views)])
hour = timezone.now().replace(minute=0, second=0, microsecond=0)
for article, count in zip(articles, views):
    HourlyPageViews.objects.update_or_create(
        page_id=article.pk, hour=hour, defaults={{"views": count}})
refresh_most_read()
print(json.dumps([article.title for article in articles]))
"""


def make_most_read(live_site, views: list[int], offset: int) -> list[str]:
    out = shell(live_site, MAKE_THEM_MOST_READ.format(views=views, offset=offset))
    return json.loads(out.strip().splitlines()[-1])


def block_of(body: str) -> str:
    assert 'class="most-read"' in body, "no « Les plus lus » block"
    return body.split('class="most-read"', 1)[1].split("</section>", 1)[0]


def first_title(body: str) -> str:
    first = block_of(body).split('<li class="most-read__item">', 2)[1]
    return flat(html.unescape(first.split(">", 1)[1].split("</a>", 1)[0]))


def test_the_block_is_assembled_at_the_edge_and_the_page_stays_a_hit(live_site):
    # Far above what the demo's own counts give any article.
    titles = make_most_read(live_site, [3_000_000, 2_000_000], offset=6)
    page = cached_copy(live_site, "/")
    assert "<esi:" not in page.body
    assert "Les plus lus" in block_of(page.body)
    assert first_title(page.body) == flat(titles[0])
    # The page's validators would answer 304 for an older list: an assembled page has none.
    assert "ETag" not in page.headers and "Last-Modified" not in page.headers
    conditional = anonymous(
        live_site.edge("/"), headers={"If-Modified-Since": formatdate(usegmt=True)}
    )
    assert conditional.status == 200

    # The block alone: shared, no cookie, kept no longer than the refresh period.
    fragment = anonymous(live_site.edge("/plus-lus/"))
    assert fragment.status == 200
    assert "s-maxage=300" in fragment.headers["Cache-Control"]
    assert "Set-Cookie" not in fragment.headers

    # Another article becomes the most read: the refresh purges `mostread` only.
    new_titles = make_most_read(live_site, [9_000_000], offset=9)
    started = time.monotonic()

    def shows_the_new_list() -> bool:
        answer = anonymous(live_site.edge("/"))
        assert answer.headers["X-Cache"] == "HIT", "the page itself was purged"
        return first_title(answer.body) == flat(new_titles[0])

    assert until(shows_the_new_list, PROPAGATION_LIMIT_SECONDS) is not None
    print(f"new most read list at the edge in {time.monotonic() - started:.2f} s")


def test_the_block_at_320_pixels_in_dark_mode(live_site, new_page):
    # The demo's view counts fill the list: the worker computes it as the site starts.
    page = new_page(viewport={"width": 320, "height": 720}, color_scheme="dark")
    page.goto(live_site.edge("/"))
    block = page.locator(".most-read")
    block.scroll_into_view_if_needed()
    assert block.locator("li").count() >= 4
    box = block.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # no sideways scroll
    # The numbers are drawn by CSS: they must not be part of the titles' text.
    assert not block.locator("li a").first.inner_text()[:1].isdigit()
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    block.screenshot(path=str(SCREENSHOT_DIR / "most-read-320-dark.png"))
