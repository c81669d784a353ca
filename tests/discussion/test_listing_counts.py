"""Comment counts on listing cards: published comments only, the same for every reader,
and one query per listing whatever the number of cards."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kiosque.discussion import counts
from kiosque.discussion.models import Comment, CommentCount
from kiosque.discussion.services import comment_delete, comment_moderate, comment_post
from kiosque.readers.services import reader_delete
from tests.discussion.helpers import PASSWORD, make_reader, make_staff
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def card_counts(html: str) -> dict[str, str]:
    """{article slug: the count text of its card} for the cards that show one."""
    found = {}
    for card in re.findall(r'<article class="card.*?</article>', html, flags=re.S):
        slug = re.search(r'class="card__title"><a href="[^"]*/([^/"]+)/"', card).group(1)
        count = re.search(r'class="card__comments"><a [^>]*>([^<]+)</a>', card)
        found[slug] = count.group(1) if count else None
    return found


def listed_article(newsroom, slug: str, days: float):
    return make_article(
        newsroom.europe,
        title=f"Article {slug}",
        slug=slug,
        topic=newsroom.topic,
        authors=[newsroom.author],
        published_at=days_ago(days),
    )


@pytest.fixture
def busy(newsroom, config):
    """One article with 2 published, 1 rejected, 1 deleted and 1 held comment; one quiet."""
    busy = listed_article(newsroom, "tres-commente", 1)
    listed_article(newsroom, "sans-commentaire", 2)
    readers = [make_reader() for _ in range(4)]
    comment_post(user=readers[0], article=busy, body="Premier avis.")
    comment_post(user=readers[1], article=busy, body="Second avis.")
    rejected = comment_post(user=readers[2], article=busy, body="Hors sujet.")
    comment_moderate(
        moderator=make_staff("Modérateurs"), comment=rejected, action="reject", reason="HS"
    )
    deleted = comment_post(user=readers[3], article=busy, body="Je retire ceci.")
    comment_delete(user=readers[3], comment=deleted)
    config.max_links = 0
    config.save()
    held = comment_post(user=readers[3], article=busy, body="Voir https://exemple.invalid")
    assert held.status == Comment.Status.HELD
    return busy


@pytest.mark.parametrize(
    "url", ["/", "/monde/europe/", "/dossiers/crise-en-ukraine/", "/auteurs/camille-roussel/"]
)
def test_cards_show_the_published_count_on_every_listing(client, busy, url):
    response = client.get(url)
    assert response.status_code == 200
    shown = card_counts(response.content.decode())
    assert shown["tres-commente"] == "2 commentaires"
    assert shown["sans-commentaire"] is None  # no « 0 commentaire » noise


def test_english_cards_and_the_singular(client, busy):
    Comment.objects.filter(article=busy, body="Second avis.").get()
    second = Comment.objects.get(article=busy, body="Second avis.")
    comment_delete(user=second.author, comment=second)
    assert card_counts(client.get("/monde/europe/").content.decode())["tres-commente"] == (
        "1 commentaire"
    )
    english = card_counts(client.get("/en/monde/europe/").content.decode())
    assert english["tres-commente"] == "1 comment"


def test_every_reader_gets_the_same_cards(busy):
    anonymous = Client().get("/monde/europe/").content.decode()
    reader = Client()
    author = Comment.objects.filter(article=busy, status="published").first().author
    assert reader.login(username=author.username, password=PASSWORD)
    logged_in = reader.get("/monde/europe/").content.decode()
    assert card_counts(logged_in) == card_counts(anonymous)
    assert "card__comments" in anonymous


def test_the_count_follows_moderation_and_account_deletion(client, busy):
    held = Comment.objects.get(article=busy, status=Comment.Status.HELD)
    comment_moderate(moderator=make_staff("Modérateurs"), comment=held, action="approve")
    assert card_counts(client.get("/monde/europe/").content.decode())["tres-commente"] == (
        "3 commentaires"
    )
    reader_delete(user=Comment.objects.get(body="Premier avis.").author)
    assert card_counts(client.get("/monde/europe/").content.decode())["tres-commente"] == (
        "2 commentaires"
    )
    counts.recount()  # what the services kept equals a full recount
    assert CommentCount.objects.get(article=busy).published == 2


def count_queries(client, url: str) -> tuple[int, int]:
    client.get(url)  # first view: renditions, settings
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    return len(sql), sum("discussion_commentcount" in q for q in sql)


@pytest.mark.parametrize(
    "url", ["/", "/monde/europe/", "/dossiers/crise-en-ukraine/", "/auteurs/camille-roussel/"]
)
def test_a_listing_reads_counts_in_one_query_whatever_the_number_of_cards(
    client, newsroom, config, url
):
    reader = make_reader()
    config.min_seconds_between_comments = 0
    config.save()

    def add_commented_articles(prefix: str, n: int):
        for i in range(n):
            article = listed_article(newsroom, f"{prefix}-{i}", 3 + i)
            comment_post(user=reader, article=article, body=f"Avis {prefix} {i}")

    # Seven: on the home page, some are in a section block (the lead and four
    # featured come first), so both counts read the same parts of the page.
    add_commented_articles("peu", 7)
    few_total, few_count_queries = count_queries(client, url)
    add_commented_articles("beaucoup", 10)
    many_total, many_count_queries = count_queries(client, url)

    assert few_count_queries == many_count_queries == 1
    assert many_total == few_total
    shown = card_counts(client.get(url).content.decode())
    assert sum(1 for text in shown.values() if text == "1 commentaire") >= 5


def test_related_articles_under_an_article_show_no_count(client, busy, newsroom):
    # The article page has a fixed query budget; its own count is in the comments block.
    other = listed_article(newsroom, "voisin", 3)
    page = client.get(other.url).content.decode()
    assert "Article tres-commente" in page  # listed among the related articles
    assert "card__comments" not in page
