from django.urls import path

from kiosque.discussion import unsubscribe, views

app_name = "discussion"

urlpatterns = [
    path("<int:article_id>/", views.thread, name="thread"),
    path("<int:article_id>/moi/", views.fragment, name="fragment"),
    path("<int:article_id>/publier/", views.post, name="post"),
    path("commentaire/<int:comment_id>/modifier/", views.edit, name="edit"),
    path("commentaire/<int:comment_id>/supprimer/", views.delete, name="delete"),
    path("commentaire/<int:comment_id>/aimer/", views.like, name="like"),
    path("commentaire/<int:comment_id>/signaler/", views.report, name="report"),
    path("desabonnement/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
