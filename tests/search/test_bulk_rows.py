# ruff: noqa: S608  (SQL built from the model's table name; values are parameters)
"""The bulk rebuild writes the very rows the per-article path writes, in both indexes.

The per-article path is the worker's (`search_documents_refresh`, page by page) and
Wagtail's own (`add_bulk` with page instances); the bulk path is what `kiosque
search_rebuild` and `kiosque bench-data` use. Same articles in, same rows out: texts,
weights, vectors (PostgreSQL) or Snowball terms (SQLite), title norms. Run on SQLite
here and on PostgreSQL by test_bulk_postgres.py.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from kiosque.newsroom.models import ArticleAuthor, ArticlePage, AuthorPage
from kiosque.search.models import SearchDocument
from kiosque.search.services import (
    search_documents_refresh,
    search_index_rebuild,
    wagtail_articles_index,
)
from tests.factories import add_page, days_ago, make_article, make_image
from tests.search.test_bulk_text import RAW_BODY


@pytest.fixture
def articles(newsroom):
    """Articles covering what indexing reads: every block type, markup, entities,
    topic or none, authors sharing one credit order (one credited twice), an empty
    standfirst, a draft and a private article."""
    picture = make_image()
    second = add_page(newsroom.authors, AuthorPage(title="Léa Martin", slug="lea-martin"))
    rich = make_article(
        newsroom.monde,
        title="Le budget de Valmorin adopté après six heures de débat",
        topic=newsroom.topic,
        authors=[newsroom.author, second, second],
        published_at=days_ago(2),
    )
    body = [dict(block) for block in RAW_BODY]
    body[6] = {**body[6], "value": {**body[6]["value"], "image": picture.pk}}
    ArticlePage.objects.filter(pk=rich.pk).update(body=body)
    ArticleAuthor.objects.filter(page=rich).update(sort_order=0)
    plain = make_article(
        newsroom.sport,
        title="Œuvres d’art : l’élection du « Ballon d’or »",
        published_at=days_ago(30),
    )
    ArticlePage.objects.filter(pk=plain.pk).update(standfirst="")  # older content may lack one
    draft = make_article(newsroom.monde, title="Sécurité : brouillon", live=False)
    hidden = make_article(newsroom.europe, title="Élections en Espagne", published_at=days_ago(1))
    PageViewRestriction.objects.create(page=newsroom.europe, restriction_type="login")
    return [rich, plain, draft, hidden]


def reader_rows() -> list:
    """The reader index as stored: the documents and their full-text part."""
    columns = ["article_id", "path", "article_type", "published_at", "title"]
    columns += ["standfirst", "body", "topic", "authors"]
    rows = list(SearchDocument.objects.order_by("pk").values_list(*columns))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT article_id, search_vector::text, head_vector::text "
                "FROM search_searchdocument ORDER BY article_id"
            )
        else:
            cursor.execute(
                "SELECT rowid, title, standfirst, body, topic, authors "
                "FROM search_searchdocument_fts ORDER BY rowid"
            )
        return rows + cursor.fetchall()


def wagtail_rows() -> list:
    """Every entry of Wagtail's index (other pages too: a title-norm refresh may touch
    them), keyed by object, without the entry's own id."""
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT content_type_id, object_id, title::text, autocomplete::text, "
                f"body::text, title_norm, title_text, body_text FROM {table} "
                "ORDER BY content_type_id, object_id"
            )
        else:
            cursor.execute(
                "SELECT e.content_type_id, e.object_id, e.title, e.autocomplete, e.body, "
                f"e.title_norm, f.title, f.body, f.autocomplete FROM {table} e "
                f"JOIN {table}_fts f ON f.rowid = e.id ORDER BY e.content_type_id, e.object_id"
            )
        return cursor.fetchall()


def _article_entries():
    return IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(ArticlePage))


def test_the_reader_index_rows_are_the_same_both_ways(articles):
    rich, plain, _draft, _hidden = articles
    ids = [article.pk for article in articles]
    search_documents_refresh(article_ids=ids)
    one_by_one = reader_rows()
    # The index holds the visible articles with their texts, so equal rows mean
    # something: the body without markup, the authors in credit order.
    document = SearchDocument.objects.get(pk=rich.pk)
    assert "serré & tendu" in document.body and "<i>" not in document.body
    assert document.authors == "Camille Roussel, Léa Martin"
    assert document.topic == "Crise en Ukraine"
    assert set(SearchDocument.objects.values_list("pk", flat=True)) == {rich.pk, plain.pk}

    SearchDocument.objects.all().delete()
    assert reader_rows() == []
    assert search_index_rebuild() == 2
    assert reader_rows() == one_by_one


def test_the_bulk_rebuild_replaces_entries_as_the_worker_would(articles):
    rich, _plain, _draft, hidden = articles
    search_index_rebuild()
    fresh = reader_rows()
    # Stale texts and an entry that must go (an article since made private) are fixed.
    SearchDocument.objects.filter(pk=rich.pk).update(title="Ancien titre", body="ancien")
    SearchDocument.objects.create(
        article=hidden, path=hidden.path, published_at=days_ago(1), title=hidden.title
    )
    assert search_index_rebuild() == 2
    assert reader_rows() == fresh


def test_wagtails_index_rows_are_the_same_both_ways(articles):
    ids = [article.pk for article in articles]
    backend = get_search_backend()
    _article_entries().delete()
    backend.add_bulk(ArticlePage, list(ArticlePage.objects.filter(pk__in=ids)))
    one_call = wagtail_rows()
    # Drafts and private articles are in Wagtail's index (the admin searches them).
    assert _article_entries().count() == 4

    _article_entries().delete()
    assert wagtail_articles_index(article_ids=ids) == 4
    assert wagtail_rows() == one_call

    # Indexing them again over their entries changes nothing either way.
    wagtail_articles_index(article_ids=ids)
    assert wagtail_rows() == one_call
    backend.add_bulk(ArticlePage, list(ArticlePage.objects.filter(pk__in=ids)))
    assert wagtail_rows() == one_call


def test_wagtails_index_rows_hold_the_texts_and_weights(articles):
    rich = articles[0]
    wagtail_articles_index(article_ids=[rich.pk])
    entry = _article_entries().get(object_id=str(rich.pk))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT title::text, body::text FROM {IndexEntry._meta.db_table} WHERE id = %s",
                [entry.pk],
            )
            title, body = cursor.fetchone()
        assert "'budget':2B" in title  # the title's boost: weight B, stemmed, no stop word
        assert "'parv'" in body and "'seanc'" in body  # image caption, subheading
        assert "serré & tendu" in entry.body_text
    else:
        assert entry.title.startswith("budget valmorin adopt")  # Snowball terms
        assert "parv" in entry.body and "seanc" in entry.body


def test_the_search_finds_the_same_articles_after_a_bulk_rebuild(client, articles):
    from tests.search.conftest import found_titles

    search_index_rebuild()
    assert found_titles(client, "budget") == [articles[0].title]
    assert found_titles(client, "oeuvre") == [articles[1].title]
    assert found_titles(client, "parvis") == []  # an image caption is not body text
    assert found_titles(client, "espagne") == []  # private
    assert found_titles(client, "securite") == []  # draft
