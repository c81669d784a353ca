from django.urls import path

from kiosque.audience import admin_views

urlpatterns = [
    path("", admin_views.audience, name="index"),
    path("heures.csv", admin_views.hours_csv, name="hours_csv"),
    path("articles.csv", admin_views.articles_csv, name="articles_csv"),
    path("rubriques.csv", admin_views.sections_csv, name="sections_csv"),
    path("directs.csv", admin_views.lives_csv, name="lives_csv"),
]
