"""What purges the edge: every change a reader could see, sent after commit (purge.py)."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from kiosque.edge.keys import ALL, keys_to_purge_for_page
from kiosque.edge.purge import purge_keys_on_commit


@receiver(page_published)
@receiver(page_unpublished)
def purge_changed_page(sender, instance, **kwargs):
    purge_keys_on_commit(keys_to_purge_for_page(instance))


@receiver(post_page_move)
def purge_moved_page(sender, instance, **kwargs):
    # The old listings carry the page's own key; the new ones are found from its new place.
    if instance.live:
        purge_keys_on_commit(keys_to_purge_for_page(instance))


@receiver(pre_delete)
def purge_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        purge_keys_on_commit(keys_to_purge_for_page(instance))


def _purge_everything(sender, instance, created=False, **kwargs):
    purge_keys_on_commit({ALL})


SITE_WIDE_SETTINGS = (
    "newsroom.NewsroomSettings",
    "editorial.PolicySettings",
    "discussion.DiscussionSettings",
)


def site_wide_settings_models() -> list:
    """The site settings whose every change purges everything (and moves the clock)."""
    from django.apps import apps

    return [
        apps.get_model(label)
        for label in SITE_WIDE_SETTINGS
        if apps.is_installed(f"kiosque.{label.split('.')[0]}")
    ]


def connect_site_wide_models():
    """Settings, agencies and images show on many pages: a change purges everything.

    Rare edits; precise keys for them would cost a key per agency and image on every page.
    """
    from wagtail.models import PageViewRestriction, Site

    from kiosque.newsroom.models import Agency, NewsImage

    # A page made private must leave the edge at once; settings of the other apps show
    # on every article (policy links in the footer, comment thread sizes).
    # A site's name, address or home page shows in every page's links.
    models = [Agency, PageViewRestriction, Site, *site_wide_settings_models()]
    for model in models:
        post_save.connect(_purge_everything, sender=model, dispatch_uid=f"edge-{model.__name__}")
    post_delete.connect(
        _purge_everything, sender=PageViewRestriction, dispatch_uid="edge-restriction-deleted"
    )

    bookkeeping = {"file_size", "file_hash"}

    def image_changed(sender, instance, created=False, update_fields=None, **kwargs):
        if created:  # a new image is on no page yet
            return
        if update_fields and set(update_fields) <= bookkeeping:  # Wagtail filling in sizes
            return
        purge_keys_on_commit({ALL})

    post_save.connect(image_changed, sender=NewsImage, dispatch_uid="edge-NewsImage", weak=False)


connect_site_wide_models()
