"""The article's dateline ends with « – » however it was written (kiosque.newsroom.text)."""

import pytest

from kiosque.newsroom.models import ArticlePage
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_published_article_gets_the_dash(client, newsroom):
    article = make_article(newsroom.europe, slug="brest", dateline="BREST (Finistère)")
    assert ArticlePage.objects.get(pk=article.pk).dateline == "BREST (Finistère) –"
    html = client.get(article.url).content.decode()
    assert '<span class="dateline">BREST (Finistère)\u00a0–</span>' in html


def test_a_draft_gets_it_too(newsroom):
    # Wagtail saves a draft without clean(): the row is normalised in save().
    draft = make_article(newsroom.europe, slug="brouillon", dateline="LORIENT", live=False)
    assert ArticlePage.objects.get(pk=draft.pk).dateline == "LORIENT –"
    assert draft.get_latest_revision_as_object().dateline == "LORIENT –"


def test_an_edited_revision_gets_it_before_any_save(newsroom):
    # The editor's form and save_revision() clean the page but do not save its row.
    article = make_article(newsroom.europe, slug="edite", dateline="BREST (Finistère) –")
    article.dateline = "QUIMPER (Finistère)—"
    revision = article.save_revision()
    assert revision.as_object().dateline == "QUIMPER (Finistère) –"


def test_an_existing_dash_is_not_doubled_and_empty_stays_empty(newsroom):
    dashed = make_article(newsroom.europe, slug="tiret", dateline="RENNES –")
    without = make_article(newsroom.europe, slug="sans-lieu", dateline="")
    assert ArticlePage.objects.get(pk=dashed.pk).dateline == "RENNES –"
    assert ArticlePage.objects.get(pk=without.pk).dateline == ""


def test_a_full_length_place_still_validates_and_fits(newsroom):
    article = make_article(newsroom.europe, slug="long", dateline="L" * 120)
    article.full_clean()
    assert ArticlePage.objects.get(pk=article.pk).dateline == "L" * 118 + " –"
