"""The article editor's form: Wagtail's page form, minus three traps of autosave.

Made the article's `base_form_class` by EditorialConfig.ready(), before Wagtail builds
(and caches) the article's edit handler; the newsroom app knows nothing of it (0064).
Decision 0070 says why each rule is what it is.

1. Empty parts are not kept (empty_parts.py): a body block with nothing in it, an
   author row with no author chosen, a « Rectificatif » with no text. Wagtail saves a
   draft with deferred validation, so they went into the revision and later blocked
   « Publier ». A correction readers have already seen is the exception: emptying its
   text never deletes it (only its bin button does); publishing then asks for a text.
2. A never-published article whose address is taken in its section gets the next free
   one (« greve-a-la-sncf-2 »): starting an article again under the same title, next to
   an abandoned draft or a withdrawn article, must work. An address readers may know
   (the article has been published) is never changed: Wagtail's error stays.
"""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.base import BlockField
from wagtail.models import Page

from kiosque.editorial.empty_parts import without_empty_blocks

# Inline rows dropped when every one of these fields is blank.
BLANK_ROWS = {"article_authors": ("author",), "corrections": ("text",)}
# Rows readers may have seen: emptied, they stay and publishing asks for the text.
KEPT_WHEN_PUBLISHED = {"corrections": "text"}
MAX_ROWS = 1000  # Wagtail's InlinePanel max_num


class BodyWithoutEmptyBlocks(BlockField):
    """The StreamField's form field, with empty blocks left out before validation (an
    empty paragraph would fail it on publication, and means nothing in a draft)."""

    def clean(self, value):
        return super().clean(without_empty_blocks(value))


class ArticleEditorForm(WagtailAdminPageForm):
    class Meta(WagtailAdminPageForm.Meta):
        field_classes = {"body": BodyWithoutEmptyBlocks}

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()  # the formsets read this same (now mutable) copy
        super().__init__(data, *args, **kwargs)
        self.slug_moved: tuple[str, str] | None = None
        if self.is_bound:
            self._delete_blank_rows()

    # --- 1. blank rows ------------------------------------------------------------

    def _delete_blank_rows(self) -> None:
        """Mark blank inline rows deleted, as the bin button would: never validated, a
        new one never saved, one stored blank by an earlier autosave removed."""
        for name, fields in BLANK_ROWS.items():
            formset = self.formsets.get(name)
            if formset is None or not formset.can_delete:
                continue
            kept_field = KEPT_WHEN_PUBLISHED.get(name)
            published = self._published_rows(formset, kept_field) if kept_field else set()
            for index in range(self._row_count(formset)):
                row = f"{formset.prefix}-{index}"
                if any(str(self.data.get(f"{row}-{field}", "")).strip() for field in fields):
                    continue
                if str(self.data.get(f"{row}-id", "")).strip() in published:
                    continue
                self.data[f"{row}-DELETE"] = "1"

    def _row_count(self, formset) -> int:
        try:
            total = int(self.data.get(f"{formset.prefix}-TOTAL_FORMS", 0))
        except (TypeError, ValueError):
            return 0  # the formset reports its broken management form itself
        return max(0, min(total, MAX_ROWS))

    def _published_rows(self, formset, field: str) -> set[str]:
        """Ids of the rows readers see now, with something in `field`: the stored rows
        of a live article (Wagtail stores a live page's draft in its revision only)."""
        page = self.instance
        if not page.pk or not page.live:
            return set()
        stored = formset.model._default_manager.filter(page_id=page.pk).exclude(**{field: ""})
        return {str(pk) for pk in stored.values_list("pk", flat=True)}

    # --- 2. a free address --------------------------------------------------------

    def clean(self):
        self._take_a_free_slug()
        return super().clean()

    def _take_a_free_slug(self) -> None:
        slug = self.cleaned_data.get("slug")
        page = self.instance
        if not slug or self.parent_page is None or self._may_be_known(page):
            return
        if Page._slug_is_available(slug, self.parent_page, page):
            return
        free = next_free_slug(slug, self.parent_page, page)
        self.cleaned_data["slug"] = free
        self.slug_moved = (slug, free)

    @staticmethod
    def _may_be_known(page) -> bool:
        return bool(page.pk and (page.live or page.first_published_at or page.last_published_at))

    def get_field_updates_for_resave(self):
        # The editor's still-open form learns its new address after an autosave.
        updates = list(super().get_field_updates_for_resave())
        if self.slug_moved:
            updates.append(("slug", self.slug_moved[1]))
        return updates


def next_free_slug(slug: str, parent: Page, page: Page) -> str:
    """`slug-2`, `slug-3`… as Wagtail numbers the slugs it makes from a title, cut to
    the field's length."""
    max_length = Page._meta.get_field("slug").max_length
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = slug[: max_length - len(suffix)] + suffix
        if Page._slug_is_available(candidate, parent, page):
            return candidate
        number += 1
