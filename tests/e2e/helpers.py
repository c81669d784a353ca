"""Small helpers shared by the browser tests: demo data look-ups, text, requests."""

import math
from pathlib import Path
from urllib.parse import urlsplit

from kiosque.demo.content.articles_monde_politique import ARTICLES as WORLD_ARTICLES
from kiosque.demo.content.articles_societe_culture import ARTICLES as SOCIETY_ARTICLES
from kiosque.demo.content.newsroom import TOPICS

REPO_ROOT = Path(__file__).resolve().parents[2]
# Git-ignored; CI keeps it as an artifact.
SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"
DEMO_ARTICLES = {article["slug"]: article for article in (*WORLD_ARTICLES, *SOCIETY_ARTICLES)}
NBSP = "\u00a0"
NNBSP = "\u202f"


def demo_article(slug: str) -> dict:
    return DEMO_ARTICLES[slug]


def demo_topic_title(slug: str) -> str:
    return TOPICS[slug][0]


def article_path(article: dict) -> str:
    return f"/{article['section']}/{article['slug']}/"


def days_old(article: dict) -> float:
    ago = article["published_ago"]
    return ago.get("days", 0) + ago.get("hours", 0) / 24


def flat(text: str) -> str:
    """Text with every kind of space (no-break ones included) as one plain space.

    For comparing demo text with what the page shows: French typography adds no-break
    spaces before « : ; ! ? », which the tests check separately where they matter.
    """
    return " ".join(text.replace(NBSP, " ").replace(NNBSP, " ").split())


def expected_photo_credit(picture: dict) -> str:
    """The demo's "(Photographer / Source / Agency)", as the product describes it."""
    parts = [picture["photographer"].strip() or "-"]
    for part in (picture["source"], picture["agency"]):
        # An agency that is also the source is named once, whatever its case.
        if part.strip() and part.strip().casefold() not in {p.casefold() for p in parts}:
            parts.append(part.strip())
    return "(" + " / ".join(parts) + ")"


def expected_reading_minutes(article: dict, words_per_minute: int = 230) -> int:
    """Whole minutes, rounded up, for the words of the standfirst and the body."""
    texts = [article["standfirst"]]
    for block_type, value in article["body"]:
        if block_type in ("paragraph", "subheading"):
            texts.append(value.replace("<em>", "").replace("</em>", ""))
        elif block_type == "quote":
            texts.extend([value["text"], value.get("attribution") or ""])
    words = sum(1 for text in texts for token in text.split() if any(c.isalnum() for c in token))
    return math.ceil(words / words_per_minute)


def body_texts(article: dict) -> list[str]:
    """The paragraphs, subheadings and quotes of a demo article, as plain text."""
    texts = []
    for block_type, value in article["body"]:
        if block_type in ("paragraph", "subheading"):
            texts.append(flat(value.replace("<em>", "").replace("</em>", "")))
        elif block_type == "quote":
            texts.append(flat(value["text"]))
    return texts


def record_requests(page) -> list[str]:
    """Every URL the page requests from now on (documents, styles, images, scripts...)."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def foreign_requests(urls: list[str], allowed_host: str = "127.0.0.1") -> list[str]:
    """The network requests that went to another host than the site's."""
    foreign = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue  # not a network request
        if parts.hostname != allowed_host:
            foreign.append(url)
    return foreign


def top(locator) -> float:
    """The y of the element's top edge in the page (not just the viewport)."""
    box = locator.bounding_box()
    assert box is not None, f"{locator} has no box: it is not rendered"
    return box["y"] + locator.page.evaluate("() => window.scrollY")
