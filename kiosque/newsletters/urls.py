"""/lettres/… and /en/lettres/… (kiosque/urls.py): private pages, never cached."""

from django.urls import path

from kiosque.newsletters import views

app_name = "newsletters"

urlpatterns = [
    path("inscription/", views.subscribe, name="subscribe"),
    # Signed tokens contain ":" (django.core.signing): a str converter, not a slug.
    path("confirmation/<str:token>/", views.confirm, name="confirm"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("compte/", views.account, name="account"),
]
