"""allauth's messages are shown where the reader lands, or not at all.

allauth adds a message (« Vous êtes connecté·e. », « Adresse confirmée… ») and redirects.
Many pages a reader can land on are shared by the edge cache and never show messages
(the home page, sections): a message queued for them would wait in the messages cookie
and surprise the reader on some later account page. So the adapter holds allauth's
messages on the request, and at the end of it (AccountMessagesMiddleware) they are
queued only when the response sends the reader to a page that shows them:

- every account page (/compte/…, /en/compte/…: readers/layout.html shows them),
- the full comments page of an article (/commentaires/<id>/),
- an article, for a reader who is logged in: its personal part, fetched by comments.js
  from discussion.fragment, shows them (without JavaScript they wait for the next page
  that shows messages, as the comment messages do),
- the admin (staff log in through allauth; Wagtail shows Django's messages).

Anything else (a page rendered in the same request, another site) drops them.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

HELD = "_kiosque_held_messages"


def hold(request, level: int, text: str, extra_tags: str = "") -> None:
    request.__dict__.setdefault(HELD, []).append((level, text, extra_tags))


def release(request, response) -> None:
    """Queue the held messages if the response leads to a page that shows them."""
    held = request.__dict__.pop(HELD, [])
    if held and leads_to_messages(request, response):
        for level, text, extra_tags in held:
            messages.add_message(request, level, text, extra_tags=extra_tags)


def leads_to_messages(request, response) -> bool:
    if not 300 <= response.status_code < 400 or not response.has_header("Location"):
        return False
    target = urlsplit(response["Location"])
    if target.scheme not in ("", "http", "https"):
        return False
    if target.netloc and target.netloc != request.get_host():
        return False
    return shows_messages(request, target.path or request.path)


def shows_messages(request, path: str) -> bool:
    if path.startswith("/" + settings.ADMIN_PATH):
        return True
    # Resolved in the language of the path: /en/… only matches with English active.
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        if path.startswith(reverse("reader_account")):
            return True
        try:
            match = resolve(path)
        except Resolver404:
            return False
    if match.view_name == "discussion:thread":
        return True
    if match.url_name == "wagtail_serve":
        return request.user.is_authenticated and _is_article(request, match.args[0])
    return False


def _is_article(request, page_path: str) -> bool:
    from wagtail.models import Site

    from kiosque.newsroom.models import ArticlePage

    site = Site.find_for_request(request)
    if site is None:
        return False
    try:
        route = site.root_page.specific.route(
            request, [part for part in page_path.split("/") if part]
        )
    except Http404:
        return False
    return isinstance(route.page.specific, ArticlePage)
