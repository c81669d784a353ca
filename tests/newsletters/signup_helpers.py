"""Lists and requests shared by the sign-up, unsubscribe and account tests (nl_subscribe)."""

import re

from django.core import mail

from kiosque.newsletters.models import NewsletterList

SUBSCRIBE_URL = "/lettres/inscription/"
SUBSCRIBE_URL_EN = "/en/lettres/inscription/"


def make_lists() -> dict[str, NewsletterList]:
    return {
        "digest": NewsletterList.objects.create(
            name="L'essentiel du matin", slug="essentiel", kind="digest", language="fr"
        ),
        "alert": NewsletterList.objects.create(
            name="Alertes info", slug="alertes", kind="alert", language="fr"
        ),
        "digest_en": NewsletterList.objects.create(
            name="Morning briefing", slug="briefing", kind="digest", language="en"
        ),
    }


def post_form(client, data: dict, url: str = SUBSCRIBE_URL, **extra):
    return client.post(url, {"source": "footer", **data}, **extra)


def confirm_links(message) -> list[str]:
    return re.findall(r"http://[^\s\"<]+/lettres/confirmation/[^\s\"<]+/", message.body)


def only_mail():
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    return mail.outbox[0]


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]
