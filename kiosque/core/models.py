"""Kiosque's own bookkeeping tables, under no app above core."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """One row per running `kiosque worker`, refreshed every few seconds.

    A worker that stops normally deletes its row; one killed leaves it behind, and once
    it is older than the bound the other workers put the killed worker's tasks back in
    the queue (kiosque.core.worker_liveness). Times are the database's clock, never a
    host's: the workers of a cluster run on machines whose clocks may differ.
    """

    # django-tasks-db's --worker-id, the id each task records in its `worker_ids`.
    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "worker heartbeat"

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}, pid {self.pid})"
