from django.urls import path

from kiosque.api import admin_views
from kiosque.core import bounds  # noqa: F401 (registers the <id:…> URL converter)

urlpatterns = [
    path("", admin_views.token_list, name="tokens"),
    path("<id:pk>/revoquer/", admin_views.revoke, name="revoke"),
]
