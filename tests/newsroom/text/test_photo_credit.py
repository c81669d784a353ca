from kiosque.newsroom.text.photo_credit import photo_credit


def test_unknown_photographer_is_a_dash():
    assert photo_credit(photographer="", source="WHITE HOUSE", agency="AFP") == (
        "(- / WHITE HOUSE / AFP)"
    )


def test_named_photographer_source_and_agency():
    assert photo_credit(photographer="Léa Fontaine", source="KIOSQUE INFO", agency="") == (
        "(Léa Fontaine / KIOSQUE INFO)"
    )


def test_an_agency_that_is_also_the_source_is_named_once():
    assert photo_credit(photographer="Javiera Rojas", source="REUTERS", agency="Reuters") == (
        "(Javiera Rojas / REUTERS)"
    )


def test_blank_parts_are_dropped_and_spaces_trimmed():
    assert photo_credit(photographer="  ", source=" ", agency=" AP ") == "(- / AP)"
