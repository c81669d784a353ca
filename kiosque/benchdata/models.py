"""The record of a bench-data load: it makes a second load refuse instead of doubling."""

from django.db import models


class BenchDataRun(models.Model):
    """One `kiosque bench-data` load, written when it starts and completed when it ends.

    A row without `finished_at` is a load that was interrupted: its articles are partly
    there, and the command refuses to run again until the database is recreated.
    """

    articles = models.PositiveIntegerField()
    comments = models.PositiveIntegerField()
    seed = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    reference_article = models.ForeignKey(
        "newsroom.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"bench data: {self.articles} articles, {self.comments} comments"
