"""Reader URLs of the editorial app, in both interface languages (see kiosque/urls.py)."""

from django.urls import path

from kiosque.editorial import views

urlpatterns = [
    path("rectificatifs/", views.corrections_list, name="corrections_list"),
]
