"""Reader comments in bulk: threads, statuses, likes, and exact counters.

Comments are spread unevenly, as on a real site: most articles get a few, some get
thousands (a log-normal weight per article). A third are replies, some replies to
replies; a few wait in the moderation queues or were rejected or deleted by their
writer. The denormalised numbers (each comment's `like_count`, each article's
published-comment counter) are derived from the rows written, never drawn separately.
"""

import random
from collections import Counter
from datetime import datetime, timedelta

from django.db import transaction

from kiosque.benchdata.rows import TableRows
from kiosque.benchdata.text import TextMaker
from kiosque.benchdata.writer import fast_load_session, reserve_ids
from kiosque.discussion.models import Comment, CommentLike

CHUNK = 100_000
Status = Comment.Status
# Published first; the rest fill the moderators' queues and the tombstones.
STATUSES = [
    (Status.PUBLISHED, 93),
    (Status.HELD, 2),
    (Status.PENDING, 2),
    (Status.REJECTED, 2),
    (Status.DELETED, 1),
]
REASONS = {Status.HELD: "Mot à vérifier", Status.REJECTED: "Hors sujet"}


def spread(article_ids: list[int], total: int, rng: random.Random) -> Counter:
    """How many comments each article gets, summing to `total`."""
    if not article_ids or total <= 0:
        return Counter()
    weights = [rng.lognormvariate(0, 1.6) for _ in article_ids]
    return Counter(rng.choices(article_ids, weights, k=total))


class CommentWriter:
    def __init__(
        self, *, rng: random.Random, text: TextMaker, reader_ids: list[int], now: datetime
    ):
        self.rng, self.text, self.reader_ids, self.now = rng, text, reader_ids, now
        self.comment_rows = TableRows(Comment)
        self.like_rows = TableRows(CommentLike, with_id=False)
        self.statuses = [s for s, _ in STATUSES]
        self.status_weights = [w for _, w in STATUSES]
        self.pending: list[dict] = []
        self.likes: list[dict] = []
        self.written = 0

    def add_article(self, article_id: int, published_at: datetime, count: int) -> None:
        """Queue `count` comments on one article; written in chunks by `flush`."""
        rng = self.rng
        tops: list[dict] = []
        first_replies: list[dict] = []
        moment = published_at
        for _ in range(count):
            moment = min(moment + timedelta(seconds=rng.randint(20, 1800)), self.now)
            status = rng.choices(self.statuses, self.status_weights)[0]
            row = {
                "article_id": article_id,
                "author_id": rng.choice(self.reader_ids),
                "status": status,
                "status_reason": REASONS.get(status, ""),
                "created_at": moment,
                "edited_at": None,
                "is_featured": False,
                "by_staff": False,
                "like_count": 0,
            }
            if tops and rng.random() < 0.33:
                deeper = first_replies and rng.random() < 0.3
                parent = rng.choice(first_replies if deeper else tops)
                row.update(
                    parent_id=parent["id"],
                    thread_id=parent["thread_id"],
                    depth=parent["depth"] + 1,
                    body=self.text.reply(),
                )
            else:
                row.update(parent_id=None, depth=1, body=self.text.comment())
            if status == Status.DELETED:
                row["body"] = ""  # a tombstone, as comment_delete leaves it
            # Replies need their parent's id now: a place in the chunk stands for it
            # until the chunk's block of ids is reserved in flush().
            row["id"] = ("chunk", len(self.pending))
            self.pending.append(row)
            if row["depth"] == 1:
                row["thread_id"] = row["id"]
                tops.append(row)
            elif row["depth"] == 2:
                first_replies.append(row)
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        rows, self.pending = self.pending, []
        with transaction.atomic():
            fast_load_session()
            first = reserve_ids(Comment._meta.db_table, len(rows))

            def real(ref):
                return first + ref[1] if isinstance(ref, tuple) else ref

            likes = []
            for row in rows:
                row["id"] = real(row["id"])
            for row in rows:
                row["thread_id"] = real(row["thread_id"])
                row["parent_id"] = real(row["parent_id"]) if row["parent_id"] else None
                if row["status"] == Status.PUBLISHED and self.rng.random() < 0.2:
                    many = min(len(self.reader_ids), self.rng.randint(1, 6))
                    fans = self.rng.sample(self.reader_ids, many)
                    row["like_count"] = len(fans)
                    likes.extend({"comment_id": row["id"], "user_id": u} for u in fans)
                if row["depth"] == 1 and row["status"] == Status.PUBLISHED:
                    row["is_featured"] = self.rng.random() < 0.01
            self.comment_rows.insert(rows)
            self.like_rows.insert(likes)
        self.written += len(rows)
