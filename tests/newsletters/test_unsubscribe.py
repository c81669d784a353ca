"""Unsubscribing from a message's link or its List-Unsubscribe header, without logging in."""

import pytest
from django.test import Client

from kiosque.newsletters import services, tokens
from kiosque.newsletters.models import ConsentEvent, Subscription
from tests.newsletters.signup_helpers import make_lists, path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscription(newsroom):
    lists = make_lists()
    subscription = services.subscribe("lu@example.org", lists["digest"], "footer", "/")
    services.confirm(subscription)
    return subscription


def link_for(subscription) -> str:
    return path_of(tokens.unsubscribe_url(subscription.subscriber_id, subscription.newsletter_id))


def test_the_link_shows_one_button_and_a_post_unsubscribes_once(client, subscription):
    url = link_for(subscription)
    assert url.startswith("/lettres/desabonnement/")
    page = client.get(url)
    assert page.status_code == 200
    assert page.content.decode().count('class="newsletter-page__form"') == 1
    assert "no-store" in page["Cache-Control"]
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CONFIRMED  # a GET changes nothing

    for _ in range(2):  # idempotent
        response = client.post(url)
        assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    assert subscription.unsubscribed_at is not None
    assert list(
        ConsentEvent.objects.filter(action="unsubscribed").values_list("source", flat=True)
    ) == ["message link"]


def test_rfc_8058_one_click_post_from_a_mail_client(subscription):
    # A mail client: no cookie, no CSRF token, the body RFC 8058 prescribes.
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        link_for(subscription),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not response.cookies
    event = ConsentEvent.objects.get(action="unsubscribed")
    assert (event.source, event.source_path) == ("one-click", "")


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-2],  # cut when copied
        lambda token: "999.999:" + token.split(":", 1)[1],  # another address, same signature
        lambda token: tokens.confirm_token(1),  # a token made for another purpose
        lambda token: "x" * 300,
    ],
)
def test_forged_links_get_a_clear_page_and_change_nothing(client, subscription, mangle):
    token = tokens.unsubscribe_token(subscription.subscriber_id, subscription.newsletter_id)
    url = f"/lettres/desabonnement/{mangle(token)}/"
    for response in (client.get(url), client.post(url, {"List-Unsubscribe": "One-Click"})):
        assert response.status_code == 400
        assert "site-footer" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CONFIRMED
    assert not ConsentEvent.objects.filter(action="unsubscribed").exists()


def test_a_link_whose_address_was_erased_answers_200(client, subscription):
    url = link_for(subscription)
    subscription.subscriber.delete()
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert client.get(url).status_code == 200


def test_english_page_under_en(client, subscription):
    response = client.get("/en" + link_for(subscription))
    assert response.status_code == 200
    assert "Unsubscribe" in response.content.decode()
