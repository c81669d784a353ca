"""ninjs out, `kiosque ingest` in: the same article comes back.

A partner (here Kiosque itself) fetches the ninjs of an article from a live server over
HTTP, drops it in a folder and runs `kiosque ingest --publish`. The ingest fetches the
picture from the rendition address in the ninjs, over HTTP from the same live server:
BASE_URL is the live server's address for this test, and its host is the one entry of
WIRES_PICTURE_HOSTS (the ingest's allow-list for pictures).
"""

from __future__ import annotations

import hashlib
import io
import json
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import requests
from django.core.management import call_command
from wagtail.rich_text import RichText

from kiosque.api.representation import article_credit
from kiosque.newsroom.models import Agency, ArticlePage, AuthorPage
from kiosque.newsroom.text.photo_credit import photo_credit
from kiosque.wires.body import sanitise
from kiosque.wires.models import WireSettings
from tests.api.ninjs_schema import ninjs_errors
from tests.factories import (
    add_page,
    days_ago,
    make_article,
    make_image,
    publish,
    set_publication_times,
)

BODY = [
    ("paragraph", RichText(
        '<p>Les <b>vents</b> ont <a href="https://meteo.example/rafales">soufflé</a> à '
        "140\u00a0km/h sur la pointe du Finistère, selon Météo-France.</p>"
    )),
    ("subheading", "Des chalutiers endommagés"),
    ("quote", {"text": "Nous n’avions jamais vu la mer monter si vite.", "attribution": ""}),
    ("paragraph", RichText("<p>La préfecture maritime a <i>levé</i> l’alerte mardi à midi.</p>")),
]  # fmt: skip


def _blocks(article) -> list[tuple[str, str]]:
    """The body as (kind, content), links compared as the ingest cleans them."""
    result = []
    for block in article.body:
        if block.block_type == "paragraph":
            result.append(("paragraph", sanitise(block.value.source)))
        elif block.block_type == "quote":
            result.append(("quote", block.value["text"]))
        else:
            result.append((block.block_type, str(block.value)))
    return result


def _picture_facts(article) -> dict:
    image = article.lead_image
    return {
        "alt": article.lead_image_alt or image.description,
        "caption": article.lead_image_caption or image.caption,
        "credit": article.lead_image_credit
        or photo_credit(photographer=image.photographer, source=image.source, agency=image.agency),
    }


class _Quiet(io.StringIO):
    pass


@pytest.fixture
def partner(newsroom, live_server, settings, tmp_path, transactional_db):
    """Fetch an article's ninjs from the live server; ingest a saved document."""
    settings.BASE_URL = live_server.url
    settings.WIRES_PICTURE_HOSTS = [urlsplit(live_server.url).hostname]
    wires = WireSettings.for_site(newsroom.site)
    wires.default_section = newsroom.sport
    wires.save()

    def fetch(article) -> dict:
        response = requests.get(f"{live_server.url}/api/v1/articles/{article.pk}/ninjs", timeout=30)
        assert response.status_code == 200, response.text
        return response.json()

    def ingest(item: dict, name: str) -> str:
        path = tmp_path / name
        path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
        out = _Quiet()
        call_command("ingest", str(path), "--publish", stdout=out, stderr=out)
        return out.getvalue()

    return fetch, ingest


def _credits(article) -> tuple[list, list]:
    authors = [link.author for link in article.article_authors.order_by("sort_order", "pk")]
    return authors, list(article.agencies.all())


