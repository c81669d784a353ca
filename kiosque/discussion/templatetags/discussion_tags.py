from collections import Counter

from django import template

from kiosque.discussion import labels, selectors
from kiosque.discussion.text import render_body

register = template.Library()

# How far into the template context the card counts look for the page's articles.
_CONTEXT_DEPTH = 4
_MAX_ARTICLES = 500


@register.filter
def comment_html(comment) -> str:
    """The body as safe HTML: escaped text, clickable links, kept line breaks."""
    return render_body(comment.body)


@register.filter
def moderation_html(comment) -> str:
    """The body for moderators: as comment_html, the words that held it in <mark>."""
    return render_body(comment.body, labels.suspect_words(comment.status_reason))


@register.filter
def report_summary(reports) -> list[tuple[str, int]]:
    """(reason's label, how many) of a comment's reports, the most frequent first."""
    counted = Counter(report.get_reason_display() for report in reports)
    return counted.most_common()


@register.filter
def hold_reason(reason: str) -> str:
    """A stored hold reason in the moderator's language (labels.hold_reason)."""
    return labels.hold_reason(reason)


@register.filter
def contains(collection, item) -> bool:
    return item in collection


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


def _articles_in(value, found: set[int], depth: int) -> None:
    """Collect the ids of articles already loaded in the context, without querying.

    Only evaluated querysets are read: a queryset the page did not run (a menu's, a
    lazily built one) is left alone rather than run here.
    """
    from django.core.paginator import Page as PaginatorPage
    from django.db.models import QuerySet

    from kiosque.newsroom.models import ArticlePage

    if depth < 0 or len(found) >= _MAX_ARTICLES:
        return
    # type(), never isinstance(): isinstance() would evaluate a lazy `user`, read the
    # session and make the shared page vary by cookie.
    kind = type(value)
    if issubclass(kind, ArticlePage):
        found.add(value.pk)
    elif issubclass(kind, PaginatorPage):
        _articles_in(value.object_list, found, depth - 1)
    elif issubclass(kind, QuerySet):
        if value._result_cache is not None:
            _articles_in(value._result_cache, found, depth - 1)
    elif issubclass(kind, dict):
        for item in value.values():
            _articles_in(item, found, depth - 1)
    elif issubclass(kind, list | tuple):
        for item in value:
            _articles_in(item, found, depth - 1)


@register.simple_tag(takes_context=True)
def published_comment_count(context, article) -> int | None:
    return count_for_card(context.get("request"), context.get("page"), article, context.dicts)


def count_for_card(request, page, article, context_layers) -> int | None:
    """Published comments of a listed article, the same for every reader (None: not shown).

    The first card of a page reads the counts of every article the page has loaded (the
    lead, featured, section blocks, a paginated listing: found in `context_layers`, the
    template context's dictionaries) in one query and keeps them on the request: a
    listing costs one query, not one per card. An article the scan missed costs one
    more query, never a wrong number.
    """
    from kiosque.newsroom.models import ArticlePage

    if issubclass(type(page), ArticlePage):
        # Related articles under an article: no count, so the article page keeps its
        # fixed query budget (its own count is in the cached discussion block).
        return None
    known: dict[int, int] = getattr(request, "_discussion_card_counts", {})
    if article.pk not in known:
        wanted: set[int] = {article.pk}
        for layer in context_layers:
            _articles_in(layer, wanted, _CONTEXT_DEPTH)
        wanted -= known.keys()
        counted = selectors.comment_counts(article_ids=wanted)
        known = {**known, **{pk: counted.get(pk, 0) for pk in wanted}}
        if request is not None:
            request._discussion_card_counts = known
    return known[article.pk]
