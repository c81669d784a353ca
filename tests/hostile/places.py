"""The corpus fed through every place text enters Kiosque, by the paths real input takes.

`feed_everything()` builds one hostile site inside the current transaction and returns
where each payload went (`HostileSite.placed`: place → payloads) and the pages that show
them (`HostileSite.pages`). Both tests of this package render those pages: the server-side
test all of them through Django's test client, the browser test a few, chosen to hold many
payloads each. Writes go through the services, the ingest and the admin's own forms, so
any cleaning they do is part of what is tested; where hundreds of rows would cost seconds
(readers, their short comments), they are bulk-created with the same cleaning applied.
"""

from __future__ import annotations

import html
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, User
from django.db.models import F
from django.test import Client
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from kiosque.discussion.models import Comment, DiscussionSettings
from kiosque.discussion.services import comment_post, comment_report
from kiosque.discussion.text import normalise_body
from kiosque.newsroom import roles
from kiosque.newsroom.models import ArticlePage
from kiosque.readers.forms import clean_display_name
from kiosque.readers.models import DISPLAY_NAME_MAX_LENGTH, ReaderProfile
from kiosque.wires import articles as wire_articles
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem
from tests.factories import days_ago, make_article
from tests.hostile.corpus import Payload, all_payloads, short_payloads
from tests.wires.helpers import jpeg_bytes

# The single-text fields of a dispatch: each holds payloads joined up to a length, a
# different group in each field, so that about fifteen items put every payload in one.
WIRE_TEXT_FIELDS = ("title", "standfirst", "byline", "dateline", "editor's note")
WIRE_FIELD_LENGTH = 600  # payloads joined in one field (an article keeps 255 of a title)
PAYLOADS_PER_LIST = 6  # keywords, subjects, places, people, info sources per wire item
WIRE_PICTURES = 6  # captions and credits (a picture costs an image and its renditions)
WIRE_ARTICLES = 2  # dispatches made into articles (article page + admin edit view each)
NAMES_BY_FORM = 5  # display names chosen through the account form (the rest stored alike)
COMMENT_LENGTH = 2900  # kiosque.discussion.models.BODY_MAX_LENGTH is 3,000
REPORTS = 25  # one page of the « reported » queue
QUEUE_PAGES = 2  # of the « approved » queue, 25 comments a page
SEARCH_QUERY_LENGTH = 200  # kiosque.search.forms.MAX_QUERY_LENGTH


@dataclass(frozen=True)
class Visit:
    """A page to render, as whom, and which places' payloads it shows."""

    path: str
    who: str  # "anonymous", "reader", "moderator" or "editor"
    places: tuple[str, ...]
    in_browser: bool = False  # also loaded in Chromium (pages that gather many payloads)
    json: bool = False  # an API answer: checked as JSON, never as a page


@dataclass(frozen=True)
class Rendered:
    status: int
    headers: dict
    body: bytes


@dataclass
class HostileSite:
    placed: dict[str, list[Payload]] = field(default_factory=lambda: defaultdict(list))
    pages: list[Visit] = field(default_factory=list)
    users: dict[str, User] = field(default_factory=dict)

    _clients: dict[str, Client] = field(default_factory=dict)
    _rendered: dict[tuple[str, str], Rendered] = field(default_factory=dict)

    def client(self, who: str) -> Client:
        if who not in self._clients:
            self._clients[who] = client = Client()
            if who != "anonymous":
                client.force_login(self.users[who])
        return self._clients[who]

    def get(self, who: str, path: str) -> Rendered:
        """A page as `who` gets it, rendered once for both tests (a GET changes nothing)."""
        key = (who, path)
        if key not in self._rendered:
            response = self.client(who).get(path)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            self._rendered[key] = Rendered(response.status_code, dict(response.headers), body)
        return self._rendered[key]

    def counts(self) -> dict[str, int]:
        return {place: len(payloads) for place, payloads in sorted(self.placed.items())}


