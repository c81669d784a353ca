"""The article list and detail: fields, filters, and what never appears."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from kiosque.newsroom.models import ArticlePage
from tests.factories import days_ago, make_article, make_image, set_publication_times


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_list_is_newest_first_with_reader_fields(api_get, published, newsroom):
    response = api_get("articles")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert ids(response) == [a.pk for a in reversed(published)]
    sommet = response.json()["items"][-1]
    assert sommet["title"] == "Sommet à Bruxelles"
    assert sommet["url"] == f"http://127.0.0.1:8000/monde/europe/{published[0].slug}/"
    assert sommet["api_url"] == f"http://127.0.0.1:8000/api/v1/articles/{published[0].pk}"
    assert [s["title"] for s in sommet["sections"]] == ["Monde", "Europe"]
    assert sommet["section"]["id"] == newsroom.europe.pk
    assert sommet["topic"] == {
        "id": newsroom.topic.pk,
        "title": "Crise en Ukraine",
        "url": "http://127.0.0.1:8000/dossiers/crise-en-ukraine/",
    }
    assert [a["title"] for a in sommet["authors"]] == ["Camille Roussel"]
    assert sommet["credit"] == "Article rédigé par Camille Roussel"
    assert sommet["published"].startswith(
        published[0].first_published_at.strftime("%Y-%m-%dT%H:%M")
    )
    assert sommet["updated"] is None
    assert sommet["language"] == "fr"
    assert "body_html" not in sommet  # the list stays light; the detail has the body
    chili = response.json()["items"][1]
    assert chili["agencies"] == [{"name": "AFP", "full_name": "Agence France-Presse"}]
    assert chili["credit"] == "Article rédigé par franceinfo avec AFP"


def test_detail_has_body_dateline_type_update_and_lead_image(api_get, newsroom):
    image = make_image("Quai", photographer="Marc Le Gall")
    article = make_article(
        newsroom.europe,
        title="Tempête sur la Bretagne",
        article_type="analyse",
        dateline="BREST (Finistère) –",
        lead_image=image,
        lead_image_alt="Un quai inondé",
        body=[
            ("paragraph", RichText('<p>Les <b>vents</b> ont <a href="https://meteo.example/">soufflé</a>.</p>')),
            ("subheading", "Des dégâts"),
            ("quote", {"text": "Jamais vu ça", "attribution": "Un pêcheur"}),
        ],
    )  # fmt: skip
    first = days_ago(2)
    set_publication_times(article, [first, first + timedelta(hours=5)])

    data = api_get(f"articles/{article.pk}").json()

    assert data["article_type"] == "analyse"
    assert data["dateline"] == "BREST (Finistère) –"
    assert data["updated"] is not None and data["updated"] > data["published"]
    assert "<b>vents</b>" in data["body_html"]
    assert '<a href="https://meteo.example/">' in data["body_html"]
    assert "<h2>Des dégâts</h2>" in data["body_html"]
    assert "Un pêcheur" in data["body_html"]
    lead = data["lead_image"]
    assert lead["alt"] == "Un quai inondé"
    assert lead["caption"] == "Le port de Brest, mardi matin."
    assert lead["credit"] == "(Marc Le Gall / PRÉFECTURE DU FINISTÈRE / AFP)"
    assert lead["url"].startswith("http://127.0.0.1:8000/media/")
    assert (lead["width"], lead["height"]) == (800, 450)
    assert [r["width"] for r in lead["renditions"]] == [480, 800, 1200, 800]


def test_minor_update_is_not_an_update_but_is_a_modification(api_get, newsroom):
    article = make_article(newsroom.europe)
    first = days_ago(3)
    set_publication_times(article, [first, first + timedelta(days=1)], minor=[False, True])
    data = api_get(f"articles/{article.pk}").json()
    assert data["updated"] is None
    assert data["modified"] > data["published"]


def test_filters_section_topic_author(api_get, published, newsroom):
    sommet, chili, tour = published
    assert ids(api_get(f"articles?section={newsroom.monde.pk}")) == [chili.pk, sommet.pk]
    assert ids(api_get(f"articles?section={newsroom.europe.pk}")) == [sommet.pk]
    assert ids(api_get(f"articles?section={newsroom.sport.pk}")) == [tour.pk]
    assert ids(api_get(f"articles?topic={newsroom.topic.pk}")) == [sommet.pk]
    assert ids(api_get(f"articles?author={newsroom.author.pk}")) == [sommet.pk]
    both = f"articles?section={newsroom.monde.pk}&author={newsroom.author.pk}"
    assert ids(api_get(both)) == [sommet.pk]
    # An id that is not a visible section (here an article's) gives an empty list.
    assert ids(api_get(f"articles?section={tour.pk}")) == []
    assert ids(api_get("articles?topic=999999")) == []


def test_updated_since_takes_any_republication(api_get, published):
    sommet, _, tour = published
    set_publication_times(sommet, [days_ago(3), days_ago(0.5)], minor=[False, True])
    since = days_ago(1.5).isoformat()
    response = api_get("articles", data={"updated_since": since})
    assert ids(response) == [tour.pk, sommet.pk]
    # "Z" and other offsets are the same instant.
    utc = days_ago(1.5).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert ids(api_get("articles", data={"updated_since": utc})) == [tour.pk, sommet.pk]


def test_full_text_search(api_get, published):
    _, chili, tour = published
    assert ids(api_get("articles", data={"q": "Chili"})) == [chili.pk]
    assert ids(api_get("articles", data={"q": "Brest"})) == [tour.pk]
    assert ids(api_get("articles", data={"q": "introuvablemot"})) == []
    # Blank q is no filter.
    assert len(ids(api_get("articles", data={"q": "  "}))) == 3


def test_search_is_french_through_the_site_backend(api_get, published):
    """`q` goes through Wagtail's search backend, which the search app makes French:
    accents folded and words stemmed ("election" finds « Élections »)."""
    _, chili, _ = published
    assert ids(api_get("articles", data={"q": "election"})) == [chili.pk]


def test_sections_topics_authors(api_get, published, newsroom):
    sections = api_get("sections").json()
    assert [(s["title"], s["parent"]) for s in sections] == [
        ("Monde", None),
        ("Europe", newsroom.monde.pk),
        ("Sport", None),
    ]
    assert (
        sections[0]["articles"]
        == f"http://127.0.0.1:8000/api/v1/articles?section={newsroom.monde.pk}"
    )
    topics = api_get("topics").json()
    assert [t["title"] for t in topics] == ["Crise en Ukraine"]
    authors = api_get("authors").json()
    assert authors == [
        {
            "id": newsroom.author.pk,
            "name": "Camille Roussel",
            "url": "http://127.0.0.1:8000/auteurs/camille-roussel/",
            "job_title": "",
            "articles": f"http://127.0.0.1:8000/api/v1/articles?author={newsroom.author.pk}",
        }
    ]


def _not_found_everywhere(api_get, article) -> None:
    assert article.pk not in ids(api_get("articles"))
    assert article.pk not in ids(api_get("articles", data={"q": article.title}))
    for path in (f"articles/{article.pk}", f"articles/{article.pk}/ninjs"):
        response = api_get(path)
        assert response.status_code == 404
        assert response.json() == {"detail": "no such article"}


def test_drafts_private_unpublished_and_killed_articles_are_absent(api_get, published, newsroom):
    unknown = api_get("articles/987654")
    assert unknown.status_code == 404

    draft = make_article(newsroom.europe, title="Brouillon secret", live=False)
    _not_found_everywhere(api_get, draft)

    private = make_article(newsroom.europe, title="Réservé aux abonnés", published_at=days_ago(1))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    _not_found_everywhere(api_get, private)

    withdrawn = make_article(newsroom.monde, title="Article retiré", published_at=days_ago(1))
    assert withdrawn.pk in ids(api_get("articles"))
    withdrawn.unpublish()
    _not_found_everywhere(api_get, withdrawn)

    # Only the original three remain, and their answers are identical to unknown ids'.
    assert sorted(ids(api_get("articles"))) == sorted(a.pk for a in published)
    assert api_get(f"articles/{draft.pk}").content == api_get("articles/987654").content


def test_private_section_hides_its_articles(api_get, published, newsroom):
    PageViewRestriction.objects.create(page=newsroom.europe, restriction_type="login")
    assert published[0].pk not in ids(api_get("articles"))
    assert "Europe" not in [s["title"] for s in api_get("sections").json()]
    assert api_get(f"articles/{published[0].pk}").status_code == 404


def test_unpublished_changes_of_a_live_article_stay_unseen(api_get, published):
    article = ArticlePage.objects.get(pk=published[1].pk)
    article.title = "Titre en cours de relecture"
    article.standfirst = "Chapô pas encore publié."
    article.save_revision()  # a draft revision: not published
    data = api_get(f"articles/{article.pk}").json()
    assert data["title"] == "Élections au Chili"
    assert "pas encore publié" not in api_get(f"articles/{article.pk}/ninjs").content.decode()


def test_killed_dispatch_article_disappears(api_get, newsroom, tmp_path, settings):
    """An agency kill (kiosque ingest of a canceled version) takes it out of the API."""
    from django.core.management import call_command

    from kiosque.wires.models import WireSettings
    from tests.wires.helpers import ninjs, write_json

    wires = WireSettings.for_site(newsroom.site)
    wires.default_section = newsroom.monde
    wires.save()
    uri = "urn:kiosque-test:api-kill"
    call_command(
        "ingest", str(write_json(tmp_path, "v1.json", ninjs(uri))), "--publish", stdout=_Null()
    )
    article = ArticlePage.objects.get(wire_links__item__identity=uri)
    assert article.pk in ids(api_get("articles"))
    killed = ninjs(
        uri, version="2", versioncreated="2026-11-24T10:00:00+01:00", pubstatus="canceled"
    )
    call_command("ingest", str(write_json(tmp_path, "v2.json", killed)), stdout=_Null())
    _not_found_everywhere(api_get, article)


def test_nothing_about_staff_or_readers(api_get, newsroom):
    user = get_user_model().objects.create_user(
        username="lecteur-prive", email="lecteur.prive@example.org", password="x" * 16
    )
    article = make_article(newsroom.europe, title="Article signé", published_at=days_ago(1))
    ArticlePage.objects.filter(pk=article.pk).update(owner=user, locked_by=user, locked=True)
    for path in ("articles", f"articles/{article.pk}", f"articles/{article.pk}/ninjs", "authors"):
        text = api_get(path).content.decode()
        assert "lecteur" not in text and "example.org" not in text, path
        assert '"owner"' not in text and '"user' not in text and "email" not in text, path


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def test_a_page_of_articles_costs_a_fixed_number_of_queries(api_get, newsroom, published):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kiosque.newsroom.images import pregenerate_renditions

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api_get("articles?page_size=100").status_code == 200
        return len(queries)

    photo = make_image("Port")
    pregenerate_renditions(photo)
    credits = {"authors": [newsroom.author], "agencies": [newsroom.agency], "topic": newsroom.topic}

    def add(title):
        make_article(
            newsroom.europe, title=title, lead_image=photo, published_at=days_ago(1), **credits
        )

    add("Premier")
    count()  # the process reads its site and settings once (kiosque.edge.site_memo)
    few = count()
    for n in range(8):
        add(f"Article {n}")
    assert count() == few
