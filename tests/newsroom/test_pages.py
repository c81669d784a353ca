"""Every reader page type renders, in French and English; drafts and private pages do not."""

import re
from html import unescape

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import days_ago, make_article, make_image

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def text_of(html: str) -> str:
    """The text a reader sees: tags removed, entities decoded, spaces folded."""
    return re.sub(r"[ \t\n]+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


@pytest.fixture
def article(newsroom):
    return make_article(
        newsroom.europe,
        title="Les négociations reprennent à Genève",
        slug="negociations-geneve",
        topic=newsroom.topic,
        agencies=[newsroom.agency],
        lead_image=make_image(),
        lead_image_alt="Des diplomates entrent dans le palais des Nations",
        published_at=days_ago(800),
        dateline="GENÈVE (Suisse) –",
    )


def test_article_page_shows_every_element_in_order(client, article):
    response = client.get("/monde/europe/negociations-geneve/")
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    order = [
        'class="breadcrumb"',
        "Cet article date de plus de deux ans.",
        'class="article-type"',
        "<h1",
        'class="standfirst"',
        "Article rédigé par franceinfo avec AFP",
        "France Télévisions",
        "Publié le",
        f"Temps de lecture{NBSP}: 1min",
        'class="lead-image"',
        'class="article__body"',
        "Commentaires",
        "Les commentaires sont fermés.",
    ]
    positions = [main.index(marker) for marker in order]
    assert positions == sorted(positions), dict(zip(order, positions, strict=True))


def test_type_label_is_just_before_the_title_inside_main(client, article):
    html = client.get(article.url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert re.search(r'<p class="article-type"[^>]*>Info(<span.*?</a>)?</p>\s*<h1', main)
    assert '<meta property="og:type" content="article">' in html


def kicker_and_title(html: str) -> tuple[str, str]:
    header = html[html.index('<p class="article-type"') :]
    return header[: header.index("</p>")], re.search(r"<h1.*?</h1>", header, re.S).group(0)


def test_topic_is_a_kicker_above_the_title_linking_to_the_dossier(client, article, newsroom):
    kicker, h1 = kicker_and_title(client.get(article.url).content.decode())
    assert (
        f'<a class="article__topic" href="{newsroom.topic.url}" lang="fr">Crise en Ukraine</a>'
        in (kicker)
    )
    assert "<a" not in h1  # never inside the title
    assert text_of(h1).strip() == "Les négociations reprennent à Genève"


def test_a_title_starting_with_its_topic_keeps_the_kicker_and_cards_drop_the_label(
    client, newsroom
):
    article = make_article(
        newsroom.europe, title="Crise en Ukraine : un cessez-le-feu annoncé", topic=newsroom.topic
    )
    other = make_article(newsroom.europe, title="Le front se fige", topic=newsroom.topic)
    kicker, h1 = kicker_and_title(client.get(article.url).content.decode())
    assert "Crise en Ukraine" in kicker
    assert text_of(h1).count("Crise en Ukraine") == 1

    listing = client.get(newsroom.topic.url).content.decode()
    cards = {
        title: card
        for card in listing.split('<article class="card')[1:]
        for title in (article.title, other.title)
        if title.split()[-1] in card
    }
    assert 'class="card__topic"' not in cards[article.title]  # the title says it already
    assert f'<a class="card__topic" href="{newsroom.topic.url}">' in cards[other.title]


def test_dates_are_in_time_elements_in_the_newsroom_zone(client, newsroom):
    from datetime import UTC, datetime

    article = make_article(newsroom.europe, published_at=datetime(2021, 12, 30, 22, 41, tzinfo=UTC))
    html = client.get(article.url).content.decode()
    assert 'Publié le <time datetime="2021-12-30T23:41:00+01:00">30/12/2021 23:41</time>' in html


def test_english_pages_write_dates_in_words(client, newsroom):
    from datetime import UTC, datetime

    article = make_article(
        newsroom.europe, published_at=datetime(2021, 12, 1, 8, 5, tzinfo=UTC), topic=newsroom.topic
    )
    html = client.get("/en" + article.url).content.decode()
    assert (
        'Published <time datetime="2021-12-01T09:05:00+01:00">1 December 2021, 09:05</time>' in html
    )
    listing = client.get("/en" + newsroom.topic.url).content.decode()
    assert ">1 December 2021, 09:05</time>" in listing and "01/12/2021" not in listing


def test_lead_image_has_alt_caption_credit_and_responsive_sources(client, article):
    html = client.get(article.url).content.decode()
    figure = re.search(r'<figure class="lead-image">.*?</figure>', html, re.S).group(0)
    assert 'alt="Des diplomates entrent dans le palais des Nations"' in figure
    assert "Le port de Brest, mardi matin." in figure
    assert "(- / PRÉFECTURE DU FINISTÈRE / AFP)" in figure
    assert 'type="image/webp"' in figure
    # Up to twice the article's column (1,600 px of this 1,600 px picture: DPR 2).
    assert re.search(r'srcset="[^"]+ 480w, [^"]+ 800w, [^"]+ 1200w, [^"]+ 1600w"', figure)
    assert re.search(r'width="\d+" height="\d+"', figure)  # no layout shift


def test_named_authors_are_credited_when_there_is_no_agency(client, newsroom):
    article = make_article(newsroom.sport, authors=[newsroom.author])
    html = client.get(article.url).content.decode()
    assert f'Article rédigé par <a href="{newsroom.author.url}">Camille Roussel</a>' in html


def test_dateline_opens_the_first_paragraph(client, article):
    html = client.get(article.url).content.decode()
    assert re.search(r'<p[^>]*><span class="dateline">GENÈVE \(Suisse\)\u00a0–</span> mot', html)


@pytest.mark.parametrize(
    "typed", ["BREST (Finistère)", "BREST (Finistère) -", " BREST (Finistère)—  "]
)
def test_the_dateline_gets_its_dash_whatever_was_typed(client, newsroom, typed):
    article = make_article(newsroom.europe, dateline=typed, published_at=days_ago(1))
    html = client.get(article.url).content.decode()
    assert '<span class="dateline">BREST (Finistère)\u00a0–</span>' in html


def test_english_interface_keeps_the_article_in_french(client, article):
    response = client.get("/en/monde/europe/negociations-geneve/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "This article is more than two years old." in html
    assert "Article written by franceinfo with AFP" in html
    assert "Reading time: 1 min" in html
    assert "Les négociations reprennent à Genève" in html
    assert 'href="/en/monde/"' in html  # navigation stays in English
    assert 'href="/monde/europe/negociations-geneve/" hreflang="fr"' in html


def test_open_comments_invite_anonymous_readers_to_log_in(client, newsroom):
    article = make_article(newsroom.sport, published_at=days_ago(1))
    html = client.get(article.url).content.decode()
    assert "Connectez-vous à votre compte Kiosque Test pour participer à la conversation." in html
    assert "Se connecter" in html
    assert "Créer un compte" in html


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/monde/",
        "/monde/europe/",
        "/dossiers/",
        "/dossiers/crise-en-ukraine/",
        "/auteurs/",
        "/auteurs/camille-roussel/",
        "/rectificatifs/",
    ],
)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_page_type_renders(client, article, newsroom, path, prefix):
    make_article(newsroom.sport, authors=[newsroom.author], topic=newsroom.topic)
    response = client.get(prefix + path)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    html = response.content.decode()
    assert "<main" in html and "<h1" in html


def test_section_lists_articles_of_its_sub_sections(client, article):
    html = client.get("/monde/").content.decode()
    assert "Les négociations reprennent à Genève" in html


def test_home_page_has_lead_story_and_sections(client, newsroom):
    for number in range(3):
        make_article(
            newsroom.sport, title=f"Résultat numéro {number}", published_at=days_ago(number)
        )
    html = client.get("/").content.decode()
    assert "Résultat numéro 0" in html
    assert 'href="/sport/"' in html


def test_unknown_pages_answer_404_in_the_site_design(client, newsroom):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_drafts_are_not_found(client, newsroom):
    draft = make_article(newsroom.sport, slug="brouillon", live=False)
    assert client.get("/sport/brouillon/").status_code == 404
    assert "brouillon" not in client.get("/sport/").content.decode()
    assert draft.pk


def test_private_pages_are_not_found_for_readers(client, newsroom):
    article = make_article(newsroom.sport, slug="reserve", title="Un article réservé")
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert client.get("/sport/reserve/").status_code == 404
    assert "Un article réservé" not in client.get("/sport/").content.decode()


def test_minor_updates_and_updates_in_the_grace_period_show_no_update_date(client, newsroom):
    from datetime import timedelta

    from tests.factories import set_publication_times

    first = days_ago(3)
    article = make_article(newsroom.sport, published_at=first)
    set_publication_times(article, [first, first + timedelta(minutes=10)])
    assert "Mis à jour le" not in client.get(article.url).content.decode()
    set_publication_times(article, [first, first + timedelta(hours=2)], minor=[False, True])
    assert "Mis à jour le" not in client.get(article.url).content.decode()
    set_publication_times(article, [first, first + timedelta(hours=2)])
    assert "Mis à jour le" in client.get(article.url).content.decode()
