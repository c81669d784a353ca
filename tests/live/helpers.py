"""Lives and entries for the live coverage tests."""

from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

from kiosque.live.models import LiveEntry, LivePage
from tests.factories import add_page


def make_live(section, *, title="DIRECT. Tempête Ilona : la Bretagne en alerte rouge", **fields):
    published = fields.pop("published", True)
    live = LivePage(
        title=title,
        slug=fields.pop("slug", f"direct-{LivePage.objects.count() + 1}"),
        standfirst=fields.pop("standfirst", "Suivez l’évolution de la tempête heure par heure."),
        body=fields.pop("body", []),
        **fields,
    )
    add_page(section, live, live=published)
    return LivePage.objects.get(pk=live.pk)


def paragraph(text: str) -> list:
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def add_entries(
    live, count: int, *, start: datetime | None = None, step=timedelta(minutes=2), **fields
):
    """`count` published entries, one every `step`, the last `step` before now."""
    start = start or timezone.now() - step * count
    rows = [
        LiveEntry(
            live=live,
            posted_at=start + step * index,
            title=fields.get("title", ""),
            body=paragraph(f"Entrée numéro {index + 1} du direct."),
            is_key=fields.get("is_key", False),
        )
        for index in range(count)
    ]
    return LiveEntry.objects.bulk_create(rows)
