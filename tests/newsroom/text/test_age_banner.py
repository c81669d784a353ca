from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosque.newsroom.text.age_banner import age_banner_text, completed_years, number_in_words

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
MICROSECOND = timedelta(microseconds=1)


def paris(*args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=PARIS, fold=fold)


def banner(years: int, language: str = "fr", min_years: int = 1) -> str | None:
    """The banner for an article exactly `years` years old."""
    published = paris(2000, 1, 15, 12, 0)
    now = paris(2000 + years, 1, 15, 12, 0)
    return age_banner_text(published, now, PARIS, language, min_years=min_years)


# --- completed_years ---------------------------------------------------------------

PUBLISHED = paris(2023, 5, 10, 14, 30, 0, 500_000)
FIRST_ANNIVERSARY = paris(2024, 5, 10, 14, 30, 0, 500_000)


@pytest.mark.parametrize(
    ("now", "years"),
    [
        (PUBLISHED, 0),
        (FIRST_ANNIVERSARY - MICROSECOND, 0),
        (FIRST_ANNIVERSARY, 1),
        (FIRST_ANNIVERSARY + MICROSECOND, 1),
        (paris(2025, 5, 10, 14, 30, 0, 499_999), 1),
        (paris(2025, 5, 10, 14, 30, 0, 500_000), 2),
        (paris(2033, 5, 10, 14, 30, 0, 500_000), 10),
    ],
)
def test_a_year_is_complete_at_the_anniversary_instant(now, years):
    assert completed_years(PUBLISHED, now, PARIS) == years


def test_no_years_when_now_is_before_publication():
    assert completed_years(FIRST_ANNIVERSARY, PUBLISHED, PARIS) == 0


LEAP_DAY = paris(2020, 2, 29, 10, 0)


@pytest.mark.parametrize(
    ("now", "years"),
    [
        (paris(2021, 2, 28, 23, 59), 0),
        (paris(2021, 3, 1, 0, 0) - MICROSECOND, 0),
        # February has ended: the year is complete, whatever the publication time.
        (paris(2021, 3, 1, 0, 0), 1),
        (paris(2023, 3, 1, 0, 0), 3),
        # In a leap year the anniversary is 29 February itself, at the same time.
        (paris(2024, 2, 28, 23, 59), 3),
        (paris(2024, 2, 29, 10, 0) - MICROSECOND, 3),
        (paris(2024, 2, 29, 10, 0), 4),
    ],
)
def test_publication_on_a_leap_day(now, years):
    assert completed_years(LEAP_DAY, now, PARIS) == years


def test_leap_day_at_midnight_is_four_years_old_on_the_next_leap_day():
    assert completed_years(paris(2020, 2, 29, 0, 0), paris(2024, 2, 29, 0, 0), PARIS) == 4


def test_publication_the_day_after_a_leap_day_is_not_moved():
    published = paris(2020, 3, 1, 10, 0)
    assert completed_years(published, paris(2021, 3, 1, 9, 59), PARIS) == 0
    assert completed_years(published, paris(2021, 3, 1, 10, 0), PARIS) == 1


# 2023-01-01 00:30 in Paris, still 2022 in UTC.
NEW_YEAR_IN_PARIS = datetime(2022, 12, 31, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "years"),
    [
        (paris(2024, 1, 1, 0, 30) - MICROSECOND, 0),
        (paris(2024, 1, 1, 0, 30), 1),
        (datetime(2023, 12, 31, 23, 30, tzinfo=UTC), 1),  # the same instant, given in UTC
        (datetime(2023, 12, 31, 18, 30, tzinfo=NEW_YORK), 1),  # and in New York
        (datetime(2023, 12, 31, 23, 29, tzinfo=UTC), 0),
    ],
)
def test_years_are_counted_on_the_newsroom_calendar(now, years):
    assert NEW_YEAR_IN_PARIS.astimezone(PARIS) == paris(2023, 1, 1, 0, 30)
    assert completed_years(NEW_YEAR_IN_PARIS, now, PARIS) == years


def test_anniversary_keeps_the_local_time_across_a_change_of_utc_offset():
    # Published in summer time (UTC+2); the anniversary falls in winter time (UTC+1),
    # so it comes one hour later in UTC than a plain 365/366-day count would say.
    published = paris(2023, 3, 28, 12, 0)
    assert completed_years(published, datetime(2024, 3, 28, 10, 0, tzinfo=UTC), PARIS) == 0
    assert completed_years(published, datetime(2024, 3, 28, 11, 0, tzinfo=UTC), PARIS) == 1


def test_anniversary_time_skipped_by_the_spring_change():
    # 2024-03-31 in Paris goes from 01:59:59 winter time straight to 03:00 summer time:
    # no 02:30 that day. Read in winter time (PEP 495), it is 03:30 summer time.
    published = paris(2023, 3, 31, 2, 30)
    anniversary = datetime(2024, 3, 31, 1, 30, tzinfo=UTC)
    assert anniversary == paris(2024, 3, 31, 3, 30)
    assert completed_years(published, anniversary - MICROSECOND, PARIS) == 0
    assert completed_years(published, anniversary, PARIS) == 1


