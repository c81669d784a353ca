"""Lead pictures for the demo, drawn locally with Pillow (nothing is downloaded).

Each picture is an abstract landscape in a palette that suits the story (a storm,
the sea, a city at night…), seeded by the article's slug so the demo is the same on
every machine.
"""

import contextlib
import contextvars
import hashlib
import io
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900

# palette -> (sky top, sky bottom, ground, accent)
PALETTES = {
    "storm": ((38, 46, 61), (110, 122, 138), (44, 58, 66), (200, 210, 220)),
    "sea": ((84, 148, 196), (190, 220, 235), (24, 92, 128), (245, 245, 240)),
    "city": ((120, 160, 200), (230, 200, 170), (70, 70, 82), (240, 190, 90)),
    "night": ((10, 14, 40), (50, 40, 90), (20, 20, 30), (250, 220, 120)),
    "forest": ((150, 190, 210), (220, 230, 210), (40, 90, 50), (120, 160, 80)),
    "sun": ((250, 180, 90), (255, 230, 170), (180, 120, 60), (255, 250, 220)),
    "stone": ((170, 175, 180), (220, 215, 205), (120, 110, 100), (90, 80, 70)),
    "stadium": ((40, 90, 160), (150, 190, 230), (40, 130, 70), (230, 80, 60)),
}


def _blend(a: tuple, b: tuple, t: float) -> tuple:
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _seed(slug: str) -> int:
    return int.from_bytes(hashlib.sha256(slug.encode()).digest()[:8], "big")


def draw_picture(slug: str, palette: str) -> bytes:
    """A 1600×900 JPEG for `slug` in `palette` (unknown palettes fall back to "stone")."""
    sky_top, sky_bottom, ground, accent = PALETTES.get(palette, PALETTES["stone"])
    rng = random.Random(_seed(slug))  # noqa: S311 (pictures, not secrets)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)

    horizon = int(HEIGHT * rng.uniform(0.55, 0.7))
    for y in range(horizon):
        draw.line([(0, y), (WIDTH, y)], fill=_blend(sky_top, sky_bottom, y / horizon))

    # A sun or moon, then layers of hills or buildings, then the foreground.
    cx, cy, r = rng.randint(200, 1400), rng.randint(80, horizon - 150), rng.randint(40, 90)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=accent)
    for layer in range(3):
        colour = _blend(sky_bottom, ground, 0.45 + layer * 0.25)
        base = horizon + layer * 40
        if palette in ("city", "night"):
            x = 0
            while x < WIDTH:
                w, h = rng.randint(50, 140), rng.randint(80, 320 - layer * 60)
                draw.rectangle([x, base - h, x + w, HEIGHT], fill=colour)
                if palette == "night":
                    for _ in range(rng.randint(2, 8)):
                        wx, wy = rng.randint(x + 5, x + w - 10), rng.randint(base - h + 5, base)
                        draw.rectangle([wx, wy, wx + 6, wy + 9], fill=accent)
                x += w + rng.randint(0, 30)
        else:
            points = [(0, HEIGHT)]
            for x in range(0, WIDTH + 100, 100):
                points.append((x, base - rng.randint(0, 120 - layer * 30)))
            points.append((WIDTH, HEIGHT))
            draw.polygon(points, fill=colour)
    if palette == "storm":
        for _ in range(200):
            x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
            draw.line([(x, y), (x - 12, y + 40)], fill=(170, 180, 195), width=2)
    if palette == "stadium":
        draw.ellipse([300, horizon + 60, 1300, HEIGHT + 200], outline=(240, 240, 240), width=8)

    # Softens the drawn edges. A 3×3 box blur looks the same here as a Gaussian blur of
    # radius 1.2 and costs half as long: most of the drawing's time, 44 times per demo.
    image = image.filter(ImageFilter.BoxBlur(1))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=84, optimize=True, progressive=True)
    return buffer.getvalue()


# Whether the demo makes each picture's renditions as it saves it (the default: the demo
# is complete the moment `make run` serves it) or leaves them to the worker, which the
# picture's save queues anyway (newsroom/signals.py). Set for one build by `build_demo`.
_renditions_now = contextvars.ContextVar("demo_renditions_now", default=True)


@contextlib.contextmanager
def renditions_made_now(now: bool):
    token = _renditions_now.set(now)
    try:
        yield
    finally:
        _renditions_now.reset(token)


def make_renditions(image) -> None:
    """The renditions a demo picture needs, now, unless the build leaves them to the worker."""
    from kiosque.newsroom.tasks import pregenerate_image_renditions

    if _renditions_now.get():
        pregenerate_image_renditions.call(image_id=image.pk)
