"""Automatic moderation: what is refused, what is held, what may go out at once.

Order matters: refusals (banned words, duplicates, rate limits) come before holds, so a
refused comment is never stored; a held comment is stored and waits for a moderator.
"""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from kiosque.discussion import labels, toxicity
from kiosque.discussion.models import Comment, DiscussionSettings, WordRule
from kiosque.discussion.text import count_links, fold


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str = ""


def _word_pattern(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def matched_words(text: str) -> tuple[list[str], list[str]]:
    """(banned, suspect) words found in text, case- and accent-insensitively, whole words."""
    rules = list(WordRule.objects.values_list("word", "kind"))
    folded = fold(text)
    found = {WordRule.Kind.BANNED: [], WordRule.Kind.SUSPECT: []}
    for kind in found:
        pattern = _word_pattern([w for w, k in rules if k == kind])
        if pattern:
            found[kind] = sorted(set(pattern.findall(folded)))
    return found[WordRule.Kind.BANNED], found[WordRule.Kind.SUSPECT]


def check_rate(*, user_id: int, config: DiscussionSettings) -> None:
    """One comment per N seconds and M a day per account, counted in the shared cache."""
    burst_key = f"discussion:burst:{user_id}"
    seconds = config.min_seconds_between_comments
    if seconds and not cache.add(burst_key, 1, timeout=seconds):
        raise ValidationError(
            _("You are commenting too fast. Please wait a few seconds and try again."),
            code="rate",
        )
    day_key = f"discussion:day:{user_id}:{timezone.now():%Y%m%d}"
    cache.add(day_key, 0, timeout=60 * 60 * 25)
    try:
        count = cache.incr(day_key)
    except ValueError:  # evicted between add and incr
        cache.set(day_key, 1, timeout=60 * 60 * 25)
        count = 1
    if count > config.max_comments_per_day:
        raise ValidationError(
            _("You have reached today's limit of comments. Come back tomorrow."), code="rate"
        )


def throttle(*, user_id: int, action: str, limit: int, seconds: int) -> None:
    """A fixed-window counter in the cache for likes, reports and other reader actions."""
    key = f"discussion:{action}:{user_id}:{int(timezone.now().timestamp()) // seconds}"
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=seconds)
        count = 1
    if count > limit:
        raise ValidationError(_("Too many actions in a short time. Try again later."), code="rate")


def check_duplicate(*, user_id: int, body: str) -> None:
    since = timezone.now() - timedelta(days=1)
    if Comment.objects.filter(author_id=user_id, body=body, created_at__gte=since).exists():
        raise ValidationError(_("You have already posted this comment."), code="duplicate")


def check_banned_words(body: str) -> list[str]:
    banned, _suspect = matched_words(body)
    if banned:
        raise ValidationError(
            _("Your comment contains words that are not allowed here: %(words)s.")
            % {"words": ", ".join(banned)},
            code="banned_word",
        )
    return _suspect


def initial_verdict(*, body: str, pre_moderated: bool, config: DiscussionSettings) -> Verdict:
    """Where a comment that passed the refusals goes: published, pending or held."""
    suspect = check_banned_words(body)
    if suspect:
        return Verdict(Comment.Status.HELD, labels.SUSPECT_WORDS + ", ".join(suspect))
    if count_links(body) > config.max_links:
        return Verdict(Comment.Status.HELD, labels.TOO_MANY_LINKS)
    score = toxicity.score(body)
    if score.held:
        return Verdict(Comment.Status.HELD, score.reason)
    if pre_moderated:
        return Verdict(Comment.Status.PENDING, labels.PRE_MODERATION)
    return Verdict(Comment.Status.PUBLISHED)
