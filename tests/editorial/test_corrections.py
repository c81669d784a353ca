"""Corrections (« Rectificatif »): added by an editor with the article, shown prominently
on it, listed on /rectificatifs/ (newest first, paginated), an update date for feeds;
and the public update note next to « Mis à jour »."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kiosque.editorial import selectors
from kiosque.editorial.models import Correction
from kiosque.editorial.views import CORRECTIONS_PER_PAGE
from kiosque.newsroom.models import ArticlePage
from tests.editorial.admin_forms import article_form
from tests.factories import days_ago, make_article, publish, set_publication_times
from tests.newsroom.test_query_count import ARTICLE_PAGE_QUERY_BUDGET

pytestmark = pytest.mark.django_db
WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def correct(article, text: str, when: datetime = WHEN, *, minor=False) -> Correction:
    """An editor adds a correction and publishes the corrected article."""
    article = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    article.corrections.add(Correction(corrected_at=when, text=text))
    article.minor_change = minor
    publish(article)
    return ArticlePage.objects.get(pk=article.pk).corrections.get(text=text)


def test_an_editor_adds_a_correction_in_the_admin_and_readers_see_it(client, newsroom):
    article = make_article(newsroom.europe, slug="pont", published_at=days_ago(3))
    editor = get_user_model().objects.create_superuser("chef", "chef@example.org", "x" * 16)
    client.force_login(editor)
    text = "Une version précédente indiquait que le pont avait fermé mardi ; il a fermé mercredi."
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_form(article, corrections=[("2026-11-20 10:30", text)], **{"action-publish": "on"}),
    )
    assert response.status_code == 302
    client.logout()
    html = client.get(article.url).content.decode()
    assert 'class="corrections"' in html
    assert "Rectificatif" in html
    assert "20/11/2026 10:30" in html  # the newsroom's zone (Europe/Paris)
    assert "il a fermé mercredi." in html
    # Prominent: in the article's header, before the body.
    assert html.index('class="corrections"') < html.index('class="article__body"')


def test_a_draft_correction_stays_unseen_until_published(client, newsroom):
    article = make_article(newsroom.europe, slug="brouillon-rectif")
    draft = article.get_latest_revision_as_object()
    draft.corrections.add(Correction(corrected_at=WHEN, text="Pas encore publié."))
    draft.save_revision()
    assert "Pas encore publié." not in client.get(article.url).content.decode()
    assert "Pas encore publié." not in client.get("/rectificatifs/").content.decode()


def test_several_corrections_oldest_first_on_the_article(client, newsroom):
    article = make_article(newsroom.europe, slug="deux-rectifs")
    correct(article, "Second rectificatif.", WHEN + timedelta(days=1))
    correct(article, "Premier rectificatif.", WHEN)
    html = client.get(article.url).content.decode()
    assert "Rectificatifs" in html
    assert html.index("Premier rectificatif.") < html.index("Second rectificatif.")


def test_the_english_interface_labels_the_correction(client, newsroom):
    article = make_article(newsroom.europe, slug="english-rectif")
    correct(article, "Le bilan était de douze blessés, non de vingt.")
    html = client.get("/en" + article.url).content.decode()
    assert "Correction" in html and "Le bilan était de douze blessés" in html


def test_the_corrections_page_lists_newest_first_and_paginates(client, newsroom):
    articles = [
        make_article(newsroom.europe, slug=f"rectifie-{n}", title=f"Article rectifié {n}")
        for n in range(3)
    ]
    for number in range(CORRECTIONS_PER_PAGE + 2):
        correct(
            articles[number % 3],
            f"Rectificatif numéro {number}.",
            WHEN + timedelta(hours=number),
        )
    first = client.get("/rectificatifs/")
    assert first.status_code == 200
    html = first.content.decode()
    newest = CORRECTIONS_PER_PAGE + 1
    assert html.index(f"numéro {newest}.") < html.index(f"numéro {newest - 1}.")
    assert "Rectificatif numéro 0." not in html
    assert 'href="?page=2"' in html
    assert "Texte." in html  # the corrections policy page's text, as an introduction
    second = client.get("/rectificatifs/?page=2").content.decode()
    assert "Rectificatif numéro 0." in second and "Rectificatif numéro 1." in second
    assert f'href="{articles[0].url}"' in second
    for bad in ("3", "0", "abc", "-1", "9" * 20):
        assert client.get(f"/rectificatifs/?page={bad}").status_code == 404
    assert client.post("/rectificatifs/").status_code == 405
    english = client.get("/en/rectificatifs/")
    assert english.status_code == 200
    assert "Corrections" in english.content.decode()
    assert "Set-Cookie" not in first.headers


def test_corrections_of_withdrawn_articles_leave_the_corrections_page(client, newsroom):
    article = make_article(newsroom.europe, slug="rectifie-puis-retire")
    correct(article, "Un rectificatif bientôt retiré.")
    assert "bientôt retiré" in client.get("/rectificatifs/").content.decode()
    ArticlePage.objects.get(pk=article.pk).unpublish()
    html = client.get("/rectificatifs/").content.decode()
    assert "bientôt retiré" not in html
    assert "Aucun rectificatif n’a été publié." in html


def test_a_correction_counts_as_an_update_date_for_feeds(newsroom):
    article = make_article(newsroom.europe, slug="mise-a-jour")
    set_publication_times(article, [WHEN - timedelta(days=5), WHEN - timedelta(days=4)])
    article.refresh_from_db()
    assert selectors.latest_correction_at(article) is None
    assert selectors.content_updated_at(article) == WHEN - timedelta(days=4)
    # Published as a minor change: no « Mis à jour », but the correction still dates it.
    correct(article, "Le lieu était Brest, non Quimper.", WHEN, minor=True)
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.major_update_at == WHEN - timedelta(days=4)
    assert selectors.latest_correction_at(article) == WHEN
    assert selectors.content_updated_at(article) == WHEN
    other = make_article(newsroom.europe, slug="sans-rectif")
    assert selectors.latest_corrections_by_article([article.pk, other.pk]) == {article.pk: WHEN}


def test_the_update_note_is_shown_next_to_mis_a_jour(client, newsroom):
    article = make_article(
        newsroom.europe, slug="note", update_note="ajout de la réaction du maire"
    )
    html = client.get(article.url).content.decode()
    assert "ajout de la réaction du maire" not in html  # never updated: no « Mis à jour »
    set_publication_times(article, [days_ago(2), days_ago(1)])
    html = client.get(article.url).content.decode()
    updated = html.index("Mis à jour le")
    assert html.index("ajout de la réaction du maire") > updated
    assert html.index("ajout de la réaction du maire") < html.index("Temps de lecture")


def test_corrections_cost_one_query_whatever_their_number(client, newsroom):
    article = make_article(newsroom.europe, slug="cout")
    correct(article, "Un.")
    client.get(article.url)
    with CaptureQueriesContext(connection) as one:
        client.get(article.url)
    for number in range(5):
        correct(article, f"Encore {number}.", WHEN + timedelta(hours=number))
    client.get(article.url)
    with CaptureQueriesContext(connection) as six:
        client.get(article.url)
    assert len(six.captured_queries) == len(one.captured_queries)
    # Within the article page's budget (tests/newsroom/test_query_count.py).
    assert len(six.captured_queries) <= ARTICLE_PAGE_QUERY_BUDGET


def test_corrections_are_in_the_article_json_ld(client, newsroom):
    import json
    import re

    article = make_article(newsroom.europe, slug="json-ld")
    correct(article, "Le score final était de 3-1, non de 3-2.", WHEN)
    html = client.get(article.url).content.decode()
    blocks = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    [news] = [b for b in blocks if "correction" in b]
    assert news["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Le score final était de 3-1, non de 3-2.",
            "datePublished": "2026-11-20T10:30:00+01:00",
        }
    ]
    other = make_article(newsroom.europe, slug="sans-rectificatif")
    assert '"correction"' not in client.get(other.url).content.decode()


def test_a_correction_is_an_update_date_in_the_feeds(client, newsroom):
    import feedparser

    article = make_article(newsroom.europe, slug="corrige", published_at=days_ago(10))
    later = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    correct(article, "Le chiffre exact est 1 200 et non 12 000.", when=later, minor=True)
    for path in ("/rss.xml", "/atom.xml"):
        feed = feedparser.parse(client.get(path).content)
        entry = next(e for e in feed.entries if e.link.endswith(article.url))
        updated = datetime(*entry.updated_parsed[:6], tzinfo=UTC)
        assert updated == later, path
