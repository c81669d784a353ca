"""Site-wide data that every reader page reads, loaded once while nothing changes.

An app registers a loader here (`register("sections", load_sections)` in its
`AppConfig.ready()`); a page asks for the data with `site_data(request, name, site)`.
Core only holds the registry: the edge's site memo (edge/site_memo.py) keeps what a
loader returned until the content clock moves, and hands it to each request as
`request._kiosque_site_data`. Without the memo (a private path, a management command, a
test without the middleware) the loader simply runs.

What a loader returns is shared by every request and thread of the process: it must be
immutable in use (tuples of frozen records, or model instances nothing writes to).
"""

from collections.abc import Callable

REQUEST_ATTRIBUTE = "_kiosque_site_data"

_loaders: dict[str, Callable] = {}


def register(name: str, loader: Callable) -> None:
    """`loader(site)` returns the data `name` of a Wagtail site."""
    _loaders[name] = loader


def loader(name: str) -> Callable:
    return _loaders[name]


def site_data(request, name: str, site):
    remembered = getattr(request, REQUEST_ATTRIBUTE, None) if request is not None else None
    if remembered is not None and remembered.site_pk == site.pk:
        return remembered.get(name)
    return _loaders[name](site)
