"""French typography survives the ingest: the no-break spaces of a headline, standfirst
or caption (U+00A0 before « : ; ! ? », U+202F inside « ») are stored as characters,
never as the text `&nbsp;`, and other escaped text becomes plain text once."""

import pytest
from django.test import Client

from kiosque.newsroom.models import ArticlePage
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem
from tests.wires.helpers import g2_text, jpeg_bytes, ninjs, with_picture, write_json

pytestmark = pytest.mark.django_db

NBSP, NNBSP = "\u00a0", "\u202f"
HEADLINE = f"Douarnenez{NBSP}: les pêcheurs «{NNBSP}reprennent{NNBSP}» le travail"
STANDFIRST = f"Après neuf jours de grève, «{NBSP}accord{NBSP}» à 140{NBSP}km/h{NNBSP}!"
CAPTION = f"Le port de Douarnenez, mardi{NBSP}: «{NNBSP}enfin{NNBSP}»."


def _stored() -> ArticlePage:
    return ArticlePage.objects.get(wire_links__item__identity="urn:kiosque-test:douarnenez")


def _ingest(tmp_path, item) -> ArticlePage:
    (tmp_path / "photo.jpg").write_bytes(jpeg_bytes())
    results = ingest_file(write_json(tmp_path, "a.json", item), publish=True)
    assert [r.outcome for r in results] == ["created"], results[0].reason
    return _stored()


def _french_item(*, description_type: str = "text/plain") -> dict:
    item = with_picture(ninjs(headline=HEADLINE))
    item["descriptions"] = [
        {"role": "summary", "contenttype": description_type, "value": STANDFIRST}
    ]
    item["associations"][0]["descriptions"] = [{"role": "caption", "value": CAPTION}]
    return item


@pytest.mark.parametrize("description_type", ["text/plain", "text/html"])
def test_no_break_spaces_are_stored_as_characters(newsroom, tmp_path, description_type):
    article = _ingest(tmp_path, _french_item(description_type=description_type))
    assert article.title == HEADLINE
    assert article.standfirst == STANDFIRST
    assert article.lead_image.caption == CAPTION
    fields = WireItem.objects.get().latest_version.fields
    assert (fields["headline"], fields["standfirst"]) == (HEADLINE, STANDFIRST)
    assert fields["pictures"][0]["caption"] == CAPTION
    for text in (article.title, article.standfirst, article.lead_image.caption):
        assert "&nbsp;" not in text and "&#" not in text


def test_entities_of_an_html_standfirst_become_their_characters(newsroom, tmp_path):
    item = _french_item()
    item["descriptions"][0]["value"] = "Grève&nbsp;: «&#8239;accord&#x202F;» chez R&amp;D"
    item["associations"][0]["descriptions"][0]["value"] = "<p>Le port&nbsp;!</p>"
    article = _ingest(tmp_path, item)
    assert article.standfirst == f"Grève{NBSP}: «{NNBSP}accord{NNBSP}» chez R&D"
    assert article.lead_image.caption == f"Le port{NBSP}!"


def test_escaped_markup_is_shown_as_text_never_run(newsroom, tmp_path):
    """Bad input: tags are dropped (a script with its content); text that *spells* a tag
    is kept as text, and the page escapes it."""
    item = _french_item()
    item["descriptions"][0]["value"] = (
        "Accord<script>alert(1)</script> signé &lt;img src=x onerror=alert(2)&gt;"
    )
    article = _ingest(tmp_path, item)
    assert article.standfirst == "Accord signé <img src=x onerror=alert(2)>"
    response = Client().get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<img src=x onerror" not in html and "alert(1)" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_newsml_keeps_no_break_spaces_and_folds_the_layout_ones(newsroom, tmp_path):
    xml = g2_text().replace(
        "<headline>Quimper : la cathédrale rouvre ses portes</headline>",
        f"<headline>Quimper{NBSP}: la cathédrale\n    rouvre «{NNBSP}ses{NNBSP}» portes</headline>",
    )
    xml = xml.replace(
        "Après deux ans de travaux, la nef est rendue.",
        f"Après deux ans\n   de travaux, la nef est rendue{NBSP}!",
    )
    path = tmp_path / "quimper.xml"
    path.write_text(xml, encoding="utf-8")
    assert [r.outcome for r in ingest_file(path)] == ["created"]
    fields = WireItem.objects.get().latest_version.fields
    assert fields["headline"] == f"Quimper{NBSP}: la cathédrale rouvre «{NNBSP}ses{NNBSP}» portes"
    assert fields["standfirst"] == f"Après deux ans de travaux, la nef est rendue{NBSP}!"
