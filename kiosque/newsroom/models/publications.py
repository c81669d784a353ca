"""The publication log: one row each time an article is published."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticlePublication(models.Model):
    """Kept so « Mis à jour » can be derived from facts, not from a hand-edited date."""

    article = models.ForeignKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="publications"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"))
    minor = models.BooleanField(_("minor change"), default=False)

    class Meta:
        ordering = ["published_at"]
        indexes = [models.Index(fields=["article", "published_at"])]
        verbose_name = _("publication")

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.published_at:%Y-%m-%d %H:%M}"
