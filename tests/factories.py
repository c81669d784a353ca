"""Test data builders: small, explicit, published through Wagtail like real content."""

import io
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import time_machine
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from kiosque.newsroom.images import pregenerate_renditions
from kiosque.newsroom.models import (
    Agency,
    ArticleAuthor,
    ArticlePage,
    ArticlePublication,
    AuthorIndexPage,
    AuthorPage,
    HomePage,
    NewsImage,
    NewsroomSettings,
    SectionPage,
    StandardPage,
    TopicIndexPage,
    TopicPage,
)
from kiosque.newsroom.services import article_update_time_refresh


@dataclass
class Newsroom:
    site: Site
    home: HomePage
    monde: SectionPage
    europe: SectionPage
    sport: SectionPage
    topics: TopicIndexPage
    topic: TopicPage
    authors: AuthorIndexPage
    author: AuthorPage
    agency: Agency
    settings: NewsroomSettings


def publish(page: Page):
    revision = page.save_revision()
    revision.publish()
    return revision


def add_page(parent: Page, page: Page, *, live: bool = True) -> Page:
    parent.add_child(instance=page)
    if live:
        publish(page)
    else:
        page.live = False
        page.save_revision()
        Page.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
    return page


def make_image(title: str = "Photo", *, with_renditions: bool = True, **fields) -> NewsImage:
    """An uploaded picture; by default with its renditions, as the worker makes them."""
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), (40, 90, 140)).save(buffer, format="JPEG")
    defaults = {
        "description": "Un quai inondé sous un ciel gris",
        "caption": "Le port de Brest, mardi matin.",
        "photographer": "",
        "source": "PRÉFECTURE DU FINISTÈRE",
        "agency": "AFP",
    }
    image = NewsImage(title=title, **{**defaults, **fields})
    image.file = ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.jpg")
    image.save()
    if with_renditions:
        pregenerate_renditions(image)
    return image


def build_newsroom() -> Newsroom:
    root = Page.get_first_root_node()
    for placeholder in root.get_children():
        placeholder.delete()
    home = add_page(root, HomePage(title="Kiosque Test", slug="une"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.hostname = "testserver"
        site.port = 80
        site.save()
    monde = add_page(home, SectionPage(title="Monde", slug="monde"))
    europe = add_page(monde, SectionPage(title="Europe", slug="europe"))
    sport = add_page(home, SectionPage(title="Sport", slug="sport"))
    topics = add_page(home, TopicIndexPage(title="Dossiers", slug="dossiers"))
    topic = add_page(topics, TopicPage(title="Crise en Ukraine", slug="crise-en-ukraine"))
    authors = add_page(home, AuthorIndexPage(title="Auteurs", slug="auteurs"))
    author = add_page(authors, AuthorPage(title="Camille Roussel", slug="camille-roussel"))
    agency = Agency.objects.create(name="AFP", full_name="Agence France-Presse")
    settings = NewsroomSettings.for_site(site)
    settings.site_name = "Kiosque Test"
    settings.newsroom_name = "franceinfo"
    settings.publisher_name = "France Télévisions"
    settings.corrections_page = add_page(
        home, StandardPage(title="Rectificatifs", slug="rectificatifs", body="<p>Texte.</p>")
    )
    settings.save()
    # A site's other settings exist from its first day, as on a real site (reading one
    # for the first time creates it, and a creation empties the site memo).
    from kiosque.edge.signals import site_wide_settings_models

    for model in site_wide_settings_models():
        model.for_site(site)
    return Newsroom(
        site, home, monde, europe, sport, topics, topic, authors, author, agency, settings
    )


def make_article(
    section: SectionPage,
    *,
    title: str = "Les négociations reprennent à Genève",
    slug: str | None = None,
    published_at: datetime | None = None,
    live: bool = True,
    authors=(),
    agencies=(),
    topic: TopicPage | None = None,
    lead_image: NewsImage | None = None,
    body_words: int = 120,
    **fields,
) -> ArticlePage:
    paragraph = " ".join(["mot"] * body_words)
    article = ArticlePage(
        title=title,
        slug=slug or f"article-{ArticlePage.objects.count() + 1}",
        standfirst=fields.pop("standfirst", "Un chapô de quelques mots pour résumer l’affaire."),
        body=fields.pop("body", [("paragraph", RichText(f"<p>{paragraph}</p>"))]),
        topic=topic,
        lead_image=lead_image,
        **fields,
    )
    article.agencies = list(agencies)
    article.article_authors = [ArticleAuthor(author=a) for a in authors]
    add_page(section, article, live=live)
    if live and published_at is not None:
        set_publication_times(article, [published_at])
    return ArticlePage.objects.get(pk=article.pk)


def set_publication_times(article: ArticlePage, times: list[datetime], minor=None) -> None:
    """Rewrite an article's publication history: first publication, then updates."""
    minor = minor or [False] * len(times)
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=times[0], last_published_at=times[-1]
    )
    ArticlePublication.objects.filter(article=article).delete()
    for when, is_minor in zip(times, minor, strict=True):
        ArticlePublication.objects.create(article=article, published_at=when, minor=is_minor)
    article.refresh_from_db()
    article_update_time_refresh(article=article)


def days_ago(days: float) -> datetime:
    return timezone.now() - timedelta(days=days)


def inside_one_rate_window(seconds_in: int = 0):
    """The clock stopped `seconds_in` seconds into the next hour, for a test of a
    fixed-window rate limit: requests that straddle the end of a window would start a
    new count, and the test would fail now and then (it did: a like endpoint, in CI)."""
    next_hour = time.time() // 3600 * 3600 + 3600
    return time_machine.travel(datetime.fromtimestamp(next_hour + seconds_in, UTC), tick=False)
