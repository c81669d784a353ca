"""The site header's account link, the same for every reader; the privacy page's promise
about what outlives a deleted account."""

import re

import pytest
from django.test import Client
from wagtail.models import Site

from kiosque.demo.builder import ensure_home, ensure_policies
from kiosque.newsroom.models import NewsroomSettings
from tests.discussion.helpers import PASSWORD, make_reader

pytestmark = pytest.mark.django_db


def header(html: str) -> str:
    return re.search(r'<header class="site-header">.*?</header>', html, flags=re.S).group(0)


@pytest.mark.parametrize(("prefix", "label"), [("", "Mon compte"), ("/en", "My account")])
def test_the_header_links_to_the_account_page_in_the_interface_language(article, prefix, label):
    for path in (f"{prefix}/", f"{prefix}{article.url}", f"{prefix}/monde/europe/"):
        html = Client().get(path).content.decode()
        assert f'<a class="account-link" href="{prefix}/compte/">{label}</a>' in header(html)


def test_the_header_is_the_same_for_anonymous_and_logged_in_readers(article):
    anonymous = Client().get(article.url)
    reader = make_reader("Odile Personnelle")
    session = Client()
    session.force_login(reader)
    own = session.get(article.url)
    assert header(own.content.decode()) == header(anonymous.content.decode())
    assert "Odile" not in header(own.content.decode())
    # Shared by the edge cache: nothing set, nothing varying on the session.
    assert "Set-Cookie" not in anonymous.headers
    assert "Cookie" not in anonymous.headers.get("Vary", "")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_link_sends_an_anonymous_reader_to_log_in_and_back(newsroom, prefix):
    client = Client()
    answer = client.get(f"{prefix}/compte/")
    assert answer.status_code == 302
    assert answer["Location"] == f"{prefix}/compte/connexion/?next={prefix}/compte/"
    reader = make_reader()
    logged_in = client.post(answer["Location"], {"login": reader.email, "password": PASSWORD})
    assert logged_in.status_code == 302 and logged_in["Location"] == f"{prefix}/compte/"
    assert client.get(f"{prefix}/compte/").status_code == 200


def test_reader_actions_without_a_session_lead_to_the_reader_log_in(article):
    # Not to the staff's admin log-in (Django's LOGIN_URL).
    answer = Client().post("/commentaires/commentaire/1/aimer/")
    assert answer.status_code == 302
    assert answer["Location"].startswith("/compte/connexion/?next=")


def test_the_demo_privacy_page_says_what_outlives_a_deleted_account(client, db):
    home = ensure_home()
    site = Site.objects.get(is_default_site=True)
    ensure_policies(home, site)
    privacy = NewsroomSettings.for_site(site).privacy_page
    html = client.get(privacy.url).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    # Tombstones: the place of a comment stays, not its text or its writer.
    assert "« Commentaire supprimé »" in text
    assert "leur texte et le nom de leur auteur disparaissent" in text
    # The one exception: a keyed hash of a banned reader's email.
    assert "banni" in text and "empreinte de son adresse électronique" in text
    assert "clé secrète" in text and "ne permet pas de retrouver l’adresse" in text
