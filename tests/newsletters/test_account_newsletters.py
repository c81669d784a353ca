"""« Mon compte »: the newsletters of an account, its export and its deletion."""

import pytest
from django.core import mail
from django.test import Client

from kiosque.newsletters import services
from kiosque.newsletters.models import ConsentEvent, Subscriber, Subscription
from kiosque.readers.services import reader_delete, reader_export
from tests.discussion.helpers import make_reader
from tests.newsletters.signup_helpers import make_lists

pytestmark = pytest.mark.django_db

ACCOUNT_FORM = "/lettres/compte/"


@pytest.fixture
def lists(newsroom):
    return make_lists()


@pytest.fixture
def reader(client):
    user = make_reader()
    client.force_login(user)
    return user


def test_account_page_lists_the_newsletters_with_their_boxes(client, reader, lists, newsroom):
    follow = services.follow_list_for(newsroom.topic, "fr")
    services.confirm(services.subscribe(reader.email, follow, "topic", "/dossiers/"))
    html = client.get("/compte/").content.decode()
    assert 'id="lettres"' in html and f'action="{ACCOUNT_FORM}"' in html
    for newsletter in (*lists.values(), follow):
        assert f'value="{newsletter.pk}"' in html
    assert f'value="{follow.pk}" checked' in html
    assert f'value="{lists["digest"].pk}" checked' not in html


def test_ticking_subscribes_the_verified_address_without_second_opt_in(
    client, reader, lists, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ACCOUNT_FORM, {"newsletter": [lists["digest"].pk]})
    assert response.status_code == 302 and response["Location"].endswith("/compte/#lettres")
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.CONFIRMED
    assert subscription.subscriber.user == reader
    assert list(ConsentEvent.objects.values_list("action", "source", "source_path")) == [
        ("requested", "account", "/compte/"),
        ("confirmed", "account", "/compte/"),
    ]
    assert mail.outbox == []

    # Unticked: unsubscribed, recorded as such.
    client.post(ACCOUNT_FORM, {})
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    assert ConsentEvent.objects.last().action == "unsubscribed"


def test_an_unverified_address_gets_the_confirmation_mail(
    client, lists, django_capture_on_commit_callbacks
):
    user = make_reader(verified=False)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ACCOUNT_FORM, {"newsletter": [lists["alert"].pk]})
    assert Subscription.objects.get().status == Subscription.Status.PENDING
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]


def test_the_account_form_needs_a_session_its_token_and_a_post(reader, lists):
    anonymous = Client()
    assert anonymous.post(ACCOUNT_FORM, {"newsletter": [lists["digest"].pk]}).status_code == 302
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reader)
    assert strict.post(ACCOUNT_FORM, {"newsletter": [lists["digest"].pk]}).status_code == 403
    assert strict.get(ACCOUNT_FORM).status_code == 405
    assert Subscription.objects.count() == 0


def test_unknown_list_in_the_account_form_changes_nothing(client, reader, lists):
    response = client.post(ACCOUNT_FORM, {"newsletter": ["999999"]}, follow=True)
    assert response.status_code == 200
    assert Subscription.objects.count() == 0


def test_export_and_deletion(reader, lists):
    subscription = services.subscribe(
        reader.email, lists["digest"], "footer", "/monde/", confirmed=False
    )
    services.confirm(subscription)
    data = reader_export(user=reader)["newsletters"]
    assert data["subscriptions"][0]["newsletter"] == "L'essentiel du matin"
    assert data["subscriptions"][0]["status"] == "confirmed"
    assert [(e["action"], e["source"], e["page"]) for e in data["consent_records"]] == [
        ("requested", "footer", "/monde/"),
        ("confirmed", "confirmation link", ""),
    ]
    other = services.subscribe("autre@example.org", lists["digest"], "footer")
    reader_delete(user=reader)
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["autre@example.org"]
    assert set(ConsentEvent.objects.values_list("subscriber_id", flat=True)) == {
        other.subscriber_id
    }


def test_the_account_form_mails_an_unverified_address_within_its_limit(
    client, lists, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_CONFIRMATION_RATE_LIMIT = "1/h"
    user = make_reader(verified=False)
    client.force_login(user)
    for _ in range(3):  # ticked, unticked, ticked again...
        with django_capture_on_commit_callbacks(execute=True):
            client.post(ACCOUNT_FORM, {"newsletter": [lists["alert"].pk]})
        client.post(ACCOUNT_FORM, {})
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ACCOUNT_FORM, {"newsletter": [lists["alert"].pk]}, follow=True)
    assert "try again later" in response.content.decode() or "réessayez" in (
        response.content.decode()
    )
    assert len(mail.outbox) == 1
    assert Subscription.objects.get().status == Subscription.Status.PENDING
