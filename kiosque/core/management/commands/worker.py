"""`kiosque worker`: the background task worker (django-tasks with the database backend).

A thin, stable name over django-tasks-db's `db_worker`, so operators, systemd units and
the README do not depend on the backend package's command name.
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand


class Command(DatabaseWorkerCommand):
    help = "Run the background task worker (publishing, renditions, purges, indexing)."
