import pytest

from kiosque.newsroom.text.topic_prefix import title_starts_with_topic, topic_prefix_needed


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Crise en Ukraine : les négociations reprennent", "Crise en Ukraine"),
        ("crise en ukraine: les négociations reprennent", "Crise en Ukraine"),
        ("CRISE EN UKRAINE. Les négociations", "Crise en Ukraine"),
        ("Crise en Ukraine", "Crise en Ukraine"),
        ("  Crise en Ukraine - reprise  ", " Crise en Ukraine "),
        ("Crise  en\u00a0Ukraine, suite", "Crise en Ukraine"),
        ("Élections européennes : le point", "elections europeennes"),
        ("Elections europeennes : le point", "Élections européennes"),
        ("Fête de l’Huma : programme", "Fête de l'Huma"),
        ("Fête de l'Huma : programme", "Fête de l’Huma"),
        ("Cafe\u0301 : la hausse", "Café"),  # decomposed "é" in the title
    ],
)
def test_title_starting_with_the_topic(title, topic):
    assert title_starts_with_topic(title, topic)
    assert not topic_prefix_needed(title, topic)


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Crise en Ukrainedes négociations", "Crise en Ukraine"),
        ("Crise en Ukraine2 : suite", "Crise en Ukraine"),
        ("La crise en Ukraine : suite", "Crise en Ukraine"),
        ("Crise : suite", "Crise en Ukraine"),
        ("", "Crise en Ukraine"),
    ],
)
def test_title_not_starting_with_the_topic(title, topic):
    assert not title_starts_with_topic(title, topic)
    assert topic_prefix_needed(title, topic)


@pytest.mark.parametrize("topic", ["", "   "])
def test_empty_topic_never_matches_nor_needs_a_prefix(topic):
    assert not title_starts_with_topic("Crise en Ukraine : suite", topic)
    assert not topic_prefix_needed("Crise en Ukraine : suite", topic)
