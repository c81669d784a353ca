"""Articles as ninjs 2.2: valid against the official schema, and saying what they should."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.rich_text import RichText

from kiosque.api.pictures import FULL_SPEC, pregenerate_full_rendition
from kiosque.newsroom.images import pregenerate_renditions
from kiosque.newsroom.models import Agency, AuthorPage, NewsImage
from tests.api.ninjs_schema import SCHEMA_FILE, ninjs_errors
from tests.factories import (
    add_page,
    days_ago,
    make_article,
    make_image,
    set_publication_times,
)

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
    pregenerate_full_rendition(image)  # as the worker does when a picture arrives
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
    assert item["people"] == [
        {
            "name": "Camille Roussel",
            "rel": "author",
            "uri": "http://127.0.0.1:8000/auteurs/camille-roussel/",
        }
    ]
    assert item["infosources"] == [{"name": "AFP"}]
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
    assert largest["name"] == "1600x1600-jpeg"  # the worker's uncropped rendition


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
    assert "people" not in item and "infosources" not in item
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


def test_every_author_and_agency_is_credited(api_get, newsroom):
    second = add_page(newsroom.authors, AuthorPage(title="Jean Dupont", slug="jean-dupont"))
    unpublished = add_page(
        newsroom.authors, AuthorPage(title="Nina Draft", slug="nina-draft"), live=False
    )
    reuters = Agency.objects.create(name="Reuters")
    article = make_article(
        newsroom.europe,
        authors=[second, newsroom.author, unpublished],
        agencies=[reuters, newsroom.agency],
    )
    item = api_get(f"articles/{article.pk}/ninjs").json()
    assert ninjs_errors(item) == []
    assert item["by"] == "Jean Dupont et Camille Roussel"
    # An author whose page is not published is not credited (as on the article page).
    assert [(p["name"], p["rel"]) for p in item["people"]] == [
        ("Jean Dupont", "author"),
        ("Camille Roussel", "author"),
    ]
    assert item["people"][0]["uri"] == "http://127.0.0.1:8000/auteurs/jean-dupont/"
    # Agencies by name, as the credit line names them.
    assert item["copyrightholder"] == "AFP"
    assert item["infosources"] == [{"name": "AFP"}, {"name": "Reuters"}]


# Reader and partner requests never make a rendition (the worker does): the ninjs of a
# picture the worker has not processed yet falls back, and the worker is asked.


@pytest.fixture
def queue_only(settings):
    # Tasks are recorded, not run: what a request leaves for the worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend


def _queued(backend) -> list[str]:
    return [result.task.name for result in backend.results]


def _big_image(width: int, height: int) -> NewsImage:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (10, 20, 30)).save(buffer, format="JPEG")
    image = NewsImage(title="Grand format", description="Un grand format")
    image.file = ImageFile(buffer, name="grand-format.jpg")
    image.save()
    return image


@pytest.mark.parametrize("with_lead_renditions", [False, True])
def test_ninjs_of_a_new_picture_makes_no_rendition_and_asks_the_worker(
    api_get, newsroom, queue_only, with_lead_renditions
):
    image = make_image("Sans rendu", with_renditions=with_lead_renditions)
    article = make_article(newsroom.europe, lead_image=image)
    before = set(image.renditions.values_list("pk", flat=True))
    assert not image.renditions.filter(filter_spec=FULL_SPEC).exists()

    response = api_get(f"articles/{article.pk}/ninjs")

    assert response.status_code == 200
    assert set(image.renditions.values_list("pk", flat=True)) == before  # nothing made
    item = response.json()
    assert ninjs_errors(item) == []
    renditions = item["associations"][0]["renditions"]
    # The original (1600×900, what FULL_SPEC would be) stands in, at its real size.
    largest = renditions[0]
    assert largest == {
        "name": "original",
        "href": f"http://127.0.0.1:8000{image.file.url}",
        "contenttype": "image/jpeg",
        "width": 1600,
        "height": 900,
    }
    assert len(renditions) == (5 if with_lead_renditions else 1)
    assert "pregenerate_image_renditions" in _queued(queue_only)
    # The JSON answer does not make one either.
    assert api_get(f"articles/{article.pk}").status_code == 200
    assert set(image.renditions.values_list("pk", flat=True)) == before


def test_an_original_larger_than_the_full_rendition_is_not_offered_in_its_place(
    api_get, newsroom, queue_only
):
    image = _big_image(2400, 1350)
    pregenerate_renditions(image)  # the lead renditions exist, FULL_SPEC not yet
    article = make_article(newsroom.europe, lead_image=image)
    count = image.renditions.count()

    item = api_get(f"articles/{article.pk}/ninjs").json()

    assert ninjs_errors(item) == []
    assert image.renditions.count() == count
    renditions = item["associations"][0]["renditions"]
    # A 2400 px file is not what ninjs promises (at most 1,600 px): the largest lead
    # rendition is the largest offered until the worker has run.
    assert image.file.url not in str(renditions)
    assert (renditions[0]["width"], renditions[0]["height"]) == (1200, 675)
    assert "pregenerate_image_renditions" in _queued(queue_only)

    pregenerate_full_rendition(image)  # the worker's turn
    queue_only.clear()
    item = api_get(f"articles/{article.pk}/ninjs").json()
    largest = item["associations"][0]["renditions"][0]
    assert (largest["name"], largest["width"], largest["height"]) == ("1600x1600-jpeg", 1600, 900)
    assert image.renditions.count() == count + 1
    assert _queued(queue_only) == []  # nothing missing, nothing asked
