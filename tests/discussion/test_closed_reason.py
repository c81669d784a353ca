"""A closed thread says why: the newsroom's choice, or the age rule."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.discussion.helpers import make_reader
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def closed_lines(html: str) -> list[str]:
    import re

    return re.findall(r'<p class="comments__closed">(.*?)</p>', html)


def test_the_article_and_the_comments_page_say_why_comments_closed(client, newsroom):
    old = make_article(newsroom.europe, slug="ancien", published_at=days_ago(40))
    switched_off = make_article(
        newsroom.europe, slug="ferme", published_at=days_ago(1), comments_enabled=False
    )
    by_age = "Comments are closed. Comments close 30 days after publication."
    by_choice = "Comments are closed. The newsroom has closed the comments on this article."

    assert closed_lines(client.get("/en" + old.url).content.decode()) == [by_age]
    assert closed_lines(client.get("/en" + switched_off.url).content.decode()) == [by_choice]
    thread = "/en" + reverse("discussion:thread", args=[switched_off.pk])
    assert closed_lines(client.get(thread).content.decode()) == [by_choice]

    reader = Client()
    reader.force_login(make_reader())
    mine = reader.get("/en" + reverse("discussion:fragment", args=[old.pk])).content.decode()
    assert closed_lines(mine) == [by_age]


def test_an_open_thread_gives_no_reason(client, newsroom):
    fresh = make_article(newsroom.europe, slug="frais", published_at=days_ago(1))
    assert closed_lines(client.get("/en" + fresh.url).content.decode()) == []


def test_the_reason_in_french_counts_the_days_in_words_that_agree(client, newsroom):
    old = make_article(newsroom.europe, slug="ancien", published_at=days_ago(40))
    assert closed_lines(client.get(old.url).content.decode()) == [
        "Les commentaires sont fermés. Les commentaires ferment 30 jours après la publication."
    ]
