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
from kiosque.newsroom.models import ArticlePage
from kiosque.newsroom.text.photo_credit import photo_credit
from kiosque.wires.body import sanitise
from kiosque.wires.models import WireSettings
from tests.api.ninjs_schema import ninjs_errors
from tests.factories import days_ago, make_article, make_image, publish, set_publication_times

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


def test_ninjs_fed_back_to_the_ingest_gives_the_same_article(newsroom, partner):
    fetch, ingest = partner
    photo = make_image("Chalutiers", photographer="Marc Le Gall")
    original = make_article(
        newsroom.europe,
        title="Tempête : le Finistère compte ses dégâts",
        # Ordinary spaces: the ingest's plain-text cleaning writes a no-break space back
        # as the text "&nbsp;" (reported to the wires owner; see docs/api.md).
        standfirst="Des rafales à 140 km/h ont balayé la pointe bretonne dans la nuit.",
        article_type="analyse",
        dateline="BREST (Finistère) –",
        agencies=[newsroom.agency],
        lead_image=photo,
        lead_image_alt="Des chalutiers couchés sur le flanc dans le port",
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
    assert _blocks(copy) == _blocks(original)
    assert copy.dateline == original.dateline
    assert copy.article_type == original.article_type
    assert copy.language == original.language
    assert copy.first_published_at == original.first_published_at
    assert copy.major_update_at is None and original.major_update_at is None
    name = newsroom.settings.newsroom_name
    assert article_credit(copy, name) == article_credit(original, name)
    assert article_credit(copy, name) == "Article rédigé par franceinfo avec AFP"

    # The same picture: the bytes of the rendition the ninjs offers, with its words.
    assert _picture_facts(copy) == _picture_facts(original)
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
