"""Indexing in the worker after publication, never in the editor's request."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from kiosque.search.models import SearchDocument
from tests.factories import make_article, publish
from tests.search.conftest import found_titles, paragraphs


def test_publishing_queues_indexing_after_commit(newsroom, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = make_article(newsroom.monde, title="Crue de la Loire", body=paragraphs("x"))
    # Nothing indexed during the request: a task is queued once the transaction commits.
    assert not SearchDocument.objects.filter(pk=article.pk).exists()
    assert callbacks
    for callback in callbacks:
        callback()  # the immediate task backend runs the task here, as the worker would
    assert SearchDocument.objects.filter(pk=article.pk).exists()


def test_a_published_article_becomes_searchable_and_leaves_when_unpublished(
    client, newsroom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(newsroom.monde, title="Crue de la Loire", body=paragraphs("x"))
    assert found_titles(client, "crues") == ["Crue de la Loire"]
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert not SearchDocument.objects.filter(pk=article.pk).exists()
    assert found_titles(client, "crue") == []


def test_a_new_revision_is_indexed_when_published_not_before(
    client, newsroom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(newsroom.monde, title="Crue de la Loire", body=paragraphs("x"))
        article.title = "Crue de la Garonne"
        article.save_revision()  # a draft: readers still see the Loire
    assert found_titles(client, "garonne") == []
    with django_capture_on_commit_callbacks(execute=True):
        publish(article)
    assert found_titles(client, "garonne") == ["Crue de la Garonne"]


def test_deleting_an_article_removes_it_from_the_index(
    client, newsroom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(newsroom.monde, title="Crue de la Loire", body=paragraphs("x"))
    Page.objects.get(pk=article.pk).delete()
    assert not SearchDocument.objects.exists()
    assert found_titles(client, "loire") == []


def test_a_flush_leaves_no_terms_of_the_documents_it_emptied(newsroom, reindex):
    """`flush` deletes rows with plain SQL (no post_delete) and then sends post_migrate."""
    from django.core.management.sql import emit_post_migrate_signal
    from django.db import connection

    make_article(newsroom.monde, title="Négociations à Genève", body=paragraphs("accord"))
    reindex()
    SearchDocument.objects.all()._raw_delete(connection.alias)  # as flush does
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM search_searchdocument_fts")
        else:  # the terms are a column of the documents' own rows
            cursor.execute("SELECT count(*) FROM search_searchdocument")
        assert cursor.fetchone()[0] == 0


def test_moving_an_article_reindexes_its_section(
    client, newsroom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(newsroom.monde, title="Crue de la Loire", body=paragraphs("x"))
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=article.pk).move(newsroom.sport, pos="last-child")
    assert found_titles(client, "loire", section=newsroom.sport.pk) == ["Crue de la Loire"]
    assert found_titles(client, "loire", section=newsroom.monde.pk) == []


def test_making_a_section_private_removes_its_articles(
    newsroom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(newsroom.europe, title="Crue du Danube", body=paragraphs("x"))
    assert SearchDocument.objects.filter(pk=article.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=newsroom.monde, restriction_type="login")
    assert not SearchDocument.objects.filter(pk=article.pk).exists()


def test_renaming_a_topic_reindexes_its_articles(
    client, newsroom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article(newsroom.monde, title="Neutre", topic=newsroom.topic, body=paragraphs("x"))
    with django_capture_on_commit_callbacks(execute=True):
        newsroom.topic.title = "Guerre en Ukraine"
        publish(newsroom.topic)
    assert found_titles(client, "guerre") == ["Neutre"]


@pytest.mark.parametrize("verbosity", [1, 2])
def test_the_rebuild_command_indexes_every_visible_article(newsroom, capsys, verbosity):
    make_article(newsroom.monde, title="Un", body=paragraphs("x"))
    make_article(newsroom.monde, title="Deux", body=paragraphs("x"))
    make_article(newsroom.monde, title="Brouillon", live=False, body=paragraphs("x"))
    SearchDocument.objects.all().delete()
    call_command("search_rebuild", verbosity=verbosity)
    assert SearchDocument.objects.count() == 2
    assert "2 articles indexed" in capsys.readouterr().out
