"""Who a dispatch credits, as the newsroom's own records: agencies and author pages.

Agencies follow one rule wherever a dispatch names them: the snippet of that name,
ignoring case, created when missing, because an agency whose copy is used must stay
credited. Authors are only ever matched: wire copy never creates author pages (a
partner's « Camille Roussel » is not made a journalist of the newsroom). A name that
matches no author page, or several, credits nobody; it stays on the dispatch, in its
version's fields, where the desk shows the byline (decision 0044).
"""

from __future__ import annotations

from kiosque.newsroom.models import Agency, AuthorPage

# A credit line names a few agencies; a feed listing dozens of info sources must not
# fill the agency snippets with them.
MAX_AGENCIES = 4
MAX_AUTHORS = 20
NAME_LENGTH = 80  # Agency.name


def _tidy(name: str) -> str:
    return " ".join((name or "").split())


def agency_named(name: str) -> Agency | None:
    """The agency snippet of this name (case ignored), created if there is none."""
    name = _tidy(name)[:NAME_LENGTH]
    if not name:
        return None
    agency = Agency.objects.filter(name__iexact=name).first()
    return agency or Agency.objects.get_or_create(name=name)[0]


def credited_agencies(*, agency: Agency | None, fields: dict) -> list[Agency]:
    """The dispatch's own agency first, then each of its info sources, once each.

    An info source that is one of the dispatch's authors is a person, not an agency."""
    agencies = [agency] if agency is not None else []
    seen = {a.name.casefold() for a in agencies}
    seen |= {_tidy(name).casefold() for name in fields.get("authors", [])}
    for name in fields.get("info_sources", []):
        if len(agencies) >= MAX_AGENCIES:
            break
        key = _tidy(name)[:NAME_LENGTH].casefold()
        if not key or key in seen:
            continue
        found = agency_named(name)
        seen |= {key, found.name.casefold()}
        if found not in agencies:
            agencies.append(found)
    return agencies


def matched_authors(fields: dict) -> list[AuthorPage]:
    """The published author pages whose title is exactly a credited name, in the
    dispatch's order; a name two pages share is left out rather than guessed."""
    names = [name.strip() for name in fields.get("authors", [])[:MAX_AUTHORS]]
    pages: dict[str, list[AuthorPage]] = {}
    for page in AuthorPage.objects.live().filter(title__in=[n for n in names if n]):
        pages.setdefault(page.title, []).append(page)
    authors: list[AuthorPage] = []
    for name in names:
        found = pages.get(name, [])
        if len(found) == 1 and found[0] not in authors:
            authors.append(found[0])
    return authors
