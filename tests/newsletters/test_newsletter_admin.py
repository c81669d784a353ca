"""« Lettres d'information » in the admin: editors work the editions (preview, edit,
approve, hold) and see each send's progress; administrators also manage the lists;
journalists and moderators get 403 everywhere."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kiosque.newsletters.models import Delivery, Edition, EditionArticle, NewsletterList
from kiosque.newsletters.sending import start_sending
from kiosque.newsroom import roles
from tests.discussion.helpers import make_staff
from tests.factories import days_ago, make_article
from tests.newsletters.edition_helpers import make_list, subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def digest(newsroom):
    newsletter = make_list("essentiel-du-matin", name="L'essentiel du matin")
    subscribe(newsletter, "a@example.org", "b@example.org", "c@example.org")
    return newsletter


@pytest.fixture
def articles(newsroom):
    return [
        make_article(
            newsroom.europe, slug=f"article-{n}", title=f"Titre {n}", published_at=days_ago(0.2)
        )
        for n in range(3)
    ]


@pytest.fixture
def draft(digest, articles):
    edition = Edition.objects.create(
        newsletter=digest,
        subject="L'essentiel du lundi 7 décembre",
        send_at=days_ago(-0.1),
        occasion="digest:2026-12-07",
    )
    for position, article in enumerate(articles):
        EditionArticle.objects.create(edition=edition, article=article, sort_order=position)
    return edition


def login(client, role):
    client.force_login(make_staff(role, role.lower()))


def pages(edition) -> list[str]:
    return [
        reverse("newsletter_editions:index"),
        reverse("newsletter_editions:preview", args=[edition.pk]),
        reverse("newsletter_editions:message", args=[edition.pk]),
        reverse("newsletter_editions:edit", args=[edition.pk]),
        reverse("newsletter_lists:index"),
        reverse("newsletter_alert:index"),
    ]


@pytest.mark.parametrize("role", [roles.EDITOR, roles.ADMINISTRATOR])
def test_the_pages_answer_for_the_publishing_roles(client, draft, role):
    login(client, role)
    for url in pages(draft):
        assert client.get(url).status_code == 200, url
    menu = client.get(reverse("wagtailadmin_home")).text
    assert "Lettres d\\u2019information" in menu
    assert reverse("newsletter_alert:index") in menu


@pytest.mark.parametrize("role", [roles.JOURNALIST, roles.MODERATOR])
def test_journalists_and_moderators_get_403(client, draft, role):
    login(client, role)
    assert reverse("newsletter_editions:index") not in client.get(reverse("wagtailadmin_home")).text
    for url in pages(draft):
        assert client.get(url).status_code == 403, url
    for name in ("approve", "hold"):
        url = reverse(f"newsletter_editions:{name}", args=[draft.pk])
        assert client.post(url).status_code == 403
    assert client.post(reverse("newsletter_lists:add"), {}).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Edition.Status.DRAFT


def test_an_editor_holds_then_approves_a_digest(client, draft):
    login(client, roles.EDITOR)
    client.post(reverse("newsletter_editions:hold", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == Edition.Status.HELD
    client.post(reverse("newsletter_editions:approve", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == Edition.Status.READY


def edit_data(edition, subject, intro, order, removed=()):
    items = list(edition.articles.order_by("sort_order"))
    data = {
        "subject": subject,
        "intro": intro,
        "articles-TOTAL_FORMS": str(len(items)),
        "articles-INITIAL_FORMS": str(len(items)),
        "articles-MIN_NUM_FORMS": "0",
        "articles-MAX_NUM_FORMS": "1000",
    }
    for index, item in enumerate(items):
        data[f"articles-{index}-id"] = str(item.pk)
        data[f"articles-{index}-article"] = str(item.article_id)
        data[f"articles-{index}-ORDER"] = str(order.index(item.article_id) + 1)
        data[f"articles-{index}-DELETE"] = "1" if item.article_id in removed else ""
    return data


def test_an_editor_edits_subject_intro_order_and_removes_an_article(client, draft, articles):
    login(client, roles.EDITOR)
    first, second, third = (article.pk for article in articles)
    answer = client.post(
        reverse("newsletter_editions:edit", args=[draft.pk]),
        edit_data(
            draft, "Ce matin", "Bonjour à toutes et à tous.", [third, first, second], [second]
        ),
    )
    assert answer.status_code == 302, answer.context and answer.context.get("form").errors
    draft.refresh_from_db()
    assert (draft.subject, draft.intro) == ("Ce matin", "Bonjour à toutes et à tous.")
    kept = list(draft.articles.order_by("sort_order").values_list("article_id", flat=True))
    assert kept == [third, first]
    assert draft.status == Edition.Status.DRAFT


def test_an_edition_that_went_is_no_longer_edited_and_shows_its_progress(client, draft):
    start_sending(draft)
    Delivery.objects.filter(edition=draft).filter(
        pk=Delivery.objects.filter(edition=draft).first().pk
    ).update(status=Delivery.Status.SENT)
    Delivery.objects.filter(edition=draft, status=Delivery.Status.PENDING).filter(
        subscriber__email="b@example.org"
    ).update(status=Delivery.Status.FAILED)
    login(client, roles.EDITOR)
    edit = client.get(reverse("newsletter_editions:edit", args=[draft.pk]))
    assert edit.status_code == 302  # to the preview: nothing to change any more
    page = client.get(reverse("newsletter_editions:preview", args=[draft.pk])).text
    assert "3 destinataires" in page
    assert "1 envoyé" in page and "1 échec" in page and "1 en attente" in page
    listing = client.get(reverse("newsletter_editions:index")).text
    assert "1 envoyé" in listing
    assert client.post(reverse("newsletter_editions:hold", args=[draft.pk])).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Edition.Status.SENDING


def test_the_lists_show_confirmed_subscribers_and_only_administrators_change_them(client, digest):
    subscribe(digest, "d@example.org")
    digest.subscriptions.filter(subscriber__email="a@example.org").update(status="unsubscribed")
    login(client, roles.EDITOR)
    listing = client.get(reverse("newsletter_lists:index"))
    assert listing.status_code == 200
    assert "L&#x27;essentiel du matin" in listing.text or "L'essentiel du matin" in listing.text
    assert client.get(reverse("newsletter_lists:edit", args=[digest.pk])).status_code == 403
    assert client.get(reverse("newsletter_lists:add")).status_code == 403


def test_an_administrator_creates_a_digest_list_and_a_digest_needs_its_hour(client, newsroom):
    login(client, roles.ADMINISTRATOR)
    data = {
        "name": "Le récap du soir",
        "slug": "recap-du-soir",
        "kind": "digest",
        "language": "fr",
        "description": "",
        "send_time": "",
        "prepare_minutes_before": "60",
        "sends_automatically": "on",
        "active": "on",
    }
    refused = client.post(reverse("newsletter_lists:add"), data)
    assert refused.status_code == 200 and not NewsletterList.objects.exists()
    created = client.post(reverse("newsletter_lists:add"), data | {"send_time": "19:00"})
    assert created.status_code == 302
    assert NewsletterList.objects.get().send_time.hour == 19
    follow = client.post(reverse("newsletter_lists:add"), data | {"slug": "x", "kind": "follow"})
    assert follow.status_code == 200  # follow lists come from readers' « Suivre »
    assert NewsletterList.objects.count() == 1


def index_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("newsletter_editions:index")).status_code == 200
    return len(queries)


def test_the_editions_index_reads_the_progress_in_one_query_for_the_page(client, draft):
    start_sending(draft)
    login(client, roles.EDITOR)
    index_queries(client)  # warm the caches (site, settings, permissions)
    few = index_queries(client)
    for n in range(4):
        edition = Edition.objects.create(
            newsletter=draft.newsletter, subject=f"Alerte {n}", occasion=f"alert:{n}"
        )
        EditionArticle.objects.create(
            edition=edition, article=draft.articles.first().article, sort_order=0
        )
        start_sending(edition)
    assert index_queries(client) == few
    assert client.get(reverse("newsletter_editions:index")).text.count("3 en attente") == 5


def test_a_cancelled_digest_shows_why_in_the_admin(client, draft):
    Edition.objects.filter(pk=draft.pk).update(
        status=Edition.Status.CANCELLED, cancelled_because=Edition.CancelReason.LATE
    )
    login(client, roles.EDITOR)
    why = "NEWSLETTER_DIGEST_LATE_HOURS"
    assert why in client.get(reverse("newsletter_editions:index")).text
    assert why in client.get(reverse("newsletter_editions:preview", args=[draft.pk])).text


def test_only_administrators_see_the_subscribers_and_their_consent_records(client, digest):
    from kiosque.newsletters import services

    pending = services.subscribe("zoe@example.org", digest, "article", "/monde/sommet/")
    services.confirm(pending)
    services.suspend(pending.subscriber, "550 5.1.1 user unknown")
    detail = reverse("newsletter_subscribers:detail", args=[pending.subscriber_id])
    index = reverse("newsletter_subscribers:index")
    for role in (roles.EDITOR, roles.JOURNALIST, roles.MODERATOR):
        login(client, role)
        assert client.get(index).status_code == 403, role
        assert client.get(detail).status_code == 403, role
        assert index not in client.get(reverse("wagtailadmin_home")).text

    login(client, roles.ADMINISTRATOR)
    assert index in client.get(reverse("wagtailadmin_home")).text
    found = client.get(index, {"q": "ZOE@"}).text
    assert "zoe@example.org" in found and "a@example.org" not in found
    assert "Confirmé" in found and "550 5.1.1 user unknown" in found
    page = client.get(detail).text
    assert page.count('data-consent="') == 2  # requested, then confirmed
    assert "/monde/sommet/" in page and "article" in page
    assert "550 5.1.1 user unknown" in page
    assert client.post(index).status_code == 405  # read-only
