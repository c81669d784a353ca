from django.urls import path

from kiosque.wires import admin_views

urlpatterns = [
    path("", admin_views.desk, name="desk"),
    path("<int:pk>/", admin_views.dispatch, name="dispatch"),
    path("<int:pk>/article/", admin_views.create_article, name="create_article"),
    path("link/<int:pk>/apply/", admin_views.apply_version, name="apply_version"),
]
