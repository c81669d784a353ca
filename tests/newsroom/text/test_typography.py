import pytest

from kiosque.newsroom.text.typography import NBSP, NNBSP, french_spacing, french_spacing_html

# Written with the constants so that the expected spaces are visible in the source.
SPACED = [
    # Each mark, space missing after a word.
    ("Note: ceci", f"Note{NBSP}: ceci"),
    ("un; deux", f"un{NNBSP}; deux"),
    ("Stop!", f"Stop{NNBSP}!"),
    ("Pourquoi?", f"Pourquoi{NNBSP}?"),
    ("Étape 1: faire", f"Étape 1{NBSP}: faire"),
    ("Café?", f"Café{NNBSP}?"),
    # An ordinary space, or several, or the wrong no-break one, is replaced.
    ("Note : ceci", f"Note{NBSP}: ceci"),
    ("Pourquoi ?", f"Pourquoi{NNBSP}?"),
    ("Pourquoi   ?", f"Pourquoi{NNBSP}?"),
    (f"Pourquoi{NBSP}?", f"Pourquoi{NNBSP}?"),
    (f"Note{NNBSP}: ceci", f"Note{NBSP}: ceci"),
    ("« Oui » ?", f"«{NBSP}Oui{NBSP}»{NNBSP}?"),
    ("10 : 30", f"10{NBSP}: 30"),
    # Repeated marks: one space, before the first one only.
    ("Vraiment?!", f"Vraiment{NNBSP}?!"),
    ("Vraiment ?!", f"Vraiment{NNBSP}?!"),
    ("Quoi?!?", f"Quoi{NNBSP}?!?"),
    # Guillemets.
    ("«Bonjour»", f"«{NBSP}Bonjour{NBSP}»"),
    ("« Bonjour »", f"«{NBSP}Bonjour{NBSP}»"),
    ("«   Bonjour   »", f"«{NBSP}Bonjour{NBSP}»"),
    ("Il a dit «Quoi?»", f"Il a dit «{NBSP}Quoi{NNBSP}?{NBSP}»"),
    # A URL ends before the sentence's punctuation.
    ("Voir www.exemple.fr?", f"Voir www.exemple.fr{NNBSP}?"),
    ("Lisez https://exemple.fr/a: c'est court", f"Lisez https://exemple.fr/a{NBSP}: c'est court"),
    ("Big data: un marché", f"Big data{NBSP}: un marché"),
    ("Écrivez à mailto:redaction@exemple.fr!", f"Écrivez à mailto:redaction@exemple.fr{NNBSP}!"),
    # A whole sentence.
    (
        "Le ministre a répondu: «Pourquoi pas?» Puis il est parti; rideau!",
        f"Le ministre a répondu{NBSP}: «{NBSP}Pourquoi pas{NNBSP}?{NBSP}» "
        f"Puis il est parti{NNBSP}; rideau{NNBSP}!",
    ),
]

UNCHANGED = [
    "",
    "Sans ponctuation haute.",
    "23:41",
    "à 10:30:15 précises",
    "Jean 3:16",
    "https://exemple.fr/a?b=c",
    "Voir https://exemple.fr/a?b=c&d=e:f ici",
    "mailto:x@y.fr",
    "www.exemple.fr/?q=1",
    "exemple.fr/recherche?q=1",
    "std::vector",
    "a::b",
    ":début",
    "?",
    "!!!",
    "Ligne\n?",
    "…?",
    "(?)",
    f"Déjà correct{NNBSP}? Oui{NBSP}: «{NBSP}très{NBSP}»{NNBSP}!",
]


@pytest.mark.parametrize(("text", "expected"), SPACED)
def test_french_spacing(text, expected):
    assert french_spacing(text) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_french_spacing_leaves_alone(text):
    assert french_spacing(text) == text


@pytest.mark.parametrize("text", [text for text, _ in SPACED] + UNCHANGED)
def test_french_spacing_is_idempotent(text):
    once = french_spacing(text)
    assert french_spacing(once) == once


# --- HTML ----------------------------------------------------------------------------


def without_spaces(html: str) -> str:
    """What must never change: everything but the spaces."""
    return html.replace(" ", "").replace(NBSP, "").replace(NNBSP, "")


