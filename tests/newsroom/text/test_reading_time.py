import pytest

from kiosque.newsroom.text.reading_time import count_words, html_to_text, reading_time_minutes


def words(count: int) -> str:
    return " ".join(["mot"] * count)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("Bonjour", 1),
        ("Bonjour   le\nmonde\t!", 3),
        ("aujourd'hui", 1),
        ("c'est-à-dire", 1),
        ("l’été", 1),
        ("Il a dit – enfin — : « oui »", 5),
        ("2024 : l'année", 2),
        ("— – : « » ! ? …", 0),
        ("Pourquoi\u202f? Parce\u00a0que.", 3),
    ],
)
def test_count_words(text, expected):
    assert count_words(text) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>fin</p><p>début</p>", "fin début"),
        ("<h2>Titre</h2><p>Texte</p>", "Titre Texte"),
        ("<ul><li>un</li><li>deux</li></ul>", "un deux"),
        ("<p>un<br>deux<br/>trois</p>", "un deux trois"),
        ("<p><em>in</em>croyable</p>", "incroyable"),
        ("<p>Tom &amp; Jerry &lt;3</p>", "Tom & Jerry <3"),
        ("<p>&eacute;t&eacute; &#8211; l&#x2019;hiver</p>", "été – l’hiver"),
        ("<p>A&nbsp;B</p>", "A B"),
        ("<script>var a = '<p>x</p>';</script><p>texte</p>", "texte"),
        ("<style>p { color: red }</style><p>texte</p>", "texte"),
        ("  <p>\n  espacé  \n</p>  ", "espacé"),
        ("texte sans balise", "texte sans balise"),
        ("", ""),
    ],
)
def test_html_to_text(html, expected):
    assert html_to_text(html) == expected


def test_words_of_adjacent_paragraphs_are_counted_apart():
    html = "<p>un deux</p><p>trois</p><blockquote>quatre</blockquote>"
    assert count_words(html_to_text(html)) == 4


@pytest.mark.parametrize(
    ("word_count", "minutes"),
    [(0, 0), (1, 1), (229, 1), (230, 1), (231, 2), (460, 2), (461, 3)],
)
def test_reading_time_rounds_up_to_whole_minutes(word_count, minutes):
    assert reading_time_minutes(words(word_count)) == minutes


def test_reading_time_adds_up_all_texts():
    assert reading_time_minutes(words(115), words(115)) == 1
    assert reading_time_minutes(words(200), words(31)) == 2


@pytest.mark.parametrize("texts", [(), ("",), ("", "   "), ("— : « »",)])
def test_reading_time_is_zero_without_words(texts):
    assert reading_time_minutes(*texts) == 0


@pytest.mark.parametrize(
    ("word_count", "words_per_minute", "minutes"),
    [(100, 100, 1), (101, 100, 2), (1, 1000, 1), (3000, 1000, 3)],
)
def test_reading_time_at_another_speed(word_count, words_per_minute, minutes):
    assert reading_time_minutes(words(word_count), words_per_minute=words_per_minute) == minutes


@pytest.mark.parametrize("words_per_minute", [0, -1])
def test_reading_speed_must_be_positive(words_per_minute):
    with pytest.raises(ValueError, match="words_per_minute"):
        reading_time_minutes(words(10), words_per_minute=words_per_minute)


def test_reading_speed_is_checked_even_without_words():
    with pytest.raises(ValueError):
        reading_time_minutes(words_per_minute=0)
