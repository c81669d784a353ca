"""Articles as ninjs 2.2: valid against the official schema, and saying what they should."""

from __future__ import annotations

from datetime import timedelta

import pytest
from wagtail.rich_text import RichText

from kiosque.newsroom.images import pregenerate_renditions
from tests.api.ninjs_schema import SCHEMA_FILE, ninjs_errors
from tests.factories import days_ago, make_article, make_image, set_publication_times

LINKED = '<p>Les <b>vents</b> ont <a href="https://meteo.example/">soufflé</a> à 140 km/h.</p>'
VIDEO = {"url": "https://video.example/tempete", "title": "La tempête en vidéo", "provider": ""}
BODY = [
    ("paragraph", RichText(LINKED)),
    ("subheading", "Des dégâts sur le port"),
    ("quote", {"text": "Jamais vu ça depuis 1987", "attribution": "Un pêcheur"}),
    ("embed", VIDEO),
]


def test_the_schema_is_the_official_one_and_the_check_can_fail():
    assert SCHEMA_FILE.is_file(), f"missing {SCHEMA_FILE}: the shared IPTC fixtures"
    assert ninjs_errors({"uri": "https://kiosque.example/a/1", "type": "text"}) == []
    assert ninjs_errors({"type": "text"})  # uri is required
    assert ninjs_errors({"uri": "https://x.example/1", "type": "article"})
    assert ninjs_errors({"uri": "https://x.example/1", "versioncreated": "hier"})
    assert ninjs_errors({"uri": "https://x.example/1", "provider": {"name": "AFP"}})  # 3.x only


def test_full_article_is_valid_ninjs_2_2(api_get, newsroom):
    image = make_image("Quai", photographer="Marc Le Gall")
    article = make_article(
        newsroom.europe,
        title="Tempête sur la Bretagne",
        standfirst="Des rafales à 140 km/h ont balayé le Finistère dans la nuit de lundi à mardi.",
        article_type="analyse",
        dateline="BREST (Finistère) –",
        topic=newsroom.topic,
        agencies=[newsroom.agency],
        authors=[newsroom.author],
        lead_image=image,
        lead_image_alt="Un quai inondé sous un ciel gris",
        body=BODY,
    )
    first = days_ago(2)
    set_publication_times(article, [first, first + timedelta(hours=6)])

    response = api_get(f"articles/{article.pk}/ninjs")
    item = response.json()

    assert ninjs_errors(item) == []
    assert item["uri"] == f"http://127.0.0.1:8000/api/v1/articles/{article.pk}"
    assert item["standard"] == {
        "name": "ninjs",
        "version": "2.2",
        "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json",
    }
    assert item["headlines"] == [{"role": "main", "value": "Tempête sur la Bretagne"}]
    assert item["descriptions"][0]["value"].startswith("Des rafales")
    assert item["genres"] == [{"name": "Analysis", "literal": "analyse"}]
    assert item["located"] == "BREST (Finistère) –"
    assert item["copyrightholder"] == "AFP"
    assert item["copyrightnotice"] == "© France Télévisions"
    assert item["by"] == "Camille Roussel"
    assert item["version"] == "2"
    assert item["firstcreated"].startswith(first.isoformat()[:19])
    assert item["versioncreated"] > item["firstcreated"]
    assert item["subjects"] == [
        {"name": "Crise en Ukraine", "uri": "http://127.0.0.1:8000/dossiers/crise-en-ukraine/"}
    ]
    body = item["bodies"][0]["value"]
    assert body.startswith('<p>Les <b>vents</b> ont <a href="https://meteo.example/">soufflé</a>')
    assert "<h2>Des dégâts sur le port</h2>" in body
    assert (
        "<blockquote><p>Jamais vu ça depuis 1987</p> <footer>Un pêcheur</footer></blockquote>"
        in body
    )
    assert '<p><a href="https://video.example/tempete">La tempête en vidéo</a></p>' in body
    assert item["bodies"][0]["wordcount"] > 15
    [picture] = item["associations"]
    assert picture["type"] == "picture"
    assert picture["headlines"][0]["value"] == "Un quai inondé sous un ciel gris"
    assert picture["descriptions"][0]["value"] == "Le port de Brest, mardi matin."
    assert picture["by"] == "Marc Le Gall"
    assert picture["copyrightholder"] == "PRÉFECTURE DU FINISTÈRE"
    assert picture["copyrightnotice"] == "(Marc Le Gall / PRÉFECTURE DU FINISTÈRE / AFP)"
    largest = picture["renditions"][0]
    assert (largest["width"], largest["height"], largest["contenttype"]) == (
        1600,
        900,
        "image/jpeg",
    )
    assert largest["href"].startswith("http://127.0.0.1:8000/media/images/")


@pytest.mark.parametrize(
    "article_type", ["info", "analyse", "opinion", "entretien", "vrai-ou-faux"]
)
def test_minimal_article_of_every_type_is_valid(api_get, newsroom, article_type):
    article = make_article(newsroom.sport, article_type=article_type, published_at=days_ago(1))
    item = api_get(f"articles/{article.pk}/ninjs").json()
    assert ninjs_errors(item) == []
    assert item["genres"][0]["literal"] == article_type
    assert item["by"] == "franceinfo"  # no author, no agency: the newsroom
    assert "copyrightholder" not in item and "associations" not in item
    assert item["versioncreated"] == item["firstcreated"]


def test_inline_picture_stays_out_of_ninjs_but_in_the_json_body(api_get, newsroom):
    inline = make_image("Carte")
    pregenerate_renditions(inline)  # as the worker does when a picture arrives
    article = make_article(
        newsroom.europe,
        body=[
            ("paragraph", RichText("<p>Voici la carte.</p>")),
            (
                "image",
                {"image": inline, "alt_text": "Carte des rafales", "caption": "", "credit": ""},
            ),
        ],
    )
    item = api_get(f"articles/{article.pk}/ninjs").json()
    assert ninjs_errors(item) == []
    assert item["bodies"][0]["value"] == "<p>Voici la carte.</p>"
    body_html = api_get(f"articles/{article.pk}").json()["body_html"]
    assert 'alt="Carte des rafales"' in body_html
    # Absolute addresses, srcset included: a client has no page to resolve them against.
    assert 'src="http://127.0.0.1:8000/media/images/' in body_html
    assert 'srcset="http://127.0.0.1:8000/media/images/' in body_html
    assert '="/media/' not in body_html and ", /media/" not in body_html
