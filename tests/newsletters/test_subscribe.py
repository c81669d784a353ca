"""Subscribing from the site's pages: cached forms, double opt-in, consent, bad inputs."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from kiosque.newsletters import services
from kiosque.newsletters.models import ConsentEvent, NewsletterList, Subscriber, Subscription
from tests.factories import days_ago, make_article
from tests.newsletters.signup_helpers import (
    SUBSCRIBE_URL,
    SUBSCRIBE_URL_EN,
    confirm_links,
    make_lists,
    only_mail,
    path_of,
    post_form,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lists(newsroom):
    return make_lists()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what the views queue after commit (the confirmation mail's task)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


# --- the forms on cached pages ---------------------------------------------------------


def test_pages_carry_the_form_and_stay_cacheable(client, newsroom, lists):
    article = make_article(newsroom.europe, slug="forme", topic=newsroom.topic)
    for url, follow_id in (
        (article.url, newsroom.topic.pk),
        (newsroom.topic.url, newsroom.topic.pk),
        (newsroom.europe.url, newsroom.europe.pk),
        (newsroom.author.url, newsroom.author.pk),
    ):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200
        assert 'action="/lettres/inscription/"' in html
        assert f'name="page" value="{follow_id}"' in html
        assert f'name="newsletter" value="{lists["digest"].pk}"' in html  # the footer's
        assert f'value="{lists["digest_en"].pk}"' not in html  # English lists under /en/
        assert 'autocomplete="email"' in html and 'name="website"' in html
        # Nothing personal: no token, no cookie, the edge's public lifetime.
        assert "csrfmiddlewaretoken" not in html
        assert not response.cookies
        assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
        assert "Cookie" not in response.get("Vary", "")
    english = client.get("/en" + newsroom.europe.url).content.decode()
    assert 'action="/en/lettres/inscription/"' in english
    assert f'value="{lists["digest_en"].pk}"' in english


# --- double opt-in ---------------------------------------------------------------------


def test_footer_subscription_waits_for_the_confirmation_button(client, lists, on_commit):
    referer = "http://testserver/monde/europe/"
    response = on_commit(
        lambda: post_form(
            client,
            {"email": " Lea@Example.ORG ", "newsletter": [lists["digest"].pk]},
            HTTP_REFERER=referer,
        )
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    subscription = Subscription.objects.get()
    assert subscription.subscriber.email == "lea@example.org"
    assert subscription.status == Subscription.Status.PENDING
    event = ConsentEvent.objects.get()
    assert (event.action, event.source, event.source_path) == (
        "requested",
        "footer",
        "/monde/europe/",
    )

    message = only_mail()
    assert message.to == ["lea@example.org"]
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    assert "L'essentiel du matin" in message.body
    [link] = confirm_links(message)
    assert link in message.alternatives[0][0]

    # Opening the link (as a mail scanner does) confirms nothing.
    page = client.get(path_of(link))
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.PENDING

    assert client.post(path_of(link)).status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CONFIRMED
    assert list(ConsentEvent.objects.values_list("action", "source")) == [
        ("requested", "footer"),
        ("confirmed", "confirmation link"),
    ]
    # Pressed twice: still confirmed once.
    assert client.post(path_of(link)).status_code == 200
    assert ConsentEvent.objects.filter(action="confirmed").count() == 1


def test_english_pages_send_the_english_mail(client, lists, on_commit):
    on_commit(
        lambda: post_form(
            client,
            {"email": "sam@example.org", "newsletter": [lists["digest_en"].pk]},
            url=SUBSCRIBE_URL_EN,
        )
    )
    message = only_mail()
    assert "Confirm your subscription" in message.subject
    assert message.extra_headers["Content-Language"] == "en"
    assert "/en/lettres/confirmation/" in confirm_links(message)[0]


def test_one_mail_with_a_link_per_list(client, lists, on_commit):
    on_commit(
        lambda: post_form(
            client,
            {"email": "duo@example.org", "newsletter": [lists["digest"].pk, lists["alert"].pk]},
        )
    )
    assert len(confirm_links(only_mail())) == 2


def test_the_answer_is_the_same_whatever_the_address_state(client, lists, on_commit):
    data = {"email": "known@example.org", "newsletter": [lists["digest"].pk]}
    first = on_commit(lambda: post_form(client, data))
    mail.outbox.clear()
    subscription = Subscription.objects.get()
    services.confirm(subscription)
    again = on_commit(lambda: post_form(client, data))
    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert mail.outbox == []  # a confirmed subscription is left alone
    services.suspend(subscription.subscriber, "550 mailbox unknown")
    assert on_commit(lambda: post_form(client, data)).content == first.content


def test_follow_list_is_made_once_per_page_and_language(client, newsroom, lists, on_commit):
    for url, email in (
        (SUBSCRIBE_URL, "a@example.org"),
        (SUBSCRIBE_URL, "b@example.org"),
        (SUBSCRIBE_URL_EN, "c@example.org"),
    ):
        response = on_commit(
            lambda url=url, email=email: client.post(
                url,
                {
                    "email": email,
                    "page": newsroom.topic.pk,
                    "source": "topic",
                    "path": newsroom.topic.url,
                },
            )
        )
        assert response.status_code == 200
    follows = NewsletterList.objects.filter(kind="follow", followed_page=newsroom.topic.pk)
    assert sorted(follows.values_list("language", flat=True)) == ["en", "fr"]
    french = follows.get(language="fr")
    assert french.subscriptions.count() == 2
    assert set(ConsentEvent.objects.values_list("source", "source_path")) == {
        ("topic", newsroom.topic.url)
    }
    assert services.follow_list_for(newsroom.topic, "fr") == french


def test_subscribing_again_after_unsubscribing_is_a_new_consent(client, lists, on_commit):
    data = {"email": "back@example.org", "newsletter": [lists["alert"].pk]}
    on_commit(lambda: post_form(client, data))
    subscription = Subscription.objects.get()
    services.confirm(subscription)
    services.unsubscribe(subscription.subscriber, lists["alert"], "account")
    mail.outbox.clear()
    on_commit(lambda: post_form(client, data))
    [link] = confirm_links(only_mail())
    client.post(path_of(link))
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CONFIRMED
    assert list(ConsentEvent.objects.values_list("action", flat=True)) == [
        "requested",
        "confirmed",
        "unsubscribed",
        "requested",
        "confirmed",
    ]


def test_a_confirmation_clears_a_past_hard_bounce(lists):
    subscription = services.subscribe("Bounce@Example.org", lists["digest"], "footer")
    services.suspend(subscription.subscriber, "550 " + "x" * 900)
    subscriber = Subscriber.objects.get()
    assert subscriber.suspended_at is not None and len(subscriber.suspension_reason) == 500
    assert services.confirm(subscription)
    subscriber.refresh_from_db()
    assert subscriber.suspended_at is None


# --- links that no longer work ---------------------------------------------------------


def test_expired_and_forged_confirmation_links_get_a_clear_page(client, lists, on_commit):
    on_commit(
        lambda: post_form(client, {"email": "late@example.org", "newsletter": [lists["digest"].pk]})
    )
    link = path_of(confirm_links(only_mail())[0])
    forged = link.replace("/confirmation/", "/confirmation/9").rstrip("/") + "x/"
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        expired = client.post(link)
    for response in (expired, client.post(forged), client.get(forged)):
        assert response.status_code == 400
        assert "site-footer" in response.content.decode()  # the site's design
        assert "no-store" in response["Cache-Control"]
    assert Subscription.objects.get().status == Subscription.Status.PENDING


# --- bad inputs: a clear 400, nothing stored -------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": "pas-une-adresse"}, "valid email"),
        ({"email": ""}, "required"),
        ({"email": "a" * 250 + "@example.org"}, "at most 254"),
        ({"newsletter": ["999999"]}, "does not exist"),
        ({"newsletter": ["12abc"]}, "does not exist"),
        ({"newsletter": ["inactive"]}, "no longer sent"),
        ({"newsletter": [], "page": "99999999"}, "page does not exist"),
        ({"newsletter": [], "page": "article"}, "cannot be followed"),
        ({"newsletter": []}, "at least one"),
        ({"path": "//evil.example/"}, "page address"),
        ({"path": "/" + "x" * 600}, "at most 500"),
        ({"source": "account"}, "valid choice"),
        ({"source": None}, "required"),
    ],
)
def test_bad_inputs_answer_400_and_store_nothing(client, newsroom, lists, change, message):
    lists["alert"].active = False
    lists["alert"].save()
    data = {"email": "bad@example.org", "newsletter": [str(lists["digest"].pk)], "source": "footer"}
    data.update(change)
    if data.get("newsletter") == ["inactive"]:
        data["newsletter"] = [str(lists["alert"].pk)]
    if data.get("page") == "article":
        article = make_article(newsroom.europe, slug="pas-suivable", published_at=days_ago(1))
        data["page"] = str(article.pk)
    data = {key: value for key, value in data.items() if value is not None}
    lists_before = NewsletterList.objects.count()
    response = client.post(SUBSCRIBE_URL_EN, data)  # messages in English
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html.lower(), html[html.find("<main") :]
    assert "site-footer" in html
    assert Subscriber.objects.count() == 0 and ConsentEvent.objects.count() == 0
    assert NewsletterList.objects.count() == lists_before
    assert mail.outbox == []


def test_get_on_the_form_endpoint_is_a_clear_error(client, lists):
    response = client.get(SUBSCRIBE_URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "newsletter form" in client.get(SUBSCRIBE_URL_EN).content.decode()


def test_the_honeypot_is_thanked_and_ignored(client, lists, on_commit):
    response = on_commit(
        lambda: post_form(
            client,
            {"email": "bot@example.org", "newsletter": [lists["digest"].pk], "website": "x"},
        )
    )
    assert response.status_code == 200
    assert Subscriber.objects.count() == 0 and mail.outbox == []


def test_rate_limits_per_client_and_per_address(client, lists, settings, on_commit):
    settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT = "3/h"
    settings.NEWSLETTER_CONFIRMATION_RATE_LIMIT = "1/h"
    data = {"email": "flood@example.org", "newsletter": [lists["digest"].pk]}
    first = on_commit(lambda: post_form(client, data))
    second = on_commit(lambda: post_form(client, data))
    # Past the address's share: the same answer, no second mail.
    assert first.content == second.content and len(mail.outbox) == 1
    on_commit(lambda: post_form(client, {**data, "email": "other@example.org"}))
    refused = post_form(client, {**data, "email": "third@example.org"})
    assert refused.status_code == 429
    assert not Subscriber.objects.filter(email="third@example.org").exists()
    # Another client address is counted apart.
    assert post_form(client, data, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_an_ipv6_client_is_counted_by_its_64(client, lists, settings):
    settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT = "2/h"
    data = {"newsletter": [lists["digest"].pk]}
    for n, address in enumerate(("2001:db8:1:2::1", "2001:db8:1:2:ffff::9")):
        posted = post_form(client, {**data, "email": f"v6-{n}@example.org"}, REMOTE_ADDR=address)
        assert posted.status_code == 200
    # A third address of the same /64: the same client.
    third = post_form(client, {**data, "email": "v6-x@example.org"}, REMOTE_ADDR="2001:db8:1:2::77")
    assert third.status_code == 429
    # The next /64 is another client.
    other = post_form(client, {**data, "email": "v6-y@example.org"}, REMOTE_ADDR="2001:db8:1:3::1")
    assert other.status_code == 200
