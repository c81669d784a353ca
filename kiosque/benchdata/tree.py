"""Wagtail page-tree fields computed by hand, as treebeard would have set them.

Wagtail pages are a materialised path tree (django-treebeard's MP_Node): each page's
`path` is its parent's path plus a fixed-width base-36 step, `depth` counts the steps,
the parent's `numchild` counts its children, and Wagtail's `url_path` is the parent's
plus the slug. Computing them here lets the load skip `add_child()`, which costs
several queries per page.
"""

from wagtail.models import Page


class ChildSlots:
    """Hands out the next free child paths of one parent page."""

    def __init__(self, parent: Page):
        self.parent = parent
        last = parent.get_last_child()
        self.next_number = self._number(last.path) + 1 if last else 1
        self.added = 0

    def _number(self, path: str) -> int:
        return Page._str2int(path[-Page.steplen :])

    def take(self) -> tuple[str, int]:
        """(path, depth) of a new last child."""
        # treebeard's own base-36 conversion, so paths sort exactly as its own do.
        step = Page._int2str(self.next_number).rjust(Page.steplen, Page.alphabet[0])
        if len(step) > Page.steplen:
            raise ValueError(f"{self.parent} cannot take more children (path step full)")
        self.next_number += 1
        self.added += 1
        return self.parent.path + step, self.parent.depth + 1

    def url_path(self, slug: str) -> str:
        return f"{self.parent.url_path}{slug}/"


def record_children(slots: list[ChildSlots]) -> None:
    """Add what was handed out to each parent's numchild (one UPDATE per parent)."""
    from django.db.models import F

    for slot in slots:
        if slot.added:
            Page.objects.filter(pk=slot.parent.pk).update(numchild=F("numchild") + slot.added)
            slot.added = 0