def feed_everything(newsroom) -> HostileSite:
    site = HostileSite()
    site.users["editor"] = User.objects.create_superuser("redac-chef", "chef@kiosque.invalid", "x")
    site.users["moderator"] = _moderator()
    _comments_and_names(site, newsroom)
    with tempfile.TemporaryDirectory(prefix="kiosque-hostile-wires-") as folder:
        wire_articles_made = _wires(site, newsroom, Path(folder))
    _admin_rich_text(site, newsroom)
    _search(site, wire_articles_made)
    _api(site, wire_articles_made)
    return site


# --- readers: comments, display names, reports ------------------------------------


def _moderator() -> User:
    user = User.objects.create_user("moderatrice", "mod@kiosque.invalid", "x")
    user.groups.add(Group.objects.get(name=roles.MODERATOR))
    return user


def _readers(names: list[Payload]) -> list[User]:
    """One reader per name; the first few choose theirs in the account form, the rest
    are stored as that form stores them (its cleaning applied), in three queries."""
    users = User.objects.bulk_create(
        [
            User(username=f"hostile{n}", email=f"hostile{n}@lecteurs.invalid", password="!")
            for n in range(len(names))
        ]
    )
    users = list(User.objects.filter(username__startswith="hostile").order_by("pk"))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users]
    )
    ReaderProfile.objects.bulk_create(
        [
            ReaderProfile(user=user, display_name=f"Lecteur {n}" if n < NAMES_BY_FORM
                          else clean_display_name(payload.text))
            for n, (user, payload) in enumerate(zip(users, names, strict=True))
        ]
    )  # fmt: skip
    for user, payload in zip(users[:NAMES_BY_FORM], names, strict=False):
        client = Client()
        client.force_login(user)
        answer = client.post(reverse("reader_account"), {"display_name": payload.text})
        assert answer.status_code == 302, f"display name {payload} refused"
    return users


