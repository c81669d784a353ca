"""Wagtail's own index is French too: `visible_articles().search(q)` (public API, admin)."""

from wagtail.search.backends import get_search_backend

from kiosque.newsroom.models import ArticlePage
from kiosque.newsroom.selectors import visible_articles
from tests.factories import make_article
from tests.search.conftest import paragraphs


def _index(*articles):
    backend = get_search_backend()
    backend.add_bulk(ArticlePage, list(ArticlePage.objects.filter(pk__in=[a.pk for a in articles])))


def test_wagtail_search_folds_accents_and_stems(newsroom):
    safety = make_article(newsroom.monde, title="La sécurité des élections", body=paragraphs("x"))
    other = make_article(newsroom.monde, title="Le prix du pain", body=paragraphs("x"))
    draft = make_article(newsroom.monde, title="Sécurité : brouillon", live=False)
    _index(safety, other, draft)
    assert list(visible_articles().search("securite")) == [safety]
    assert list(visible_articles().search("élection")) == [safety]
    assert list(visible_articles().search("le")) == []  # stop words alone find nothing
    assert list(visible_articles().search('"(NEAR* -')) == []
