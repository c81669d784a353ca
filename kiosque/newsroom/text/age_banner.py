"""The banner warning readers that an article is old ("Cet article date de plus d'un an.").

Years are counted on the newsroom's calendar: an article published just after midnight
in Paris on 1 January belongs to the new year there, whatever UTC says.
"""

import calendar
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

# Numbers at or above this are printed in digits in the banner.
_FIRST_NUMBER_IN_DIGITS = 100

_FRENCH_UNITS = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
)  # fmt: skip
_FRENCH_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
# "vingt et un", "soixante et onze": "et" without hyphens, the traditional spelling.
# The 1990 rectifications recommend "vingt-et-un"; switching is this one constant.
_FRENCH_AND = " et "

_ENGLISH_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_ENGLISH_TENS = {
    2: "twenty", 3: "thirty", 4: "forty", 5: "fifty",
    6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety",
}  # fmt: skip


def completed_years(published: datetime, now: datetime, tz: ZoneInfo) -> int:
    """Full calendar years from `published` to `now`, on the calendar of `tz`.

    A year is complete at the anniversary: same local date, same local time, to the
    microsecond. For a publication on 29 February the anniversary in a non-leap year is
    1 March at 00:00, the moment February has ended. Around daylight-saving changes the
    anniversary's local time is read as Python does (PEP 495): when the clocks are put
    back and that time happens twice, the first one counts; when they are put forward
    over it, it is read with the offset of before the change (02:30 skipped in Paris
    completes the year at 03:30 summer time). Both datetimes must be timezone-aware;
    0 when `now` is before `published`.
    """
    _require_aware(published, "published")
    _require_aware(now, "now")
    if _utc(now) < _utc(published):
        return 0
    start = _local_wall_clock(published, tz)
    year = _local_wall_clock(now, tz).year
    anniversary = _anniversary(start, year).replace(tzinfo=tz, fold=0)
    if _utc(now) < _utc(anniversary):
        year -= 1
    return year - start.year


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {moment!r}")


def _utc(moment: datetime) -> datetime:
    """`moment` in UTC, for comparing instants: Python compares two datetimes of the
    same time zone by their wall clocks, which is wrong in the hour repeated when the
    clocks are put back."""
    return moment.astimezone(UTC)


def _local_wall_clock(moment: datetime, tz: ZoneInfo) -> datetime:
    """The date and time that a clock in `tz` shows at `moment`, without time zone."""
    return moment.astimezone(tz).replace(tzinfo=None, fold=0)


def _anniversary(start: datetime, year: int) -> datetime:
    """The local date and time, in `year`, at which another year since `start` is
    complete."""
    if (start.month, start.day) == (2, 29) and not calendar.isleap(year):
        return datetime(year, 3, 1)
    return start.replace(year=year)


def age_banner_text(
    published: datetime,
    now: datetime,
    tz: ZoneInfo,
    language: str,
    min_years: int = 1,
) -> str | None:
    """The banner for an article `completed_years` old, or None when it is too recent.

    No banner below `min_years`, and never for an article less than a year old even if
    `min_years` is 0. French unless `language` is English ("en", "en-gb"...).
    """
    years = completed_years(published, now, tz)
    if years < max(min_years, 1):
        return None
    if _is_english(language):
        return _english_banner(years)
    return _french_banner(years)


def _french_banner(years: int) -> str:
    if years == 1:
        return "Cet article date de plus d'un an."  # "de un" elides to "d'un"
    return f"Cet article date de plus de {_number_for_banner(years, 'fr')} ans."


def _english_banner(years: int) -> str:
    if years == 1:
        return "This article is more than one year old."
    return f"This article is more than {_number_for_banner(years, 'en')} years old."


def _number_for_banner(number: int, language: str) -> str:
    if number >= _FIRST_NUMBER_IN_DIGITS:
        return str(number)
    return number_in_words(number, language)


def number_in_words(n: int, language: str) -> str:
    """`n` spelled out in French, or English when `language` is English; from 100 on
    the number is returned in digits. Raises ValueError for negative numbers."""
    if n < 0:
        raise ValueError(f"cannot spell a negative number: {n}")
    if n >= _FIRST_NUMBER_IN_DIGITS:
        return str(n)
    if _is_english(language):
        return _english_below_100(n)
    return _french_below_100(n)


def _is_english(language: str) -> bool:
    return language.strip().lower().startswith("en")


def _french_below_100(n: int) -> str:
    if n < len(_FRENCH_UNITS):
        return _FRENCH_UNITS[n]
    if n < 20:
        return "dix-" + _FRENCH_UNITS[n - 10]
    tens, unit = divmod(n, 10)
    if tens == 7:
        return _french_sixty_plus(n - 60)
    if tens == 8:
        # The "s" of "quatre-vingts" only survives when nothing follows it.
        return "quatre-vingts" if unit == 0 else "quatre-vingt-" + _FRENCH_UNITS[unit]
    if tens == 9:
        return "quatre-vingt-" + _french_below_100(n - 80)
    return _french_regular_tens(_FRENCH_TENS[tens], unit)


def _french_sixty_plus(rest: int) -> str:
    """70 to 79 are said "sixty plus ten to nineteen"."""
    if rest == 11:
        return "soixante" + _FRENCH_AND + "onze"
    return "soixante-" + _french_below_100(rest)


def _french_regular_tens(tens_word: str, unit: int) -> str:
    if unit == 0:
        return tens_word
    if unit == 1:
        return tens_word + _FRENCH_AND + "un"
    return f"{tens_word}-{_FRENCH_UNITS[unit]}"


def _english_below_100(n: int) -> str:
    if n < len(_ENGLISH_UNITS):
        return _ENGLISH_UNITS[n]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _ENGLISH_TENS[tens]
    return f"{_ENGLISH_TENS[tens]}-{_ENGLISH_UNITS[unit]}"
