"""What moderators read for what the code stores as codes: why a comment was held.

Hold reasons are stored as short English codes ("suspect words: a, b", "too many links",
"toxicity 0.93"): the rules, the demo, the benchmark data and the tests write them, and
rows written before any translation keep working. They are translated when shown, in
the moderator's language; a reason typed by a moderator (a rejection) is shown as is.
"""

import re

from django.utils.formats import number_format
from django.utils.translation import gettext as _

SUSPECT_WORDS = "suspect words: "
TOO_MANY_LINKS = "too many links"
PRE_MODERATION = "pre-moderation"
CLASSIFIER_UNAVAILABLE = "classifier unavailable"
CLASSIFIER_OUT_OF_RANGE = "classifier answer out of range"
TOXICITY = "toxicity "

_TOXICITY_SCORE = re.compile(r"toxicity (\d+(?:\.\d+)?)")


def suspect_words(reason: str) -> list[str]:
    """The words a suspect-word hold recorded (folded: lower case, no accents)."""
    if not reason.startswith(SUSPECT_WORDS):
        return []
    return [w.strip() for w in reason[len(SUSPECT_WORDS) :].split(",") if w.strip()]


def hold_reason(reason: str) -> str:
    """The stored reason in the active language; unknown text (a moderator's) unchanged."""
    fixed = {
        TOO_MANY_LINKS: _("Too many links"),
        PRE_MODERATION: _("Pre-moderation"),
        CLASSIFIER_UNAVAILABLE: _("Toxicity classifier unavailable"),
        CLASSIFIER_OUT_OF_RANGE: _("Toxicity classifier gave an invalid answer"),
    }
    if reason in fixed:
        return fixed[reason]
    if reason.startswith(SUSPECT_WORDS):
        return _("Suspect words: %(words)s") % {"words": ", ".join(suspect_words(reason))}
    score = _TOXICITY_SCORE.fullmatch(reason)
    if score:
        value = number_format(float(score.group(1)), 2)
        return _("Toxicity score: %(score)s") % {"score": value}
    return reason
