"""The article page costs a constant number of queries, whatever the size of the site."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kiosque.newsroom.models import Agency, AuthorPage
from tests.factories import add_page, days_ago, make_article, make_image

pytestmark = pytest.mark.django_db

# The measured count is given in the closing note of issue 2 (22 then). Raise it only with
# a reason: 27 since the corrections (1 query), the policy settings in the footer (1) and
# the share renditions for JSON-LD/OpenGraph (1) joined the page, each a constant cost.
# 18 since issue 6: the article is found by its address in one query (-4) and "no page is
# private" is a cached answer (-4); a first view with empty fragment caches, as here.
# A view served from the fragments costs 4 (tests/edge/test_fragments.py).
# 10 since issue 15: the article comes with its topic, lead image and that image's
# renditions (-3), the site-wide settings are remembered until the content clock moves
# like the site (-1), and "no page is private" also spares the related articles'
# query (-1). Measured: 9.
# The navigation and the breadcrumb then came from the site's sections, read once per
# content clock (newsroom/sections.py, -2: 7), and the route went back to reading the
# article alone (+2: its topic and lead image are read when the page is rendered whole,
# which costs 0.2 ms, where the join cost every page served from its fragments 1.2 ms).
# Measured: 9.
ARTICLE_PAGE_QUERY_BUDGET = 9


def add_topic_articles(newsroom, count: int, prefix: str) -> None:
    for n in range(count):
        make_article(
            newsroom.europe,
            title=f"{prefix} {n}",
            slug=f"{prefix.lower()}-{n}",
            topic=newsroom.topic,
            lead_image=make_image(f"{prefix} photo {n}"),
            published_at=days_ago(n + 2),
        )


def credited_article(newsroom, slug: str, *, extra_authors: int, extra_agencies: int):
    authors = [newsroom.author] + [
        add_page(newsroom.authors, AuthorPage(title=f"Plume {slug} {n}", slug=f"{slug}-plume-{n}"))
        for n in range(extra_authors)
    ]
    agencies = [newsroom.agency] + [
        Agency.objects.create(name=f"Agence {slug} {n}") for n in range(extra_agencies)
    ]
    return make_article(
        newsroom.europe,
        title=f"Article {slug}",
        slug=slug,
        topic=newsroom.topic,
        authors=authors,
        agencies=agencies,
        lead_image=make_image(f"Photo {slug}"),
        published_at=days_ago(1),
    )


def queries_for(client, url: str) -> list[str]:
    client.get(url)  # the first view creates missing renditions; measure a normal view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


# Home and section pages: a small constant too, whether a section holds 10 articles or 30.
# Issue 15: 30 before; measured 8 on the home page (section 12) since its section blocks
# come in one query (a row number per section) and "no page is private" is the cached
# answer there too. 10: the navigation and breadcrumb from the remembered sections
# (measured 7 on the home page, 10 on a section page). Home 5 since its lead, featured
# slots and section blocks are ranked in one query and their cards read in one (and
# their renditions), with the editors' slots and the comment counts; 6 when the lead has
# a dossier, whose latest titles are linked under it (issue 16).
LISTING_QUERY_BUDGETS = {"home": 6, "section": 10}


def add_section_articles(newsroom, count: int, prefix: str) -> None:
    for n in range(count):
        make_article(
            newsroom.europe,
            title=f"{prefix} {n}",
            slug=f"{prefix.lower()}-{n}",
            topic=newsroom.topic if n % 2 else None,
            authors=[newsroom.author],
            agencies=[newsroom.agency] if n % 3 == 0 else [],
            lead_image=make_image(f"{prefix} image {n}") if n % 4 == 0 else None,
            published_at=days_ago(n + 1),
        )


def add_comments(article, count: int) -> None:
    from kiosque.discussion.services import comment_post
    from tests.discussion.helpers import forget_rate_limits, make_reader

    readers = [make_reader() for _ in range(count // 40 + 1)]
    for n in range(count):
        forget_rate_limits()  # one reader may post 50 a day: not what is measured here
        comment_post(
            user=readers[n % len(readers)], article=article, body=f"Commentaire numéro {n}"
        )


def test_article_page_with_its_comments_costs_the_same_with_10_or_120(client, newsroom, config):
    few = make_article(newsroom.europe, slug="peu", published_at=days_ago(1))
    many = make_article(newsroom.europe, slug="beaucoup", published_at=days_ago(1))
    add_comments(few, 10)
    add_comments(many, 120)
    few_queries = queries_for(client, few.url)
    many_queries = queries_for(client, many.url)
    assert "Commentaire numéro 9" in client.get(few.url).content.decode()
    assert len(many_queries) == len(few_queries), "\n".join(many_queries)
    assert len(few_queries) <= ARTICLE_PAGE_QUERY_BUDGET, "\n".join(few_queries)


# The other reader pages (issue 15), measured on the same small site then with about thirty
# more articles, each with a budget of its own: a cold view (no fragment) may not grow
# with the site, and may not grow at all without a reason written here.
OTHER_PAGE_BUDGETS = {
    # 9 since the topic's cards are measured with their pictures (their renditions come
    # in one query, whatever the number of cards); 8 without a picture on the page.
    "topic": ("/dossiers/crise-en-ukraine/", 9),
    "author": ("/auteurs/camille-roussel/", 9),
    # On PostgreSQL each search also sets and resets two planner settings around its
    # two statements (search/engines/postgresql.py), and in a test's transaction that
    # block is a savepoint: 4 statements more per try, and this query tries twice (no
    # article has both words, so it looks again for either).
    "search": ("/recherche/?q=dix+europe", {"sqlite": 7, "postgresql": 15}),
    # The comments page is private (no edge) but takes its site and settings from the
    # site memo and the request, as the article does: 13 until then, measured 6.
    "comments": (None, 6),
}


def reader_page_urls(newsroom, article, commented) -> dict[str, str]:
    from django.urls import reverse

    urls = {"article": article.url, "home": "/", "section": newsroom.europe.url}
    for page, (url, _budget) in OTHER_PAGE_BUDGETS.items():
        urls[page] = url or reverse("discussion:thread", args=[commented.pk])
    return urls


def budget_for(page: str) -> int:
    if page == "article":
        return ARTICLE_PAGE_QUERY_BUDGET
    if page in LISTING_QUERY_BUDGETS:
        return LISTING_QUERY_BUDGETS[page]
    budget = OTHER_PAGE_BUDGETS[page][1]
    return budget[connection.vendor] if isinstance(budget, dict) else budget


@pytest.mark.slow(
    reason="builds a site of about fifty articles with pictures, once for all the pages"
)
def test_reader_pages_queries_do_not_grow_with_the_site(client, newsroom):
    """Every reader page on a small site, then on one several times larger.

    One site grown once for all the pages (the article, home, section, topic, author,
    search and comments pages): building it is most of the test's time, and the pages
    only read it.
    """
    commented = make_article(newsroom.europe, slug="debattu", published_at=days_ago(1))
    add_comments(commented, 5)
    add_section_articles(newsroom, 10, "Dix")
    add_topic_articles(newsroom, 4, "Petit")
    small_article = credited_article(newsroom, "petit-site", extra_authors=0, extra_agencies=0)
    _index_for_search()
    small_urls = reader_page_urls(newsroom, small_article, commented)
    small = {page: queries_for(client, url) for page, url in small_urls.items()}

    # Three times the section's articles, three times the topic's (with their pictures),
    # and an article with five authors and four agencies: a query made per card shows as
    # twenty more, and a larger site only makes the test slower.
    add_section_articles(newsroom, 20, "Trente")
    add_topic_articles(newsroom, 8, "Grand")
    large_article = credited_article(newsroom, "grand-site", extra_authors=4, extra_agencies=3)
    _index_for_search()
    large_urls = reader_page_urls(newsroom, large_article, commented)
    large = {page: queries_for(client, url) for page, url in large_urls.items()}

    grew = {page: "\n".join(large[page]) for page in small if len(large[page]) != len(small[page])}
    assert not grew, grew
    over = {
        page: f"{len(queries)} queries:\n" + "\n".join(queries)
        for page, queries in small.items()
        if len(queries) > budget_for(page)
    }
    assert not over, over


def _index_for_search() -> None:
    from kiosque.search.services import search_index_rebuild

    search_index_rebuild()
