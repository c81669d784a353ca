"""An article as an IPTC ninjs 2.2 news item (decision 0039).

The mapping is chosen so that Kiosque's own ingest (`kiosque ingest`, kiosque.wires)
reads it back into the same article: title, standfirst, body, dates, credit and lead
picture. Where ninjs leaves a choice, that symmetry decides:

- `copyrightholder` names the credited agency (the ingest credits it, « avec AFP »);
  an article of the newsroom alone has none, its publisher is in `copyrightnotice`;
  every credited agency is an `infosources` entry (by name, as everywhere);
- `by` is the byline as read; each credited author is also a `people` entry with
  `rel: "author"` and their page as `uri` (ninjs 2.x has no authors list; decision
  0044), which the ingest matches to its own author pages by exact name;
- `versioncreated` is the « Mis à jour » time, or the first publication when there was
  no significant update: a typo fix is not a new version for partners either;
- the body is the portable HTML of kiosque.api.body; the lead picture is the one
  association, with an uncropped rendition first in size;
- a live coverage (kiosque.live) has the profile "kiosque-live" and its latest entries
  as text `associations` after the picture, each a ninjs object of its own; the ingest
  reads picture associations only, so it takes a live back as an article;
- text is the stored text, without the French spacing the site adds at output
  (kiosque.newsroom.text.typography): that spacing is the receiving site's
  presentation, and adding it here would change what the ingest stores.
"""

from __future__ import annotations

from datetime import datetime

from kiosque.api.body import portable_body_html
from kiosque.api.pictures import LeadPicture, lead_picture
from kiosque.api.representation import article_kinds, credited_authors
from kiosque.api.urls_absolute import api_url, page_url
from kiosque.newsroom.text.credit_line import clean_names, join_names
from kiosque.newsroom.text.reading_time import count_words, html_to_text

NINJS_VERSION = "2.2"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"
# The `rel` of a `people` entry that credits the person as an author, not a subject;
# kiosque.wires.parsing.ninjs reads the same word back.
AUTHOR_REL = "author"
# English names: what ninjs consumers (and Kiosque's ingest) recognise as genres.
GENRES = {
    "info": "News",
    "analyse": "Analysis",
    "opinion": "Opinion",
    "entretien": "Interview",
    "vrai-ou-faux": "Fact check",
    # A live coverage; its entries are `associations` (see kiosque.live.distribution).
    "direct": "Live",
    "direct-termine": "Live",
}


def _time(value: datetime) -> str:
    return value.isoformat()


def _picture_holder(picture: LeadPicture, item_agency: str) -> str:
    """Who the picture's rights are credited to, so that the ingest prints the same
    « (Photographer / Source / Agency) »: it appends the item's agency itself."""
    if picture.agency and picture.agency.casefold() == item_agency.casefold():
        return picture.source.strip() or picture.agency.strip()
    return " / ".join(clean_names([picture.source, picture.agency]))


def _association(picture: LeadPicture, *, uri: str, item_agency: str) -> dict:
    association = {
        "name": "featureimage",
        "uri": f"{uri}#lead-image",
        "type": "picture",
        "representationtype": "partial",
        "headlines": [{"role": "main", "value": picture.alt}],
        "descriptions": [
            {"role": "caption", "contenttype": "text/plain", "value": picture.caption}
        ],
        "copyrightnotice": picture.credit,
        # Largest first: what a consumer takes when it does not look at the sizes.
        "renditions": [
            {
                "name": rendition.name,
                "href": rendition.url,
                "contenttype": rendition.content_type,
                "width": rendition.width,
                "height": rendition.height,
            }
            for rendition in sorted(
                picture.renditions, key=lambda r: r.width * r.height, reverse=True
            )
        ],
    }
    if picture.photographer.strip():
        association["by"] = picture.photographer.strip()
    holder = _picture_holder(picture, item_agency)
    if holder:
        association["copyrightholder"] = holder
    return association


def _person(author, request) -> dict:
    person = {"name": author.title, "rel": AUTHOR_REL}
    url = page_url(author, request)
    if url:  # a page outside every site has no address
        person["uri"] = url
    return person


def article_ninjs(article, *, request, publisher_name: str, newsroom_name: str) -> dict:
    uri = api_url(f"articles/{article.pk}")
    body = portable_body_html(article)
    text = html_to_text(body)
    agencies = clean_names(agency.name for agency in article.agencies.all())
    credited = credited_authors(article)
    authors = [author.title for author in credited]
    first_published = article.first_published_at
    item = {
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "uri": uri,
        "type": "text",
        "representationtype": "full",
        "profile": "kiosque-article",
        "version": str(max(article.publications.count(), 1)),
        "firstcreated": _time(first_published),
        "versioncreated": _time(article.major_update_at or first_published),
        "pubstatus": "usable",
        "language": article.language,
        "headlines": [{"role": "main", "value": article.title}],
        "descriptions": [
            {"role": "summary", "contenttype": "text/plain", "value": article.standfirst}
        ],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": body,
                "charcount": len(text),
                "wordcount": count_words(text),
            }
        ],
        "by": join_names(authors, article.language) or newsroom_name,
        "genres": [
            {"name": GENRES.get(article.article_type, "News"), "literal": article.article_type}
        ],
        "copyrightnotice": f"© {publisher_name}",
        "altids": [{"role": "url", "value": page_url(article, request)}],
    }
    if article.dateline:
        item["located"] = article.dateline
    if agencies:
        # One agency per dispatch in ninjs' eyes; every credited one is an info source.
        item["copyrightholder"] = agencies[0]
        item["infosources"] = [{"name": name} for name in agencies]
    if credited:
        item["people"] = [_person(author, request) for author in credited]
    if article.topic is not None and article.topic.live:
        item["subjects"] = [{"name": article.topic.title, "uri": page_url(article.topic, request)}]
    picture = lead_picture(article, with_full=True)
    if picture is not None:
        item["associations"] = [
            _association(picture, uri=uri, item_agency=agencies[0] if agencies else "")
        ]
    for kind in article_kinds():
        if kind.ninjs is not None and article.article_type in kind.article_types:
            # A feature app's kind of article (a live) adds what it is made of.
            item = kind.ninjs(article, item, request)
    return item
