"""Fragment cache: rendered parts of public pages, invalidated by the edge's own keys.

The edge is the page cache; when it misses, the application still should not redo work
whose inputs have not changed: an article's body and credits, its comment threads, the
site's navigation. Those parts are kept, rendered, in the "fragments" cache, each with
the surrogate keys of what it shows (the same keys the edge files responses under:
keys.py). A change that purges a key from the edge marks the key changed here too
(purge.py calls mark_changed after commit, before the edge purge goes out), and any
fragment rendered before that moment is stale. So fragments follow exactly the
dependency rules of the edge, with no second list of rules to keep in step.

- A key's version is the time of its last change. A fragment is valid while every key
  it shows changed before it was rendered (minus CLOCK_SKEW: processes on other hosts
  stamp with their own clocks).
- A key with no version (never changed, or evicted) is given "now": everything rendered
  before is then stale, which is always safe.
- Fragments live no longer than the edge keeps an article (EDGE_ARTICLE_SECONDS), so a
  change that purges nothing (a rendition the worker has just made) is bounded the same
  way as at the edge.
- What is personal is never in a fragment: the templates only wrap public parts, and
  public pages are identical for every reader anyway (edge/middleware.py).
"""

import hashlib
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches

from kiosque.edge import keys as edge_keys

CACHE_ALIAS = "fragments"
VERSION_PREFIX = "v:"
FRAGMENT_PREFIX = "f:"
# How far apart the clocks of two servers of the site may be. A fragment rendered less
# than this after a change of one of its keys is not kept as valid.
CLOCK_SKEW = 1.0
VERSIONS_ATTRIBUTE = "_fragment_key_versions"


def _cache():
    return caches[CACHE_ALIAS]


def _version_key(key: str) -> str:
    return VERSION_PREFIX + key


def mark_changed(keys: Iterable[str]) -> None:
    """Every fragment showing one of `keys` and rendered before now is stale."""
    now = time.time()
    _cache().set_many({_version_key(key): now for key in keys}, timeout=None)


def _fragment_key(name: str, vary: Iterable) -> str:
    # Vary values can carry client text (a path, a page parameter) of any length or
    # character: hashed, the key stays short and valid for every cache backend.
    varying = "\x1f".join(str(part) for part in vary)
    return FRAGMENT_PREFIX + name + ":" + hashlib.sha256(varying.encode()).hexdigest()


def _versions(request, keys: Iterable[str]) -> dict[str, float | None]:
    """When each key last changed, read once per request: a page's fragments share keys."""
    known = getattr(request, VERSIONS_ATTRIBUTE, None) if request is not None else None
    if known is None:
        known = {}
        if request is not None:
            setattr(request, VERSIONS_ATTRIBUTE, known)
    missing = [key for key in keys if key not in known]
    if missing:
        found = _cache().get_many([_version_key(key) for key in missing])
        for key in missing:
            known[key] = found.get(_version_key(key))
    return {key: known[key] for key in keys}


def _still_valid(request, rendered_at: float, keys: Iterable[str]) -> bool:
    versions = _versions(request, keys)
    unknown = [key for key, changed_at in versions.items() if changed_at is None]
    if unknown:
        cache = _cache()
        now = time.time()
        for key in unknown:
            cache.add(_version_key(key), now, timeout=None)
        return False
    return all(changed_at < rendered_at - CLOCK_SKEW for changed_at in versions.values())


# --- reading a page's fragments in a few round trips ------------------------------------
#
# A page shows the same fragments from one view to the next. Each request notes which
# it used; that list (the page's manifest, under its path) lets the next request fetch
# them all, and when their keys last changed, in three round trips instead of two per
# fragment. A stale or missing manifest only costs the reads it did not save.

MANIFEST_PREFIX = "m:"
STATE_ATTRIBUTE = "_fragment_reads"
MANIFEST_SECONDS = 24 * 3600


class _PageReads:
    def __init__(self, manifest_key: str, manifest: list[str], stored: dict):
        self.manifest_key = manifest_key
        self.manifest = manifest
        self.stored = stored
        self.used: list[str] = []


def _stored_fragment(request, fragment_key: str):
    if request is None:
        return _cache().get(fragment_key)
    reads = getattr(request, STATE_ATTRIBUTE, None)
    if reads is None:
        reads = _first_read(request, fragment_key)
        setattr(request, STATE_ATTRIBUTE, reads)
    reads.used.append(fragment_key)
    if fragment_key in reads.stored:
        return reads.stored.pop(fragment_key)
    return _cache().get(fragment_key)


def _first_read(request, fragment_key: str) -> _PageReads:
    cache = _cache()
    # Hashed: a path is any text a client sends, of any length.
    manifest_key = MANIFEST_PREFIX + hashlib.sha256(request.path.encode()).hexdigest()
    found = cache.get_many([manifest_key, fragment_key])
    manifest = found.pop(manifest_key, None) or []
    others = [key for key in manifest if key != fragment_key]
    if others:
        found.update(cache.get_many(others))
    stored = {key: found.get(key) for key in [fragment_key, *others]}
    # Every key those fragments show, in one more read (the validity check's memo).
    shown = {key for value in stored.values() if value is not None for key in value[1]}
    if shown:
        _versions(request, sorted(shown))
    return _PageReads(manifest_key, manifest, stored)


def remember_page_fragments(request) -> None:
    """After a response: keep the list of fragments it used when that list changed."""
    reads = getattr(request, STATE_ATTRIBUTE, None)
    if reads is not None and reads.used != reads.manifest:
        _cache().set(reads.manifest_key, reads.used, timeout=MANIFEST_SECONDS)


def cached_fragment(
    request, name: str, vary: Iterable, render: Callable[[], str], keys: Iterable[str] = ()
) -> str:
    """The fragment `name` for these `vary` values, from the cache or `render()`.

    `keys` name what the fragment shows beyond what its rendering adds itself (the
    page it belongs to, say); the site-wide key is always included.

    The surrogate keys that `render()` adds to the request (cards, the page itself) are
    kept with the fragment and added again to the request when the fragment is served
    from the cache, so the edge files the response under the same keys either way.
    """
    if getattr(request, "is_preview", False):
        # An editor's preview shows a draft: never read from, never stored for readers.
        return render()
    cache = _cache()
    fragment_key = _fragment_key(name, vary)
    stored = _stored_fragment(request, fragment_key)
    if stored is not None:
        rendered_at, shown_keys, html = stored
        if _still_valid(request, rendered_at, shown_keys):
            edge_keys.add_keys(request, shown_keys)
            return html
    rendered_at = time.time()
    with edge_keys.capture(request) as shown:
        html = render()
    shown_keys = sorted(shown | set(keys) | {edge_keys.ALL})
    cache.set(fragment_key, (rendered_at, shown_keys, html), timeout=settings.EDGE_ARTICLE_SECONDS)
    return html
