from django.urls import path

from kiosque.core import bounds  # noqa: F401 (registers the <id:…> URL converter)
from kiosque.discussion import unsubscribe, views

app_name = "discussion"

urlpatterns = [
    path("<id:article_id>/", views.thread, name="thread"),
    path("<id:article_id>/moi/", views.fragment, name="fragment"),
    path("<id:article_id>/publier/", views.post, name="post"),
    path("commentaire/<id:comment_id>/modifier/", views.edit, name="edit"),
    path("commentaire/<id:comment_id>/supprimer/", views.delete, name="delete"),
    path("commentaire/<id:comment_id>/aimer/", views.like, name="like"),
    path("commentaire/<id:comment_id>/signaler/", views.report, name="report"),
    path("desabonnement/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
