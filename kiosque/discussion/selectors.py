"""Reads of comments: threads page by page (keyset), counts, a reader's history.

Keyset pagination: a page starts after the last thread of the previous one, found by an
index, so the first page costs the same on an article with 10 or 10,000 comments.
"""

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db.models import Count, Q

from kiosque.core.bounds import whole_number
from kiosque.discussion.models import Comment, CommentCount

VISIBLE = (Comment.Status.PUBLISHED, Comment.Status.DELETED)
SORTS = {
    "newest": ("-created_at", "-id"),
    "oldest": ("created_at", "id"),
    "liked": ("-like_count", "-id"),
}
PICKS_SHOWN = 5


@dataclass
class Thread:
    comment: Comment
    replies: list[Comment] = field(default_factory=list)


@dataclass
class ThreadPage:
    threads: list[Thread]
    next_cursor: str | None
    sort: str


def _encode(comment: Comment, sort: str) -> str:
    value = comment.like_count if sort == "liked" else comment.created_at.isoformat()
    raw = f"{value}|{comment.pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _after(cursor: str, sort: str) -> Q:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        value, pk = raw.rsplit("|", 1)
        pk = _bounded(whole_number(pk))
        # In UTC here: a forged time at year 1 or 9999 overflows now, not in the query.
        key = _bounded(whole_number(value)) if sort == "liked" else _utc(value)
    except (ValueError, UnicodeDecodeError, OverflowError):
        return Q()  # a garbled cursor starts from the beginning
    name = "like_count" if sort == "liked" else "created_at"
    if sort == "oldest":
        return Q(**{f"{name}__gt": key}) | Q(**{name: key, "id__gt": pk})
    return Q(**{f"{name}__lt": key}) | Q(**{name: key, "id__lt": pk})


def _bounded(number: int | None) -> int:
    if number is None:
        raise ValueError("not a whole number")
    return number


def _utc(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("no time zone")
    return moment.astimezone(UTC)


def thread_page(*, article_id: int, sort: str = "newest", cursor: str = "", size: int = 20):
    sort = sort if sort in SORTS else "newest"
    roots_query = Comment.objects.filter(article_id=article_id, depth=1, status__in=VISIBLE)
    if cursor:
        roots_query = roots_query.filter(_after(cursor, sort))
    roots = list(
        roots_query.select_related("author__reader_profile").order_by(*SORTS[sort])[: size + 1]
    )
    next_cursor = _encode(roots[size - 1], sort) if len(roots) > size else None
    roots = roots[:size]
    # By thread only, visibility checked here: with a status condition in SQL, SQLite
    # preferred the status index and read every visible comment of the site.
    replies = (
        Comment.objects.filter(thread_id__in=[r.pk for r in roots], depth__gt=1)
        .select_related("author__reader_profile")
        .order_by("created_at", "id")
    )
    by_thread: dict[int, list[Comment]] = {}
    for reply in replies:
        if reply.status in VISIBLE:
            by_thread.setdefault(reply.thread_id, []).append(reply)
    threads = [Thread(root, _in_tree_order(root, by_thread.get(root.pk, []))) for root in roots]
    return ThreadPage(threads=threads, next_cursor=next_cursor, sort=sort)


def _in_tree_order(root: Comment, replies: list[Comment]) -> list[Comment]:
    """Depth-first order, so each reply follows the comment it answers."""
    children: dict[int, list[Comment]] = {}
    for reply in replies:
        children.setdefault(reply.parent_id, []).append(reply)
    ordered: list[Comment] = []

    def walk(parent_id: int) -> None:
        for child in children.get(parent_id, []):
            ordered.append(child)
            walk(child.pk)

    walk(root.pk)
    return ordered


def editors_picks(*, article_id: int) -> list[Comment]:
    return list(
        Comment.objects.filter(
            article_id=article_id, is_featured=True, status=Comment.Status.PUBLISHED
        )
        .select_related("author__reader_profile")
        .order_by("-created_at")[:PICKS_SHOWN]
    )


def comment_count(*, article_id: int) -> int:
    """Published comments of one article: a primary-key read of its counter."""
    return comment_counts(article_ids=[article_id]).get(article_id, 0)


def comment_counts(*, article_ids) -> dict[int, int]:
    """Published comments per article, in one query whatever the number of articles.

    Read from the counters the services keep (decision 0025): no COUNT over comments, so
    a listing of busy articles costs the same as one of quiet ones. Articles without a
    published comment are missing from the result.
    """
    ids = list(article_ids)
    if not ids:
        return {}
    return dict(
        CommentCount.objects.filter(article_id__in=ids, published__gt=0).values_list(
            "article_id", "published"
        )
    )


def awaiting_for(*, user, article_id: int) -> list[Comment]:
    """The reader's own comments that moderators have not decided on yet."""
    return list(
        Comment.objects.filter(
            author=user,
            article_id=article_id,
            status__in=(Comment.Status.PENDING, Comment.Status.HELD),
        ).order_by("-created_at")
    )


def liked_ids(*, user, article_id: int) -> set[int]:
    from kiosque.discussion.models import CommentLike

    return set(
        CommentLike.objects.filter(user=user, comment__article_id=article_id).values_list(
            "comment_id", flat=True
        )
    )


def pending() -> "Comment.objects":
    """The moderation queue: comments waiting for a decision, oldest first."""
    return Comment.objects.filter(
        status__in=(Comment.Status.PENDING, Comment.Status.HELD)
    ).order_by("created_at")


def reported():
    return (
        Comment.objects.filter(reports__outcome="open")
        .exclude(status=Comment.Status.DELETED)
        .annotate(open_reports=Count("reports", filter=Q(reports__outcome="open")))
        .order_by("-open_reports", "created_at")
        .distinct()
    )


def queue_counts(narrow=None) -> dict[str, int]:
    """How many comments each queue with a tab count holds; `narrow`, the moderation
    filters' apply(), counts only the ones they keep."""
    queues = {
        "pending": Comment.objects.filter(status=Comment.Status.PENDING),
        "held": Comment.objects.filter(status=Comment.Status.HELD),
        "reported": reported(),
    }
    return {key: (narrow(query) if narrow else query).count() for key, query in queues.items()}
