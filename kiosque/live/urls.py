"""Reader URLs of the live app, in both interface languages (see kiosque/urls.py)."""

from django.urls import path

from kiosque.core import bounds  # noqa: F401 (registers the <id:…> URL converter)
from kiosque.live import views

app_name = "live"
urlpatterns = [
    path("direct/<id:live_id>/nouveautes.json", views.updates, name="updates"),
]
