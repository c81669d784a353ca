"""Pictures of a dispatch: fetched safely, checked to be real images, then stored, with
the focal point their metadata gives (picture_focus).

Everything is read and checked before the dispatch's transaction begins, so a bad picture
rejects its item without leaving anything half-stored.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image, UnidentifiedImageError

from kiosque.newsroom.models import NewsImage
from kiosque.wires.parsing.common import PictureRef, WireRejected
from kiosque.wires.picture_focus import FocalArea, focal_area

MAX_REDIRECTS = 3
FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


@dataclass
class LoadedPicture:
    ref: PictureRef
    data: bytes
    extension: str
    focal: FocalArea | None = None  # where the subject is, from the metadata


def load_pictures(
    refs: list[PictureRef], *, base_dir: Path | None, base_url: str = ""
) -> list[LoadedPicture]:
    return [_check(ref, _read(ref.href, base_dir, base_url)) for ref in refs]


def _read(href: str, base_dir: Path | None, base_url: str = "") -> bytes:
    scheme = urlsplit(href).scheme.lower()
    if not scheme and base_url:
        # An item of an HTTP feed: relative to the feed's address. The result is fetched
        # like any URL (allowed hosts, timeout, size cap), so "//elsewhere/x.jpg" or
        # "../../x.jpg" cannot reach anything the allow-list does not name.
        return _fetch(urljoin(base_url, href))
    if scheme in {"http", "https"}:
        return _fetch(href)
    if scheme:
        raise WireRejected(f"picture {href}: scheme {scheme!r} is not fetched")
    if base_dir is None:
        raise WireRejected(f"picture {href}: a relative reference needs the item's folder")
    folder = base_dir.resolve()
    path = (folder / href).resolve()
    # A drop folder's item may only point at files in its own folder tree.
    if not path.is_relative_to(folder):
        raise WireRejected(f"picture {href}: outside the item's folder")
    if not path.is_file():
        raise WireRejected(f"picture {href}: no such file beside the item")
    if path.stat().st_size > settings.WIRES_MAX_PICTURE_BYTES:
        raise WireRejected(f"picture {href}: larger than {settings.WIRES_MAX_PICTURE_BYTES} bytes")
    return path.read_bytes()


def _fetch(url: str) -> bytes:
    allowed = {h.lower() for h in settings.WIRES_PICTURE_HOSTS}
    for _ in range(MAX_REDIRECTS + 1):
        host = (urlsplit(url).hostname or "").lower()
        if host not in allowed:
            raise WireRejected(f"picture {url}: host {host!r} is not in WIRES_PICTURE_HOSTS")
        try:
            response = requests.get(
                url, stream=True, allow_redirects=False, timeout=settings.WIRES_FETCH_TIMEOUT
            )
        except requests.RequestException as error:
            raise WireRejected(f"picture {url}: {type(error).__name__}") from None
        with response:
            if response.is_redirect:
                url = urljoin(url, response.headers.get("Location", ""))
                continue
            if response.status_code != 200:
                raise WireRejected(f"picture {url}: HTTP {response.status_code}")
            return _bounded(response, url)
    raise WireRejected(f"picture {url}: too many redirects")


def _bounded(response, url: str) -> bytes:
    limit = settings.WIRES_MAX_PICTURE_BYTES
    buffer = bytearray()
    for chunk in response.iter_content(65536):
        buffer.extend(chunk)
        if len(buffer) > limit:
            raise WireRejected(f"picture {url}: larger than {limit} bytes")
    return bytes(buffer)


class _Truncated(Exception):
    pass


def _decode_whole(data: bytes) -> None:
    """Decode the picture to its last byte: `verify()` reads a JPEG's headers only, and a
    file cut short would be stored, then fail in every rendition task. A JPEG is decoded
    at an eighth of its size (libjpeg's DCT scaling), which still reads all of its data."""
    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", (max(image.width // 8, 1), max(image.height // 8, 1)))
        try:
            image.load()
        except OSError as error:
            raise _Truncated from error


def _check(ref: PictureRef, data: bytes) -> LoadedPicture:
    limit = settings.WIRES_MAX_PICTURE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > limit:
                    raise WireRejected(
                        f"picture {ref.href}: {width}×{height} pixels, over the limit of "
                        f"{limit} (decompression bomb?)"
                    )
                kind = image.format
                image.verify()
            _decode_whole(data)
    except _Truncated:
        raise WireRejected(f"picture {ref.href}: the image is cut short or damaged") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise WireRejected(f"picture {ref.href}: not an image") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise WireRejected(f"picture {ref.href}: decompression bomb") from None
    if kind not in FORMATS:
        raise WireRejected(f"picture {ref.href}: unsupported image format {kind}")
    focal = focal_area(data, point=ref.point_of_interest, rendition_size=(ref.width, ref.height))
    return LoadedPicture(ref=ref, data=data, extension=FORMATS[kind], focal=focal)


def picture_store(*, picture: LoadedPicture, agency_name: str) -> NewsImage:
    ref = picture.ref
    stem = Path(urlsplit(ref.href).path).stem[:60] or "depeche"
    image = NewsImage(
        title=(ref.headline or ref.caption or stem)[:255],
        description=(ref.description or ref.caption)[:255],
        caption=ref.caption[:400],
        photographer=ref.photographer[:120],
        source=ref.credit[:120] if ref.credit and ref.credit != agency_name else "",
        agency=agency_name[:60],
    )
    image.file = ImageFile(io.BytesIO(picture.data), name=f"{stem}.{picture.extension}")
    if picture.focal is not None:
        # Set before the first save: the renditions made on arrival are cropped around it.
        picture.focal.apply_to(image)
    image.full_clean(exclude=["file", "file_size", "file_hash"])
    image.save()
    return image