def test_anniversary_time_repeated_by_the_autumn_change_counts_at_its_first_occurrence():
    # 2023-10-29 in Paris goes through 02:00-02:59 twice.
    published = paris(2022, 10, 29, 2, 30)
    first_time = paris(2023, 10, 29, 2, 30, fold=0)
    assert completed_years(published, first_time - MICROSECOND, PARIS) == 0
    assert completed_years(published, first_time, PARIS) == 1
    # When the clock shows 02:10 again, one hour later, the year stays complete.
    assert completed_years(published, paris(2023, 10, 29, 2, 10, fold=1), PARIS) == 1


def test_repeated_hour_right_after_publication_is_not_a_negative_age():
    # Published in the first 02:30, now in the second 02:20: later, yet earlier on the clock.
    published = paris(2023, 10, 29, 2, 30, fold=0)
    now = paris(2023, 10, 29, 2, 20, fold=1)
    assert now.astimezone(UTC) > published.astimezone(UTC)
    assert completed_years(published, now, PARIS) == 0


@pytest.mark.parametrize(
    ("published", "now"),
    [
        (datetime(2020, 1, 1), paris(2024, 1, 1)),
        (paris(2020, 1, 1), datetime(2024, 1, 1)),
        (datetime(2020, 1, 1), datetime(2024, 1, 1)),
    ],
)
def test_naive_datetimes_are_rejected(published, now):
    with pytest.raises(ValueError, match="timezone-aware"):
        completed_years(published, now, PARIS)


def test_naive_datetimes_are_rejected_by_the_banner_too():
    with pytest.raises(ValueError):
        age_banner_text(datetime(2020, 1, 1), paris(2024, 1, 1), PARIS, "fr")


# --- age_banner_text ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        (1, "Cet article date de plus d'un an."),
        (2, "Cet article date de plus de deux ans."),
        (3, "Cet article date de plus de trois ans."),
        (21, "Cet article date de plus de vingt et un ans."),
        (80, "Cet article date de plus de quatre-vingts ans."),
        (99, "Cet article date de plus de quatre-vingt-dix-neuf ans."),
        (100, "Cet article date de plus de 100 ans."),
        (123, "Cet article date de plus de 123 ans."),
    ],
)
def test_french_banner(years, expected):
    assert banner(years, "fr") == expected


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        (1, "This article is more than one year old."),
        (2, "This article is more than two years old."),
        (21, "This article is more than twenty-one years old."),
        (99, "This article is more than ninety-nine years old."),
        (100, "This article is more than 100 years old."),
    ],
)
def test_english_banner(years, expected):
    assert banner(years, "en") == expected


@pytest.mark.parametrize(
    ("language", "starts_with"),
    [
        ("fr", "Cet article"),
        ("fr-fr", "Cet article"),
        ("fr_CA", "Cet article"),
        ("en-gb", "This article"),
        ("EN", "This article"),
        ("de", "Cet article"),  # unknown language: the site's language, French
        ("", "Cet article"),
    ],
)
def test_banner_language(language, starts_with):
    assert banner(2, language).startswith(starts_with)


def test_no_banner_for_an_article_less_than_a_year_old():
    published = paris(2023, 5, 10, 14, 30)
    assert age_banner_text(published, paris(2024, 5, 10, 14, 29), PARIS, "fr") is None
    assert age_banner_text(published, paris(2024, 5, 10, 14, 30), PARIS, "fr") is not None


@pytest.mark.parametrize(("years", "shown"), [(0, False), (1, False), (2, True), (3, True)])
def test_banner_from_two_years(years, shown):
    assert (banner(years, min_years=2) is not None) is shown


@pytest.mark.parametrize(("years", "shown"), [(0, False), (1, True)])
def test_never_a_banner_for_zero_years_even_when_allowed(years, shown):
    assert (banner(years, min_years=0) is not None) is shown


# --- number_in_words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "zéro"),
        (1, "un"),
        (2, "deux"),
        (10, "dix"),
        (11, "onze"),
        (16, "seize"),
        (17, "dix-sept"),
        (19, "dix-neuf"),
        (20, "vingt"),
        (21, "vingt et un"),
        (22, "vingt-deux"),
        (30, "trente"),
        (31, "trente et un"),
        (41, "quarante et un"),
        (51, "cinquante et un"),
        (61, "soixante et un"),
        (69, "soixante-neuf"),
        (70, "soixante-dix"),
        (71, "soixante et onze"),
        (72, "soixante-douze"),
        (77, "soixante-dix-sept"),
        (79, "soixante-dix-neuf"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (89, "quatre-vingt-neuf"),
        (90, "quatre-vingt-dix"),
        (91, "quatre-vingt-onze"),
        (97, "quatre-vingt-dix-sept"),
        (99, "quatre-vingt-dix-neuf"),
        (100, "100"),
        (2024, "2024"),
    ],
)
def test_french_number_in_words(number, words):
    assert number_in_words(number, "fr") == words


def test_every_french_number_below_100_is_spelled_differently():
    spelled = {number_in_words(number, "fr") for number in range(1, 100)}
    assert len(spelled) == 99
    assert not any(character.isdigit() for word in spelled for character in word)


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "zero"),
        (1, "one"),
        (13, "thirteen"),
        (20, "twenty"),
        (21, "twenty-one"),
        (40, "forty"),
        (80, "eighty"),
        (99, "ninety-nine"),
        (100, "100"),
    ],
)
def test_english_number_in_words(number, words):
    assert number_in_words(number, "en") == words


def test_negative_numbers_are_not_spelled():
    with pytest.raises(ValueError):
        number_in_words(-1, "fr")
