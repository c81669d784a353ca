"""Sharing an article without a third party on the page: plain links, built here.

No network's script, button or iframe is loaded: each link is an ordinary <a href> to
the network's public share address, so nothing reaches that network until the reader
clicks. share.js adds the browser's own share sheet and « Copier le lien » on top.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.utils import translation
from jinja2 import pass_context

from kiosque.core.page_urls import page_url

# The networks' public share addresses (no account, no script, no API key).
TWITTER = "https://twitter.com/intent/tweet?"
FACEBOOK = "https://www.facebook.com/sharer/sharer.php?"
LINKEDIN = "https://www.linkedin.com/sharing/share-offsite/?"
WHATSAPP = "https://wa.me/?"


@dataclass(frozen=True)
class ShareLink:
    network: str  # a stable name, for the stylesheet and tests
    label: str  # the network's own name (not translated), or the translated "E-mail"
    href: str


def _query(**params: str) -> str:
    # %20 for spaces, never "+": mail clients and some networks show "+" as written.
    return urlencode(params, quote_via=quote)


def share_links(url: str, title: str, email_label: str) -> list[ShareLink]:
    """Links sharing the absolute `url` under `title`, every value percent-encoded."""
    return [
        ShareLink("email", email_label, "mailto:?" + _query(subject=title, body=url)),
        ShareLink("x", "X (Twitter)", TWITTER + _query(text=title, url=url)),
        ShareLink("facebook", "Facebook", FACEBOOK + _query(u=url)),
        ShareLink("linkedin", "LinkedIn", LINKEDIN + _query(url=url)),
        ShareLink("whatsapp", "WhatsApp", WHATSAPP + _query(text=f"{title} {url}")),
    ]


@pass_context
def canonical_path(context, page) -> str:
    """The page's path in the canonical (French) interface, also on /en/ pages: what is
    shared is the address search engines and previews know (decision 0033). Templates
    make it absolute with distribution's `absolute_url`, the one source of them."""
    with translation.override(settings.LANGUAGE_CODE):
        return page_url(page, context.get("request"))
