"""Properties of the French typography, for any text: what its docstrings promise.

Every title, standfirst and body of the site goes through these functions, agency
dispatches and readers' text included: they must accept anything, change only spaces,
and give the same result when run again. Derandomised and bounded.
"""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosque.newsroom.text.typography import (
    NBSP,
    NNBSP,
    french_spacing,
    french_spacing_html,
    typeset,
    typeset_html,
)

BOUNDED = settings(
    max_examples=100,
    deadline=2000,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# The spaces the rules may insert or replace (typed ones included): everything else must
# come out as it went in.
SPACES = re.compile(f"[ {NBSP}{NNBSP}\u2009]")

# Text made mostly of what the rules look at (marks, guillemets, digits, units, URL
# pieces, spaces of every kind), mixed with any character at all.
PIECES = [
    " ", NBSP, NNBSP, "\u2009", "\t", "\n", ":", ";", "!", "?", "«", "»", "(", "Pourquoi",
    "vrai", "é", "e\u0301", "1", "150", "000", "2021", "3,5", "km/h", "%", "€", "h", "30",
    "n°", "million", "https://", "www.", "exemple.fr/", "mailto:", "a@b.fr", "::", ".", ",",
]  # fmt: skip
# Any code point (st.text()'s default alphabet costs seconds to tabulate in each run's
# fresh Hypothesis folder, see tests/conftest.py).
any_text = st.text(st.characters())
prose = st.lists(st.sampled_from(PIECES) | st.text(st.characters(), max_size=3), max_size=25)
prose = prose.map("".join)

# HTML fragments: tags, references and comments between pieces of prose, well formed or
# not (an agency's body, a reader's comment rendered by a filter).
HTML_PIECES = [
    "<p>", "</p>", "<em>", "</em>", "<a href='https://x.fr/?a=1 ?'>", "</a>", "<code>",
    "</code>", "<pre>", "</pre>", "<br>", "<br/>", "&nbsp;", "&#63;", "&raquo;", "&laquo",
    "&", "<!-- ? -->", "<!DOCTYPE html>", "<", ">", "</", "<script>a ? b</script>",
]  # fmt: skip
html = st.lists(st.sampled_from(HTML_PIECES) | prose, max_size=12).map("".join)


def without_spaces(text: str) -> str:
    return SPACES.sub("", text)


@BOUNDED
@given(prose | any_text)
def test_french_spacing_changes_only_spaces_and_is_idempotent(text):
    spaced = french_spacing(text)
    assert without_spaces(spaced) == without_spaces(text)
    assert french_spacing(spaced) == spaced


@BOUNDED
@given(html | any_text)
def test_french_spacing_html_changes_only_spaces_and_is_idempotent(fragment):
    spaced = french_spacing_html(fragment)
    assert without_spaces(spaced) == without_spaces(fragment)
    assert french_spacing_html(spaced) == spaced


@BOUNDED
@given(html, st.sampled_from(["fr", "fr-CA", "FR", "en", "de-CH", "", None]))
def test_typeset_spaces_french_and_leaves_other_languages_as_written(fragment, language):
    french = (language or "fr").lower().startswith("fr")  # none or "": the site's
    assert typeset(fragment, language) == (french_spacing(fragment) if french else fragment)
    expected = french_spacing_html(fragment) if french else fragment
    assert typeset_html(fragment, language) == expected
