"""An edition as an e-mail: rendered once, then one message per recipient.

The templates (newsletters/email/edition.html and .txt) run once per edition, in the
list's language (French, or English for an English list), with every link absolute under
BASE_URL and the lead pictures' renditions made then. What differs between two
recipients is only their unsubscribe link: the rendered text and HTML hold a marker, and
`message_for()` puts the recipient's link in its place (a string replacement, no
template). The marker carries a random part drawn at each rendering, so no article text
can contain it.

Nothing in a message tracks its reader: no pixel, no redirect through the site, links
to the pages themselves. The only pictures are the articles' own.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from email.header import Header
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import override

from kiosque.newsletters.tokens import unsubscribe_token, unsubscribe_url
from kiosque.newsroom.selectors import visible_articles
from kiosque.newsroom.text.credit_line import credit_line
from kiosque.newsroom.text.photo_credit import photo_credit
from kiosque.newsroom.text.topic_prefix import title_starts_with_topic
from kiosque.newsroom.text.typography import typeset

# Mail clients show a picture at most this wide (CSS px); the file is twice as wide for
# screens of device pixel ratio 2. JPEG: several clients (Outlook on Windows) show no WebP.
PICTURE_WIDTH = 600
PICTURE_SPEC = "fill-1200x675|format-jpeg|jpegquality-80"
PICTURE_HEIGHT = 338  # 600 × 9/16: the box kept while the picture loads


def absolute(address: str) -> str:
    """`/monde/x/` → `https://site/monde/x/`; addresses with a scheme are kept."""
    if urlsplit(address).scheme:
        return address
    return settings.BASE_URL.rstrip("/") + "/" + address.lstrip("/")


def site_domain() -> str:
    return urlsplit(settings.BASE_URL).hostname or "kiosque.invalid"


def page_address(page) -> str:
    """A page's address under BASE_URL, in the active language's URL prefix."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return absolute(parts[2])


@dataclass(frozen=True)
class MessagePicture:
    url: str
    width: int
    height: int
    alt: str
    caption: str
    credit: str


@dataclass(frozen=True)
class MessageArticle:
    url: str
    title: str
    kicker: str  # « Analyse · Crise en Ukraine »: the type, then the topic or the section
    kicker_url: str
    standfirst: str
    credit: str  # « Article rédigé par franceinfo avec AFP »
    picture: MessagePicture | None


def lead_picture(article) -> MessagePicture | None:
    """The lead image's rendition for mail, made now if it does not exist yet (this runs
    when the edition is prepared, not per recipient)."""
    image = article.lead_image
    if image is None:
        return None
    rendition = image.get_rendition(PICTURE_SPEC)
    height = round(PICTURE_WIDTH * rendition.height / rendition.width) if rendition.width else 0
    return MessagePicture(
        url=absolute(rendition.url),
        width=PICTURE_WIDTH,
        height=height or PICTURE_HEIGHT,
        alt=article.lead_image_alt or image.description or "",
        caption=typeset(article.lead_image_caption or image.caption or "", article.language),
        credit=article.lead_image_credit
        or photo_credit(photographer=image.photographer, source=image.source, agency=image.agency),
    )


def article_credit(article, newsroom_name: str, language: str) -> str:
    """The article page's credit line, names as text: « … par franceinfo avec AFP »."""
    authors = []
    for link in article.article_authors.select_related("author"):
        if link.author.live and link.author.title not in authors:
            authors.append(link.author.title)
    return credit_line(
        newsroom=newsroom_name,
        agencies=[agency.name for agency in article.agencies.all()],
        authors=authors,
        language=language,
    )


