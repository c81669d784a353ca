"""The pluggable toxicity classifier: a dotted path or a signed HTTP webhook.

DISCUSSION_TOXICITY = {"callable": "pkg.module.func"} or
{"url": "https://…", "secret": "…", "timeout": 2.0}, with "threshold" (default 0.8).
The classifier returns a score between 0 and 1. Anything other than a clear score under
the threshold (timeout, error, bad answer) holds the comment: it is never published
unseen and never lost.
"""

import hashlib
import hmac
import json
import logging
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from kiosque.discussion import labels

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Score:
    held: bool
    reason: str = ""


def _webhook(config: dict, text: str) -> float:
    payload = json.dumps({"text": text}).encode()
    signature = hmac.new(config["secret"].encode(), payload, hashlib.sha256).hexdigest()
    request = urllib.request.Request(  # noqa: S310 (URL set by the operator)
        config["url"],
        data=payload,
        headers={"Content-Type": "application/json", "X-Kiosque-Signature": signature},
    )
    with urllib.request.urlopen(request, timeout=config.get("timeout", 2.0)) as answer:  # noqa: S310
        return float(json.load(answer)["score"])


def score(text: str) -> Score:
    config = getattr(settings, "DISCUSSION_TOXICITY", None)
    if not config:
        return Score(held=False)
    threshold = float(config.get("threshold", 0.8))
    try:
        if "callable" in config:
            value = float(import_string(config["callable"])(text))
        else:
            value = _webhook(config, text)
    except Exception as error:
        logger.warning("toxicity classifier failed: %r", error)
        return Score(held=True, reason=labels.CLASSIFIER_UNAVAILABLE)
    if not 0 <= value <= 1:
        return Score(held=True, reason=labels.CLASSIFIER_OUT_OF_RANGE)
    if value >= threshold:
        return Score(held=True, reason=f"{labels.TOXICITY}{value:.2f}")
    return Score(held=False)
