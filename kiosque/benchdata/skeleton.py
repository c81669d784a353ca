"""The few dozen things the bulk load hangs on, made through the ORM and Wagtail.

Home, rubriques, dossiers, authors, agencies, a pool of pictures and the readers who
comment: small numbers, so they are created the ordinary way (revisions, signals) and
reuse what already exists (the demo's home and sections are found by slug).
"""

from dataclasses import dataclass
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.images import ImageFile
from django.utils.text import slugify

from kiosque.benchdata import words
from kiosque.core.sites import sync_default_site_with_base_url
from kiosque.demo.builder import child_by_slug, ensure_home
from kiosque.demo.pictures import PALETTES, draw_picture
from kiosque.newsroom.images import pregenerate_renditions
from kiosque.newsroom.models import (
    Agency,
    AuthorIndexPage,
    AuthorPage,
    NewsImage,
    SectionPage,
    TopicIndexPage,
    TopicPage,
)
from kiosque.readers.models import ReaderProfile

# Sizes of the pools articles draw from (the tests make them smaller to run fast).
PICTURES = 12
AUTHORS = 60
TOPICS = len(words.TOPIC_SUBJECTS)


@dataclass
class Skeleton:
    home: object
    # (section, weight): the section pages articles go into, with how often.
    sections: list
    topics: list
    authors: list
    agency_ids: list
    pictures: list
    reader_ids: list


def build_skeleton(*, readers: int) -> Skeleton:
    home = ensure_home()
    sync_default_site_with_base_url()
    return Skeleton(
        home=home,
        sections=_sections(home),
        topics=_topics(home),
        authors=_authors(home),
        agency_ids=[
            Agency.objects.get_or_create(name=name, defaults={"full_name": full})[0].pk
            for name, full in words.AGENCIES
        ],
        pictures=_pictures(),
        reader_ids=_readers(readers),
    )


def _sections(home) -> list:
    placed = []
    for slug, title, children in words.SECTIONS:
        section = child_by_slug(home, SectionPage, slug, title=title)
        weight = words.SECTION_WEIGHTS[slug]
        subsections = [child_by_slug(section, SectionPage, s, title=t) for s, t in children]
        # A rubrique with sub-rubriques keeps a third of its articles for itself.
        share = weight / (len(subsections) + 1) if subsections else weight
        placed.append((section, share))
        placed.extend((sub, share) for sub in subsections)
    return placed


def _topics(home) -> list:
    index = child_by_slug(home, TopicIndexPage, "dossiers", title="Dossiers")
    return [
        child_by_slug(index, TopicPage, slugify(subject), title=subject)
        for subject in words.TOPIC_SUBJECTS[:TOPICS]
    ]


def _authors(home) -> list:
    index = child_by_slug(home, AuthorIndexPage, "auteurs", title="Auteurs")
    authors = []
    for number in range(AUTHORS):
        first = words.FIRST_NAMES[number % len(words.FIRST_NAMES)]
        last = words.LAST_NAMES[(number * 7) % len(words.LAST_NAMES)]
        name = f"{first} {last}"
        job = words.JOB_TITLES[number % len(words.JOB_TITLES)]
        authors.append(child_by_slug(index, AuthorPage, slugify(name), title=name, job_title=job))
    return authors


def _pictures() -> list:
    """A small pool of lead pictures, renditions made now (never during a request)."""
    pictures = list(NewsImage.objects.filter(title__startswith="Banc ")[:PICTURES])
    palettes = sorted(PALETTES)
    for number in range(len(pictures), PICTURES):
        palette = palettes[number % len(palettes)]
        image = NewsImage(
            title=f"Banc {number + 1}",
            description=f"Paysage stylisé aux couleurs « {palette} »",
            caption="Illustration.",
            photographer="Studio Kiosque",
            source="KIOSQUE",
        )
        image.file = ImageFile(
            BytesIO(draw_picture(f"banc-{number}", palette)), name=f"banc-{number}.jpg"
        )
        image.save()
        pregenerate_renditions(image)
        pictures.append(image)
    return pictures


def _readers(count: int) -> list[int]:
    """Reader accounts that cannot log in (no usable password), with a display name."""
    User = get_user_model()
    prefix = "lecteur-banc-"
    existing = list(
        User.objects.filter(username__startswith=prefix).order_by("pk").values_list("pk", flat=True)
    )
    missing = range(len(existing), count)
    users = User.objects.bulk_create(
        User(
            username=f"{prefix}{n}",
            email=f"{prefix}{n}@lecteurs.invalid",
            password=make_password(None),
        )
        for n in missing
    )
    ReaderProfile.objects.bulk_create(
        ReaderProfile(
            user=user,
            display_name=f"{words.READER_NAMES[user.pk % len(words.READER_NAMES)]} {user.pk}",
        )
        for user in users
    )
    return existing + [u.pk for u in users]
