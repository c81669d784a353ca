"""Withdrawn articles answer 410 Gone, in the site design, and leave every listing;
pages never published stay 404."""

import pytest
from django.test import Client

from kiosque.editorial.middleware import GONE_CACHE_CONTROL
from kiosque.editorial.models import Withdrawal
from kiosque.editorial.services import article_withdraw
from kiosque.newsroom.models import HomeFeaturedSlot
from tests.factories import days_ago, make_article, publish

pytestmark = pytest.mark.django_db


def titles_on(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_an_article_unpublished_by_an_editor_answers_410_in_both_languages(client, newsroom):
    article = make_article(newsroom.europe, title="Le sommet est reporté", slug="sommet")
    url = article.url
    article.unpublish()

    french = client.get(url)
    assert french.status_code == 410
    html = french.content.decode()
    assert "Article retiré" in html
    assert "Cet article a été retiré par la rédaction" in html
    assert "Kiosque Test" in html  # the site design: header and footer
    assert 'class="site-footer"' in html
    assert french["Cache-Control"] == GONE_CACHE_CONTROL
    assert "Set-Cookie" not in french.headers

    english = client.get("/en" + url)
    assert english.status_code == 410
    assert "Article withdrawn" in english.content.decode()
    assert english["Cache-Control"] == GONE_CACHE_CONTROL
    assert client.head(url).status_code == 410


def test_a_page_never_published_stays_404(client, newsroom):
    draft = make_article(newsroom.europe, slug="brouillon", live=False)
    response = client.get("/monde/europe/brouillon/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    assert not Withdrawal.objects.exists()
    # A draft that is deleted leaves no trace either.
    draft.delete()
    assert client.get("/monde/europe/brouillon/").status_code == 404


def test_an_unknown_address_stays_404_and_a_post_is_not_turned_into_410(client, newsroom):
    article = make_article(newsroom.europe, slug="retire")
    url = article.url
    article.unpublish()
    assert client.get("/monde/europe/jamais-existe/").status_code == 404
    assert client.post(url).status_code in (404, 405)


def test_an_agency_kill_explains_itself(client, newsroom):
    article = make_article(newsroom.europe, slug="depeche")
    url = article.url
    assert article_withdraw(article=article, origin=Withdrawal.Origin.AGENCY, reason="erreur")
    response = client.get(url)
    assert response.status_code == 410
    assert "l’agence dont il reprenait la dépêche l’a annulée" in response.content.decode()
    # Withdrawing again does nothing: the article is no longer live.
    article.refresh_from_db()
    assert not article_withdraw(article=article, origin=Withdrawal.Origin.EDITOR)
    assert Withdrawal.objects.get().origin == Withdrawal.Origin.AGENCY


def test_withdrawn_articles_leave_every_listing(client, newsroom):
    kept = make_article(newsroom.europe, title="Article maintenu", published_at=days_ago(2))
    gone = make_article(
        newsroom.europe,
        title="Article retiré des listes",
        topic=newsroom.topic,
        authors=[newsroom.author],
        published_at=days_ago(1),
    )
    home = newsroom.home
    home.lead_story = gone
    home.featured_slots = [HomeFeaturedSlot(article=gone)]
    publish(home)
    for path in ("/", "/monde/", "/monde/europe/", newsroom.topic.url, newsroom.author.url):
        assert "Article retiré des listes" in titles_on(client, path), path
    gone.unpublish()
    for path in ("/", "/monde/", "/monde/europe/", newsroom.topic.url, newsroom.author.url):
        html = titles_on(client, path)
        assert "Article retiré des listes" not in html, path
    # La une falls back to the latest article still visible.
    assert "Article maintenu" in titles_on(client, "/")
    assert kept.live


def test_republishing_brings_the_article_back(client, newsroom):
    article = make_article(newsroom.europe, slug="retour")
    url = article.url
    article.unpublish()
    assert client.get(url).status_code == 410
    publish(article)
    assert client.get(url).status_code == 200
    assert not Withdrawal.objects.exists()


def test_the_address_keeps_explaining_after_the_page_is_deleted(client, newsroom):
    article = make_article(newsroom.europe, slug="supprime")
    url = article.url
    article.unpublish()
    article.delete()
    assert Client().get(url).status_code == 410


def test_a_killed_dispatch_answers_410_through_the_same_mechanism(client, newsroom, tmp_path):
    from datetime import UTC, datetime

    import time_machine

    from kiosque.newsroom.models import ArticlePage
    from kiosque.wires.batch import ingest_file
    from tests.wires.helpers import ninjs, write_json

    with time_machine.travel(datetime(2026, 11, 24, 12, 0, tzinfo=UTC), tick=False):
        ingest_file(write_json(tmp_path, "v1.json", ninjs()), publish=True)
        article = ArticlePage.objects.get(wire_links__isnull=False)
        url = article.url
        assert client.get(url).status_code == 200
        kill = ninjs(version="2", pubstatus="canceled", ednote="Dépêche annulée.")
        ingest_file(write_json(tmp_path, "v2.json", kill))
        response = client.get(url)
        assert response.status_code == 410
        assert response["Cache-Control"] == GONE_CACHE_CONTROL
        assert "l’agence dont il reprenait la dépêche l’a annulée" in response.content.decode()
        withdrawal = Withdrawal.objects.get()
        assert (withdrawal.origin, withdrawal.reason) == (
            Withdrawal.Origin.AGENCY,
            "Dépêche annulée.",
        )
        # Publishing it again is refused and the address keeps its explanation.
        publish(ArticlePage.objects.get(pk=article.pk))
        assert client.get(url).status_code == 410
        assert Withdrawal.objects.get().origin == Withdrawal.Origin.AGENCY


def test_an_editor_working_in_english_records_the_french_address(client, newsroom):
    from django.utils import translation

    article = make_article(newsroom.europe, slug="admin-en-anglais")
    url = article.url
    with translation.override("en"):  # the admin in the editor's chosen language
        article.unpublish()
    assert Withdrawal.objects.get().path == url
    assert client.get(url).status_code == 410
    assert client.get("/en" + url).status_code == 410
