"""Which tables a backup carries, which it leaves to be rebuilt, and where files are named.

Carried: the rows of every model the code defines (articles, revisions, readers,
comments, settings, the task queue...). Rebuilt after a restore, in the worker:

- renditions: their files are not in the archive (they are made again from the
  originals), so their rows go too;
- search indexes: the reader search's documents and Wagtail's index entries. Their
  full-text half is not a model (an FTS5 table on SQLite, generated tsvector columns
  on PostgreSQL) and differs between the two engines.

Caches (kiosque_cache, kiosque_fragments) are not models and are never carried.
"""

from django.apps import apps
from django.conf import settings
from django.db import models
from wagtail.images.models import AbstractRendition

from kiosque.search.models import SearchDocument

# Wagtail's index (IndexEntry, and its FTS5 table on SQLite): rebuilt like ours.
REBUILT_APPS = {"wagtailsearch"}


def _concrete(model) -> bool:
    meta = model._meta
    return meta.managed and not meta.proxy and not meta.swapped


def all_models() -> list[type[models.Model]]:
    """Every concrete model with a table of its own, many-to-many tables included."""
    return [m for m in apps.get_models(include_auto_created=True) if _concrete(m)]


def is_rebuilt(model) -> bool:
    return (
        issubclass(model, AbstractRendition)
        or model is SearchDocument
        or model._meta.app_label in REBUILT_APPS
    )


def carried_models() -> list[type[models.Model]]:
    return [m for m in all_models() if not is_rebuilt(m)]


def rebuilt_models() -> list[type[models.Model]]:
    return [m for m in all_models() if is_rebuilt(m)]


def original_file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    """The file fields of carried models: pictures' and documents' originals."""
    return [
        (model, field)
        for model in carried_models()
        for field in model._meta.local_concrete_fields
        if isinstance(field, models.FileField)
    ]


def rendition_models() -> list[type[models.Model]]:
    return [m for m in all_models() if issubclass(m, AbstractRendition)]


def cache_tables() -> list[str]:
    """Tables of the database caches (rate counters, rendered fragments): not carried."""
    return [
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"].endswith("db.DatabaseCache")
    ]
