"""Pictures sharp at device pixel ratio 2, never enlarged, big files made only when shown.

The kinds' `sizes` are checked against the real layout in Chromium by
test_images_browser.py; here, that each kind offers a file twice as wide as the widest
its `sizes` says, and what pages and the worker make of an image.
"""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image

from kiosque.newsroom.images import (
    FRONT_LEAD,
    INLINE,
    KINDS,
    LEAD,
    box_width,
    picture_sources,
    pregenerate_renditions,
)
from kiosque.newsroom.models import NewsImage
from kiosque.newsroom.tasks import pregenerate_image_renditions
from tests.factories import days_ago, make_article, make_image

VIEWPORTS = range(280, 2561)  # CSS px
REM = 16  # `sizes` is evaluated with the browser's default font size


def sizes_at(sizes: str, viewport: int) -> float:
    """What a browser takes from a `sizes` attribute of the forms the kinds use."""
    for candidate in (part.strip() for part in sizes.split(",")):
        condition = re.match(r"\(max-width: ([\d.]+)rem\) (.+)", candidate)
        if condition and viewport > float(condition.group(1)) * REM:
            continue
        return length(condition.group(2) if condition else candidate, viewport)
    raise AssertionError(f"no default length in {sizes!r}")


def length(value: str, viewport: int) -> float:
    if calc := re.fullmatch(r"calc\(([\d.]+)vw - ([\d.]+)rem\)", value):
        return float(calc.group(1)) * viewport / 100 - float(calc.group(2)) * REM
    if rem := re.fullmatch(r"([\d.]+)rem", value):
        return float(rem.group(1)) * REM
    if px := re.fullmatch(r"([\d.]+)px", value):
        return float(px.group(1))
    raise AssertionError(f"unexpected length {value!r}")


def srcset_widths(html: str) -> list[int]:
    srcset = re.search(r'<source type="image/webp" srcset="([^"]*)"', html).group(1)
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def picture_file(width: int, height: int) -> NewsImage:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (90, 60, 30)).save(buffer, format="JPEG")
    image = NewsImage(title=f"Photo {width}", description="Une photo")
    image.file = ImageFile(buffer, name=f"photo-{width}.jpg")
    image.save()
    return image


def section(html: str, css_class: str) -> str:
    start = html.index(f'class="{css_class}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_every_kind_offers_twice_the_widest_width_it_is_shown_at(kind):
    widest_shown = max(sizes_at(kind.sizes, viewport) for viewport in VIEWPORTS)
    widest_file = max(box_width(spec) for spec in kind.modern_specs)
    assert widest_file >= 2 * widest_shown, f"{kind.name}: {widest_shown} px shown"


def test_sizes_follow_the_front_page_and_article_columns():
    # As measured in Chromium (test_images_browser.py): la une's lead at 1366 and 390 px.
    assert sizes_at(FRONT_LEAD.sizes, 1366) == 480
    assert sizes_at(FRONT_LEAD.sizes, 390) == 366
    assert round(sizes_at(FRONT_LEAD.sizes, 1100)) == 457
    assert sizes_at(LEAD.sizes, 1366) == 760
    assert sizes_at(LEAD.sizes, 390) == 366
    assert sizes_at(KINDS["card-compact"].sizes, 390) == 104


@pytest.mark.django_db
def test_the_front_page_lead_offers_a_file_twice_its_width(client, newsroom):
    make_article(
        newsroom.europe, title="La une", lead_image=make_image("Une"), published_at=days_ago(0.1)
    )
    for n in range(3):
        make_article(
            newsroom.europe, title=f"Autre {n}", lead_image=make_image(f"Autre {n}"),
            published_at=days_ago(1 + n),
        )  # fmt: skip
    html = client.get("/").content.decode()
    lead = section(html, "front-lead")
    assert f'sizes="{FRONT_LEAD.sizes}"' in lead
    widest_shown = max(sizes_at(FRONT_LEAD.sizes, viewport) for viewport in VIEWPORTS)
    assert max(srcset_widths(lead)) >= 2 * widest_shown  # 1600 ≥ 2 × 616
    # The compact rows say they are thumbnails on a phone: the browser takes small files.
    featured = section(html, "front-featured")
    assert f'sizes="{KINDS["card-compact"].sizes}"' in featured


@pytest.mark.django_db
def test_the_article_lead_reaches_2000_px_once_shown_when_the_original_is_that_large(
    client, newsroom
):
    image = picture_file(2600, 1463)
    pregenerate_renditions(image)  # what the worker makes when a picture arrives
    assert max(r.width for r in image.renditions.all()) == 1600  # 2,000 px: not yet
    article = make_article(newsroom.europe, lead_image=image, published_at=days_ago(1))

    first = client.get(article.url).content.decode()
    assert max(srcset_widths(first)) == 1600  # already twice the 760 px column
    # That page asked the worker for the lead's every size (tests run tasks at once).
    second = client.get(article.url).content.decode()
    assert srcset_widths(second) == [480, 800, 1200, 1600, 2000]
    assert f'sizes="{LEAD.sizes}"' in second
    made = image.renditions.get(filter_spec="fill-2000x1125|format-webp")
    with Image.open(made.file.path) as picture:
        assert picture.size == (2000, 1125)


@pytest.mark.django_db
def test_a_small_original_is_never_enlarged(newsroom):
    image = picture_file(896, 504)
    pregenerate_renditions(image, KINDS.values())  # every size of every kind
    for rendition in image.renditions.all():
        assert rendition.width <= 896 and rendition.height <= 504, rendition.filter_spec
        with Image.open(rendition.file.path) as picture:
            assert picture.size == (rendition.width, rendition.height)
    # One file per width: fill-1200, 1600 and 2000 would all be the 896 px picture.
    assert [int(w) for w in re.findall(r" (\d+)w", picture_sources(image, LEAD)["srcset"])] == [
        480,
        800,
        896,
    ]
    assert not image.renditions.filter(filter_spec__startswith="fill-2000").exists()
    inline = picture_sources(image, INLINE)["srcset"]
    assert [int(w) for w in re.findall(r" (\d+)w", inline)] == [480, 800, 896]


@pytest.mark.django_db
def test_an_arriving_picture_gets_its_big_files_only_once_shown_that_way(newsroom):
    image = picture_file(2600, 1463)
    pregenerate_image_renditions.call(image_id=image.pk)
    specs = set(image.renditions.values_list("filter_spec", flat=True))
    assert "fill-1600x900|format-webp" in specs  # cards and leads: ready for DPR 2
    assert "max-800x1000|format-webp" in specs  # in a body: sharp at DPR 1 at once
    assert "fill-2000x1125|format-webp" not in specs
    assert "max-1600x2000|format-webp" not in specs
    # What a page showing the picture in a body asks for (picture_sources).
    pregenerate_image_renditions.call(image_id=image.pk, kinds=["inline"])
    assert image.renditions.filter(filter_spec="max-1600x2000|format-webp").exists()
    assert not image.renditions.filter(filter_spec="fill-2000x1125|format-webp").exists()
