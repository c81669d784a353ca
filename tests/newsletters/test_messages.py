"""An edition as the recipients get it: multipart, in the list's language, no tracking.

The messages go through the real SMTP server of conftest.py and are read back as it
received them (headers and both parts), not as Django built them.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import resolve

from kiosque.newsletters.messages import render_edition
from kiosque.newsletters.models import Edition, EditionArticle, NewsletterList, Subscriber
from kiosque.newsletters.tokens import read_unsubscribe_token
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db

BASE_URL = "https://www.kiosque.example"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.images, self.metas = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs.get("href"))
        elif tag == "img":
            self.images.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)


def parsed(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


@pytest.fixture
def edition(newsroom, settings):
    settings.BASE_URL = BASE_URL
    settings.NEWSLETTER_FROM_EMAIL = "Kiosque Info <lettres@kiosque.example>"
    picture = make_image("Quai", photographer="", source="WHITE HOUSE", agency="AFP")
    with_picture = make_article(
        newsroom.europe,
        title="Les négociations reprennent à Genève",
        standfirst="Les délégations se retrouvent : une semaine décisive.",
        agencies=[newsroom.agency],
        topic=newsroom.topic,
        lead_image=picture,
        lead_image_alt="Des délégués autour d'une table",
        article_type="analyse",
    )
    plain = make_article(
        newsroom.sport, title="Le match est reporté", authors=[newsroom.author], slug="match"
    )
    newsletter = NewsletterList.objects.create(
        name="L'essentiel du matin", slug="essentiel", kind=NewsletterList.Kind.DIGEST
    )
    edition = Edition.objects.create(
        newsletter=newsletter, subject="L'essentiel du 7 décembre", intro="Bonjour !"
    )
    EditionArticle.objects.create(edition=edition, article=plain, sort_order=1)
    EditionArticle.objects.create(edition=edition, article=with_picture, sort_order=0)
    return edition


def sent_through(smtp, prepared, *subscribers):
    connection = mail.get_connection()
    connection.send_messages([prepared.message_for(s) for s in subscribers])
    return [item.message for item in smtp.handler.received]


def test_a_digest_is_multipart_french_with_credits_and_absolute_links(edition, smtp):
    reader = Subscriber.objects.create(email="lea@example.org")
    (message,) = sent_through(smtp, render_edition(edition), reader)

    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert message["Subject"] == "L'essentiel du 7 décembre"
    assert message["From"] == "Kiosque Info <lettres@kiosque.example>"
    assert message["To"] == "lea@example.org"
    for part in (text, html):
        # The articles in the editors' order, with the kicker, standfirst and credits.
        assert part.index("Genève") < part.index("Le match est reporté")
        assert "Article rédigé par franceinfo avec AFP" in part
        assert "Article rédigé par Camille Roussel" in part
        assert "(- / WHITE HOUSE / AFP)" in part
        assert "Les délégations se retrouvent\u00a0: une semaine décisive." in part
        assert "Vous recevez ce courriel" in part
    assert "ANALYSE · CRISE EN UKRAINE" in text
    assert "Analyse · Crise en Ukraine" in html
    assert "Se désabonner de cette lettre" in html

    page = parsed(html)
    assert {"name": "color-scheme", "content": "light dark"} in page.metas
    for link in page.links:
        assert link.startswith(BASE_URL + "/"), link
    assert BASE_URL + "/monde/europe/" in "".join(page.links) or any(
        "/dossiers/crise-en-ukraine/" in link for link in page.links
    )
    assert not re.search(r"https?://(?!www\.kiosque\.example)", text)
    # No tracking: the only picture is the article's own, with its alt text.
    (image,) = page.images
    assert image["alt"] == "Des délégués autour d'une table"
    assert image["src"].startswith(BASE_URL + "/media/images/")
    assert image["src"].endswith(".jpg")


def test_headers_say_how_to_unsubscribe_in_one_click_rfc_8058(edition, smtp):
    readers = [Subscriber.objects.create(email=f"lecteur{n}@example.org") for n in range(2)]
    first, second = sent_through(smtp, render_edition(edition), *readers)

    for reader, message in zip(readers, (first, second), strict=True):
        header = str(message["List-Unsubscribe"]).strip()  # folded after the colon: long
        assert header.startswith(f"<{BASE_URL}/lettres/desabonnement/") and header.endswith(">")
        url = header[1:-1]
        token = resolve(urlsplit(url).path).kwargs["token"]
        assert read_unsubscribe_token(token) == (reader.pk, edition.newsletter_id)
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        # The same link at the foot of both parts.
        assert url in message.get_body(("plain",)).get_content()
        assert f'href="{url}"' in message.get_body(("html",)).get_content()
        assert (
            message["List-Id"]
            == '"L\'essentiel du matin" <essentiel.newsletters.www.kiosque.example>'
        )
    # Only the link differs from one recipient to the next; each message has its own id.
    assert first["Message-ID"] != second["Message-ID"]
    assert first["Message-ID"].endswith("@www.kiosque.example>")
    html = [m.get_body(("html",)).get_content() for m in (first, second)]
    links = [str(m["List-Unsubscribe"]).strip()[1:-1] for m in (first, second)]
    assert html[0].replace(links[0], "LINK") == html[1].replace(links[1], "LINK")


def test_an_english_list_speaks_english(edition, smtp):
    edition.newsletter.language = "en"
    edition.newsletter.name = "Morning briefing"
    edition.newsletter.save()
    (message,) = sent_through(
        smtp, render_edition(edition), Subscriber.objects.create(email="sam@example.org")
    )
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Article written by franceinfo with AFP" in text
    assert "Unsubscribe from this newsletter" in html
    assert 'You receive this e-mail because you subscribed to "Morning briefing"' in text
    assert 'lang="en"' in html
    # Links to the English interface; the articles keep their own (French) words.
    assert any(link.startswith(BASE_URL + "/en/") for link in parsed(html).links)
    assert "Les négociations reprennent à Genève" in text


def test_rendered_once_the_preview_is_the_message_without_a_live_link(
    edition, django_assert_max_num_queries
):
    prepared = render_edition(edition)
    reader = Subscriber(pk=41, email="x@example.org")
    with django_assert_max_num_queries(0):
        messages = [prepared.message_for(reader) for _ in range(3)]
    assert len({m.extra_headers["Message-ID"] for m in messages}) == 3
    preview = prepared.html_preview()
    assert prepared.marker not in preview
    assert "desabonnement" not in preview
    assert "Genève" in preview


def test_an_article_title_cannot_forge_the_unsubscribe_marker(edition):
    first, second = render_edition(edition), render_edition(edition)
    assert first.marker != second.marker  # random at each rendering
    assert first.marker not in second.html


def test_the_engine_sends_what_message_for_builds(edition, smtp):
    """The engine fills the recipient into the edition's bytes (RawTemplate) instead of
    building each message: the server must receive the same message."""
    prepared = render_edition(edition)
    reader = Subscriber.objects.create(email="lea@example.org")
    template = prepared.raw_template()
    assert template is not None
    connection = mail.get_connection()
    connection.open()
    connection.connection.sendmail(template.from_address, *template.message_for(reader))
    connection.send_messages([prepared.message_for(reader)])
    connection.close()

    raw, built = (item.message for item in smtp.handler.received)
    assert smtp.handler.received[0].rcpt_tos == ("lea@example.org",)
    for header in ("Subject", "From", "To", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post"):
        assert str(raw[header]).strip() == str(built[header]).strip(), header
    assert raw["Message-ID"] != built["Message-ID"]
    for kind in ("plain", "html"):
        assert raw.get_body((kind,)).get_content() == built.get_body((kind,)).get_content()
    # A non-ASCII address is left to message_for(), which encodes it.
    assert template.message_for(Subscriber(pk=3, email="léa@exemple.fr")) is None


def test_a_long_accented_list_name_goes_out_on_one_list_id(edition, smtp):
    """A follow list's name is long and accented: Header's folding put a line break in
    the value and Django refused the message (the whole edition stayed unsent)."""
    edition.newsletter.name = (
        "Suivre : Élections présidentielles américaines de 2028\r\net leurs suites"
    )
    edition.newsletter.save()
    (message,) = sent_through(
        smtp, render_edition(edition), Subscriber.objects.create(email="lea@example.org")
    )
    assert str(message["List-Id"]).strip() == (
        "Suivre : Élections présidentielles américaines de 2028 et leurs suites "
        "<essentiel.newsletters.www.kiosque.example>"
    )


def test_a_private_or_unpublished_article_is_not_mailed(edition, newsroom, smtp):
    """What an editor put in the edition goes out only if a reader may see it on the site."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=newsroom.sport, restriction_type="login")
    text = render_edition(edition).text
    assert "Genève" in text
    assert "Le match est reporté" not in text

    PageViewRestriction.objects.all().delete()
    geneve = edition.articles.get(sort_order=0).article
    geneve.unpublish()
    text = render_edition(edition).text
    assert "Le match est reporté" in text
    assert "Genève" not in text
