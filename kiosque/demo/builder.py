"""Builds the demo newsroom. Idempotent: what exists (found by slug) is left as it is."""

import html
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.models import Page, Revision, Site
from wagtail.rich_text import RichText

from kiosque.core.sites import sync_default_site_with_base_url
from kiosque.demo.comments import ensure_demo_discussions
from kiosque.demo.content import newsroom as content
from kiosque.demo.content.articles_monde_politique import ARTICLES as WORLD_ARTICLES
from kiosque.demo.content.articles_societe_culture import ARTICLES as SOCIETY_ARTICLES
from kiosque.demo.editorial import ensure_editorial_demo, ensure_policy_settings
from kiosque.demo.pictures import draw_picture, make_renditions, renditions_made_now
from kiosque.demo.wires import ensure_demo_dispatches
from kiosque.newsroom import roles
from kiosque.newsroom.models import (
    Agency,
    ArticleAuthor,
    ArticlePage,
    ArticlePublication,
    ArticleType,
    AuthorIndexPage,
    AuthorPage,
    HomeFeaturedSlot,
    HomePage,
    NewsImage,
    NewsroomSettings,
    SectionPage,
    StandardPage,
    TopicIndexPage,
    TopicPage,
)
from kiosque.newsroom.services import article_update_time_refresh
from kiosque.search.services import search_index_rebuild

ALL_ARTICLES = [*WORLD_ARTICLES, *SOCIETY_ARTICLES]
EMPHASIS = re.compile(r"(</?em>)")

# (username, role, email) of the demo's staff accounts; the administrator is a superuser.
STAFF_ACCOUNTS = [
    ("admin", None, "admin@kiosque.invalid"),
    ("journaliste", roles.JOURNALIST, "journaliste@kiosque.invalid"),
    ("editeur", roles.EDITOR, "editeur@kiosque.invalid"),
    ("moderateur", roles.MODERATOR, "moderateur@kiosque.invalid"),
]


@dataclass
class DemoReport:
    created_articles: int = 0
    existing_articles: int = 0
    new_accounts: list[tuple[str, str]] = field(default_factory=list)


def paragraph_html(text: str) -> str:
    """Demo paragraphs are plain text with <em> only: escape everything else."""
    parts = EMPHASIS.split(text)
    return (
        "<p>"
        + "".join(p if EMPHASIS.fullmatch(p) else html.escape(p, quote=False) for p in parts)
        + "</p>"
    )


def body_blocks(body: list) -> list:
    blocks = []
    for block_type, value in body:
        if block_type == "paragraph":
            blocks.append(("paragraph", RichText(paragraph_html(value))))
        else:
            blocks.append((block_type, value))
    return blocks


def publish(page: Page) -> Revision:
    revision = page.save_revision()
    revision.publish()
    return revision


def child_by_slug(parent: Page, page_class, slug: str, **fields):
    """The child page `slug` of `parent`, created and published when missing."""
    existing = page_class.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    publish(page)
    return page


def ensure_home() -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's migrations create a placeholder "Welcome" page; the demo replaces it.
    for placeholder in root.get_children().filter(content_type__model="page"):
        placeholder.delete()
    home = HomePage(title=content.SITE_NAME, slug="une")
    root.add_child(instance=home)
    publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.site_name = content.SITE_NAME
        site.save()
    return home


def ensure_sections(home: HomePage) -> dict[str, SectionPage]:
    sections = {}
    for slug, title, intro, children in content.SECTIONS:
        section = child_by_slug(home, SectionPage, slug, title=title, intro=intro)
        sections[slug] = section
        for child_slug, child_title, child_intro in children:
            sections[f"{slug}/{child_slug}"] = child_by_slug(
                section, SectionPage, child_slug, title=child_title, intro=child_intro
            )
    return sections


def ensure_topics(home: HomePage) -> dict[str, TopicPage]:
    index = child_by_slug(home, TopicIndexPage, "dossiers", title="Dossiers")
    return {
        slug: child_by_slug(index, TopicPage, slug, title=title, intro=intro)
        for slug, (title, intro) in content.TOPICS.items()
    }


