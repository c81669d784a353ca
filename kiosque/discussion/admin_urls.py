from django.urls import path

from kiosque.discussion import admin_views

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("file/<str:name>/", admin_views.queue, name="queue_named"),
    path("commentaire/<int:comment_id>/", admin_views.act, name="act"),
    path("lot/", admin_views.bulk, name="bulk"),
    path("lecteur/<int:user_id>/", admin_views.reader, name="reader"),
    path("journal/", admin_views.audit_log, name="log"),
]
