"""The footer's and the articles' sign-up forms list the digests and alerts: a change of
those lists (added, renamed, stopped) purges every cached page, as a change of the
site's settings does. Follow lists are not listed there: creating one (on a reader's
first request) purges nothing."""

from django.db.models.signals import post_delete, post_save

from kiosque.core.site_data import register
from kiosque.edge import site_memo
from kiosque.edge.keys import ALL
from kiosque.edge.purge import purge_keys_on_commit
from kiosque.newsletters.jinja2tags import SHOWN_LISTS, load_shown_lists
from kiosque.newsletters.models import NewsletterList


def _lists_shown_changed(sender, instance, **kwargs) -> None:
    if instance.kind != NewsletterList.Kind.FOLLOW:
        # This process forgets at once (tests never commit); the others when the purge
        # moves the content clock.
        site_memo.forget()
        purge_keys_on_commit({ALL})


def connect() -> None:
    register(SHOWN_LISTS, load_shown_lists)
    post_save.connect(_lists_shown_changed, sender=NewsletterList, dispatch_uid="nl-signup-save")
    post_delete.connect(
        _lists_shown_changed, sender=NewsletterList, dispatch_uid="nl-signup-delete"
    )
