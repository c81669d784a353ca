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


def test_article_page_queries_do_not_grow_with_the_site(client, newsroom):
    add_topic_articles(newsroom, 4, "Petit")
    small = credited_article(newsroom, "petit-site", extra_authors=0, extra_agencies=0)
    small_queries = queries_for(client, small.url)

    # Ten times the articles in the same topic, five authors and four agencies.
    add_topic_articles(newsroom, 36, "Grand")
    large = credited_article(newsroom, "grand-site", extra_authors=4, extra_agencies=3)
    large_queries = queries_for(client, large.url)

    assert len(large_queries) == len(small_queries), "\n".join(large_queries)
    assert len(small_queries) <= ARTICLE_PAGE_QUERY_BUDGET, "\n".join(small_queries)


# Home and section pages: a small constant too, whether a section holds 10 articles or 60.
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


@pytest.mark.parametrize("page", list(LISTING_QUERY_BUDGETS))
def test_listing_pages_queries_do_not_grow_with_the_site(client, newsroom, page):
    url = "/" if page == "home" else newsroom.europe.url
    add_section_articles(newsroom, 10, "Dix")
    small_queries = queries_for(client, url)
    add_section_articles(newsroom, 50, "Soixante")
    large_queries = queries_for(client, url)

    assert len(large_queries) == len(small_queries), "\n".join(large_queries)
    assert len(small_queries) <= LISTING_QUERY_BUDGETS[page], "\n".join(small_queries)


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


# The other reader pages (issue 15), measured on the same small site then with fifty
# more articles, each with a budget of its own: a cold view (no fragment) may not grow
# with the site, and may not grow at all without a reason written here.
OTHER_PAGE_BUDGETS = {
    "topic": ("/dossiers/crise-en-ukraine/", 8),
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


@pytest.mark.parametrize("page", list(OTHER_PAGE_BUDGETS))
def test_other_reader_pages_have_a_query_budget(client, newsroom, page):
    url, budget = OTHER_PAGE_BUDGETS[page]
    if url is None:
        from django.urls import reverse

        commented = make_article(newsroom.europe, slug="debattu", published_at=days_ago(1))
        add_comments(commented, 5)
        url = reverse("discussion:thread", args=[commented.pk])
    add_section_articles(newsroom, 10, "Dix")
    _index_for_search()
    small_queries = queries_for(client, url)
    add_section_articles(newsroom, 50, "Soixante")
    _index_for_search()
    large_queries = queries_for(client, url)

    if isinstance(budget, dict):
        budget = budget[connection.vendor]
    assert len(large_queries) == len(small_queries), "\n".join(large_queries)
    assert len(small_queries) <= budget, f"{len(small_queries)} queries:\n" + "\n".join(
        small_queries
    )


def _index_for_search() -> None:
    from kiosque.search.services import search_index_rebuild

    search_index_rebuild()
