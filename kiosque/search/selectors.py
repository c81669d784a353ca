"""The reader search: words → ranked, visible articles with highlighted excerpts."""

import math
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.safestring import SafeString

from kiosque.newsroom.selectors import CARD_FIELDS, visible_articles, with_card_data
from kiosque.search import french
from kiosque.search.engines import COUNT_LIMIT, Filters, Match, engine
from kiosque.search.excerpts import excerpt, highlight

MAX_QUERY_WORDS = 12  # a reader's search, not a pasted article
PER_PAGE = 20
MAX_PAGES = 50  # the first 1,000 results: deeper pages cost more and nobody reads them
# A result shows a card's fields and an excerpt of the indexed text. Loading the whole
# article (its body's JSON) and the whole index entry took 7.2 ms for twenty results,
# against 4.8 ms for these columns (bench/cold_path.py's search, 2026-12-06).
RESULT_FIELDS = (
    *CARD_FIELDS,
    "search_document__article_id",
    "search_document__standfirst",
    "search_document__body",
)


@dataclass(frozen=True)
class Result:
    article: object
    title: SafeString
    excerpt: SafeString


@dataclass
class SearchPage:
    """One page of results, with what the template needs to paginate."""

    number: int
    total: int
    results: list[Result] = field(default_factory=list)
    all_words: bool = True

    @property
    def total_is_a_floor(self) -> bool:
        """True when there are more matches than were counted (COUNT_LIMIT)."""
        return self.total > COUNT_LIMIT

    @property
    def shown_total(self) -> int:
        return min(self.total, COUNT_LIMIT)

    @property
    def num_pages(self) -> int:
        return min(max(math.ceil(self.total / PER_PAGE), 1), MAX_PAGES)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def parse_query(query: str) -> Match | None:
    """The words worth looking for (stop words dropped), or None when none is left."""
    words, terms = [], []
    for word in french.words(query):
        term = french.term(word)
        if term is None or term in terms:
            continue
        words.append(word)
        terms.append(term)
        if len(terms) == MAX_QUERY_WORDS:
            break
    if not terms:
        return None
    return Match(words=tuple(words), terms=tuple(terms))


def search_articles(
    *, match: Match, filters: Filters, page_number: int, now: datetime
) -> SearchPage:
    """Articles with all the words; when none has them all, those with any of them.

    The index holds only what readers could see when it was written; the articles are
    read back through `visible_articles()`, so an entry the worker has not removed yet
    (an article unpublished a second ago) is still never shown.
    """
    offset = (page_number - 1) * PER_PAGE
    search = engine().search
    ids, total = search(match, filters, now=now, offset=offset, limit=PER_PAGE)
    if total == 0 and len(match.terms) > 1:
        match = Match(words=match.words, terms=match.terms, all_words=False)
        ids, total = search(match, filters, now=now, offset=offset, limit=PER_PAGE)
    articles = (
        with_card_data(visible_articles().filter(pk__in=ids))
        .select_related("search_document")
        .only(*RESULT_FIELDS)
    )
    by_id = {article.pk: article for article in articles}
    terms = frozenset(match.terms)
    results = []
    for article_id in ids:
        article = by_id.get(article_id)
        if article is None:
            continue
        document = article.search_document
        results.append(
            Result(
                article=article,
                title=highlight(article.title, terms),
                excerpt=excerpt(document.standfirst, document.body, terms),
            )
        )
    return SearchPage(number=page_number, total=total, results=results, all_words=match.all_words)
