"""What reader pages tell machines in their <head>: JSON-LD read back from the rendered
HTML property by property, OpenGraph and Twitter tags, canonical URL, robots."""

import re
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage

from kiosque.newsroom.models import NewsRendition, StandardPage
from kiosque.newsroom.tasks import pregenerate_image_renditions
from tests.distribution.helpers import (
    BASE_URL,
    head_of,
    json_ld_blocks,
    json_ld_of_type,
    meta_content,
)
from tests.factories import add_page, days_ago, make_article, make_image, set_publication_times

pytestmark = pytest.mark.django_db

WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = BASE_URL


@pytest.fixture
def full_article(newsroom):
    image = make_image("Quai", photographer="Jeanne Morel", source="", agency="AFP")
    pregenerate_image_renditions.enqueue(image.pk)
    first = datetime.fromisoformat("2026-01-30T22:41:00+00:00")
    article = make_article(
        newsroom.europe,
        slug="analyse-geneve",
        title="Ce que change l'accord de Genève",
        standfirst="Le texte signé jeudi redistribue les rôles.",
        article_type="analyse",
        authors=[newsroom.author],
        topic=newsroom.topic,
        lead_image=image,
        dateline="GENÈVE (Suisse) –",
        published_at=first,
    )
    set_publication_times(article, [first, first + timedelta(hours=7, minutes=24)])
    return article


