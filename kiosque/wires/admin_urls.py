from django.urls import path

from kiosque.core import bounds  # noqa: F401 (registers the <id:…> URL converter)
from kiosque.wires import admin_views

urlpatterns = [
    path("", admin_views.desk, name="desk"),
    path("<id:pk>/", admin_views.dispatch, name="dispatch"),
    path("<id:pk>/article/", admin_views.create_article, name="create_article"),
    path("link/<id:pk>/apply/", admin_views.apply_version, name="apply_version"),
]
