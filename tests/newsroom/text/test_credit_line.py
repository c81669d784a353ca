import pytest

from kiosque.newsroom.text.credit_line import clean_names, credit_line, join_names


@pytest.mark.parametrize(
    ("names", "french", "english"),
    [
        ([], "", ""),
        (["A"], "A", "A"),
        (["A", "B"], "A et B", "A and B"),
        (["A", "B", "C"], "A, B et C", "A, B and C"),
        (["A", "B", "C", "D"], "A, B, C et D", "A, B, C and D"),
    ],
)
def test_join_names(names, french, english):
    assert join_names(names, "fr") == french
    assert join_names(names, "en") == english


def test_join_names_drops_blanks_and_duplicates():
    assert join_names(["  Marie Dupont ", "", "   ", "Marie Dupont", "Jean Martin"], "fr") == (
        "Marie Dupont et Jean Martin"
    )


def test_clean_names_keeps_the_first_spelling_in_the_original_order():
    assert clean_names(["Reuters", " AFP", "afp ", "Jean  Martin", "Reuters", ""]) == [
        "Reuters",
        "AFP",
        "Jean Martin",
    ]


def credit(agencies: list[str], authors: list[str], language: str = "fr") -> str:
    return credit_line(newsroom="Kiosque", agencies=agencies, authors=authors, language=language)


@pytest.mark.parametrize(
    ("agencies", "french", "english"),
    [
        (["AFP"], "Article rédigé par Kiosque avec AFP", "Article written by Kiosque with AFP"),
        (
            ["AFP", "Reuters"],
            "Article rédigé par Kiosque avec AFP et Reuters",
            "Article written by Kiosque with AFP and Reuters",
        ),
        (
            ["AFP", "Reuters", "AP"],
            "Article rédigé par Kiosque avec AFP, Reuters et AP",
            "Article written by Kiosque with AFP, Reuters and AP",
        ),
    ],
)
def test_agency_copy_without_an_author_is_the_newsrooms(agencies, french, english):
    assert credit(agencies, [], "fr") == french
    assert credit(agencies, [], "en") == english


def test_a_journalist_writing_on_agency_copy_is_named_with_the_agencies():
    # Issue 16: « Prénom Nom avec AFP », the seed's form, not the newsroom's name.
    assert credit(["AFP"], ["Marie Dupont"], "fr") == "Article rédigé par Marie Dupont avec AFP"
    assert credit(["AFP", "Reuters"], ["Marie Dupont", "Jean Martin"], "en") == (
        "Article written by Marie Dupont and Jean Martin with AFP and Reuters"
    )


@pytest.mark.parametrize(
    ("authors", "french", "english"),
    [
        (["Marie Dupont"], "Article rédigé par Marie Dupont", "Article written by Marie Dupont"),
        (
            ["Marie Dupont", "Jean Martin"],
            "Article rédigé par Marie Dupont et Jean Martin",
            "Article written by Marie Dupont and Jean Martin",
        ),
        (
            ["Marie Dupont", "Jean Martin", "Awa Diallo"],
            "Article rédigé par Marie Dupont, Jean Martin et Awa Diallo",
            "Article written by Marie Dupont, Jean Martin and Awa Diallo",
        ),
    ],
)
def test_authors_are_credited_without_agencies(authors, french, english):
    assert credit([], authors, "fr") == french
    assert credit([], authors, "en") == english


def test_newsroom_alone_without_agencies_nor_authors():
    assert credit([], [], "fr") == "Article rédigé par Kiosque"
    assert credit([], [], "en") == "Article written by Kiosque"


def test_blank_agencies_do_not_count():
    assert credit(["", "  "], ["Marie Dupont"]) == "Article rédigé par Marie Dupont"


def test_blank_authors_do_not_count():
    assert credit([], [" ", ""]) == "Article rédigé par Kiosque"


def test_names_are_stripped_and_duplicates_removed():
    assert credit([" AFP ", "AFP", "Reuters", "afp"], []) == (
        "Article rédigé par Kiosque avec AFP et Reuters"
    )
    assert credit([], ["Marie Dupont", " Marie Dupont"]) == "Article rédigé par Marie Dupont"


def test_newsroom_name_is_stripped():
    line = credit_line(newsroom="  Kiosque ", agencies=["AFP"], authors=[], language="fr")
    assert line == "Article rédigé par Kiosque avec AFP"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en-gb", "Article written by Kiosque"),
        ("fr-be", "Article rédigé par Kiosque"),
        ("de", "Article rédigé par Kiosque"),
    ],
)
def test_credit_language(language, expected):
    assert credit([], [], language) == expected
