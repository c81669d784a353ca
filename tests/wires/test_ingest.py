"""Ingest rules: identity, versions, idempotency, mapping to an article, credit."""

import pytest
from django.test import override_settings

from kiosque.newsroom.models import Agency, ArticlePage, AuthorPage, NewsImage
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import Policy, RoutingRule, WireItem, WireItemVersion, WireSource
from tests.factories import add_page, publish
from tests.wires.helpers import jpeg_bytes, ninjs, with_picture, write_json

pytestmark = pytest.mark.django_db


def outcomes(results):
    return [r.outcome for r in results]


def test_new_item_lands_on_the_desk_without_an_article(newsroom, tmp_path):
    results = ingest_file(write_json(tmp_path, "a.json", ninjs()))
    assert outcomes(results) == ["created"]
    item = WireItem.objects.get()
    assert item.headline == "Douarnenez : les pêcheurs reprennent le travail"
    assert item.agency.name == "AFP"  # the copyright holder, no source given
    assert item.latest_version.fields["dateline"] == "DOUARNENEZ (Finistère)"
    assert not ArticlePage.objects.filter(title__startswith="Douarnenez").exists()


def test_same_version_again_changes_nothing(newsroom, tmp_path):
    path = write_json(tmp_path, "a.json", ninjs())
    ingest_file(path)
    before = list(WireItemVersion.objects.values_list("pk", "received_at"))
    assert outcomes(ingest_file(path)) == ["unchanged"]
    assert list(WireItemVersion.objects.values_list("pk", "received_at")) == before


def test_newer_then_older_version(newsroom, tmp_path):
    ingest_file(write_json(tmp_path, "v1.json", ninjs(version="1")))
    assert outcomes(ingest_file(write_json(tmp_path, "v3.json", ninjs(version="3")))) == ["updated"]
    late = ninjs(version="2", headline="Titre périmé")
    assert outcomes(ingest_file(write_json(tmp_path, "v2.json", late))) == ["ignored"]
    item = WireItem.objects.get()
    assert item.latest_version.version_key == "3"
    assert item.headline != "Titre périmé"
    assert item.versions.count() == 3  # the late one is kept, flagged
    assert item.versions.get(version_key="2").superseded_on_arrival


def test_without_version_numbers_version_created_orders(newsroom, tmp_path):
    first = ninjs(version=None, versioncreated="2026-11-24T10:00:00Z")
    later = ninjs(version=None, versioncreated="2026-11-24T11:00:00Z", headline="Plus récent")
    ingest_file(write_json(tmp_path, "b.json", later))
    assert outcomes(ingest_file(write_json(tmp_path, "a.json", first))) == ["ignored"]
    assert WireItem.objects.get().headline == "Plus récent"


def test_publish_maps_the_dispatch_onto_a_published_article(newsroom, tmp_path):
    (tmp_path / "photo.jpg").write_bytes(jpeg_bytes())
    RoutingRule.objects.create(
        field="place", value="bretagne", section=newsroom.europe, topic=newsroom.topic
    )
    results = ingest_file(write_json(tmp_path, "a.json", with_picture(ninjs())), publish=True)
    assert outcomes(results) == ["created"]
    article = ArticlePage.objects.get(wire_links__item__identity="urn:kiosque-test:douarnenez")
    assert article.live
    assert results[0].url.endswith(article.url)
    assert article.get_parent().specific == newsroom.europe
    assert article.topic == newsroom.topic
    assert article.standfirst == "Après neuf jours de grève, accord."
    assert article.dateline == "DOUARNENEZ (Finistère) –"  # `located` has no dash
    assert [a.name for a in article.agencies.all()] == ["AFP"]
    kinds = [block.block_type for block in article.body]
    assert kinds == ["paragraph", "subheading", "paragraph", "quote"]
    html = str(article.body[2].value)
    assert "https://example.org/accord" in html and "script" not in html
    image = article.lead_image
    assert image.caption == "Le port de Douarnenez, mardi."
    assert image.photographer == "Anne Kervella"
    assert image.agency == "AFP"
    assert image.width == 800  # the largest rendition
    page = newsroom_client_get(article)
    assert "franceinfo avec AFP" in page


def newsroom_client_get(article) -> str:
    from django.test import Client

    response = Client().get(article.url)
    assert response.status_code == 200
    return response.content.decode()


def test_dispatch_without_picture_has_no_lead_image(newsroom, tmp_path):
    ingest_file(write_json(tmp_path, "a.json", ninjs()), publish=True)
    article = ArticlePage.objects.get(wire_links__isnull=False)
    assert article.lead_image is None
    assert "lead-image" not in newsroom_client_get(article)


def test_source_agency_and_default_section(newsroom, tmp_path):
    reuters = Agency.objects.create(name="Reuters")
    source = WireSource.objects.create(
        name="reuters", agency=reuters, default_section=newsroom.sport, policy=Policy.AUTO_PUBLISH
    )
    ingest_file(write_json(tmp_path, "a.json", ninjs()), source=source)
    article = ArticlePage.objects.get(wire_links__isnull=False)
    assert article.get_parent().specific == newsroom.sport
    assert [a.name for a in article.agencies.all()] == ["Reuters"]


def test_unknown_provider_becomes_an_agency(newsroom, tmp_path):
    ingest_file(write_json(tmp_path, "a.json", ninjs(copyrightholder="Agence Bretonne")))
    assert Agency.objects.filter(name="Agence Bretonne").exists()


def test_list_of_items_in_one_file(newsroom, tmp_path):
    items = [ninjs(uri=f"urn:kiosque-test:{n}") for n in range(3)]
    assert outcomes(ingest_file(write_json(tmp_path, "list.json", items))) == ["created"] * 3


