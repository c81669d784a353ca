"""French relevance: stemming, accents, ranking by relevance and recency.

Runs on the suite's database (SQLite by default); test_relevance_postgres.py runs the
same cases on PostgreSQL.
"""

from tests.search.conftest import found_titles


def test_a_word_typed_without_accents_finds_the_accented_word(client, write, reindex):
    write("La sécurité des centrales nucléaires renforcée")
    write("Le prix du pain augmente")
    reindex()
    assert found_titles(client, "securite") == ["La sécurité des centrales nucléaires renforcée"]
    assert found_titles(client, "SÉCURITÉ") == ["La sécurité des centrales nucléaires renforcée"]


def test_singular_and_plural_find_each_other(client, write, reindex):
    write("Les élections municipales avancées d'un mois")
    write("Réforme des retraites : le texte adopté")
    reindex()
    assert found_titles(client, "élection") == ["Les élections municipales avancées d'un mois"]
    assert found_titles(client, "retraite") == ["Réforme des retraites : le texte adopté"]
    assert found_titles(client, "reformes") == ["Réforme des retraites : le texte adopté"]


def test_words_are_found_in_standfirst_body_topic_and_authors(client, newsroom, write, reindex):
    write("Un titre neutre", standfirst="Les inondations touchent la Bretagne.")
    write("Un autre titre", body="Le barrage a cédé dans la nuit de mardi.")
    write("Troisième titre", topic=newsroom.topic)  # « Crise en Ukraine »
    write("Quatrième titre", authors=[newsroom.author])  # Camille Roussel
    reindex()
    assert found_titles(client, "inondé") == ["Un titre neutre"]
    assert found_titles(client, "barrages") == ["Un autre titre"]
    assert found_titles(client, "ukraine") == ["Troisième titre"]
    assert found_titles(client, "roussel") == ["Quatrième titre"]


def test_a_recent_exact_match_ranks_above_an_old_partial_one(client, write, reindex):
    write(
        "Budget : les collectivités protestent",
        body="Dans ce vieux dossier, la grève des contrôleurs aériens était évoquée.",
        days=700,
    )
    write("Grève des contrôleurs aériens ce week-end", days=2)
    write("Le marché de l'art se porte bien", days=1)
    reindex()
    assert found_titles(client, "grève des contrôleurs aériens") == [
        "Grève des contrôleurs aériens ce week-end",
        "Budget : les collectivités protestent",
    ]


def test_relevance_still_counts_against_recency(client, write, reindex):
    # A title match from two weeks ago beats yesterday's passing mention in a body.
    write("Incendie dans le port de Brest", days=14)
    write(
        "Conseil municipal de Quimper",
        body="Les élus ont aussi évoqué un incendie sans gravité.",
        days=1,
    )
    reindex()
    assert found_titles(client, "incendie") == [
        "Incendie dans le port de Brest",
        "Conseil municipal de Quimper",
    ]


def test_between_equal_matches_the_newer_comes_first(client, write, reindex):
    write("Sécheresse dans le Sud-Ouest", days=400)
    write("Sécheresse dans le Sud-Est", days=3)
    reindex()
    assert found_titles(client, "sécheresse") == [
        "Sécheresse dans le Sud-Est",
        "Sécheresse dans le Sud-Ouest",
    ]


def test_articles_with_all_the_words_come_first_then_any_word(client, write, reindex):
    write("Tempête sur la Manche")
    write("Tempête en Méditerranée")
    reindex()
    assert found_titles(client, "tempête manche") == ["Tempête sur la Manche"]
    # No article has both words: those with either are shown, with a notice.
    response = client.get("/recherche/", {"q": "manche méditerranée"})
    assert "Aucun article ne contient tous ces mots" in response.content.decode()
    assert sorted(found_titles(client, "manche méditerranée")) == [
        "Tempête en Méditerranée",
        "Tempête sur la Manche",
    ]
