"""The moderation queue's filters: one article, one top-level section, a search.

Read from the query string, checked, then carried as a normalised query string through
the status tabs, the pages and the actions' redirects, so that a moderator working one
article's comments stays on them after each decision. A value that names nothing (an
unknown article, a section of another site, letters where a number goes) is ignored and
said so on the page: a filter never turns into an error page.
"""

import unicodedata
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.db.models import Q, QuerySet
from django.urls import Resolver404, get_script_prefix, resolve
from django.utils.translation import gettext as _
from wagtail.models import Site

from kiosque.core.bounds import whole_number

SEARCH_MAX = 100  # characters: a sentence, not a pasted article
SEARCH_WORDS_MAX = 8  # each word is one more condition in the query
ID_MAX_DIGITS = 10  # a page id; longer digits are no page and would overflow the column
# The article choices come from the queue's latest comments only: the approved queue
# holds every comment of the site, and a select of thousands of titles helps nobody.
# An older article stays reachable from its rows' « this article only » link.
ARTICLE_CHOICES_WINDOW = 500
FILTER_KEYS = ("article", "section", "q")
QUEUE_VIEWS = {"discussion_admin:queue", "discussion_admin:queue_named"}


@dataclass
class QueueFilters:
    article: object = None  # the ArticlePage, title and id only
    section: object = None  # the top-level SectionPage
    search: str = ""
    sections: list = field(default_factory=list)  # the site's top-level sections
    problems: list[str] = field(default_factory=list)  # what was ignored, and why

    search_max = SEARCH_MAX  # for the template's maxlength

    @property
    def active(self) -> bool:
        return bool(self.article or self.section or self.search)

    def params(self) -> dict[str, str]:
        values = {
            "article": self.article.pk if self.article else "",
            "section": self.section.pk if self.section else "",
            "q": self.search,
        }
        return {key: str(value) for key, value in values.items() if value}

    @property
    def query(self) -> str:
        """The valid filters as a query string ("" without any): for links and forms."""
        return urlencode(self.params())

    def query_with_article(self, article_id: int) -> str:
        """The query string of these filters narrowed to one article."""
        return urlencode({**self.params(), "article": str(article_id)})

    def apply(self, comments: QuerySet) -> QuerySet:
        if self.article:
            comments = comments.filter(article_id=self.article.pk)
        if self.section:
            comments = comments.filter(article__path__startswith=self.section.path)
        for word in self.search.split()[:SEARCH_WORDS_MAX]:
            # Every word, in the text or in the name the queue shows for its writer.
            comments = comments.filter(
                Q(body__icontains=word)
                | Q(author__reader_profile__display_name__icontains=word)
                | Q(author__reader_profile__isnull=True, author__username__icontains=word)
            )
        return comments


def _number(raw: str) -> int | None:
    return whole_number(raw.strip(), maximum=10**ID_MAX_DIGITS - 1)


def top_level_sections(site: Site) -> list:
    from kiosque.newsroom.models import SectionPage

    return list(
        SectionPage.objects.child_of(site.root_page)
        .order_by("path")
        .only("id", "title", "path", "depth")
    )


def read_filters(request) -> QueueFilters:
    """The filters asked for in request.GET, the unusable ones dropped with a message."""
    from kiosque.newsroom.models import ArticlePage

    filters = QueueFilters()
    site = Site.find_for_request(request)
    filters.sections = top_level_sections(site) if site else []

    raw_article = request.GET.get("article", "")
    if raw_article.strip():
        number = _number(raw_article)
        found = (
            ArticlePage.objects.filter(pk=number).only("id", "title").first()
            if number is not None
            else None
        )
        if found:
            filters.article = found
        else:
            filters.problems.append(_("No such article: the article filter is ignored."))

    raw_section = request.GET.get("section", "")
    if raw_section.strip():
        number = _number(raw_section)
        filters.section = next((s for s in filters.sections if s.pk == number), None)
        if filters.section is None:
            filters.problems.append(
                _("That is not a section of this site: the section filter is ignored.")
            )

    search = " ".join(request.GET.get("q", "").split())
    if len(search) > SEARCH_MAX:
        search = search[:SEARCH_MAX].rstrip()
        filters.problems.append(
            _("The search is limited to %(max)s characters: the rest is ignored.")
            % {"max": SEARCH_MAX}
        )
    filters.search = search
    return filters


def article_choices(queue: QuerySet, selected=None) -> list[tuple[int, str]]:
    """(id, title) of the articles of the queue's latest comments, by title.

    Two queries whatever the queue's size; the selected article is always offered, so
    the select shows what the list is filtered by.
    """
    from kiosque.newsroom.models import ArticlePage

    latest = queue.order_by("-created_at").values_list("article_id", flat=True)
    ids = set(latest[:ARTICLE_CHOICES_WINDOW])
    if selected is not None:
        ids.add(selected.pk)
    if not ids:
        return []
    choices = ArticlePage.objects.filter(pk__in=ids).values_list("id", "title")
    return sorted(choices, key=lambda choice: _sort_key(choice[1]))


def _sort_key(title: str) -> str:
    """A title as a French reader looks it up: « Élise » with the E's, quotes ignored
    (the database's order depends on its collation, SQLite's puts them last)."""
    letters = unicodedata.normalize("NFKD", title.casefold())
    letters = "".join(c for c in letters if not unicodedata.combining(c))
    return letters.lstrip(" «»\"'’“”([-–—.…")


def safe_back(raw: str) -> str | None:
    """A queue address to come back to after an action, or None.

    Only a relative path of a queue view is accepted (no scheme, no host: never an open
    redirect), with the filters and the page number it carried, and a fragment that
    names a row (the comment to select next).
    """
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    prefix = get_script_prefix()  # "/" unless the site is served under a sub-path
    if not parts.path.startswith(prefix):
        return None
    try:
        if resolve("/" + parts.path.removeprefix(prefix)).view_name not in QUEUE_VIEWS:
            return None
    except Resolver404:
        return None
    kept = {}
    for key, value in parse_qsl(parts.query):
        if key in (*FILTER_KEYS, "p") and key not in kept:
            kept[key] = value[: SEARCH_MAX * 2]  # the first of each, never a huge header
    back = parts.path + (f"?{urlencode(kept)}" if kept else "")
    fragment = parts.fragment
    if fragment.startswith("mod-c") and _number(fragment.removeprefix("mod-c")) is not None:
        back += f"#{fragment}"
    return back
