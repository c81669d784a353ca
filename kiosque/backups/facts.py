"""What a database snapshot holds: rows per table, files it names, migrations applied.

Read through a Django connection that sees exactly the snapshot (the SQLite copy, or
the PostgreSQL transaction whose snapshot pg_dump exports), so the manifest's counts
and the media carried are those of the database in the archive, not of a moment later.
"""

from dataclasses import dataclass

from kiosque.backups.tables import all_models, original_file_fields

MIGRATIONS_TABLE = "django_migrations"


@dataclass
class DatabaseFacts:
    counts: dict[str, int]  # table → rows
    files: list[str]  # storage names of the originals the rows name
    migrations: dict[str, list[str]]  # app label → migrations applied, sorted

    def migration_pairs(self) -> set[tuple[str, str]]:
        return {(app, name) for app, names in self.migrations.items() for name in names}


def database_facts(connection) -> DatabaseFacts:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        present = set(connection.introspection.table_names(cursor))
        counts = {}
        for table in sorted({m._meta.db_table for m in all_models()} & present):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (names from the models)
            counts[table] = cursor.fetchone()[0]
        files = set()
        for model, field in original_file_fields():
            if model._meta.db_table not in present:
                continue
            column, table = quote(field.column), quote(model._meta.db_table)
            cursor.execute(
                f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL"  # noqa: S608
            )
            files.update(name for (name,) in cursor.fetchall() if name)
        migrations: dict[str, list[str]] = {}
        if MIGRATIONS_TABLE in present:
            cursor.execute(f"SELECT app, name FROM {quote(MIGRATIONS_TABLE)}")  # noqa: S608
            for app, name in cursor.fetchall():
                migrations.setdefault(app, []).append(name)
    return DatabaseFacts(
        counts=counts,
        files=sorted(files),
        migrations={app: sorted(names) for app, names in sorted(migrations.items())},
    )
