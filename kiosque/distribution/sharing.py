"""OpenGraph and Twitter card tags: pure functions returning (attribute, name, content).

`attribute` is "property" for OpenGraph (og:*, article:*) and "name" for Twitter, as
each network reads them.
"""

from kiosque.distribution.structured_data import ArticleFacts, ImageFacts, iso_datetime

OG_LOCALES = {"fr": "fr_FR", "en": "en_GB", "de": "de_DE", "es": "es_ES", "it": "it_IT"}

Tag = tuple[str, str, str]


def og_locale(language: str) -> str:
    language = (language or "fr").lower().replace("-", "_")
    return OG_LOCALES.get(language.split("_")[0], language)


def _image_tags(image: ImageFacts | None, alt: str) -> list[Tag]:
    if image is None:
        return [("name", "twitter:card", "summary")]
    tags = [
        ("property", "og:image", image.url),
        ("property", "og:image:width", str(image.width)),
        ("property", "og:image:height", str(image.height)),
    ]
    if alt:
        tags.append(("property", "og:image:alt", alt))
    tags += [("name", "twitter:card", "summary_large_image"), ("name", "twitter:image", image.url)]
    if alt:
        tags.append(("name", "twitter:image:alt", alt))
    return tags


def article_sharing_tags(
    facts: ArticleFacts, *, site_name: str, image: ImageFacts | None, image_alt: str
) -> list[Tag]:
    tags: list[Tag] = [
        ("property", "og:type", "article"),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", og_locale(facts.language)),
        ("property", "og:url", facts.url),
        ("property", "og:title", facts.headline),
        ("property", "og:description", facts.description),
        ("property", "article:published_time", iso_datetime(facts.published_at)),
        (
            "property",
            "article:modified_time",
            iso_datetime(max(facts.modified_at, facts.published_at)),
        ),
    ]
    if facts.section:
        tags.append(("property", "article:section", facts.section))
    tags += [("property", "article:tag", keyword) for keyword in facts.keywords]
    tags += [("property", "article:author", person.url) for person in facts.persons]
    tags += _image_tags(image, image_alt)
    tags += [
        ("name", "twitter:title", facts.headline),
        ("name", "twitter:description", facts.description),
    ]
    return tags


def page_sharing_tags(
    *, url: str, title: str, description: str, site_name: str, language: str
) -> list[Tag]:
    """A home, section, topic or author page: an OpenGraph "website" without picture."""
    tags: list[Tag] = [
        ("property", "og:type", "website"),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", og_locale(language)),
        ("property", "og:url", url),
        ("property", "og:title", title),
    ]
    if description:
        tags.append(("property", "og:description", description))
    tags += [("name", "twitter:card", "summary"), ("name", "twitter:title", title)]
    return tags
