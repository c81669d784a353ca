"""The JSON-LD builder as pure functions: types, dates, credits, escaping."""

import json
import re
import zoneinfo
from datetime import datetime

import pytest

from kiosque.distribution import structured_data as ld

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
PUBLISHER = ld.PublisherFacts(
    name="France Télévisions",
    url="https://kiosque.example/",
    logo=ld.ImageFacts("https://kiosque.example/logo.png", 600, 120, "FTV", "© FTV"),
    corrections_policy="https://kiosque.example/rectificatifs/",
    ethics_policy="https://kiosque.example/charte/",
    publishing_principles="https://kiosque.example/charte/",
)


def facts(**changes) -> ld.ArticleFacts:
    base = {
        "url": "https://kiosque.example/monde/europe/geneve/",
        "article_type": "info",
        "headline": "Les négociations reprennent à Genève",
        "description": "Un chapô.",
        "published_at": datetime(2026, 1, 30, 23, 41, tzinfo=PARIS),
        "modified_at": datetime(2026, 1, 31, 7, 5, tzinfo=PARIS),
        "language": "fr",
        "publisher": PUBLISHER,
    }
    return ld.ArticleFacts(**{**base, **changes})


@pytest.mark.parametrize(
    ("article_type", "schema_type"),
    [
        ("info", "ReportageNewsArticle"),
        ("analyse", "AnalysisNewsArticle"),
        ("opinion", "OpinionNewsArticle"),
        ("entretien", "NewsArticle"),
        ("vrai-ou-faux", "NewsArticle"),
        ("something-new", "NewsArticle"),
    ],
)
def test_each_article_type_has_its_schema_type(article_type, schema_type):
    assert ld.article_json_ld(facts(article_type=article_type))["@type"] == schema_type


def test_interviews_and_fact_checks_say_their_genre():
    assert ld.article_json_ld(facts(article_type="entretien"))["genre"] == "Interview"
    assert ld.article_json_ld(facts(article_type="vrai-ou-faux"))["genre"] == "Fact check"
    assert "genre" not in ld.article_json_ld(facts(article_type="info"))


def test_dates_carry_their_offset_winter_and_summer():
    winter = ld.article_json_ld(facts())
    assert winter["datePublished"] == "2026-01-30T23:41:00+01:00"
    assert winter["dateModified"] == "2026-01-31T07:05:00+01:00"
    summer = ld.article_json_ld(
        facts(
            published_at=datetime(2026, 7, 1, 12, 0, 30, 123, tzinfo=PARIS),
            modified_at=datetime(2026, 7, 1, 12, 0, 30, 123, tzinfo=PARIS),
        )
    )
    assert summer["datePublished"] == "2026-07-01T12:00:30+02:00"


def test_naive_dates_are_refused():
    with pytest.raises(ValueError, match="aware"):
        ld.article_json_ld(facts(published_at=datetime(2026, 1, 30, 23, 41)))


def test_modified_is_never_before_published():
    data = ld.article_json_ld(facts(modified_at=datetime(2020, 1, 1, tzinfo=PARIS)))
    assert data["dateModified"] == data["datePublished"]


def test_named_authors_are_persons_with_their_page():
    data = ld.article_json_ld(
        facts(
            persons=(ld.PersonFacts("Camille Roussel", "https://k.example/auteurs/c/", "Envoyée"),)
        )
    )
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Camille Roussel",
            "url": "https://k.example/auteurs/c/",
            "jobTitle": "Envoyée",
        }
    ]


def test_newsroom_and_agencies_are_organizations():
    data = ld.article_json_ld(
        facts(
            organizations=(
                ld.OrganizationFacts("franceinfo", "https://k.example/"),
                ld.OrganizationFacts("AFP"),
            )
        )
    )
    assert data["author"] == [
        {"@type": "Organization", "name": "franceinfo", "url": "https://k.example/"},
        {"@type": "Organization", "name": "AFP"},
    ]


