"""Reader account URLs: French slugs for the article links, then allauth's own."""

from allauth.account import views as allauth_views
from django.urls import include, path

from kiosque.readers import views

urlpatterns = [
    path("connexion/", allauth_views.login, name="reader_login"),
    path("inscription/", allauth_views.signup, name="reader_signup"),
    path("", views.account, name="reader_account"),
    path("mes-donnees/", views.export, name="reader_export"),
    path("suppression/", views.delete, name="reader_delete"),
    path("supprime/", views.deleted, name="reader_account_deleted"),
    path("", include("allauth.urls")),
]
