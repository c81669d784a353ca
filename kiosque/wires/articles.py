"""Articles made from dispatches: create a draft, apply a version, publish, withdraw."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from kiosque.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleType,
    NewsImage,
    SectionPage,
)
from kiosque.wires import credits
from kiosque.wires.body import body_blocks, plain_text
from kiosque.wires.models import (
    ItemStatus,
    WireArticle,
    WireItem,
    WireItemVersion,
    WithdrawnArticle,
)
from kiosque.wires.routing import route

GENRE_TYPES = {
    "analysis": ArticleType.ANALYSE,
    "analyse": ArticleType.ANALYSE,
    "opinion": ArticleType.OPINION,
    "interview": ArticleType.ENTRETIEN,
    "entretien": ArticleType.ENTRETIEN,
    "factcheck": ArticleType.VRAI_OU_FAUX,
}


def _article_type(fields: dict) -> str:
    for genre in fields.get("genres", []):
        for text in (genre.get("code", ""), genre.get("name", "")):
            key = text.rsplit(":", 1)[-1].rsplit("/", 1)[-1].replace(" ", "").replace("-", "")
            if key.casefold() in GENRE_TYPES:
                return GENRE_TYPES[key.casefold()]
    return ArticleType.INFO


def _standfirst(fields: dict) -> str:
    if fields.get("standfirst"):
        return fields["standfirst"]
    text = plain_text(fields.get("body_html", ""))
    first = text.split(". ")[0]
    return (first if first.endswith(".") else first + ".") if first else fields["headline"]


def _fill(article: ArticlePage, version: WireItemVersion) -> None:
    """Copy a version's content onto the article (title, texts, credit, lead picture)."""
    fields = version.fields
    article.title = (fields.get("headline") or version.item.identity)[:255]
    article.standfirst = _standfirst(fields)
    # As the agency sent it; the article adds the « – » it often lacks (ArticlePage.save).
    article.dateline = fields.get("dateline", "")[:120]
    article.body = body_blocks(fields.get("body_html", ""))
    article.language = (fields.get("language") or article.language or "fr")[:8]
    article.article_type = _article_type(fields)
    picture: NewsImage | None = version.pictures.order_by("pk").first()
    article.lead_image = picture
    article.lead_image_alt = "" if picture is None or picture.description else article.title[:300]


def _unique_slug(parent: Page, title: str) -> str:
    base = (slugify(title) or "depeche")[:200]
    siblings = set(parent.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in siblings:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def article_create_from_item(
    *, item: WireItem, version: WireItemVersion | None = None, section: SectionPage | None = None
) -> ArticlePage:
    """A draft article prefilled from the dispatch: credit, pictures, link back to it."""
    version = version or item.latest_version
    routed_section, topic = route(fields=version.fields, source=item.source)
    parent = section or routed_section
    if parent is None:
        raise ValueError("no section to put the article in: set a default section")
    # Lock the parent: treebeard computes the new child's path from its siblings, and two
    # workers adding to one section at once would otherwise collide on the page tree.
    parent = SectionPage.objects.select_for_update().get(pk=parent.pk)
    article = ArticlePage(slug=_unique_slug(parent, version.fields.get("headline", "")))
    _fill(article, version)
    article.topic = topic
    article.live = False
    if version.embargoed_until and version.embargoed_until > timezone.now():
        article.go_live_at = version.embargoed_until
    # Credits as the dispatch gives them, once, when the article is made: later versions
    # bring texts, not credits, so an editor's changes to them stay.
    article.agencies = credits.credited_agencies(agency=item.agency, fields=version.fields)
    article.article_authors = [
        ArticleAuthor(author=author) for author in credits.matched_authors(version.fields)
    ]
    parent.add_child(instance=article)  # Page.save() validates it (full_clean)
    # Validated just above and unchanged since: a second full_clean would only repeat
    # the same database lookups (slug, foreign keys).
    article.save_revision(clean=False)
    WireArticle.objects.create(item=item, article=article, applied_version=version)
    return article


@transaction.atomic
def article_apply_version(*, link: WireArticle, version: WireItemVersion) -> ArticlePage:
    """Bring a later version into the article as a new draft revision."""
    article = link.article.get_latest_revision_as_object()
    _fill(article, version)
    if version.embargoed_until and version.embargoed_until > timezone.now():
        article.go_live_at = version.embargoed_until
    article.save_revision()
    link.applied_version = version
    link.save(update_fields=["applied_version"])
    return ArticlePage.objects.get(pk=link.article_id)


def article_publish(*, article: ArticlePage) -> None:
    """Publish the latest revision (an embargo turns this into a scheduled publication)."""
    revision = article.get_latest_revision() or article.save_revision()
    revision.publish()


@transaction.atomic
def articles_withdraw(*, item: WireItem, reason: str) -> int:
    """An agency kill: unpublish every article made from the item, at once.

    The 410 its address then answers is the editorial app's, as for any withdrawal;
    WithdrawnArticle keeps the kill's link to the dispatch for the wire desk.
    """
    from kiosque.editorial.models import Withdrawal
    from kiosque.editorial.services import article_withdraw

    count = 0
    for link in item.articles.select_related("article"):
        article = link.article
        path = article.get_url(None) if article.live else None
        if path and path.startswith("/"):
            WithdrawnArticle.objects.update_or_create(
                path=path, defaults={"article": article, "item": item, "reason": reason}
            )
        if article_withdraw(article=article, origin=Withdrawal.Origin.AGENCY, reason=reason):
            count += 1
    return count


def article_absolute_url(article: ArticlePage) -> str:
    if not article.live:
        return ""
    path = article.get_url(None) or ""
    if path.startswith("http"):
        return path
    return settings.BASE_URL.rstrip("/") + path


def item_blocks_publication(item: WireItem) -> str:
    """Why an article made from this dispatch may not be live now ('' when it may)."""
    version = item.latest_version
    if version is None:
        return ""
    if version.status == ItemStatus.CANCELED:
        return "canceled"
    if version.status == ItemStatus.WITHHELD:
        return "withheld"
    if version.embargoed_until and version.embargoed_until > timezone.now():
        return "embargoed"
    return ""
