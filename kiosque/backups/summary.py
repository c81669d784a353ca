"""The counts an operator reads after a backup or a restore, from rows per table."""

from django.contrib.auth import get_user_model
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from kiosque.backups.tables import all_models
from kiosque.discussion.models import Comment
from kiosque.newsroom.models import ArticlePage


def _settings_tables() -> list[str]:
    return [
        m._meta.db_table
        for m in all_models()
        if issubclass(m, BaseSiteSetting | BaseGenericSetting)
    ]


def summary_lines(counts: dict[str, int]) -> list[str]:
    """ "42 articles", "130 revisions"... from a manifest's or a database's counts."""
    wanted = [
        ("pages", [Page._meta.db_table]),
        ("articles", [ArticlePage._meta.db_table]),
        ("revisions", [Revision._meta.db_table]),
        ("comments", [Comment._meta.db_table]),
        ("accounts", [get_user_model()._meta.db_table]),
        ("images", [get_image_model()._meta.db_table]),
        ("documents", [get_document_model()._meta.db_table]),
        ("settings rows", _settings_tables()),
    ]
    return [f"{sum(counts.get(t, 0) for t in tables)} {label}" for label, tables in wanted]