def _comments_and_names(site: HostileSite, newsroom) -> None:
    config = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    config.trusted_after_approved = 0
    config.min_seconds_between_comments = 0
    config.max_links = 1000  # a held comment shows in another queue: keep them together
    config.page_size = len(all_payloads())  # every thread on the article's first page
    config.save()
    article = make_article(newsroom.europe, slug="debat-hostile", published_at=days_ago(1))
    names = short_payloads(DISPLAY_NAME_MAX_LENGTH)
    readers = _readers(names)
    site.placed["reader name"] = names
    site.users["reader"] = readers[0]
    # Each reader's name beside a comment of their own, stored as comment_post stores it
    # (normalised, published, its own thread): through the service, ~20 queries each.
    Comment.objects.bulk_create(
        [
            Comment(
                article=article,
                author=reader,
                body=normalise_body(payload.text),
                status=Comment.Status.PUBLISHED,
                created_at=days_ago(0.5),
            )
            for reader, payload in zip(readers, all_payloads(), strict=False)
        ]
    )
    Comment.objects.filter(article=article, thread=None).update(thread_id=F("pk"))
    # Then every payload, a line each, in comments as long as a reader may write, posted
    # through the service the comment form calls: the newest, first in the queues.
    for number, group in enumerate(_packed(all_payloads(), COMMENT_LENGTH, separator="\n")):
        comment_post(user=readers[number], article=article, body=_joined(group, "\n"))
        site.placed["comment"] += group
    # Reports: the reader's detail is shown to moderators in the « reported » queue.
    reported = Comment.objects.filter(article=article).order_by("pk")[:REPORTS]
    details = all_payloads()[:: len(all_payloads()) // REPORTS][:REPORTS]
    for reader, comment, payload in zip(readers[1:], reported, details, strict=False):
        comment_report(user=reader, comment=comment, reason="other", detail=payload.text)
        site.placed["report detail"].append(payload)

    everything = ("comment", "reader name")
    site.pages += [
        Visit(article.url, "anonymous", everything, in_browser=True),
        Visit(reverse("discussion:thread", args=[article.pk]), "anonymous", everything),
        Visit(reverse("reader_account"), "reader", ("reader name",)),
        Visit(
            reverse("discussion_admin:queue_named", args=["reported"]),
            "moderator",
            (*everything, "report detail"),
            in_browser=True,
        ),
        Visit(reverse("discussion_admin:reader", args=[readers[1].pk]), "moderator", everything),
    ]
    # The approved queue, 25 a page, newest first: the long comments (every payload) and
    # the first names; the names' other pages hold the same kind of row.
    queue = reverse("discussion_admin:queue_named", args=["approved"])
    site.pages += [
        Visit(f"{queue}?p={number}", "moderator", everything, in_browser=number == 1)
        for number in range(1, QUEUE_PAGES + 1)
    ]


# --- agencies: ninjs through the real ingest ----------------------------------------


def _packed(payloads, limit: int, separator: str = " ") -> list[list[Payload]]:
    """Payloads in groups whose texts, joined by `separator`, fit in `limit` characters."""
    groups: list[list[Payload]] = []
    length = limit + 1
    for payload in payloads:
        if length + 1 + len(payload.text) > limit:
            groups.append([])
            length = -1
        groups[-1].append(payload)
        length += 1 + len(payload.text)
    return groups


def _joined(group: list[Payload], separator: str = " ") -> str:
    return separator.join(p.text for p in group)


def _wire_item(number: int, singles: list[str], body: list[str], names: list[str], picture):
    title, standfirst, byline, dateline, ednote = singles
    item = {
        "uri": f"urn:kiosque-hostile:{number}",
        "version": "1",
        "type": "text",
        "versioncreated": "2026-11-24T09:00:00+01:00",
        "firstcreated": "2026-11-24T08:30:00+01:00",
        "pubstatus": "usable",
        "language": "fr",
        "headlines": [{"role": "main", "value": title}],
        # Plain text, as ninjs 1 sends it: kept as written (an HTML description is made
        # plain text, and an unclosed <textarea> in it rightly takes the rest with it).
        "description_text": standfirst,
        # The body is HTML: each payload as text (escaped by the agency, to be shown as
        # written and never unescaped twice), then as markup (the sanitiser's job; a raw
        # text element left open there swallows what follows, so the text comes first).
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": "".join(f"<p>{html.escape(t)}</p>" for t in body)
                + "".join(f"<p>{t}</p>" for t in body),
            }
        ],
        "by": byline,
        "located": dateline,
        "ednote": ednote,
        "copyrightholder": "AFP",
        "urgency": 3,
        "keywords": names,
        "subjects": [{"name": t, "uri": f"medtop:{number}{i}"} for i, t in enumerate(names)],
        "places": [{"name": t} for t in names[:2]],
        "people": [{"name": t, "rel": "author"} for t in names[2:4]],
        "infosources": [{"name": t} for t in names[4:]],
    }
    if picture:
        caption, credit = picture
        item["associations"] = [
            {
                "name": "featureimage",
                "type": "picture",
                "uri": f"urn:kiosque-hostile:photo:{number}",
                "headlines": [{"role": "main", "value": caption}],
                "descriptions": [{"role": "caption", "value": caption}],
                "by": credit,
                "copyrightholder": credit,
                "renditions": [{"name": "large", "href": "photo.jpg", "width": 80, "height": 45}],
            }
        ]
    return item


