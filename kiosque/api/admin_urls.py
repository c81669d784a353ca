from django.urls import path

from kiosque.api import admin_views

urlpatterns = [
    path("", admin_views.token_list, name="tokens"),
    path("<int:pk>/revoquer/", admin_views.revoke, name="revoke"),
]