def test_article_json_ld_property_by_property(client, newsroom, full_article):
    response = client.get(full_article.url)
    data = json_ld_of_type(response, "AnalysisNewsArticle")
    url = f"{BASE_URL}/monde/europe/analyse-geneve/"
    assert data["@context"] == "https://schema.org"
    assert data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["headline"] == "Ce que change l'accord de Genève"
    assert data["description"] == "Le texte signé jeudi redistribue les rôles."
    # 22:41 UTC on 30 January is 23:41 in Paris; the update is 7 h 24 min later.
    assert data["datePublished"] == "2026-01-30T23:41:00+01:00"
    assert data["dateModified"] == "2026-01-31T07:05:00+01:00"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Camille Roussel",
            "url": f"{BASE_URL}/auteurs/camille-roussel/",
        }
    ]
    assert data["dateline"] == "GENÈVE (Suisse)"
    assert data["articleSection"] == "Europe"
    assert data["keywords"] == ["Crise en Ukraine", "Monde", "Europe"]
    assert data["inLanguage"] == "fr"
    assert data["isAccessibleForFree"] is True
    assert data["wordCount"] > 100

    publisher = data["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == "France Télévisions"
    assert publisher["url"] == f"{BASE_URL}/"
    assert publisher["correctionsPolicy"] == f"{BASE_URL}/rectificatifs/"

    images = data["image"]
    assert [(i["width"], i["height"]) for i in images] == [(1200, 675), (1200, 900), (1200, 1200)]
    for image in images:
        assert image["@type"] == "ImageObject"
        assert image["url"].startswith(f"{BASE_URL}/media/")
        assert image["creditText"] == "Jeanne Morel / AFP"
        assert image["copyrightNotice"] == "© AFP"


def test_image_renditions_really_have_the_announced_sizes(client, newsroom, full_article):
    from django.conf import settings

    for image in json_ld_of_type(client.get(full_article.url), "AnalysisNewsArticle")["image"]:
        path = settings.MEDIA_ROOT / image["url"].removeprefix(f"{BASE_URL}/media/")
        with PILImage.open(path) as picture:
            assert picture.size == (image["width"], image["height"])
            assert picture.format == "JPEG"


def test_before_the_worker_ran_the_original_stands_in(client, newsroom, monkeypatch):
    asked = []
    monkeypatch.setattr(
        "kiosque.newsroom.images.request_renditions", lambda image: asked.append(image.pk)
    )
    image = make_image("Neuve")
    article = make_article(
        newsroom.europe, slug="neuve", lead_image=image, published_at=days_ago(1)
    )
    response = client.get(article.url)
    images = json_ld_of_type(response, "ReportageNewsArticle")["image"]
    assert [(i["url"], i["width"], i["height"]) for i in images] == [
        (BASE_URL + image.file.url, 1600, 900)
    ]
    assert meta_content(head_of(response), "property", "og:image") == [BASE_URL + image.file.url]
    # The reader did not wait for a resize: the worker was asked instead.
    assert image.pk in asked
    assert not NewsRendition.objects.filter(image=image, filter_spec__startswith="cover-").exists()


def test_breadcrumb_list_from_home_to_the_article(client, newsroom, full_article):
    data = json_ld_of_type(client.get(full_article.url), "BreadcrumbList")
    assert [(i["position"], i["name"], i["item"]) for i in data["itemListElement"]] == [
        (1, "Kiosque Test", f"{BASE_URL}/"),
        (2, "Monde", f"{BASE_URL}/monde/"),
        (3, "Europe", f"{BASE_URL}/monde/europe/"),
        (4, "Ce que change l'accord de Genève", f"{BASE_URL}/monde/europe/analyse-geneve/"),
    ]


@pytest.mark.parametrize(
    ("article_type", "schema_type"),
    [
        ("info", "ReportageNewsArticle"),
        ("analyse", "AnalysisNewsArticle"),
        ("opinion", "OpinionNewsArticle"),
        ("entretien", "NewsArticle"),
        ("vrai-ou-faux", "NewsArticle"),
    ],
)
def test_rendered_type_per_article_type(client, newsroom, article_type, schema_type):
    article = make_article(
        newsroom.europe, slug=article_type, article_type=article_type, published_at=days_ago(1)
    )
    assert json_ld_of_type(client.get(article.url), schema_type)["headline"] == article.title


def test_agency_copy_credits_the_newsroom_and_the_agency(client, newsroom):
    newsroom.agency.website = "https://www.afp.com/"
    newsroom.agency.save()
    article = make_article(
        newsroom.europe,
        slug="depeche",
        authors=[newsroom.author],
        agencies=[newsroom.agency],
        published_at=days_ago(1),
    )
    data = json_ld_of_type(client.get(article.url), "ReportageNewsArticle")
    assert data["author"] == [
        {"@type": "Organization", "name": "franceinfo", "url": f"{BASE_URL}/"},
        {"@type": "Organization", "name": "AFP", "url": "https://www.afp.com/"},
    ]
    # Nor does the visible byline name the journalist: no article:author either.
    assert meta_content(head_of(client.get(article.url)), "property", "article:author") == []


def test_publisher_logo_and_every_policy_page_from_the_settings(client, newsroom):
    charter = add_page(
        newsroom.home, StandardPage(title="Charte", slug="charte", body="<p>Principes.</p>")
    )
    newsroom.settings.ethics_page = charter
    newsroom.settings.logo = make_image("Logo")
    newsroom.settings.save()
    article = make_article(newsroom.europe, slug="logo", published_at=days_ago(1))
    publisher = json_ld_of_type(client.get(article.url), "ReportageNewsArticle")["publisher"]
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"].startswith(f"{BASE_URL}/media/")
    assert publisher["logo"]["width"] >= 112
    assert publisher["ethicsPolicy"] == f"{BASE_URL}/charte/"
    assert publisher["publishingPrinciples"] == f"{BASE_URL}/charte/"
    assert publisher["correctionsPolicy"] == f"{BASE_URL}/rectificatifs/"


def test_an_unpublished_policy_page_is_not_cited(client, newsroom):
    newsroom.settings.corrections_page.unpublish()
    article = make_article(newsroom.europe, slug="sans-politique", published_at=days_ago(1))
    publisher = json_ld_of_type(client.get(article.url), "ReportageNewsArticle")["publisher"]
    assert "correctionsPolicy" not in publisher


def test_a_title_with_script_end_tag_stays_inside_the_json_ld(client, newsroom):
    hostile = 'Titre </script><script src="https://evil.example/x.js"></script> <!--'
    article = make_article(newsroom.europe, slug="hostile", title=hostile, published_at=days_ago(1))
    response = client.get(article.url)
    text = response.content.decode()
    assert 'evil.example/x.js"></script>' not in text.split("</head>")[0].replace("&quot;", '"')
    assert json_ld_of_type(response, "ReportageNewsArticle")["headline"] == hostile
    # Exactly the JSON-LD blocks we wrote, and no other script in the head.
    assert text.split("</head>")[0].count("<script") == 2
    assert len(json_ld_blocks(response)) == 2


def test_json_ld_lives_with_the_strict_content_security_policy(client, newsroom):
    article = make_article(newsroom.europe, slug="csp", published_at=days_ago(1))
    response = client.get(article.url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "nonce-" not in policy
    scripts = re.findall(r"<script([^>]*)>", response.content.decode())
    # Every inline element is a data block, never executable code.
    assert scripts and all(
        'type="application/ld+json"' in attrs or "src=" in attrs for attrs in scripts
    )


def test_opengraph_and_twitter_tags(client, newsroom, full_article):
    head = head_of(client.get(full_article.url))
    url = f"{BASE_URL}/monde/europe/analyse-geneve/"

    def og(name):
        return meta_content(head, "property", name)

    def twitter(name):
        return meta_content(head, "name", name)

    assert og("og:type") == ["article"]
    assert og("og:url") == [url]
    assert og("og:title") == ["Ce que change l'accord de Genève"]
    assert og("og:description") == ["Le texte signé jeudi redistribue les rôles."]
    assert og("og:site_name") == ["Kiosque Test"]
    assert og("og:locale") == ["fr_FR"]
    assert og("og:image")[0].startswith(f"{BASE_URL}/media/") and "1200x675" in og("og:image")[0]
    assert (og("og:image:width"), og("og:image:height")) == (["1200"], ["675"])
    assert og("og:image:alt") == ["Un quai inondé sous un ciel gris"]
    assert og("article:published_time") == ["2026-01-30T23:41:00+01:00"]
    assert og("article:modified_time") == ["2026-01-31T07:05:00+01:00"]
    assert og("article:section") == ["Europe"]
    assert og("article:tag") == ["Crise en Ukraine", "Monde", "Europe"]
    assert og("article:author") == [f"{BASE_URL}/auteurs/camille-roussel/"]
    assert twitter("twitter:card") == ["summary_large_image"]
    assert twitter("twitter:title") == ["Ce que change l'accord de Genève"]
    assert twitter("twitter:image") == og("og:image")
    # One og:type only: the article template no longer writes its own.
    assert len(og("og:type")) == 1


def test_article_without_picture_gets_a_small_card(client, newsroom):
    article = make_article(newsroom.europe, slug="sans-photo", published_at=days_ago(1))
    head = head_of(client.get(article.url))
    assert meta_content(head, "name", "twitter:card") == ["summary"]
    assert meta_content(head, "property", "og:image") == []
    assert "image" not in json_ld_of_type(client.get(article.url), "ReportageNewsArticle")


def test_robots_meta(client, newsroom):
    indexed = make_article(newsroom.europe, slug="indexe", published_at=days_ago(1))
    hidden = make_article(newsroom.europe, slug="cache", published_at=days_ago(1), noindex=True)
    assert meta_content(head_of(client.get(indexed.url)), "name", "robots") == [
        "max-image-preview:large"
    ]
    assert meta_content(head_of(client.get(hidden.url)), "name", "robots") == ["noindex"]
    assert meta_content(head_of(client.get("/en" + hidden.url)), "name", "robots") == ["noindex"]


def canonical(response) -> list[str]:
    links = head_of(response).findall("link")
    return [link.get("href") for link in links if link.get("rel") == "canonical"]


def test_canonical_urls_are_absolute_and_french(client, newsroom):
    article = make_article(newsroom.europe, slug="canon", published_at=days_ago(1))
    assert canonical(client.get(article.url)) == [f"{BASE_URL}/monde/europe/canon/"]
    # The English interface shows the same article: its canonical is the French page.
    assert canonical(client.get("/en" + article.url)) == [f"{BASE_URL}/monde/europe/canon/"]
    assert canonical(client.get("/")) == [f"{BASE_URL}/"]
    assert canonical(client.get("/en/")) == [f"{BASE_URL}/"]
    assert canonical(client.get("/monde/", HTTP_HOST="localhost")) == [f"{BASE_URL}/monde/"]
    # Tracking parameters are dropped.
    assert canonical(client.get(article.url + "?utm_source=x")) == [
        f"{BASE_URL}/monde/europe/canon/"
    ]


def test_canonical_of_a_listing_keeps_its_page_number(client, newsroom):
    for n in range(21):
        make_article(newsroom.europe, slug=f"p{n}", published_at=days_ago(n + 1))
    assert canonical(client.get("/monde/europe/?page=2")) == [f"{BASE_URL}/monde/europe/?page=2"]
    assert canonical(client.get("/monde/europe/?page=1")) == [f"{BASE_URL}/monde/europe/"]


def test_home_page_has_website_with_search_action(client, newsroom):
    response = client.get("/")
    data = json_ld_of_type(response, "WebSite")
    assert data["url"] == f"{BASE_URL}/"
    assert data["name"] == "Kiosque Test"
    assert data["inLanguage"] == "fr"
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{BASE_URL}/recherche/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    assert data["publisher"]["@type"] == "NewsMediaOrganization"
    # Only the home page offers the site search to search engines.
    assert not [b for b in json_ld_blocks(client.get("/monde/")) if b["@type"] == "WebSite"]


def test_section_page_has_its_breadcrumb(client, newsroom):
    data = json_ld_of_type(client.get("/monde/europe/"), "BreadcrumbList")
    assert [i["item"] for i in data["itemListElement"]] == [
        f"{BASE_URL}/",
        f"{BASE_URL}/monde/",
        f"{BASE_URL}/monde/europe/",
    ]
    head = head_of(client.get("/monde/europe/"))
    assert meta_content(head, "property", "og:type") == ["website"]
    assert meta_content(head, "property", "og:url") == [f"{BASE_URL}/monde/europe/"]


def test_dates_in_the_head_carry_offsets(client, newsroom):
    article = make_article(newsroom.europe, slug="ete", published_at=days_ago(1))
    data = json_ld_of_type(client.get(article.url), "ReportageNewsArticle")
    assert WITH_OFFSET.match(data["datePublished"]) and WITH_OFFSET.match(data["dateModified"])


def test_the_article_head_is_the_same_for_every_reader(client, newsroom, full_article):
    first = client.get(full_article.url)
    second = client.get(full_article.url, HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
    assert head_of(first) is not None
    assert first.content.split(b"</head>")[0] == second.content.split(b"</head>")[0]
    assert not first.cookies


def test_article_page_queries_do_not_grow_with_credits(client, newsroom):
    """The head reuses what the page fetched for its byline: no query per author."""

    def queries(url) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    small = make_article(
        newsroom.europe,
        slug="petit",
        authors=[newsroom.author],
        topic=newsroom.topic,
        lead_image=make_image("Petit"),
        published_at=days_ago(1),
    )
    from kiosque.newsroom.models import Agency, AuthorPage

    authors = [newsroom.author] + [
        add_page(newsroom.authors, AuthorPage(title=f"Plume {n}", slug=f"plume-{n}"))
        for n in range(4)
    ]
    large = make_article(
        newsroom.europe,
        slug="grand",
        authors=authors,
        agencies=[Agency.objects.create(name=f"Agence {n}") for n in range(3)],
        topic=newsroom.topic,
        lead_image=make_image("Grand"),
        published_at=days_ago(1),
    )
    assert queries(large.url) == queries(small.url)


def test_ownership_and_contact_pages_from_the_policy_settings(client, newsroom):
    from kiosque.editorial.models import PolicySettings

    ownership = add_page(
        newsroom.home,
        StandardPage(title="Qui nous possède", slug="actionnaires", body="<p>Capital.</p>"),
    )
    contact = add_page(
        newsroom.home, StandardPage(title="Contact", slug="contact", body="<p>Écrire.</p>")
    )
    policies = PolicySettings.for_site(newsroom.site)
    policies.ownership_page = ownership
    policies.contact_page = contact
    policies.save()
    article = make_article(newsroom.europe, slug="proprietaires", published_at=days_ago(1))
    publisher = json_ld_of_type(client.get(article.url), "ReportageNewsArticle")["publisher"]
    assert publisher["ownershipFundingInfo"] == f"{BASE_URL}/actionnaires/"
    assert publisher["actionableFeedbackPolicy"] == f"{BASE_URL}/contact/"
