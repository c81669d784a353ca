"""Whether an article title needs its topic printed before it.

Editors often start the title with the topic already; printing it twice looks sloppy, so
the comparison forgives what editors type differently: case, accents, apostrophes,
spacing.
"""

import unicodedata

# Typographic apostrophes and look-alikes that editors type for "'".
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032\uff07", "'"))


def title_starts_with_topic(title: str, topic_name: str) -> bool:
    """True when `title` begins with `topic_name` as whole words.

    Case, accents, apostrophe variants and runs of whitespace are ignored.
    "Crise en Ukraine : ..." starts with "crise en ukraine", "Crise en Ukrainedes..."
    does not. An empty topic never matches.
    """
    topic = _comparable(topic_name)
    title = _comparable(title)
    if not topic or not title.startswith(topic):
        return False
    return _is_word_boundary(title, len(topic))


def topic_prefix_needed(title: str, topic_name: str) -> bool:
    """The topic must be printed before the title unless the title already says it."""
    return bool(_comparable(topic_name)) and not title_starts_with_topic(title, topic_name)


def _comparable(text: str) -> str:
    """`text` with case, accents, apostrophe variants and extra whitespace removed."""
    text = text.translate(_APOSTROPHES).casefold()
    # Accents only come off once decomposed ("é" -> "e" + combining acute accent).
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(without_accents.split())


def _is_word_boundary(text: str, position: int) -> bool:
    """No word goes on across `position` ("ukraine|:" is a boundary, "ukraine|des" is not)."""
    if position in (0, len(text)):
        return True
    return not (_is_word_character(text[position - 1]) and _is_word_character(text[position]))


def _is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"
