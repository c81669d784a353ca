"""The rebuild works in bulk: its queries do not grow with the articles, the command
and the bench load go through it, and what it cannot write in bulk goes to Wagtail."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.models import IndexEntry

from kiosque.benchdata.services import rebuild_search_index
from kiosque.newsroom.models import ArticlePage
from kiosque.newsroom.models.restrictions import any_view_restriction
from kiosque.search.models import SearchDocument
from kiosque.search.services import search_index_rebuild, wagtail_articles_index
from kiosque.search.wagtail_bulk import wagtail_index_bulk
from tests.factories import make_article, make_image


def _illustrated(newsroom, count: int, picture) -> list[ArticlePage]:
    body = [
        {"type": "paragraph", "value": "<p>Crue de la Loire à Nantes.</p>"},
        {"type": "image", "value": {"image": picture.pk, "caption": "Les quais"}},
        {"type": "quote", "value": {"text": "L'eau monte.", "attribution": "un riverain"}},
    ]
    made = []
    for n in range(count):
        article = make_article(newsroom.monde, title=f"Crue numéro {n}", authors=[newsroom.author])
        ArticlePage.objects.filter(pk=article.pk).update(body=body)
        made.append(article)
    return made


def _queries(run) -> int:
    with CaptureQueriesContext(connection) as captured:
        run()
    return len(captured)


def test_the_rebuilds_queries_do_not_grow_with_the_articles(newsroom):
    # The per-article path loads each page and each image block's image: 2 articles
    # and 9 articles would cost different numbers of queries.
    picture = make_image(with_renditions=False)
    few = _illustrated(newsroom, 2, picture)
    ids = [a.pk for a in few]
    any_view_restriction()  # a cached answer, read once by whichever query comes first
    reader_few = _queries(search_index_rebuild)
    wagtail_few = _queries(lambda: wagtail_articles_index(article_ids=ids))
    many = few + _illustrated(newsroom, 7, picture)
    ids = [a.pk for a in many]
    assert _queries(search_index_rebuild) == reader_few
    assert _queries(lambda: wagtail_articles_index(article_ids=ids)) == wagtail_few
    assert SearchDocument.objects.count() == 9


@pytest.mark.parametrize("verbosity", [1, 2])
def test_the_command_can_rebuild_wagtails_index_too(newsroom, capsys, verbosity):
    make_article(newsroom.monde, title="Un")
    make_article(newsroom.monde, title="Brouillon", live=False)
    articles = ContentType.objects.get_for_model(ArticlePage)
    IndexEntry.objects.filter(content_type=articles).delete()
    call_command("search_rebuild", "--with-wagtail", verbosity=verbosity)
    out = capsys.readouterr().out
    assert "Wagtail index: 2 articles indexed." in out  # drafts too: the admin searches them
    assert "Search index: 1 articles indexed" in out
    assert ("Wagtail index 2/2" in out) == (verbosity > 1)
    assert IndexEntry.objects.filter(content_type=articles).count() == 2
    assert SearchDocument.objects.count() == 1


def test_the_command_alone_leaves_wagtails_index_alone(newsroom):
    make_article(newsroom.monde, title="Un")
    articles = ContentType.objects.get_for_model(ArticlePage)
    IndexEntry.objects.filter(content_type=articles).delete()
    call_command("search_rebuild")
    assert not IndexEntry.objects.filter(content_type=articles).exists()


def test_the_bench_load_fills_both_indexes(newsroom):
    made = [make_article(newsroom.monde, title=f"Article {n}") for n in range(3)]
    articles = ContentType.objects.get_for_model(ArticlePage)
    IndexEntry.objects.filter(content_type=articles).delete()
    messages = []
    rebuild_search_index([a.pk for a in made], messages.append)
    assert IndexEntry.objects.filter(content_type=articles).count() == 3
    assert SearchDocument.objects.count() == 3
    assert messages == ["  Wagtail index 3/3", "  reader search index 3/3"]


class RecordingBackend:
    """A search backend this module cannot write rows for (Elasticsearch, say)."""

    def __init__(self):
        self.calls = []

    def add_bulk(self, model, objects):
        self.calls.append((model, sorted(o.pk for o in objects)))


def test_another_backend_gets_the_pages_through_add_bulk(newsroom):
    made = [make_article(newsroom.monde, title=f"Article {n}") for n in range(5)]
    ids = [a.pk for a in made]
    backend = RecordingBackend()
    assert wagtail_index_bulk(backend, ArticlePage, ids, batch_size=2) == 5
    assert backend.calls == [
        (ArticlePage, ids[0:2]),
        (ArticlePage, ids[2:4]),
        (ArticlePage, ids[4:]),
    ]


def test_nothing_to_index_is_not_an_error(newsroom):
    assert wagtail_articles_index(article_ids=[]) == 0
    assert wagtail_articles_index(article_ids=[987_654]) == 0  # no such article
    assert search_index_rebuild() == 0
    backend = RecordingBackend()
    assert wagtail_index_bulk(backend, ArticlePage, [987_654]) == 0
    assert backend.calls == []


def test_an_entry_written_during_the_rebuild_does_not_break_it(newsroom, monkeypatch):
    from wagtail.search.backends import get_search_backend

    from kiosque.search import wagtail_bulk

    article = make_article(newsroom.monde, title="Crue de la Loire")
    get_search_backend().add_bulk(ArticlePage, [article])  # the worker, meanwhile
    # The rebuild took its snapshot of existing entries before the worker wrote this one.
    monkeypatch.setattr(wagtail_bulk._SQLiteWriter, "_existing", lambda self: {})
    ArticlePage.objects.filter(pk=article.pk).update(title="Crue de la Garonne")
    assert wagtail_articles_index(article_ids=[article.pk]) == 1
    entry = IndexEntry.objects.get(object_id=str(article.pk))
    title = entry.title_text if connection.vendor == "postgresql" else entry.title
    assert "garon" in title.lower()  # rewritten ("cru garon" in Snowball terms on SQLite)
