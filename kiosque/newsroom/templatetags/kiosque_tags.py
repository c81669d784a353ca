"""Template helpers of the reader site: pictures, French typography, datelines."""

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from kiosque.newsroom.images import KINDS, picture_sources
from kiosque.newsroom.text.photo_credit import photo_credit
from kiosque.newsroom.text.typography import french_spacing, french_spacing_html

register = template.Library()

FIRST_PARAGRAPH_OPENING = re.compile(r"<p(\s[^>]*)?>")


def _is_french(language: str | None) -> bool:
    return (language or "fr").lower().startswith("fr")


@register.filter
def typo(text, language="fr"):
    """French spacing for plain text (escaped here, so the result is safe HTML)."""
    if text is None:
        return ""
    escaped = conditional_escape(text)
    if not _is_french(language):
        return escaped
    # Spacing is added to the escaped text: entities such as &amp; or &#x27; end in ";",
    # so the spacing rule must not see them: apply it to the raw text, then escape.
    if isinstance(text, SafeString):
        return mark_safe(french_spacing_html(str(text)))  # noqa: S308 (already safe)
    return conditional_escape(french_spacing(str(text)))


@register.filter
def typo_html(html, language="fr"):
    """French spacing for trusted rich-text HTML, text nodes only."""
    if not _is_french(language):
        return html
    return mark_safe(french_spacing_html(str(html)))  # noqa: S308 (rich text from the CMS)


_TRAILING_DASHES = " \u00a0-\u2013\u2014"


def with_dash(dateline: str) -> str:
    """The dateline as agencies end it, whatever the journalist typed: « BREST
    (Finistère) – », the en dash held to the place by a no-break space."""
    place = (dateline or "").strip().rstrip(_TRAILING_DASHES)
    return f"{place}\u00a0–" if place else ""


@register.filter
def prefix_dateline(html, dateline):
    """Open the first paragraph with the dateline, as agencies do: « BREST (Finistère) – »."""
    dateline = with_dash(dateline)
    if not dateline:
        return html
    label = format_html('<span class="dateline">{}</span> ', dateline)
    text = str(html)
    match = FIRST_PARAGRAPH_OPENING.search(text)
    if match is None:
        return mark_safe(label + text)  # noqa: S308
    end = match.end()
    return mark_safe(text[:end] + label + text[end:])  # noqa: S308


@register.inclusion_tag("newsroom/includes/picture.html")
def picture(image, kind_name, alt="", eager=False):
    return {"sources": picture_sources(image, KINDS[kind_name]), "alt": alt, "eager": eager}


@register.simple_tag
def photo_credit_of(image):
    return photo_credit(photographer=image.photographer, source=image.source, agency=image.agency)