def ensure_authors(home: HomePage) -> dict[str, AuthorPage]:
    index = child_by_slug(home, AuthorIndexPage, "auteurs", title="Auteurs")
    return {
        slug: child_by_slug(
            index,
            AuthorPage,
            slug,
            title=name,
            job_title=job,
            biography=f"<p>{html.escape(bio)}</p>",
        )
        for slug, (name, job, bio) in content.AUTHORS.items()
    }


def ensure_agencies() -> dict[str, Agency]:
    agencies = {}
    for name, (full_name, website) in content.AGENCIES.items():
        agencies[name], _ = Agency.objects.get_or_create(
            name=name, defaults={"full_name": full_name, "website": website}
        )
    return agencies


# An e-mail address in running text (the policy pages': redaction@kiosque.invalid).
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def linked_addresses(text: str) -> str:
    """Escaped text whose e-mail addresses are `mailto:` links, as an editor makes them
    with the rich text's link button: a reader writes with one click, and copies the
    address from the link if they prefer."""
    pieces, position = [], 0
    for match in EMAIL_ADDRESS.finditer(text):
        address = html.escape(match.group(0))
        pieces += [html.escape(text[position : match.start()])]
        pieces += [f'<a href="mailto:{address}">{address}</a>']
        position = match.end()
    return "".join([*pieces, html.escape(text[position:])])


def ensure_policies(home: HomePage, site: Site) -> None:
    pages = {
        slug: child_by_slug(
            home,
            StandardPage,
            slug,
            title=title,
            body="".join(f"<p>{linked_addresses(p)}</p>" for p in paragraphs),
            show_in_menus=False,
        )
        for slug, (title, paragraphs) in content.POLICIES.items()
    }
    newsroom = NewsroomSettings.for_site(site)
    newsroom.site_name = content.SITE_NAME
    newsroom.newsroom_name = content.NEWSROOM_NAME
    newsroom.publisher_name = content.PUBLISHER_NAME
    newsroom.corrections_page = newsroom.corrections_page or pages["rectificatifs"]
    newsroom.ethics_page = newsroom.ethics_page or pages["deontologie"]
    newsroom.privacy_page = newsroom.privacy_page or pages["confidentialite"]
    newsroom.save()
    ensure_policy_settings(site, pages)


def lead_picture(data: dict) -> NewsImage:
    picture = data["image"]
    image = NewsImage(
        title=data["title"][:255],
        description=picture["alt"],
        caption=picture["caption"],
        photographer="" if picture["photographer"] == "-" else picture["photographer"],
        source=picture["source"],
        agency=picture["agency"],
    )
    jpeg = draw_picture(data["slug"], picture["palette"])
    image.file = ImageFile(BytesIO(jpeg), name=f"{data['slug']}.jpg")
    image.save()
    # Every rendition a page or a share card will ask for, made now rather than left to
    # the worker, so the demo is complete the moment `make run` serves it.
    make_renditions(image)
    return image


def create_article(
    data: dict, *, image: NewsImage, now: datetime, sections, topics, authors, agencies
) -> None:
    """Create and publish one demo article at its place in time."""
    article = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        article_type=data["article_type"],
        topic=topics.get(data["topic"]) if data["topic"] else None,
        standfirst=data["standfirst"],
        dateline=data["dateline"],
        body=body_blocks(data["body"]),
        lead_image=image,
        lead_image_alt=data["image"]["alt"],
        comments_enabled=data["comments"],
    )
    article.agencies = [agencies[name] for name in data["agencies"]]
    article.article_authors = [ArticleAuthor(author=authors[slug]) for slug in data["authors"]]
    sections[data["section"]].add_child(instance=article)
    revisions = [publish(article)]
    if data["updated_after"]:
        revisions.append(publish(article))
    backdate(article, revisions, now=now, data=data)


def backdate(article: ArticlePage, revisions: list[Revision], *, now: datetime, data: dict):
    """Place an article's publications in the past, as if written over six years."""
    published_at = now - timedelta(**data["published_ago"])
    times = [published_at]
    if data["updated_after"]:
        times.append(min(published_at + timedelta(**data["updated_after"]), now))
    for revision, when in zip(revisions, times, strict=True):
        Revision.objects.filter(pk=revision.pk).update(created_at=when)
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=published_at,
        last_published_at=times[-1],
        latest_revision_created_at=times[-1],
    )
    ArticlePublication.objects.filter(article=article).delete()
    for revision, when in zip(revisions, times, strict=True):
        ArticlePublication.objects.create(
            article=article, revision=revision, published_at=when, minor=False
        )
    article_update_time_refresh(article=article)


