"""POST data for the Wagtail page editor, as the admin's JavaScript would send it."""

from __future__ import annotations

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def article_form(article, *, title: str | None = None, corrections=(), **fields) -> dict:
    """The article editor's fields, from `article`, with `title`/`fields` changed.

    `corrections`: (date "YYYY-MM-DD HH:MM", text) pairs for the « Rectificatif » panel.
    """
    paragraphs = [
        ("paragraph", rich_text(block.value.source))
        for block in article.body
        if block.block_type == "paragraph"
    ]
    data = {
        "title": title or article.title,
        "slug": article.slug,
        "article_type": article.article_type,
        "standfirst": article.standfirst,
        "body": streamfield(paragraphs),
        "language": article.language,
        "dateline": article.dateline,
        "update_note": article.update_note,
        "article_authors": inline_formset([]),
        "corrections": inline_formset(
            [{"corrected_at": when, "text": text} for when, text in corrections]
        ),
        "comments": inline_formset([]),
        "comments_enabled": "on",
    }
    data.update(fields)
    return nested_form_data(data)


def home_form(home, *, lead_story=None, featured=()) -> dict:
    return nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "lead_story": lead_story.pk if lead_story else "",
            "featured_slots": inline_formset([{"article": a.pk} for a in featured]),
            "comments": inline_formset([]),
        }
    )
