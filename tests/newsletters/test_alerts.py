"""« Alerte info »: an editor chooses the article, the subject and the lists; the
confirmation page shows the message and the number of recipients; only the confirming
POST sends, once however often it is posted; only the publishing roles may."""

import re

import pytest
from django.urls import reverse

from kiosque.newsletters.models import Delivery, Edition, NewsletterList
from kiosque.newsroom import roles
from tests.discussion.helpers import make_staff
from tests.factories import days_ago, make_article
from tests.newsletters.edition_helpers import make_list, subscribe

pytestmark = pytest.mark.django_db

URL = "newsletter_alert:index"


@pytest.fixture
def alert_list(newsroom):
    newsletter = make_list("alerte-info", kind=NewsletterList.Kind.ALERT, name="Alerte info")
    subscribe(newsletter, *(f"lecteur{n}@example.org" for n in range(3)))
    return newsletter


@pytest.fixture
def article(newsroom):
    return make_article(newsroom.europe, title="Séisme en Méditerranée", published_at=days_ago(0.1))


@pytest.fixture
def editor(client):
    user = make_staff(roles.EDITOR, "editrice")
    client.force_login(user)
    return user


def preview(client, article, alert_list, subject=""):
    return client.post(
        reverse(URL),
        {
            "step": "preview",
            "article": article.pk,
            "subject": subject,
            "newsletters": [alert_list.pk],
        },
    )


def confirmation_fields(response) -> dict:
    html = response.text
    key = re.search(r'name="key" value="([0-9a-f]{32})"', html).group(1)
    return {"key": key}


def confirm(client, article, alert_list, key, subject=""):
    return client.post(
        reverse(URL),
        {
            "step": "confirm",
            "key": key,
            "article": article.pk,
            "subject": subject,
            "newsletters": [alert_list.pk],
        },
    )


def test_the_form_then_a_confirmation_that_sends_nothing_yet(client, editor, alert_list, article):
    assert client.get(reverse(URL)).status_code == 200
    answer = preview(client, article, alert_list)
    assert answer.status_code == 200
    assert "Envoyer à 3 abonnés\u00a0?" in answer.text
    assert "Séisme en Méditerranée" in answer.text  # the subject defaults to the title
    assert not Edition.objects.exists()
    # The message itself, as recipients will get it, in its own locked-down frame.
    message = client.get(
        reverse("newsletter_alert:message"), {"article": article.pk, "list": alert_list.pk}
    )
    assert message.status_code == 200
    assert "Séisme en Méditerranée" in message.text
    assert "default-src 'none'" in message["Content-Security-Policy"]


def test_confirming_sends_once_however_often_it_is_posted(client, editor, alert_list, article):
    key = confirmation_fields(preview(client, article, alert_list, subject="Alerte : séisme"))[
        "key"
    ]
    first = confirm(client, article, alert_list, key, subject="Alerte : séisme")
    assert first.status_code == 302
    again = confirm(client, article, alert_list, key, subject="Alerte : séisme")
    assert again.status_code == 302
    edition = Edition.objects.get()
    assert edition.subject == "Alerte : séisme"
    assert edition.confirmed_by == editor
    assert edition.status == Edition.Status.SENDING
    assert Delivery.objects.filter(edition=edition).count() == 3


def test_thousands_are_grouped_in_the_question(client, editor, alert_list, article):
    from kiosque.newsletters.models import Subscriber, Subscription

    subscribers = Subscriber.objects.bulk_create(
        Subscriber(email=f"n{n}@example.invalid") for n in range(1231)
    )
    Subscription.objects.bulk_create(
        Subscription(
            subscriber=s, newsletter=alert_list, status="confirmed", requested_at=days_ago(1)
        )
        for s in subscribers
    )
    assert "Envoyer à 1\u00a0234 abonnés\u00a0?" in preview(client, article, alert_list).text


def test_bad_inputs_are_refused_with_a_reason_and_send_nothing(client, editor, alert_list, article):
    draft = make_article(article.get_parent(), slug="brouillon", live=False)
    answer = preview(client, draft, alert_list)
    assert answer.status_code == 400
    assert not Edition.objects.exists()
    forged = confirm(client, article, alert_list, key="pas-une-cle")
    assert forged.status_code == 400
    assert "recommencez" in forged.text
    no_list = client.post(reverse(URL), {"step": "preview", "article": article.pk})
    assert no_list.status_code == 400
    assert not Edition.objects.exists()


@pytest.mark.parametrize("role", [roles.JOURNALIST, roles.MODERATOR])
def test_roles_that_do_not_publish_get_403(client, alert_list, article, role):
    client.force_login(make_staff(role))
    assert client.get(reverse(URL)).status_code == 403
    assert preview(client, article, alert_list).status_code == 403
    assert confirm(client, article, alert_list, key="0" * 32).status_code == 403
    assert not Edition.objects.exists()


def test_an_administrator_may_send(client, alert_list, article):
    client.force_login(make_staff(roles.ADMINISTRATOR))
    key = confirmation_fields(preview(client, article, alert_list))["key"]
    assert confirm(client, article, alert_list, key).status_code == 302
    assert Edition.objects.count() == 1
