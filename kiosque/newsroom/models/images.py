"""Images with the caption and credit a news photo always carries."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class NewsImage(AbstractImage):
    """Wagtail's `description` field is the default alternative text."""

    caption = models.CharField(
        _("caption"),
        max_length=400,
        blank=True,
        help_text=_("What the picture shows, as printed under it. An article may override it."),
    )
    photographer = models.CharField(
        _("photographer"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty when unknown: the credit then shows a dash."),
    )
    source = models.CharField(
        _("source"), max_length=120, blank=True, help_text=_("E.g. WHITE HOUSE, HANDOUT.")
    )
    agency = models.CharField(_("agency"), max_length=60, blank=True, help_text=_("E.g. AFP."))

    admin_form_fields = (
        *Image.admin_form_fields,
        "caption",
        "photographer",
        "source",
        "agency",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
