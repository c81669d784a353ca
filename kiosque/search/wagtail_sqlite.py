"""Wagtail's SQLite FTS5 backend storing and querying Snowball terms (see
kiosque.search.wagtail_backend). Imported on SQLite only: modelsearch's SQLite module
needs the FTS model that exists only there."""

from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteIndex,
    SQLiteSearchBackend,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from kiosque.search import french


class FrenchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        if not model.get_search_fields():
            return
        content_type = get_content_type_pk(model)
        for obj in objs:
            indexer = ObjectIndexer(obj, self.backend)
            # The FTS5 triggers of Wagtail's migration follow this UPDATE.
            IndexEntry._default_manager.filter(
                content_type_id=content_type, object_id=indexer.id
            ).update(title=french.index_text(indexer.title), body=french.index_text(indexer.body))


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = FrenchSQLiteIndex

    def search(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, PlainText):
            query = PlainText(french.index_text(query.query_string), operator=query.operator)
        elif isinstance(query, str):
            query = french.index_text(query)
        return super().search(query, model_or_queryset, *args, **kwargs)