def curate_front_page(home: HomePage) -> None:
    """Lead story and featured slots: the newest articles, if editors chose none yet."""
    if home.lead_story_id or home.featured_slots.exists():
        return
    newest = list(ArticlePage.objects.live().order_by("-first_published_at")[:4])
    if not newest:
        return
    # A running live leads the front page, as it would on a breaking-news day.
    running = ArticlePage.objects.live().filter(article_type=ArticleType.LIVE).first()
    if running is not None:
        newest = [running, *(article for article in newest if article.pk != running.pk)][:4]
    home.lead_story = newest[0]
    home.featured_slots = [HomeFeaturedSlot(article=a) for a in newest[1:]]
    publish(home)


def ensure_staff_accounts() -> list[tuple[str, str]]:
    """The demo's staff; a fresh random password for each new account, shown once."""
    User = get_user_model()
    created = []
    for username, role, email in STAFF_ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        if role is None:
            User.objects.create_superuser(username=username, email=email, password=password)
        else:
            user = User.objects.create_user(
                username=username, email=email, password=password, is_staff=False
            )
            user.groups.add(Group.objects.get(name=role))
        created.append((username, password))
    return created


def build_demo(
    *, now: datetime, progress=lambda message: None, renditions_now: bool = True
) -> DemoReport:
    """Build the demo newsroom (idempotent). `renditions_now=False` leaves the pictures'
    renditions to the worker: a build in seconds instead of minutes, for the tests that
    read the demo's content and never show its pictures."""
    with renditions_made_now(renditions_now):
        return _build_demo(now=now, progress=progress)


def _build_demo(*, now: datetime, progress) -> DemoReport:
    report = DemoReport()
    with transaction.atomic():
        home = ensure_home()
        site = sync_default_site_with_base_url()
        sections = ensure_sections(home)
        topics = ensure_topics(home)
        authors = ensure_authors(home)
        agencies = ensure_agencies()
        ensure_policies(home, site)
    for number, data in enumerate(ALL_ARTICLES, start=1):
        if ArticlePage.objects.filter(slug=data["slug"]).exists():
            report.existing_articles += 1
            continue
        # Drawing the picture and its renditions is most of the work: it happens outside
        # the article's transaction, so the web server and the worker get SQLite's write
        # lock between the demo's short writes instead of waiting for the whole load.
        image = lead_picture(data)
        # One transaction per article: an interrupted demo load keeps what it made.
        with transaction.atomic():
            create_article(
                data, image=image, now=now, sections=sections, topics=topics,
                authors=authors, agencies=agencies,
            )  # fmt: skip
        report.created_articles += 1
        progress(f"  [{number}/{len(ALL_ARTICLES)}] {data['title']}")
    # The lives: one running since a few hours, one ended (kiosque/demo/lives.py).
    from kiosque.demo.lives import ensure_demo_lives

    ensure_demo_lives(now=now, sections=sections, topics=topics, authors=authors, agencies=agencies)
    curate_front_page(HomePage.objects.get(pk=home.pk))
    report.new_accounts = ensure_staff_accounts()
    report.new_accounts += ensure_demo_discussions(now=now)
    # Corrections, update notes, withdrawn, scheduled and in-review articles: after the
    # staff accounts, who schedule and submit them.
    ensure_editorial_demo(
        now=now, sections=sections, topics=topics, authors=authors, agencies=agencies
    )
    # Dispatches waiting on the wire desk, as the agencies would have sent them.
    ensure_demo_dispatches(now=now)
    # Newsletters: the three kinds of list, subscribers, yesterday's digest sent (its
    # messages in var/mail/): kiosque/demo/newsletters.py.
    from kiosque.demo.newsletters import ensure_demo_newsletters

    ensure_demo_newsletters(now=now, topics=topics)
    # Made-up page views of the last 14 days: « Les plus lus » and the audience page.
    from kiosque.demo.audience import ensure_demo_page_views

    ensure_demo_page_views(now=now)
    # The articles were backdated after publishing (no signal follows a queryset
    # update): index them as they now are, so the demo is searchable at once.
    search_index_rebuild()
    return report
