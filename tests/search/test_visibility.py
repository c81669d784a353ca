"""Only what readers may see: never a draft, an unpublished, killed or private article."""

from wagtail.models import PageViewRestriction

from kiosque.search.models import SearchDocument
from tests.factories import make_article
from tests.search.conftest import found_titles, paragraphs


def test_drafts_are_never_indexed_nor_found(client, newsroom, write, reindex):
    write("Canicule : les écoles ferment")
    make_article(newsroom.monde, title="Canicule : brouillon", live=False, body=paragraphs("x"))
    reindex()
    assert found_titles(client, "canicule") == ["Canicule : les écoles ferment"]
    assert SearchDocument.objects.count() == 1


def test_an_unpublished_article_disappears_even_before_the_worker_runs(client, write, reindex):
    kept = write("Séisme au large du Chili")
    withdrawn = write("Séisme en Turquie : le bilan")
    reindex()
    # Unpublished (an editor's decision or an agency kill) with no reindexing yet: the
    # stale entry is still in the index, and still never shown.
    withdrawn.unpublish()
    assert SearchDocument.objects.filter(pk=withdrawn.pk).exists()
    assert found_titles(client, "séisme") == [kept.title]
    reindex()
    assert not SearchDocument.objects.filter(pk=withdrawn.pk).exists()


def test_private_articles_are_not_found(client, newsroom, write, reindex):
    write("Élections au Portugal")
    secret = write("Élections en Espagne", section=newsroom.europe)
    PageViewRestriction.objects.create(page=newsroom.europe, restriction_type="login")
    reindex()
    assert found_titles(client, "élections") == ["Élections au Portugal"]
    assert not SearchDocument.objects.filter(pk=secret.pk).exists()