def message_article(article, newsroom_name: str, language: str) -> MessageArticle:
    from kiosque.newsroom.jinja2tags import article_type_label

    kicker, kicker_url = str(article_type_label(article)), ""
    topic = article.topic if article.topic is not None and article.topic.live else None
    place = topic or article.get_parent()
    # A section or a topic, never the home page; a topic the title already names is not
    # repeated (agency headlines often start with it).
    named = topic is not None and title_starts_with_topic(article.title, topic.title)
    if place is not None and place.depth > 2 and not named:
        kicker = f"{kicker} · {place.title}"
        kicker_url = page_address(place)
    return MessageArticle(
        url=page_address(article),
        title=typeset(article.title, article.language),
        kicker=typeset(kicker, article.language),
        kicker_url=kicker_url,
        standfirst=typeset(article.standfirst or "", article.language),
        credit=article_credit(article, newsroom_name, language),
        picture=lead_picture(article),
    )


def newsroom_settings():
    from wagtail.models import Site

    from kiosque.newsroom.models import NewsroomSettings

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    # Read, never create (no write from a sending worker; see newsroom_clock.newsroom_zone).
    stored = NewsroomSettings.objects.filter(site=site).first() if site is not None else None
    return stored or NewsroomSettings(site=site)


def list_id(newsletter) -> str:
    """RFC 2919: a label unique to the list under the site's domain, with its name."""
    label = f"{newsletter.slug}.newsletters.{site_domain()}"
    # One line: a CR or LF in a header is refused by Django (BadHeaderError), and would
    # stop the whole edition.
    name = " ".join(newsletter.name.replace('"', "'").replace("\\", "").split())
    try:
        name.encode("ascii")
        shown = f'"{name}"'
    except UnicodeEncodeError:
        # Encoded words joined by spaces, not by Header's folding "\n ": the value stays
        # on one line (Django refuses a line break) and the generator folds it when it
        # writes the message; the <label> stays outside the encoded words (RFC 2919).
        shown = Header(name, "utf-8").encode(linesep=" ")
    return f"{shown} <{label}>"


@dataclass(frozen=True)
class PreparedEdition:
    """One edition rendered, ready to become any number of messages."""

    edition_id: int
    newsletter_id: int
    subject: str
    from_email: str
    list_id: str
    language: str
    html: str  # with `marker` where each recipient's unsubscribe link goes
    text: str
    marker: str

    def unsubscribe_link(self, subscriber_id: int) -> str:
        return unsubscribe_url(subscriber_id, self.newsletter_id)

    def message_for(self, subscriber) -> EmailMultiAlternatives:
        """The message to one subscriber (any object with `pk` and `email`)."""
        link = self.unsubscribe_link(subscriber.pk)
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text.replace(self.marker, link),
            from_email=self.from_email,
            to=[subscriber.email],
            headers={
                "List-Id": self.list_id,
                # RFC 8058: mail providers offer « unsubscribe » and POST to this address
                # themselves; no mailto, so nothing depends on reading a mailbox.
                "List-Unsubscribe": f"<{link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Message-ID": make_msgid(f"edition{self.edition_id}", domain=site_domain()),
            },
        )
        message.attach_alternative(self.html.replace(self.marker, escape(link)), "text/html")
        return message

    def raw_template(self) -> RawTemplate | None:
        """The whole message as bytes with markers where the recipient's address, link
        and message id go: what the sending engine fills in for each recipient instead
        of building the MIME structure again (a few microseconds instead of ms). None
        when a marker did not come out whole (a part encoded quoted-printable because
        of a line over 998 bytes): then each message is built by message_for()."""
        return _raw_template(self)

    def html_preview(self) -> str:
        """The HTML as recipients see it, for the admin (the unsubscribe link inert)."""
        return self.html.replace(self.marker, "#")

    def text_preview(self) -> str:
        return self.text.replace(self.marker, absolute("/"))


@dataclass(frozen=True)
class RawTemplate:
    data: bytes
    edition_id: int
    from_address: str  # the envelope's sender
    address_marker: bytes
    link_marker: bytes
    id_marker: bytes
    newsletter_id: int
    link_prefix: str  # the unsubscribe URL before its token
    link_suffix: str
    domain: str

    def message_for(self, recipient) -> tuple[str, bytes] | None:
        """(envelope recipient, message bytes), or None for an address that needs
        encoding (non-ASCII): message_for() builds that one."""
        if not recipient.email.isascii():
            return None
        link = self.link_prefix + unsubscribe_token(recipient.pk, self.newsletter_id)
        link += self.link_suffix
        message_id = f"<edition{self.edition_id}.{secrets.token_hex(10)}@{self.domain}>"
        data = (
            self.data.replace(self.address_marker, recipient.email.encode())
            .replace(self.link_marker, link.encode())
            .replace(self.id_marker, message_id.encode())
        )
        return recipient.email, data


