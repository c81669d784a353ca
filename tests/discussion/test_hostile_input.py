"""Text is shown as written, never run: escaping on the server, CSRF on every form."""

import pytest
from django.test import Client

from kiosque.discussion.services import comment_post
from kiosque.discussion.text import render_body
from tests.discussion.helpers import PASSWORD, make_reader
from tests.factories import inside_one_rate_window

pytestmark = pytest.mark.django_db


def test_bodies_and_names_are_escaped_and_links_are_ugc(article):
    reader = make_reader('<img src=x onerror=alert(1)> "Zoé" & Cie')
    comment_post(
        user=reader,
        article=article,
        body='<script>alert("x")</script>\nVoir https://exemple.org/a?b=1&c="2" et www.exemple.fr.',
    )
    html = Client().get(article.url).text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>" in html
    # Quotes as &quot; (Django) or &#34; (Jinja2's markupsafe): the same to a reader.
    assert "&lt;img src=x onerror=alert(1)&gt; &#34;Zoé&#34; &amp; Cie" in html.replace(
        "&quot;", "&#34;"
    )
    assert '<a href="https://exemple.org/a?b=1&amp;c=" rel="ugc nofollow noopener">' in html
    assert (
        '<a href="https://www.exemple.fr" rel="ugc nofollow noopener">www.exemple.fr</a>.' in html
    )


def test_javascript_urls_never_become_links():
    html = render_body("javascript:alert(1) et data:text/html,<b>x</b>")
    assert "<a" not in html and "&lt;b&gt;" in html


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/commentaires/{article}/publier/", {"body": "Sans jeton"}),
        ("/commentaires/commentaire/{comment}/aimer/", {}),
        ("/commentaires/commentaire/{comment}/supprimer/", {}),
        ("/commentaires/commentaire/{comment}/modifier/", {"body": "x"}),
        ("/commentaires/commentaire/{comment}/signaler/", {"reason": "spam"}),
        ("/compte/", {"display_name": "x"}),
        ("/compte/connexion/", {"login": "a@example.org", "password": PASSWORD}),
        ("/compte/inscription/", {"email": "b@example.org", "display_name": "b"}),
        ("/compte/password/reset/", {"email": "a@example.org"}),
        ("/admin/login/", {"username": "x", "password": "y"}),
    ],
)
def test_every_form_refuses_a_post_without_csrf_token(article, path, data):
    reader = make_reader()
    comment = comment_post(user=reader, article=article, body="Cible")
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    answer = client.post(path.format(article=article.pk, comment=comment.pk), data)
    assert answer.status_code == 403


def test_reader_actions_are_rate_limited(article):
    reader, other = make_reader(), make_reader()
    comment = comment_post(user=other, article=article, body="À aimer")
    client = Client()
    client.force_login(reader)
    with inside_one_rate_window():
        for _n in range(61):
            client.post(f"/commentaires/commentaire/{comment.pk}/aimer/")
        page = client.get(f"/commentaires/{article.pk}/")
    assert "Trop d’actions en peu de temps" in page.text


def test_the_admin_log_in_locks_out_after_failures(newsroom):
    from kiosque.newsroom import roles
    from tests.discussion.helpers import make_staff

    editor = make_staff(roles.EDITOR)
    client = Client()
    for _n in range(5):
        client.post("/admin/login/", {"username": editor.username, "password": "mauvais"})
    locked = client.post("/admin/login/", {"username": editor.username, "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    other_client = Client()
    ok = other_client.post(
        "/admin/login/", {"username": make_staff(roles.EDITOR).username, "password": PASSWORD}
    )
    assert ok.status_code == 302
