"""Surrogate keys: the names under which the edge files each response.

A response is tagged with every key whose change must remove it from the edge; a change
purges its keys. Keys are short because a listing carries one per card it shows.

    all        every response (site name, navigation, settings)
    home       the home page (la une)
    s<id>      a section page; an article's publication purges its section and ancestors
    t<id>      a topic page
    p<id>      an author page (p for person)
    a<id>      an article: its page, and every page showing its card (listings, related
               articles, its comment count); its comments change it too
    l<id>      a live's entries: its page, its polling answer, its feed; an entry posted
               purges only this, so the listings showing the live's card stay cached
    pg<id>     any other page (policy pages, indexes)
    feeds      every RSS/Atom feed
    sitemaps   robots.txt, sitemaps, the Google News sitemap
    search     search results
    corrections  the public list of corrections (« Rectificatifs »)
    api        public API answers
    nf         "not found" answers: a page published at that address must replace them
    mostread   « Les plus lus »: its fragment (an ESI include at the edge), purged by the
               worker's job only when a list changed (kiosque/audience/most_read.py)
"""

from collections.abc import Iterable
from contextlib import contextmanager

ALL = "all"
HOME = "home"
FEEDS = "feeds"
SITEMAPS = "sitemaps"
SEARCH = "search"
CORRECTIONS = "corrections"
API = "api"
NOT_FOUND = "nf"
MOST_READ = "mostread"

REQUEST_ATTRIBUTE = "_edge_keys"
CAPTURES_ATTRIBUTE = "_edge_key_captures"


def article_key(article_id: int) -> str:
    return f"a{article_id}"


def section_key(section_id: int) -> str:
    return f"s{section_id}"


def topic_key(topic_id: int) -> str:
    return f"t{topic_id}"


def author_key(author_id: int) -> str:
    return f"p{author_id}"


def page_key(page_id: int) -> str:
    return f"pg{page_id}"


def add_keys(request, keys: Iterable[str]) -> None:
    """Tag the response being built for `request` (templates and views call this)."""
    if request is None:
        return
    collected = getattr(request, REQUEST_ATTRIBUTE, None)
    if collected is None:
        collected = set()
        setattr(request, REQUEST_ATTRIBUTE, collected)
    keys = set(keys)
    collected.update(keys)
    for captured in getattr(request, CAPTURES_ATTRIBUTE, ()):
        captured.update(keys)


@contextmanager
def capture(request):
    """The keys added to `request` inside the block (what a cached fragment shows)."""
    captured: set[str] = set()
    if request is None:
        yield captured
        return
    captures = getattr(request, CAPTURES_ATTRIBUTE, None)
    if captures is None:
        captures = []
        setattr(request, CAPTURES_ATTRIBUTE, captures)
    captures.append(captured)
    try:
        yield captured
    finally:
        captures.pop()  # blocks nest: the innermost one ends first


def collected_keys(request) -> set[str]:
    return set(getattr(request, REQUEST_ATTRIBUTE, ()))


def keys_for_shown_page(page) -> set[str]:
    """Keys of a page's own response (what the page *is*; its cards add theirs)."""
    from kiosque.newsroom.models import (
        ArticlePage,
        AuthorPage,
        HomePage,
        SectionPage,
        TopicPage,
    )

    specific_class = page.specific_class
    keys = {page_key(page.pk)}
    if issubclass(specific_class, ArticlePage):  # a live coverage page is an article too
        keys.add(article_key(page.pk))
    elif specific_class is SectionPage:
        keys.add(section_key(page.pk))
    elif specific_class is TopicPage:
        keys.add(topic_key(page.pk))
    elif specific_class is AuthorPage:
        keys.add(author_key(page.pk))
    elif specific_class is HomePage:
        keys.add(HOME)
    return keys


def keys_to_purge_for_page(page) -> set[str]:
    """What a publication, update, unpublication or move of `page` makes stale.

    An article is shown on its own page, on every page showing its card (tagged with its
    key), and on the listings it now enters: its section and the sections above it, its
    topic, its authors, the home page, the feeds, the sitemaps, the search results.
    Pages of other kinds change the site's chrome (navigation, policy links), so they
    purge everything.
    """
    from kiosque.newsroom.models import ArticlePage, SectionPage

    page = page.specific
    keys = {page_key(page.pk), NOT_FOUND}
    if not isinstance(page, ArticlePage):
        return keys | {ALL}
    keys |= {article_key(page.pk), HOME, FEEDS, SITEMAPS, SEARCH, API, CORRECTIONS}
    keys |= {
        section_key(pk) for pk in SectionPage.objects.ancestor_of(page).values_list("pk", flat=True)
    }
    if page.topic_id:
        keys.add(topic_key(page.topic_id))
    keys |= {author_key(link.author_id) for link in page.article_authors.all()}
    return keys


def live_key(live_id: int) -> str:
    """A live's entries: its page, its polling answer and its feed (not its card)."""
    return f"l{live_id}"
