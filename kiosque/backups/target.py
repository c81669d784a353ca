"""Is the database a restore would fill empty? What it holds, in an operator's words.

Empty means no content yet: a database just created (no tables), or one that
`kiosque migrate` alone has filled (Wagtail's root and welcome pages, the newsroom's
groups, content types, permissions). An account, an image, a document, a comment or
any page of Kiosque's own makes it a site, which a restore replaces only when told.
"""

from django.contrib.auth import get_user_model
from django.db import connections
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from kiosque.discussion.models import Comment


def target_contents(database: str) -> list[str]:
    """ "3 accounts", "12 pages"...: what the database holds beyond migrations' rows."""
    connection = connections[database]
    with connection.cursor() as cursor:
        present = set(connection.introspection.table_names(cursor))
    checks = [
        ("accounts", get_user_model()._default_manager),
        ("images", get_image_model()._default_manager),
        ("documents", get_document_model()._default_manager),
        ("comments", Comment._base_manager),
        # Pages other than the tree's root and Wagtail's welcome page (plain Pages).
        ("pages", Page.objects.exclude(content_type__app_label="wagtailcore")),
    ]
    found = []
    for label, queryset in checks:
        if queryset.model._meta.db_table not in present:
            continue
        count = queryset.using(database).count()
        if count:
            found.append(f"{count} {label}")
    return found
