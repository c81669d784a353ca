"""Cached fragments of the article page: reused while nothing they show changed.

The test settings use a dummy fragment cache (tests run in transactions that never
commit, and fragments are invalidated after commit); these tests switch a real one on
and run the after-commit callbacks, as a production process would.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kiosque.discussion.services import comment_post
from kiosque.edge import fragments
from kiosque.newsroom.models import NewsroomSettings
from tests.discussion.helpers import make_reader
from tests.factories import days_ago, make_article, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragment_cache(settings, monkeypatch):
    settings.CACHES = {
        **settings.CACHES,
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fragment-tests",
        },
    }
    # One machine, one clock: no margin needed, so no test has to wait for it.
    monkeypatch.setattr(fragments, "CLOCK_SKEW", 0.0)
    caches["fragments"].clear()
    yield caches["fragments"]
    caches["fragments"].clear()


def warm(url: str):
    """Views until the fragments are stored and valid; the last response."""
    for _ in range(3):
        response = Client().get(url)
        assert response.status_code == 200
    return response


def queries_for(url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries)


def every_rendition(image):
    """The image with the renditions the worker makes for every app (sharing cards too)."""
    from kiosque.newsroom import rendition_makers

    for maker in rendition_makers.registered():
        maker(image)
    return image


def test_a_warm_article_page_is_the_same_page_for_a_fraction_of_the_queries(
    newsroom, fragment_cache
):
    article = make_article(
        newsroom.europe,
        slug="reunion",
        published_at=days_ago(1),
        authors=[newsroom.author],
        agencies=[newsroom.agency],
        topic=newsroom.topic,
        lead_image=every_rendition(make_image("Réunion")),
    )
    first = Client().get(article.url)
    cold = queries_for(article.url)  # versions unknown yet: rendered again
    warm_page = warm(article.url)
    warm_queries = queries_for(article.url)
    assert warm_page.content == first.content
    # The article itself, nothing else: its lead image's renditions are only read when
    # a part that shows them is rendered.
    assert warm_queries == 1 < cold


def test_publishing_a_change_replaces_the_fragments_at_once(
    newsroom, fragment_cache, django_capture_on_commit_callbacks
):
    article = make_article(newsroom.europe, slug="budget", published_at=days_ago(1))
    assert "Le budget est adopté" not in warm(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Le budget est adopté"
        article.standfirst = "Un vote serré, tard dans la nuit."
        article.save_revision().publish()
    html = Client().get(article.url).content.decode()
    assert "Le budget est adopté" in html
    assert "Un vote serré, tard dans la nuit." in html


def test_a_new_comment_replaces_the_comment_list(
    newsroom, article, config, fragment_cache, django_capture_on_commit_callbacks
):
    assert "Premier avis sur la question" not in warm(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        comment_post(
            user=make_reader("Hélène"), article=article, body="Premier avis sur la question"
        )
    html = Client().get(article.url).content.decode()
    assert "Premier avis sur la question" in html and "Hélène" in html


def test_a_settings_change_reaches_every_fragment_of_the_site(
    newsroom, fragment_cache, django_capture_on_commit_callbacks
):
    article = make_article(newsroom.europe, slug="conseil", published_at=days_ago(1))
    assert "Éditions du Littoral" not in warm(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        settings = NewsroomSettings.for_site(newsroom.site)
        settings.publisher_name = "Éditions du Littoral"
        settings.save()
    html = Client().get(article.url).content.decode()
    assert "© Éditions du Littoral" in html  # the footer
    assert "Éditions du Littoral</p>" in html  # the byline


def test_without_the_after_commit_signal_nothing_changes_so_the_rule_is_what_is_tested(
    newsroom, fragment_cache
):
    """The control: the same change, its callbacks never run, leaves the old fragments."""
    article = make_article(newsroom.europe, slug="controle", published_at=days_ago(1))
    warm(article.url)
    article.title = "Titre jamais vu"
    article.save_revision().publish()  # inside the test's transaction: no commit
    html = Client().get(article.url).content.decode()
    assert "<title>Titre jamais vu" in html  # outside the fragments, always fresh
    assert 'article__title">Titre jamais vu' not in html


def test_a_lost_version_makes_the_fragments_stale_rather_than_trusted(newsroom, fragment_cache):
    article = make_article(newsroom.europe, slug="eviction", published_at=days_ago(1))
    warm(article.url)
    article.title = "Titre après éviction"
    article.save_revision().publish()  # no commit: only the lost version can tell
    fragment_cache.delete(fragments.VERSION_PREFIX + f"a{article.pk}")
    html = Client().get(article.url).content.decode()
    assert 'article__title">Titre après éviction' in html


def test_a_cached_fragment_still_tags_the_response_with_what_it_shows(newsroom, fragment_cache):
    related = make_article(
        newsroom.europe, slug="voisin", published_at=days_ago(2), topic=newsroom.topic
    )
    article = make_article(
        newsroom.europe, slug="principal", published_at=days_ago(1), topic=newsroom.topic
    )
    first = Client().get(article.url)
    assert f"a{related.pk}" in first["xkey"].split()
    warm_response = warm(article.url)
    assert queries_for(article.url) <= 6  # served from fragments
    assert warm_response["xkey"] == first["xkey"]


def test_fragments_never_carry_a_readers_session_to_another_reader(
    newsroom, article, config, fragment_cache
):
    reader = make_reader("Odile Privée")
    session = Client()
    session.force_login(reader)
    for _ in range(3):  # the reader's own views store the fragments
        session.get(article.url)
    anonymous = Client().get(article.url)
    html = anonymous.content.decode()
    assert "Odile Privée" not in html and reader.email not in html
    assert "csrfmiddlewaretoken" not in html
    assert not anonymous.cookies


def test_the_english_page_has_its_own_fragments(newsroom, fragment_cache):
    article = make_article(newsroom.europe, slug="bilingue", published_at=days_ago(1))
    french = warm(article.url).content.decode()
    english = warm("/en" + article.url).content.decode()
    assert "Temps de lecture" in french and "Reading time" not in french
    assert "Reading time" in english and "Temps de lecture" not in english


def test_a_warm_page_reads_all_its_fragments_in_three_round_trips(
    newsroom, fragment_cache, monkeypatch
):
    article = make_article(
        newsroom.europe, slug="lecture", published_at=days_ago(1), topic=newsroom.topic
    )
    make_article(newsroom.europe, slug="autre", published_at=days_ago(2), topic=newsroom.topic)
    warm(article.url)
    reads = []
    depth = [0]  # the local-memory cache's get_many calls its own get: count calls from outside
    for method in ("get", "get_many"):
        original = getattr(fragment_cache, method)

        def counted(*args, _original=original, _method=method, **kwargs):
            if depth[0] == 0:
                reads.append(_method)
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(fragment_cache, method, counted)
    response = Client().get(article.url)
    assert response.status_code == 200
    assert reads == ["get_many", "get_many", "get_many"]  # manifest, fragments, versions
    assert queries_for(article.url) <= 4


def test_an_editors_preview_of_a_draft_never_reaches_readers(client, newsroom, fragment_cache):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from tests.editorial.admin_forms import article_form

    article = make_article(newsroom.europe, slug="apercu", published_at=days_ago(1))
    warm(article.url)
    editor = get_user_model().objects.create_superuser("relecteur", "r@example.org", "x" * 16)
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    form = article_form(article, title="Brouillon pas encore relu")
    assert client.post(preview_url, form).json()["is_valid"]
    for _ in range(2):
        preview = client.get(preview_url).content.decode()
        assert 'article__title">Brouillon pas encore relu' in preview
    html = Client().get(article.url).content.decode()
    assert "Brouillon pas encore relu" not in html


def test_any_query_string_keeps_the_fragment_keys_short(newsroom, fragment_cache):
    article = make_article(newsroom.europe, slug="longue", published_at=days_ago(1))
    response = Client().get(article.url, {"page": "x" * 600, "q": "\x01é<>"})
    assert response.status_code == 200
    keys = [key for key in fragment_cache._cache if ":f:" in key or ":m:" in key]
    assert keys and all(len(key) < 120 for key in keys)
