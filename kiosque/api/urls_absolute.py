"""Absolute addresses under BASE_URL, the one source of absolute URLs."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(address: str) -> str:
    """`/media/x.jpg` → `https://site/media/x.jpg`; absolute or special ones are kept."""
    if not address.startswith("/") or address.startswith("//"):
        return address
    return settings.BASE_URL.rstrip("/") + address


def page_url(page, request=None) -> str:
    """A page's public address: its path under the site root, placed under BASE_URL."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    path = parts[2]
    if urlsplit(path).scheme:
        return path
    return absolute_url(path)


def api_url(path: str) -> str:
    return absolute_url("/api/v1/" + path.lstrip("/"))
