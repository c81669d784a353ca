"""The bulk rebuild's text shortcuts give exactly what the per-article path gives.

The rebuild reads paragraphs without the HTML parsers when they are plain, walks the
body's raw JSON instead of its StreamValue, and folds accents run by run: each is
checked here against the function it stands in for, on the awkward inputs too.
"""

import unicodedata

import pytest
from wagtail.blocks import StreamValue
from wagtail.rich_text import get_text_for_indexing

from kiosque.newsroom.article_view import body_plain_text
from kiosque.newsroom.models import ArticlePage
from kiosque.newsroom.text.reading_time import html_to_text
from kiosque.search import french
from kiosque.search.raw_text import (
    paragraph_indexing_text,
    paragraph_reading_text,
    reader_body_text,
    searchable_content,
)

PARAGRAPHS = [
    "<p>Le préfet a annoncé la fermeture des écoles.</p>",
    "<p>  espaces\n  et\tretours   </p>",
    '<p data-block-key="a1b2c">Un paragraphe écrit dans Draftail.</p>',
    '<p class="chapo">Un attribut que le raccourci ne connaît pas.</p>',
    "<p>Sécurité &amp; liberté, l&#x27;éternel débat</p>",
    "<p>Une ligne<br/>puis une autre</p>",
    "<p>Premier.</p><p>Second.</p>",
    "<p>Un <b>mot</b> en gras et un <a href='/x'>lien</a>.</p>",
    "<p>5 > 3 mais 2 < 4</p>",
    "<p><script>alert(1)</script>Texte</p>",
    "<P>Majuscules</P>",
    "<p>Pas fermé",
    "<p>Fermé</p> après",
    "<p></p>",
    "",
    "<p>\u00a0insécable\u202fet fine\u00a0</p>",
    "<p>&lt;p&gt; écrit en toutes lettres</p>",
]


@pytest.mark.parametrize("source", PARAGRAPHS)
def test_a_paragraph_reads_as_the_html_parsers_read_it(source):
    assert paragraph_reading_text(source) == html_to_text(source)
    assert paragraph_indexing_text(source) == get_text_for_indexing(source)


def _body_block():
    return ArticlePage._meta.get_field("body").stream_block


# A stored body as the database holds it: every block type, odd values included.
RAW_BODY = [
    {"type": "paragraph", "value": "<p>Le conseil municipal a voté le budget.</p>", "id": "1"},
    {"type": "paragraph", "value": "<p>Un <i>vote</i> serré &amp; tendu.</p>", "id": "2"},
    {"type": "subheading", "value": "Une séance agitée", "id": "3"},
    {"type": "quote", "value": {"text": "Nous tiendrons.", "attribution": "la maire"}, "id": "4"},
    {"type": "quote", "value": {"text": "Sans attribution."}, "id": "5"},
    {"type": "quote", "value": {"text": "Attribution vide", "attribution": None}, "id": "6"},
    {
        "type": "image",
        "value": {"image": 999_999, "alt_text": "", "caption": "Le parvis", "credit": "AFP"},
        "id": "7",
    },
    {"type": "image", "value": {"image": None}, "id": "8"},
    {
        "type": "embed",
        "value": {"url": "https://video.example/1", "title": "La séance", "provider": "X"},
        "id": "9",
    },
    {"type": "a_removed_block_type", "value": "<p>Ne doit pas compter</p>", "id": "10"},
    {"type": "paragraph", "value": "", "id": "11"},
]


def test_the_reader_body_text_of_raw_json_is_body_plain_text(db):
    stream_block = _body_block()
    value = stream_block.to_python(RAW_BODY)  # what the database field hands over
    expected = body_plain_text(value)
    assert "serré & tendu" in expected and "Ne doit pas compter" not in expected
    assert reader_body_text(stream_block, value.raw_data) == expected
    empty = StreamValue(stream_block, [], is_lazy=True)
    assert reader_body_text(stream_block, empty.raw_data) == body_plain_text(empty) == ""


def test_the_searchable_content_of_raw_json_is_wagtails(db, django_assert_num_queries):
    stream_block = _body_block()
    expected = stream_block.get_searchable_content(stream_block.to_python(RAW_BODY))
    assert "Le parvis" in expected and "La séance" in expected
    # Image blocks hold no text: the raw walk does not look their images up.
    with django_assert_num_queries(0):
        found = searchable_content(stream_block, stream_block.to_python(RAW_BODY).raw_data)
    assert found == expected


def _fold_one_character_at_a_time(text: str) -> str:
    """french.fold as it was written first: the reference for the faster one."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(french.LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


FOLDED = [
    "Élection présidentielle à Saint-Étienne",
    "Œuvre, cœur, Æsop, Straße, Øresund, Łódź, Đakovo",
    "e\u0301le\u0300ve decomposed",  # accents already decomposed
    "a\u0323\u0302 marks in two orders \u1ea1\u0302",
    "ﬁn ² ™ Ⅻ Ω Å",  # compatibility forms
    "Σίσυφος ΣΑΣ",  # final sigma: lower() depends on the word
    "한국어 テスト 中文",
    "",
    "ascii only",
    "\x00\x01 contrôle",
]


@pytest.mark.parametrize("text", FOLDED)
def test_folding_gives_the_same_letters_as_before(text):
    assert french.fold(text) == _fold_one_character_at_a_time(text)


def test_folding_every_character_gives_the_same_letters_as_before():
    for code in range(0x3400):  # Latin, Greek, Cyrillic, marks, symbols, Hangul jamo
        character = chr(code)
        for text in (character, f"a{character}\u0301b"):
            assert french.fold(text) == _fold_one_character_at_a_time(text), hex(code)
