"""French typography of numbers: digit groups and units never split across lines."""

import pytest

from kiosque.newsroom.text.typography import (
    NBSP,
    NNBSP,
    french_spacing,
    french_spacing_html,
    typeset,
    typeset_html,
)

# Written with the constants so that the expected spaces are visible in the source.
SPACED = [
    # Digit groups: a narrow no-break space, as the thin space of the rule.
    ("150 000", f"150{NNBSP}000"),
    ("3 000 000 d'habitants", f"3{NNBSP}000{NNBSP}000 d'habitants"),
    ("1 500 exemplaires", f"1{NNBSP}500 exemplaires"),
    ("(240 000 foyers)", f"(240{NNBSP}000 foyers)"),
    ("en 2021 150 000 morts", f"en 2021 150{NNBSP}000 morts"),  # 2021 is not a group
    (f"3{NNBSP}000 000", f"3{NNBSP}000{NNBSP}000"),  # half-spaced: finished
    # Units, symbols and magnitudes: a no-break space.
    ("Des rafales à 172 km/h sur Ouessant", f"Des rafales à 172{NBSP}km/h sur Ouessant"),
    ("3 000 m", f"3{NNBSP}000{NBSP}m"),
    ("25 %", f"25{NBSP}%"),
    ("12 €", f"12{NBSP}€"),
    ("10 000 €/mois", f"10{NNBSP}000{NBSP}€/mois"),
    ("1,5 million", f"1,5{NBSP}million"),
    ("3 milliards d'euros", f"3{NBSP}milliards d'euros"),
    ("20 °C", f"20{NBSP}°C"),
    ("980 hPa, 5 mm", f"980{NBSP}hPa, 5{NBSP}mm"),
    ("2 Go de données", f"2{NBSP}Go de données"),
    ("300 MW.", f"300{NBSP}MW."),
    # Times and number signs: both spaces of « 18 h 30 ».
    ("18 h 30", f"18{NBSP}h{NBSP}30"),
    ("de 9 h à 18 h 30 min", f"de 9{NBSP}h à 18{NBSP}h{NBSP}30{NBSP}min"),
    ("n° 5", f"n°{NBSP}5"),
    ("N° 12", f"N°{NBSP}12"),
    # With the punctuation rules.
    ("« 12 € »", f"«{NBSP}12{NBSP}€{NBSP}»"),
    ("Prix : 12 € !", f"Prix{NBSP}: 12{NBSP}€{NNBSP}!"),
]
NUMBERS_ONLY = SPACED[:-2]

UNCHANGED = [
    "3 mois",  # a word, not the unit m
    "2021 2022",  # four digits: years, never groups
    "de 1998 à 2002",
    "02 98 45 12 34",  # pairs: a phone number
    "150000",
    "18h30",
    "la route 66 m'a plu",  # the unit must be a whole word: not "m'"
    "la route 66 m’a plu",
    "les 2 l’ont vu",
    "3 t-shirts",
    "les 5 heures",  # counted nouns are words of the sentence, not units
    "Le 3 a gagné",  # "a" is left out of the units
    "a4 500",  # not the start of a number
    "0,5 000",
    "150  000",  # two spaces: not a digit group
    f"150{NBSP}000",  # already no-break: left as the author chose
    f"172{NNBSP}km/h",
    "https://x.fr/a?q=12 km",  # the 12 belongs to the address
    "https://x.fr/?id=150 000 vues",
    "www.exemple.fr/n° 5",
]


@pytest.mark.parametrize(("text", "expected"), SPACED)
def test_numbers_keep_their_groups_and_units(text, expected):
    assert french_spacing(text) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_what_is_not_a_number_with_its_unit_is_left_alone(text):
    assert french_spacing(text) == text


@pytest.mark.parametrize("text", [text for text, _ in SPACED] + UNCHANGED)
def test_number_spacing_is_idempotent(text):
    once = french_spacing(text)
    assert french_spacing(once) == once


@pytest.mark.parametrize("text", [text for text, _ in NUMBERS_ONLY])
def test_number_rules_only_turn_spaces_no_break(text):
    # Nothing inserted, nothing else changed: ordinary spaces become no-break ones.
    spaced = french_spacing(text)
    pairs = zip(text, spaced, strict=True)  # the same length: nothing inserted
    assert all(a == b or (a == " " and b in (NBSP, NNBSP)) for a, b in pairs)


HTML_SPACED = [
    ("<p>150 000 personnes</p>", f"<p>150{NNBSP}000 personnes</p>"),
    # Text split by an inline tag is read as one line (a search excerpt's <mark>).
    ("<p><strong>172</strong> km/h</p>", f"<p><strong>172</strong>{NBSP}km/h</p>"),
    ("<p><mark>150</mark> 000</p>", f"<p><mark>150</mark>{NNBSP}000</p>"),
    # Attributes are copied as written.
    ('<p title="150 000">150 000</p>', f'<p title="150 000">150{NNBSP}000</p>'),
    (
        '<a href="https://x.fr/?q=12 km">à 12 km</a>',
        f'<a href="https://x.fr/?q=12 km">à 12{NBSP}km</a>',
    ),
]

HTML_UNCHANGED = [
    "<code>12 km</code>",
    "<pre>3 000 m</pre>",
    "<p>Tapez <kbd>18 h 30</kbd></p>",
    '<img alt="25 %" src="/a.jpg">',
]


@pytest.mark.parametrize(("html", "expected"), HTML_SPACED)
def test_numbers_in_html(html, expected):
    assert french_spacing_html(html) == expected
    assert french_spacing_html(expected) == expected


@pytest.mark.parametrize("html", HTML_UNCHANGED)
def test_numbers_in_code_and_attributes_are_left_alone(html):
    assert french_spacing_html(html) == html


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", f"172{NBSP}km/h"), ("fr-ca", f"172{NBSP}km/h"), (None, f"172{NBSP}km/h"),
     ("en", "172 km/h")],
)  # fmt: skip
def test_output_helpers_space_french_text_only(language, expected):
    assert typeset("172 km/h", language) == expected
    assert typeset_html("<p>172 km/h</p>", language) == f"<p>{expected}</p>"
