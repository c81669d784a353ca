"""Reader URLs of the editorial app, in both interface languages (see kiosque/urls.py)."""

from django.urls import path

from kiosque.core import bounds  # noqa: F401 (registers the <id:…> URL converter)
from kiosque.editorial import report_views, views

urlpatterns = [
    path("rectificatifs/", views.corrections_list, name="corrections_list"),
    # Private pages (edge/middleware.py PRIVATE_PREFIXES): the article only links here.
    path("signaler/<id:article_id>/", report_views.report_form, name="editorial_report"),
    path(
        "signaler/<id:article_id>/merci/",
        report_views.report_sent,
        name="editorial_report_sent",
    ),
]