def test_without_any_credit_the_publisher_is_the_author():
    assert ld.article_json_ld(facts())["author"] == [
        {"@type": "Organization", "name": "France Télévisions", "url": "https://kiosque.example/"}
    ]


def test_publisher_is_a_news_media_organization_with_logo_and_policies():
    publisher = ld.article_json_ld(facts())["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["logo"]["url"] == "https://kiosque.example/logo.png"
    assert publisher["correctionsPolicy"] == "https://kiosque.example/rectificatifs/"
    assert publisher["ethicsPolicy"] == "https://kiosque.example/charte/"
    assert publisher["publishingPrinciples"] == "https://kiosque.example/charte/"


def test_missing_policy_pages_are_left_out_rather_than_empty():
    bare = ld.PublisherFacts(name="Kiosque", url="https://k.example/")
    publisher = ld.publisher_object(bare)
    assert not {"logo", "correctionsPolicy", "ethicsPolicy", "publishingPrinciples"} & set(
        publisher
    )


def test_images_keep_credit_and_copyright():
    image = ld.ImageFacts("https://k.example/a.jpg", 1200, 675, "X / AFP", "© AFP", "Légende")
    data = ld.article_json_ld(facts(images=(image,)))
    assert data["image"] == [
        {
            "@type": "ImageObject",
            "url": "https://k.example/a.jpg",
            "contentUrl": "https://k.example/a.jpg",
            "width": 1200,
            "height": 675,
            "creditText": "X / AFP",
            "copyrightNotice": "© AFP",
            "caption": "Légende",
        }
    ]


def test_corrections_become_correction_comments():
    when = datetime(2026, 2, 1, 9, 0, tzinfo=PARIS)
    data = ld.article_json_ld(
        facts(corrections=(ld.CorrectionFacts("Le chiffre était 12.", when),))
    )
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Le chiffre était 12.",
            "datePublished": "2026-02-01T09:00:00+01:00",
        }
    ]
    assert "correction" not in ld.article_json_ld(facts())


def test_breadcrumb_positions_start_at_one():
    trail = [
        ld.Crumb("Kiosque", "https://k.example/"),
        ld.Crumb("Monde", "https://k.example/monde/"),
    ]
    data = ld.breadcrumb_json_ld(trail)
    assert data["@type"] == "BreadcrumbList"
    assert [(i["position"], i["name"], i["item"]) for i in data["itemListElement"]] == [
        (1, "Kiosque", "https://k.example/"),
        (2, "Monde", "https://k.example/monde/"),
    ]


def test_website_search_action_needs_the_placeholder():
    data = ld.website_json_ld(
        name="Kiosque",
        url="https://k.example/",
        language="fr",
        search_url_template="https://k.example/recherche/?q={search_term_string}",
        publisher=PUBLISHER,
    )
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"].endswith("/recherche/?q={search_term_string}")
    assert action["query-input"] == "required name=search_term_string"
    with pytest.raises(ValueError, match="search_term_string"):
        ld.website_json_ld(
            name="K",
            url="https://k.example/",
            language="fr",
            search_url_template="https://k.example/recherche/",
            publisher=PUBLISHER,
        )


@pytest.mark.parametrize(
    "hostile",
    [
        "Titre </script><script>alert(1)</script>",
        "Titre </SCRIPT >",
        "<!-- <script> commentaire",
        "R&D &amp; co",
        "Ligne\u2028séparée\u2029",
        "Guillemets « » et \"doubles\" et 'simples'",
    ],
)
def test_script_element_cannot_be_broken_out_of_and_reads_back(hostile):
    html = ld.json_ld_script({"headline": hostile})
    assert html.startswith('<script type="application/ld+json">')
    inner = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    # Nothing inside could end the element or open a comment or another tag.
    assert not re.search(r"[<>&]", inner)
    assert "\u2028" not in inner and "\u2029" not in inner
    assert json.loads(inner) == {"headline": hostile}
