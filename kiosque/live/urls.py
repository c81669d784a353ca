"""Reader URLs of the live app, in both interface languages (see kiosque/urls.py)."""

from django.urls import path

from kiosque.live import views

app_name = "live"
urlpatterns = [
    path("direct/<int:live_id>/nouveautes.json", views.updates, name="updates"),
]
