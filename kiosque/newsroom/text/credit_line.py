"""Who wrote an article, in one sentence: "Article rédigé par X avec AFP et Reuters"."""

from collections.abc import Iterable

_FRENCH = {"and": "et", "written_by": "Article rédigé par", "with": "avec"}
_ENGLISH = {"and": "and", "written_by": "Article written by", "with": "with"}


def join_names(names: list[str], language: str) -> str:
    """Names joined as a reader says them.

    French: "A", "A et B", "A, B et C"; English: "A and B", "A, B and C" (no Oxford
    comma). Names are cleaned first (see `clean_names`); "" when none is left.
    """
    cleaned = clean_names(names)
    if len(cleaned) <= 1:
        return "".join(cleaned)
    conjunction = _words(language)["and"]
    return f"{', '.join(cleaned[:-1])} {conjunction} {cleaned[-1]}"


def clean_names(names: Iterable[str]) -> list[str]:
    """Names stripped, inner runs of spaces collapsed, blanks dropped, and duplicates
    dropped ignoring case ("AFP" and "afp" are one agency), keeping the first spelling
    and the original order."""
    cleaned: list[str] = []
    seen: set[str] = set()
    for name in names:
        tidy = " ".join((name or "").split())
        key = tidy.casefold()
        if tidy and key not in seen:
            seen.add(key)
            cleaned.append(tidy)
    return cleaned


def credit_line(*, newsroom: str, agencies: list[str], authors: list[str], language: str) -> str:
    """The credit sentence under an article's title.

    Whoever wrote it is named (the authors, else the newsroom), *with* the agencies
    whose copy it is built on: « Article rédigé par Camille Roussel avec AFP » when a
    journalist writes on agency copy, « … par franceinfo avec AFP » when the desk does.
    Blank and repeated names are ignored (see `clean_names`).
    """
    words = _words(language)
    writers = join_names(authors, language) or " ".join(newsroom.split())
    if clean_names(agencies):
        return f"{words['written_by']} {writers} {words['with']} {join_names(agencies, language)}"
    return f"{words['written_by']} {writers}"


def _words(language: str) -> dict[str, str]:
    """English for "en", "en-gb"...; French for everything else, the site's language."""
    return _ENGLISH if language.strip().lower().startswith("en") else _FRENCH
