from django.urls import path

from kiosque.core import bounds  # noqa: F401 (registers the <id:…> URL converter)
from kiosque.live import admin_views, wire_desk

urlpatterns = [
    path("", admin_views.lives_index, name="index"),
    path("<id:live_id>/", admin_views.composer, name="composer"),
    path("<id:live_id>/entree/<id:entry_id>/", admin_views.edit_entry, name="edit_entry"),
    path("<id:live_id>/entree/<id:entry_id>/epingler/", admin_views.pin_entry, name="pin_entry"),
    path(
        "<id:live_id>/entree/<id:entry_id>/valider/",
        admin_views.approve_entry,
        name="approve_entry",
    ),
    path(
        "<id:live_id>/entree/<id:entry_id>/supprimer/",
        admin_views.delete_entry,
        name="delete_entry",
    ),
    path("depeche/<id:item_id>/", wire_desk.add_dispatch, name="add_dispatch"),
]
