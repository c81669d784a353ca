"""A database that is away or read-only: a clear 503 in the site's design, the text kept.

The database errors are raised by hand here (on whatever database the suite runs);
tests/replica/test_routing.py stops a real primary.
"""

import sqlite3
from unittest import mock

import psycopg
import psycopg.errors
import pytest
from django.db import IntegrityError, InterfaceError, InternalError, OperationalError
from django.db import ProgrammingError as DjangoProgrammingError
from django.test import Client

from kiosque.core import replicas
from kiosque.core.unavailable import RETRY_AFTER_SECONDS, database_unavailable
from kiosque.discussion.models import Comment
from kiosque.discussion.services import comment_post
from tests.discussion.helpers import make_reader


def wrapped(django_class, cause):
    """As Django raises it: its own class, the driver's error as the cause."""
    error = django_class(str(cause))
    error.__cause__ = cause
    return error


def refused():
    return wrapped(OperationalError, psycopg.OperationalError("connection refused"))


@pytest.mark.parametrize(
    ("error", "unavailable"),
    [
        (refused(), True),
        (wrapped(OperationalError, psycopg.errors.AdminShutdown("shutting down")), True),
        (wrapped(OperationalError, psycopg.errors.CannotConnectNow("starting up")), True),
        (wrapped(OperationalError, psycopg.errors.TooManyConnections("too many")), True),
        (wrapped(InternalError, psycopg.errors.ReadOnlySqlTransaction("read-only")), True),
        (InterfaceError("connection already closed"), True),
        (wrapped(OperationalError, sqlite3.OperationalError("database is locked")), True),
        (wrapped(OperationalError, sqlite3.OperationalError("no such table: x")), False),
        (wrapped(IntegrityError, psycopg.errors.UniqueViolation("duplicate")), False),
        (wrapped(DjangoProgrammingError, psycopg.errors.UndefinedColumn("no column")), False),
        (ValueError("not a database error"), False),
        (None, False),
    ],
)
def test_which_errors_mean_the_database_is_unavailable(error, unavailable):
    assert database_unavailable(error) is unavailable


@pytest.fixture
def poster(article):
    client = Client(raise_request_exception=False)
    client.force_login(make_reader("Lectrice"))
    return client


def post_url(article, prefix=""):
    return f"{prefix}/commentaires/{article.pk}/publier/"


@pytest.mark.django_db
def test_a_comment_the_database_refuses_comes_back_in_a_503_page(poster, article):
    text = 'Mon avis <b>"important"</b>\net sa seconde ligne.'
    with mock.patch("kiosque.discussion.views.services.comment_post", side_effect=refused()):
        answer = poster.post(post_url(article), {"body": text, "parent": "", "origine": "article"})
    assert answer.status_code == 503
    assert answer["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in answer["Cache-Control"] and "private" in answer["Cache-Control"]
    assert answer["Content-Language"] == "fr"
    html = answer.text
    assert '<html lang="fr">' in html and "/static/kiosque/site.css" in html
    assert "Votre modification n’a pas été enregistrée" in html
    assert "Votre texte n’a pas été publié" in html
    # The text, escaped, in a form that posts it again to the same address.
    assert "Mon avis &lt;b&gt;&quot;important&quot;&lt;/b&gt;\net sa seconde ligne." in html
    assert f'action="{post_url(article)}"' in html
    assert 'name="origine" value="article"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_the_page_posted_again_publishes_the_comment(poster, article):
    with mock.patch("kiosque.discussion.views.services.comment_post", side_effect=refused()):
        first = poster.post(post_url(article), {"body": "Deuxième essai."})
    assert first.status_code == 503
    again = poster.post(post_url(article), {"body": "Deuxième essai."})
    assert again.status_code == 302
    assert Comment.objects.get().body == "Deuxième essai."


@pytest.mark.django_db
def test_the_english_interface_gets_the_page_in_english(poster, article):
    with mock.patch("kiosque.discussion.views.services.comment_post", side_effect=refused()):
        answer = poster.post(post_url(article, "/en"), {"body": "My point."})
    assert answer.status_code == 503
    assert '<html lang="en">' in answer.text and answer["Content-Language"] == "en"
    assert "Your change was not saved" in answer.text and "Post again" in answer.text
    assert "My point." in answer.text


@pytest.mark.django_db
def test_a_reader_page_the_database_cannot_serve_says_so(client, article):
    client.raise_request_exception = False
    failing = mock.patch("kiosque.discussion.selectors.thread_page", side_effect=refused())
    with failing:
        answer = client.get(f"/commentaires/{article.pk}/")
    assert answer.status_code == 503
    assert "Cette page ne peut pas s’afficher pour l’instant" in answer.text
    assert "<textarea" not in answer.text


@pytest.mark.django_db
def test_text_is_given_back_only_by_views_that_ask_for_it(poster, article):
    comment = comment_post(user=make_reader(), article=article, body="Un commentaire.")
    with mock.patch("kiosque.discussion.views.services.comment_report", side_effect=refused()):
        answer = poster.post(
            f"/commentaires/commentaire/{comment.pk}/signaler/",
            {"reason": "spam", "detail": "Un détail à ne pas recopier"},
        )
    assert answer.status_code == 503
    assert "Un détail à ne pas recopier" not in answer.text


@pytest.mark.django_db
def test_the_api_answers_json(client, newsroom):
    client.raise_request_exception = False
    with mock.patch("kiosque.api.endpoints._newsroom", side_effect=refused()):
        answer = client.get("/api/v1/articles")
    assert answer.status_code == 503
    assert answer["Content-Type"].startswith("application/json")
    assert "retry" in answer.json()["detail"]
    assert answer["Retry-After"] == str(RETRY_AFTER_SECONDS)


@pytest.mark.django_db
def test_other_database_errors_stay_server_errors(client, article):
    client.raise_request_exception = False
    broken = wrapped(DjangoProgrammingError, psycopg.errors.UndefinedColumn("no column"))
    with mock.patch("kiosque.discussion.selectors.thread_page", side_effect=broken):
        answer = client.get(f"/commentaires/{article.pk}/")
    assert answer.status_code == 500
    assert "Retry-After" not in answer


@pytest.mark.django_db
def test_healthz_says_read_only_when_only_a_replica_answers(client, monkeypatch):
    monkeypatch.setattr(replicas, "primary_health", lambda: None)
    monkeypatch.setattr(replicas, "some_replica_answers", lambda: True)
    assert client.get("/healthz").json() == {"status": "ok", "database": "read-only"}
    monkeypatch.setattr(replicas, "primary_health", lambda: "read-only")  # a standby
    monkeypatch.setattr(replicas, "some_replica_answers", lambda: False)
    assert client.get("/healthz").json() == {"status": "ok", "database": "read-only"}
    monkeypatch.setattr(replicas, "primary_health", lambda: None)
    answer = client.get("/healthz")
    assert answer.status_code == 503 and answer.json()["database"] == "unavailable"