@override_settings(WIRES_PICTURE_MAX_WIDTH=500)
def test_largest_rendition_up_to_the_configured_width(newsroom, tmp_path):
    (tmp_path / "photo.jpg").write_bytes(jpeg_bytes(200, 112))
    ingest_file(write_json(tmp_path, "a.json", with_picture(ninjs())))
    version = WireItem.objects.get().latest_version
    assert version.fields["pictures"][0]["width"] == 200
    assert NewsImage.objects.filter(pk__in=version.pictures.all()).count() == 1


# Credits: every agency a dispatch names, and its authors matched to the newsroom's own
# author pages by exact name (never created from wire copy; decision 0044).


def _article():
    return ArticlePage.objects.get(wire_links__isnull=False)


def _authors(article) -> list[str]:
    return [link.author.title for link in article.article_authors.all()]


def test_info_sources_are_credited_beside_the_dispatch_agency(newsroom, tmp_path):
    Agency.objects.create(name="Reuters")
    item = ninjs(
        infosources=[
            {"name": "AFP"},  # the copyright holder again
            {"name": "reuters"},  # the existing snippet, whatever the case
            {"name": "Agence  Bretonne"},  # unknown: created, as the dispatch agency is
        ]
    )
    ingest_file(write_json(tmp_path, "a.json", item), publish=True)
    assert [a.name for a in _article().agencies.all()] == ["AFP", "Agence Bretonne", "Reuters"]
    assert Agency.objects.filter(name__iexact="reuters").count() == 1


def test_a_feed_listing_many_info_sources_credits_a_few(newsroom, tmp_path):
    item = ninjs(infosources=[{"name": f"Source {n}"} for n in range(30)])
    ingest_file(write_json(tmp_path, "a.json", item), publish=True)
    assert _article().agencies.count() == 4  # AFP and the first three
    assert not Agency.objects.filter(name="Source 3").exists()


def test_authors_are_matched_to_author_pages_by_exact_name(newsroom, tmp_path):
    people = [
        {"name": "Camille Roussel", "rel": "author"},
        {"name": "Yann Le Goff", "rel": "author"},  # no page here
        {"name": "Camille Roussel", "rel": "AUTHOR"},  # repeated
        {"name": "Camille Roussel", "rel": "subject"},
    ]
    pages = AuthorPage.objects.count()
    ingest_file(write_json(tmp_path, "a.json", ninjs(people=people)), publish=True)
    article = _article()
    assert _authors(article) == ["Camille Roussel"]
    assert AuthorPage.objects.count() == pages  # no page made from wire copy
    # Nothing lost: the byline and every credited name stay on the dispatch.
    fields = WireItem.objects.get().latest_version.fields
    assert fields["byline"] == "Yann Le Goff"
    assert fields["authors"] == ["Camille Roussel", "Yann Le Goff", "Camille Roussel"]


def test_people_the_dispatch_is_about_are_not_its_authors(newsroom, tmp_path):
    people = [{"name": "Camille Roussel"}, {"name": "Camille Roussel", "rel": "about"}]
    item = ninjs(people=people, by="Camille Roussel")
    ingest_file(write_json(tmp_path, "a.json", item), publish=True)
    assert _authors(_article()) == []


def test_an_unpublished_or_shared_name_credits_nobody(newsroom, tmp_path):
    add_page(newsroom.authors, AuthorPage(title="Léa Martin", slug="lea-martin"), live=False)
    add_page(newsroom.authors, AuthorPage(title="Yves Morvan", slug="yves-morvan"))
    add_page(newsroom.authors, AuthorPage(title="Yves Morvan", slug="yves-morvan-2"))
    people = [{"name": name, "rel": "author"} for name in ("Léa Martin", "Yves Morvan")]
    ingest_file(write_json(tmp_path, "a.json", ninjs(people=people)), publish=True)
    assert _authors(_article()) == []


def test_an_author_listed_as_info_source_is_not_made_an_agency(newsroom, tmp_path):
    item = ninjs(
        people=[{"name": "Camille Roussel", "rel": "author"}],
        infosources=[{"name": "Camille Roussel"}],
    )
    ingest_file(write_json(tmp_path, "a.json", item), publish=True)
    assert not Agency.objects.filter(name="Camille Roussel").exists()
    assert [a.name for a in _article().agencies.all()] == ["AFP"]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("people", ["Camille Roussel"], "people[0]: expected an object"),
        ("people", [{"name": 12, "rel": "author"}], "people[0].name: expected a string"),
        ("infosources", {"name": "AFP"}, "infosources: expected a list"),
    ],
)
def test_malformed_credits_reject_the_item_with_the_reason(
    newsroom, tmp_path, field, value, reason
):
    results = ingest_file(write_json(tmp_path, "a.json", ninjs(**{field: value})))
    assert outcomes(results) == ["rejected"]
    assert results[0].reason == reason
    assert not WireItem.objects.exists()


def test_a_later_version_keeps_the_credits_an_editor_set(newsroom, tmp_path):
    people = [{"name": "Camille Roussel", "rel": "author"}]
    ingest_file(write_json(tmp_path, "v1.json", ninjs(people=people)), publish=True)
    article = _article()
    article.article_authors = []
    article.agencies = []
    publish(article)
    v2 = ninjs(version="2", people=people, infosources=[{"name": "Reuters"}])
    ingest_file(write_json(tmp_path, "v2.json", v2), publish=True)
    article = _article()
    assert _authors(article) == [] and list(article.agencies.all()) == []
