"""News agencies credited on articles (AFP, Reuters, AP…)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Agency(index.Indexed, models.Model):
    name = models.CharField(
        _("name"), max_length=80, unique=True, help_text=_("As credited: AFP, Reuters…")
    )
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("full_name"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name