def _raw_template(prepared: PreparedEdition) -> RawTemplate | None:
    from django.core.mail.message import sanitize_address
    from django.urls import reverse

    tag = secrets.token_hex(8)
    address = f"kiosque-recipient-{tag}@placeholder.invalid"
    link_marker = f"kiosque-link-{tag}"
    id_marker = f"<kiosque-id-{tag}@placeholder.invalid>"
    message = EmailMultiAlternatives(
        subject=prepared.subject,
        body=prepared.text.replace(prepared.marker, link_marker),
        from_email=prepared.from_email,
        to=[address],
        headers={
            "List-Id": prepared.list_id,
            "List-Unsubscribe": f"<{link_marker}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Message-ID": id_marker,
        },
    )
    message.attach_alternative(prepared.html.replace(prepared.marker, link_marker), "text/html")
    data = message.message().as_bytes(linesep="\r\n")
    # The address in To, the link in the header and both parts, the id once each.
    if (data.count(address.encode()), data.count(link_marker.encode())) != (1, 3):
        return None
    if data.count(id_marker.encode()) != 1:
        return None
    before, _, after = reverse("newsletters:unsubscribe", args=["TOKEN"]).partition("TOKEN")
    return RawTemplate(
        data=data,
        edition_id=prepared.edition_id,
        from_address=sanitize_address(prepared.from_email, "utf-8"),
        address_marker=address.encode(),
        link_marker=link_marker.encode(),
        id_marker=id_marker.encode(),
        newsletter_id=prepared.newsletter_id,
        link_prefix=settings.BASE_URL + before,
        link_suffix=after,
        domain=site_domain(),
    )


def render_edition(edition) -> PreparedEdition:
    """Render `edition` once, in its list's language; renditions are made here."""
    newsletter = edition.newsletter
    newsroom = newsroom_settings()
    language = newsletter.language or settings.LANGUAGE_CODE
    marker = f"kiosque-unsubscribe-{secrets.token_hex(12)}"
    # Only what a reader may see on the site: not an unpublished article, nor one under a
    # view restriction (a private section), whatever an editor put in the edition.
    # The items may be in memory only (an unsaved edition's preview: modelcluster).
    items = list(edition.articles.select_related("article").order_by("sort_order", "pk"))
    wanted = [item.article_id for item in items]
    visible = set(visible_articles().filter(pk__in=wanted).values_list("pk", flat=True))
    with override(language):
        articles = [
            message_article(item.article.specific, newsroom.newsroom_name, language)
            for item in items
            if item.article_id in visible
        ]
        context = {
            "edition": edition,
            "subject": typeset(edition.subject, language),
            "intro": typeset(edition.intro or "", language),
            "newsletter_name": newsletter.name,
            "site_name": newsroom.site_name,
            "publisher_name": newsroom.publisher_name,
            "home_url": absolute("/en/" if language == "en" else "/"),
            "articles": articles,
            "unsubscribe_url": marker,
            "language": language,
            "why": typeset(
                _('You receive this e-mail because you subscribed to "%(list)s" on %(site)s.')
                % {"list": newsletter.name, "site": newsroom.site_name},
                language,
            ),
        }
        html = render_to_string("newsletters/email/edition.html", context)
        text = render_to_string("newsletters/email/edition.txt", context)
    return PreparedEdition(
        edition_id=edition.pk,
        newsletter_id=newsletter.pk,
        subject=" ".join(edition.subject.split()),  # a header is one line
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        list_id=list_id(newsletter),
        language=language,
        html=html,
        text=text,
        marker=marker,
    )
