import pytest

from kiosque.demo.content import articles_monde_politique, articles_societe_culture, editorial
from kiosque.newsroom.text.dateline import dateline_with_dash

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("BREST (Finistère)", "BREST (Finistère) –"),
        ("BREST (Finistère) –", "BREST (Finistère) –"),
        ("BREST (Finistère)–", "BREST (Finistère) –"),
        ("BREST (Finistère) — ", "BREST (Finistère) –"),
        ("BREST (Finistère)—", "BREST (Finistère) –"),
        ("BREST (Finistère) -", "BREST (Finistère) –"),
        ("BREST (Finistère)-", "BREST (Finistère) –"),
        ("BREST (Finistère) – –", "BREST (Finistère) –"),
        (f"BREST (Finistère){NBSP}–{NBSP}", "BREST (Finistère) –"),
        ("  BREST (Finistère)   ", "BREST (Finistère) –"),
        ("SAINT-MALO", "SAINT-MALO –"),
        ("RENNES – envoyé spécial", "RENNES – envoyé spécial –"),
    ],
)
def test_the_place_ends_with_one_en_dash(typed, stored):
    assert dateline_with_dash(typed) == stored


@pytest.mark.parametrize("typed", ["", "   ", "–", " — - "])
def test_no_place_stays_empty(typed):
    assert dateline_with_dash(typed) == ""


def test_the_dash_is_added_once_whatever_the_number_of_passes():
    once = dateline_with_dash("BREST (Finistère)")
    assert dateline_with_dash(once) == once


def test_a_place_filling_the_field_is_shortened_to_take_the_dash():
    place = "A" * 120
    assert dateline_with_dash(place) == "A" * 118 + " –"
    assert len(dateline_with_dash(place + " –")) == 120


def test_a_place_that_fits_is_never_shortened():
    place = "B" * 118
    assert dateline_with_dash(place) == place + " –"
    assert dateline_with_dash(place + "—") == place + " –"


def test_shortening_never_leaves_two_dashes():
    place = "X" * 116 + " -MALO"  # cut after « - » to make room
    assert dateline_with_dash(place) == "X" * 116 + " –"


def test_a_long_run_of_spaces_is_handled_quickly():
    # `located` comes from agencies: no quadratic pattern on what they send.
    assert dateline_with_dash("PARIS" + " " * 200_000 + "x") == "PARIS –"


DEMO_ARTICLES = [
    *articles_monde_politique.ARTICLES,
    *articles_societe_culture.ARTICLES,
    editorial.WITHDRAWN,
    editorial.SCHEDULED,
    editorial.IN_REVIEW,
]


@pytest.mark.parametrize("data", DEMO_ARTICLES, ids=lambda data: data["slug"])
def test_demo_datelines_are_written_as_the_article_stores_them(data):
    # The model would fix them on save; the demo's own text should not need it.
    assert dateline_with_dash(data["dateline"]) == data["dateline"]