HTML_SPACED = [
    (
        '<a href="https://x.fr/?a=b" title="Quoi?">Quoi?</a>',
        f'<a href="https://x.fr/?a=b" title="Quoi?">Quoi{NNBSP}?</a>',
    ),
    (
        '<img alt="Légende: photo?" src="/a.jpg?v=2"> Légende: photo',
        f'<img alt="Légende: photo?" src="/a.jpg?v=2"> Légende{NBSP}: photo',
    ),
    ("<p>Tom &amp; Jerry ?</p>", f"<p>Tom &amp; Jerry{NNBSP}?</p>"),
    ("<p>1 &lt; 2 : oui</p>", f"<p>1 &lt; 2{NBSP}: oui</p>"),
    ("<p>Pourquoi&nbsp;? Parce que</p>", "<p>Pourquoi&nbsp;? Parce que</p>"),
    ("<p>AT&T?</p>", f"<p>AT&T{NNBSP}?</p>"),
    # Split by an inline tag: the text is read as one line.
    ("<p>C'est <em>vrai</em>?</p>", f"<p>C'est <em>vrai</em>{NNBSP}?</p>"),
    ("<p>C'est <em>vrai</em> ?</p>", f"<p>C'est <em>vrai</em>{NNBSP}?</p>"),
    ("<p><strong>Note</strong>: lire</p>", f"<p><strong>Note</strong>{NBSP}: lire</p>"),
    ("<p>«<em>Bonjour</em>»</p>", f"<p>«<em>{NBSP}Bonjour</em>{NBSP}»</p>"),
    ("<p>La fonction <code>print</code>?</p>", f"<p>La fonction <code>print</code>{NNBSP}?</p>"),
    # Entities are copied as written; a space may go before them.
    ("&laquo;Bonjour&raquo;", f"&laquo;{NBSP}Bonjour{NBSP}&raquo;"),
    ("Vrai&#63;", f"Vrai{NNBSP}&#63;"),
    # Tags are copied as written, whatever their case or spacing.
    ("<P CLASS=intro>Quoi?</P >", f"<P CLASS=intro>Quoi{NNBSP}?</P >"),
    ("<p>Un<br/>deux?</p>", f"<p>Un<br/>deux{NNBSP}?</p>"),
    ("<!-- note: a?b -->Oui?", f"<!-- note: a?b -->Oui{NNBSP}?"),
    # A URL split from the sentence's "!" by a tag is still a URL.
    (
        "<p>Voir <a href='https://x.fr'>https://x.fr/?q=1</a>!</p>",
        f"<p>Voir <a href='https://x.fr'>https://x.fr/?q=1</a>{NNBSP}!</p>",
    ),
]

HTML_UNCHANGED = [
    "",
    "<p>Rien à faire.</p>",
    "<code>a?b: c</code>",
    "<pre>x: y\nz ?</pre>",
    "<pre><code>if (a) { b: c; }</code></pre>",
    "<kbd>Ctrl+S</kbd> <samp>Erreur: 42</samp>",
    "<script>var a = b ? c : d;</script>",
    "<style>a:hover { color: red; }</style>",
    "<p>Fin</p><p>? au début</p>",  # a new paragraph is not the end of the previous one
    "<p>Fin<br>?</p>",
    "<p>Il est 23:41.</p>",
    '<p><a href="mailto:x@y.fr?subject=Salut">mailto:x@y.fr</a></p>',
    "<p>AT&T</p>",
    "<p>R&amp;D</p>",
    "<!DOCTYPE html><p>x</p>",
    "<p>Non fermé",
    "<script>non fermé ?",
]


@pytest.mark.parametrize(("html", "expected"), HTML_SPACED)
def test_french_spacing_html(html, expected):
    assert french_spacing_html(html) == expected


@pytest.mark.parametrize("html", HTML_UNCHANGED)
def test_french_spacing_html_leaves_alone(html):
    assert french_spacing_html(html) == html


@pytest.mark.parametrize("html", [html for html, _ in HTML_SPACED] + HTML_UNCHANGED)
def test_french_spacing_html_only_changes_spaces(html):
    assert without_spaces(french_spacing_html(html)) == without_spaces(html)


@pytest.mark.parametrize("html", [html for html, _ in HTML_SPACED] + HTML_UNCHANGED)
def test_french_spacing_html_is_idempotent(html):
    once = french_spacing_html(html)
    assert french_spacing_html(once) == once


def test_code_inside_a_paragraph_is_untouched_but_the_prose_around_it_is_not():
    html = "<p>Tapez <code>a?b</code> puis: <kbd>Entrée</kbd>!</p>"
    assert french_spacing_html(html) == (
        f"<p>Tapez <code>a?b</code> puis{NBSP}: <kbd>Entrée</kbd>{NNBSP}!</p>"
    )


def test_a_space_ending_the_previous_text_node_is_left_as_is():
    # Known limit: the space was already written out when the "?" comes.
    assert french_spacing_html("<p>vrai <em>?</em></p>") == "<p>vrai <em>?</em></p>"