def test_ninjs_fed_back_to_the_ingest_gives_the_same_article(newsroom, partner):
    fetch, ingest = partner
    second_author = add_page(newsroom.authors, AuthorPage(title="Jean Dupont", slug="jean-dupont"))
    reuters = Agency.objects.create(name="Reuters")
    photo = make_image("Chalutiers", photographer="Marc Le Gall")
    original = make_article(
        newsroom.europe,
        # French typography: no-break spaces (U+00A0 before « : », U+202F inside « »).
        title="Tempête\u00a0: le Finistère compte ses dégâts",
        standfirst="Des rafales à 140\u00a0km/h ont balayé la pointe «\u202fbretonne\u202f».",
        article_type="analyse",
        dateline="BREST (Finistère) –",
        authors=[newsroom.author, second_author],
        agencies=[newsroom.agency, reuters],
        lead_image=photo,
        lead_image_alt="Des chalutiers couchés sur le flanc dans le port",
        lead_image_caption="Le port de Brest, mardi\u00a0: «\u00a0du jamais-vu\u00a0».",
        body=BODY,
    )
    first = days_ago(2).replace(microsecond=0)
    set_publication_times(original, [first])
    original = ArticlePage.objects.get(pk=original.pk)

    item = fetch(original)
    assert ninjs_errors(item) == []
    output = ingest(item, "v1.json")
    assert output.startswith(f"created {item['uri']} v1 "), output

    copy = ArticlePage.objects.exclude(pk=original.pk).get(wire_links__item__identity=item["uri"])
    assert copy.live
    assert copy.title == original.title
    assert copy.standfirst == original.standfirst
    assert "\u202f" in copy.standfirst and "&nbsp;" not in copy.standfirst
    # Every author (the newsroom's own pages, matched by name) and every agency.
    authors, agencies = _credits(copy)
    assert _credits(copy) == _credits(original)
    assert [a.title for a in authors] == ["Camille Roussel", "Jean Dupont"]
    assert [a.name for a in agencies] == ["AFP", "Reuters"]
    assert _blocks(copy) == _blocks(original)
    assert copy.dateline == original.dateline
    assert copy.article_type == original.article_type
    assert copy.language == original.language
    assert copy.first_published_at == original.first_published_at
    assert copy.major_update_at is None and original.major_update_at is None
    name = newsroom.settings.newsroom_name
    assert article_credit(copy, name) == article_credit(original, name)
    assert article_credit(copy, name) == (
        "Article rédigé par Camille Roussel et Jean Dupont avec AFP et Reuters"
    )

    # The same picture: the bytes of the rendition the ninjs offers, with its words.
    assert _picture_facts(copy) == _picture_facts(original)
    assert _picture_facts(copy)["caption"].endswith("\u00a0: «\u00a0du jamais-vu\u00a0».")
    largest = item["associations"][0]["renditions"][0]
    served = requests.get(largest["href"], timeout=30).content
    with copy.lead_image.open_file() as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == hashlib.sha256(served).hexdigest()
    assert (copy.lead_image.width, copy.lead_image.height) == (largest["width"], largest["height"])
    assert (largest["width"], largest["height"]) == (1600, 900)  # the original, uncropped

    # The newsroom updates the story: the partner's copy gets the same « Mis à jour ».
    update = ArticlePage.objects.get(pk=original.pk)
    update.standfirst = "Des rafales à 150 km/h ont balayé la pointe bretonne dans la nuit."
    publish(update)
    set_publication_times(update, [first, first + timedelta(hours=7)])
    original = ArticlePage.objects.get(pk=original.pk)
    assert original.major_update_at == first + timedelta(hours=7)

    item = fetch(original)
    assert item["version"] == "2"
    output = ingest(item, "v2.json")
    assert output.startswith(f"updated {item['uri']} v2 "), output
    copy = ArticlePage.objects.get(pk=copy.pk)
    assert copy.standfirst == original.standfirst
    assert copy.first_published_at == original.first_published_at
    assert copy.major_update_at == original.major_update_at
    assert _credits(copy) == _credits(original)  # an update keeps the credits


def test_an_author_the_receiving_newsroom_does_not_have_is_left_on_the_dispatch(
    newsroom, client, tmp_path
):
    """Bad input: the ninjs credits an author with no page here (another newsroom's
    journalist, a misspelt name) and one whose name two pages share: nobody is credited
    by guess, no author page is made, and the names stay on the dispatch."""
    wires = WireSettings.for_site(newsroom.site)
    wires.default_section = newsroom.sport
    wires.save()
    original = make_article(newsroom.europe, title="Sommet à Bruxelles", authors=[newsroom.author])
    item = client.get(f"/api/v1/articles/{original.pk}/ninjs").json()
    add_page(newsroom.authors, AuthorPage(title="Léa Martin", slug="lea-martin"))
    add_page(newsroom.authors, AuthorPage(title="Léa Martin", slug="lea-martin-2"))
    item["people"] += [
        {"name": "Yann Inconnu", "rel": "author"},
        {"name": "camille roussel", "rel": "author"},  # not the exact name
        {"name": "Léa Martin", "rel": "author"},  # two pages: which one?
        {"name": "Jean Dupont"},  # someone the article is about, not an author
    ]
    item["by"] = "Camille Roussel, Yann Inconnu et Léa Martin"
    pages = AuthorPage.objects.count()
    path = tmp_path / "item.json"
    path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    call_command("ingest", str(path), "--publish", stdout=_Quiet(), stderr=_Quiet())

    copy = ArticlePage.objects.exclude(pk=original.pk).get(wire_links__item__identity=item["uri"])
    assert copy.live
    assert [link.author for link in copy.article_authors.all()] == [newsroom.author]
    assert AuthorPage.objects.count() == pages
    fields = copy.wire_links.get().item.latest_version.fields
    assert fields["authors"] == [
        "Camille Roussel",
        "Yann Inconnu",
        "camille roussel",
        "Léa Martin",
    ]
    assert fields["byline"] == "Camille Roussel, Yann Inconnu et Léa Martin"
    assert list(copy.agencies.all()) == []  # the newsroom's own article: no agency
