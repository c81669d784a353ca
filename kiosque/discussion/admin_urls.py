from django.urls import path

from kiosque.core import bounds  # noqa: F401 (registers the <id:…> URL converter)
from kiosque.discussion import admin_views

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("file/<str:name>/", admin_views.queue, name="queue_named"),
    path("commentaire/<id:comment_id>/", admin_views.act, name="act"),
    path("lot/", admin_views.bulk, name="bulk"),
    path("lecteur/<id:user_id>/", admin_views.reader, name="reader"),
    path("journal/", admin_views.audit_log, name="log"),
]
