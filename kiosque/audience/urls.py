"""The « Les plus lus » fragment (/plus-lus/, /en/plus-lus/), in the reader URLs."""

from django.urls import path

from kiosque.audience import views
from kiosque.core import bounds  # noqa: F401 (registers the <id:…> URL converter)

app_name = "audience"

urlpatterns = [
    path("plus-lus/", views.most_read_fragment, name="most_read"),
    path("plus-lus/<id:section_id>/", views.most_read_fragment, name="most_read_section"),
]