def _wires(site: HostileSite, newsroom, folder: Path) -> list[ArticlePage]:
    """Few dispatches, each full: every text field holds as many payloads as it takes."""
    payloads = all_payloads()
    fields = _packed(payloads, WIRE_FIELD_LENGTH)
    count = -(-len(fields) // len(WIRE_TEXT_FIELDS))
    per_body = -(-len(payloads) // count)
    items = []
    for number in range(count):
        singles = [fields[(number + count * f) % len(fields)] for f in range(len(WIRE_TEXT_FIELDS))]
        for name, group in zip(WIRE_TEXT_FIELDS, singles, strict=True):
            site.placed[f"wire {name}"] += group
        # The first dispatch carries every payload in its body, so that one page (and
        # the article made from it) shows them all in Chromium; the others a share each.
        body = payloads if number == 0 else payloads[number * per_body : (number + 1) * per_body]
        # Sent, stored, and shown nowhere (routing and credits match them to the
        # newsroom's own sections, topics, authors and agencies): not counted as placed.
        names = [payloads[(number * PAYLOADS_PER_LIST + i) % len(payloads)] for i in range(6)]
        picture = []
        if number < WIRE_PICTURES:
            caption, credit = fields[-1 - 2 * number], fields[-2 - 2 * number]
            picture = [_joined(caption), _joined(credit)]
            site.placed["wire caption"] += caption
            site.placed["wire credit"] += credit
        items.append(
            _wire_item(
                number,
                [_joined(group) for group in singles],
                [p.text for p in body],
                [p.text for p in names],
                picture,
            )
        )
    site.placed["wire body"] = list(payloads)
    (folder / "photo.jpg").write_bytes(jpeg_bytes(80, 45))
    path = folder / "hostile.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    results = ingest_file(path)
    refused = [r for r in results if r.outcome != "created"]
    assert not refused, f"the hostile dispatches were not all ingested: {refused[:3]}"

    wire_fields = tuple(p for p in site.placed if p.startswith("wire "))
    desk = reverse("wires_admin:desk")
    site.pages += [
        Visit(f"{desk}?p={number}", "editor", wire_fields, in_browser=True)
        for number in range(1, -(-count // 50) + 1)
    ]
    dispatches = WireItem.objects.order_by("pk")
    site.pages += [
        Visit(
            reverse("wires_admin:dispatch", args=[item.pk]),
            "editor",
            wire_fields,
            in_browser=index < 2,
        )
        for index, item in enumerate(dispatches)
    ]
    made = []
    for item in dispatches.filter(
        identity__in=[f"urn:kiosque-hostile:{n}" for n in range(WIRE_ARTICLES)]
    ):
        article = wire_articles.article_create_from_item(item=item, section=newsroom.europe)
        wire_articles.article_publish(article=article)
        article = ArticlePage.objects.get(pk=article.pk)
        made.append(article)
        site.pages += [
            Visit(article.url, "anonymous", wire_fields, in_browser=True),
            # In Chromium, the admin's editor is loaded once, with the editors' article.
            Visit(reverse("wagtailadmin_pages:edit", args=[article.pk]), "editor", wire_fields),
        ]
    return made


# --- editors: Wagtail's page editor ---------------------------------------------------


def _content_state(texts: list[str], link_urls: list[str]) -> str:
    """What Draftail posts for a paragraph block: one line per text, then each URL as a
    link (the admin's link chooser takes any text an editor, or a stolen session, types)."""
    blocks = [
        {"key": f"t{n}", "type": "unstyled", "depth": 0, "text": text,
         "inlineStyleRanges": [{"offset": 0, "length": len(text), "style": "BOLD"}],
         "entityRanges": [], "data": {}}
        for n, text in enumerate(texts)
    ]  # fmt: skip
    entities = {}
    for n, url in enumerate(link_urls):
        entities[str(n)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
        blocks.append(
            {"key": f"l{n}", "type": "unstyled", "depth": 0, "text": url,
             "inlineStyleRanges": [], "entityRanges": [{"offset": 0, "length": len(url), "key": n}],
             "data": {}}
        )  # fmt: skip
    return json.dumps({"blocks": blocks, "entityMap": entities})


def _admin_rich_text(site: HostileSite, newsroom) -> None:
    """An article written in Wagtail's page editor, posted as its JavaScript posts it."""
    payloads = all_payloads()
    article = make_article(newsroom.europe, slug="redige-hostile", published_at=days_ago(1))
    texts = [p.text for p in payloads]
    # Links: the payloads that are URLs, and every payload's text as a link target.
    urls = [p.text for p in payloads if p.family == "url" and ":" in p.text[:40]]
    blocks = [
        ("paragraph", _content_state(texts, urls)),
        *[("subheading", p.text[:255]) for p in payloads[2::40]],
        *[("quote", {"text": p.text, "attribution": p.text[:255]}) for p in payloads[1::40]],
        *[
            ("embed", {"url": "https://exemple.org/video", "title": p.text, "provider": p.text})
            for p in payloads[3::60]
        ],
    ]
    heading = payloads[4:8]
    data = nested_form_data(
        {
            "title": heading[0].text,
            "slug": article.slug,
            "article_type": article.article_type,
            "standfirst": heading[1].text,
            "body": streamfield(blocks),
            "language": "fr",
            "dateline": heading[2].text[:120],
            "update_note": heading[3].text,
            "article_authors": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "corrections": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "comments_enabled": "on",
            "action-publish": "action-publish",
        }
    )
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    answer = site.client("editor").post(edit, data)
    assert answer.status_code == 302, _form_errors(answer)
    site.placed["admin rich text"] = list(payloads)
    site.placed["admin subheading, quote, embed"] = [
        *payloads[2::40],
        *payloads[1::40],
        *payloads[3::60],
    ]
    site.placed["admin title, standfirst, dateline, note"] = heading
    article = ArticlePage.objects.get(pk=article.pk)
    places = tuple(p for p in site.placed if p.startswith("admin "))
    site.pages += [
        Visit(article.url, "anonymous", places, in_browser=True),
        Visit(edit, "editor", places, in_browser=True),
    ]


def _form_errors(answer) -> str:
    context = getattr(answer, "context", None) or {}
    form = context.get("form") if hasattr(context, "get") else None
    return str(getattr(form, "errors", "")) or answer.content.decode()[:500]


# --- readers' queries ----------------------------------------------------------------


def _search(site: HostileSite, wire_made: list[ArticlePage]) -> None:
    """Every payload as a query; the articles made from dispatches among the results."""
    queries: list[str] = []
    for payload in all_payloads():
        if queries and len(queries[-1]) + 1 + len(payload.text) <= SEARCH_QUERY_LENGTH:
            queries[-1] += " " + payload.text
        else:
            queries.append(payload.text)
    site.placed["search query"] = list(all_payloads())
    site.pages += [
        Visit("/recherche/?" + urlencode({"q": q}), "anonymous", ("search query",)) for q in queries
    ]
    for index in range(len(site.pages) - len(queries), len(site.pages) - len(queries) + 3):
        site.pages[index] = Visit(site.pages[index].path, "anonymous", ("search query",), True)
    # Results: the titles and standfirsts the agencies sent, as the result list shows them.
    wire_fields = tuple(p for p in site.placed if p.startswith("wire "))
    site.pages.append(
        Visit("/recherche/?q=depeche", "anonymous", wire_fields, in_browser=bool(wire_made))
    )


def _api(site: HostileSite, wire_made: list[ArticlePage]) -> None:
    """Parameters with payloads for names and values; the agencies' text in the answers."""
    payloads = all_payloads()
    site.placed["API parameter"] = list(payloads)
    for start in range(0, len(payloads), 50):
        chunk = payloads[start : start + 50]
        values = {"section": chunk[0].text, "topic": chunk[1].text, "cursor": chunk[2].text}
        unknown = {p.text: p.text for p in chunk[3:]}
        site.pages.append(
            Visit("/api/v1/articles?" + urlencode({**values, **unknown}), "anonymous",
                  ("API parameter",), json=True)
        )  # fmt: skip
    wire_fields = tuple(p for p in site.placed if p.startswith("wire "))
    for article in wire_made:
        site.pages += [
            Visit(f"/api/v1/articles/{article.pk}", "anonymous", wire_fields, json=True),
            Visit(f"/api/v1/articles/{article.pk}/ninjs", "anonymous", wire_fields, json=True),
        ]
