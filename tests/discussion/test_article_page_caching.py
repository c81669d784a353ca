"""The article page stays the same for every anonymous reader, whoever commented."""

import pytest
from django.test import Client

from kiosque.discussion.services import comment_post
from tests.discussion.helpers import make_reader

pytestmark = pytest.mark.django_db


def test_after_a_reader_commented_anonymous_pages_carry_nothing_of_their_session(article):
    reader = make_reader("Aline Secrète")
    anonymous_before = Client().get(article.url).content
    session = Client()
    session.force_login(reader)
    page = session.get(f"/commentaires/{article.pk}/")
    assert page.status_code == 200
    posted = session.post(f"/commentaires/{article.pk}/publier/", {"body": "Mon avis"})
    assert posted.status_code == 302
    # The reader themselves now views the article: same bytes as anyone (bar the comment).
    own_view = session.get(article.url)
    anonymous = Client().get(article.url)
    assert anonymous.status_code == 200
    assert "Set-Cookie" not in anonymous.headers
    assert not anonymous.cookies
    html = anonymous.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert reader.email not in html
    assert "Mon avis" in html and "Aline Secrète" in html  # the public comment itself
    assert own_view.content == anonymous.content
    assert anonymous_before != anonymous.content


def test_the_personal_fragment_is_private_and_empty_for_anonymous_readers(article):
    anonymous = Client().get(f"/commentaires/{article.pk}/moi/")
    assert anonymous.status_code == 204
    assert "no-store" in anonymous["Cache-Control"] and "private" in anonymous["Cache-Control"]
    reader = make_reader("Bruno")
    client = Client()
    client.force_login(reader)
    mine = client.get(f"/commentaires/{article.pk}/moi/")
    assert mine.status_code == 200
    assert "private" in mine["Cache-Control"] and "no-store" in mine["Cache-Control"]
    assert b"csrfmiddlewaretoken" in mine.content and b"Bruno" in mine.content


def test_the_article_shows_threads_counts_picks_and_the_closed_notice(newsroom, article):
    from kiosque.discussion.services import comment_moderate
    from kiosque.newsroom import roles
    from tests.discussion.helpers import make_staff
    from tests.factories import days_ago, make_article

    reader = make_reader("Chloé")
    top = comment_post(user=reader, article=article, body="Analyse solide")
    comment_post(user=make_reader("Denis"), article=article, body="D'accord", parent=top)
    comment_moderate(moderator=make_staff(roles.MODERATOR), comment=top, action="feature")
    html = Client().get(article.url).content.decode()
    assert "Commentaires publiés\u00a0: 2" in html
    assert "Sélection de la rédaction" in html
    assert html.index("Analyse solide") < html.index("D&#x27;accord")
    english = Client().get("/en" + article.url).content.decode()
    assert "Editor&#x27;s picks" in english or "Editor's picks" in english
    assert 'href="/en/compte/connexion/?next=' in english
    old = make_article(newsroom.europe, slug="vieux", published_at=days_ago(45))
    closed = Client().get(old.url).content.decode()
    assert "Les commentaires sont fermés." in closed


def test_the_page_works_without_javascript_through_the_full_comments_page(article):
    comment_post(user=make_reader(), article=article, body="Lisible sans script")
    html = Client().get(article.url).content.decode()
    assert f'href="/commentaires/{article.pk}/"' in html
    full = Client().get(f"/commentaires/{article.pk}/")
    assert full.status_code == 200 and b"Lisible sans script" in full.content
    assert "no-store" in full["Cache-Control"]
