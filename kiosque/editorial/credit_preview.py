"""« Ligne de crédit publique »: under the article's credit fields, the sentence readers
will see (« Article rédigé par Camille Roussel avec AFP »), kept up to date as the
journalist chooses authors and agencies.

The sentence is never worked out in the browser: `credit_line()` (newsroom.text) is the
one place that says how names are joined and who is named when no author is. The panel
writes it for the form as loaded; static/kiosque/admin/credit-preview.js then asks this
module's admin-only endpoint for it again whenever the credit fields change (decision
0070 § 5).
"""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.models import Site

from kiosque.core.bounds import whole_number
from kiosque.newsroom.models import Agency, AuthorPage, NewsroomSettings
from kiosque.newsroom.text.credit_line import credit_line

MAX_NAMES = 50  # far more than a credit line names; a longer request is not the form's


def public_credit_line(*, site: Site | None, author_ids: list[int], agency_ids: list[int]) -> str:
    """The credit sentence of an article with these authors and agencies, in their
    order, as the site's readers read it (in the site's language)."""
    newsroom = NewsroomSettings.for_site(site) if site else None
    authors = dict(AuthorPage.objects.filter(pk__in=author_ids).values_list("pk", "title"))
    agencies = dict(Agency.objects.filter(pk__in=agency_ids).values_list("pk", "name"))
    return credit_line(
        newsroom=newsroom.newsroom_name if newsroom else "",
        authors=[authors[pk] for pk in author_ids if pk in authors],
        agencies=[agencies[pk] for pk in agency_ids if pk in agencies],
        language=settings.LANGUAGE_CODE,
    )


def _ids(values: list[str]) -> list[int]:
    ids = []
    for value in values:
        number = whole_number(value)  # None for anything but a whole number in 64 bits
        if not number:
            raise ValueError(value)
        ids.append(number)
    return ids


@never_cache
@require_GET
def credit_line_preview(request):
    """`?site=1&author=4&author=7&agency=2` → `{"line": "Article rédigé par …"}`."""
    try:
        authors = _ids(request.GET.getlist("author"))
        agencies = _ids(request.GET.getlist("agency"))
        site_id = _ids([request.GET["site"]])[0] if request.GET.get("site") else None
    except ValueError:
        return JsonResponse({"error": "author, agency and site take whole ids"}, status=400)
    if len(authors) > MAX_NAMES or len(agencies) > MAX_NAMES:
        return JsonResponse({"error": f"at most {MAX_NAMES} authors and agencies"}, status=400)
    if site_id is None:
        site = Site.find_for_request(request)
    else:
        site = Site.objects.filter(pk=site_id).first()
        if site is None:
            return JsonResponse({"error": "no such site"}, status=404)
    line = public_credit_line(site=site, author_ids=authors, agency_ids=agencies)
    return JsonResponse({"line": line})


class CreditPreviewPanel(Panel):
    """The public credit line, under the credit fields of the article's edit view."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", gettext_lazy("Public credit line"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "credit_preview"

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/admin/credit_preview_panel.html"

        class Media:
            js = ["kiosque/admin/credit-preview.js"]

        def _site(self) -> Site | None:
            page = self.instance
            if page is None or not page.pk:
                page = getattr(self.form, "parent_page", None)
            return page.get_site() if page is not None else None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            site = self._site()
            author_ids = [link.author_id for link in page.article_authors.all() if link.author_id]
            agency_ids = [agency.pk for agency in page.agencies.all()]
            context["line"] = public_credit_line(
                site=site, author_ids=author_ids, agency_ids=agency_ids
            )
            query = urlencode({"site": site.pk}) if site else ""
            context["url"] = reverse("editorial_admin:credit_line") + (f"?{query}" if query else "")
            context["unavailable"] = _("The credit line could not be updated.")
            return context


def with_credit_preview(panels: list) -> list:
    """`panels` with the preview added at the end of the group holding the agencies
    field (the article's « Signatures »); unchanged when there is none, or one already."""
    result = []
    for panel in panels:
        if _holds_agencies(panel) and not any(
            isinstance(child, CreditPreviewPanel) for child in panel.children
        ):
            options = {k: v for k, v in panel.clone_kwargs().items() if k != "children"}
            panel = type(panel)(children=[*panel.children, CreditPreviewPanel()], **options)
        result.append(panel)
    return result


def _holds_agencies(panel) -> bool:
    return isinstance(panel, MultiFieldPanel) and any(
        isinstance(child, FieldPanel) and child.field_name == "agencies" for child in panel.children
    )
