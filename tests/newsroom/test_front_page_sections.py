"""La une as a news front page: « Fil info », the lead's links to its dossier, and
section blocks that never show stale stories."""

import re

import pytest

from kiosque.newsroom.models import NewsroomSettings
from tests.factories import days_ago, make_article, make_image

pytestmark = pytest.mark.django_db


def part(html: str, css_class: str) -> str:
    start = html.index(f'class="{css_class}"')
    return html[start : html.index("</section>", start)]


def titles_in(html: str) -> list[str]:
    return re.findall(r'<a href="[^"]*">([^<]*)</a></(?:h3|li)>', html)


def set_freshness(newsroom, days: int) -> None:
    settings = NewsroomSettings.objects.get(pk=newsroom.settings.pk)
    settings.front_block_max_age_days = days
    settings.save()


def test_latest_news_lists_the_ten_newest_with_machine_readable_times(client, newsroom):
    for n in range(12):
        make_article(
            newsroom.europe, title=f"Dépêche {n}", slug=f"d-{n}", published_at=days_ago(n / 24)
        )
    html = client.get("/").content.decode()
    wire = part(html, "front-wire")
    assert re.findall(r"<a href=\"[^\"]*\">(Dépêche \d+)</a>", wire) == [
        f"Dépêche {n}" for n in range(10)
    ]
    # Absolute without JavaScript, relative with it (relative-time.js reads datetime).
    assert re.search(r'<time datetime="[^"]+" data-relative>\d\d/\d\d/\d{4} \d\d:\d\d</time>', wire)
    assert "/static/kiosque/relative-time.js" in html
    english = part(client.get("/en/").content.decode(), "front-wire")
    assert re.search(r"data-relative>\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d</time>", english)


def test_section_blocks_leave_out_stories_older_than_the_bound(client, newsroom):
    # Seven fresh stories fill the lead and the featured slots and leave two for Monde.
    for n in range(7):
        make_article(
            newsroom.europe, title=f"Frais {n}", slug=f"frais-{n}", published_at=days_ago(n / 10)
        )
    make_article(newsroom.sport, title="Vieux match", slug="vieux-match", published_at=days_ago(20))
    make_article(
        newsroom.europe, title="Vieux sommet", slug="vieux-sommet", published_at=days_ago(20)
    )

    set_freshness(newsroom, 7)
    html = client.get("/").content.decode()
    blocks = html[html.index('class="front-section"') :]
    assert "Frais 5" in blocks and "Frais 6" in blocks
    assert "Vieux sommet" not in blocks
    assert 'id="front-section-' + str(newsroom.sport.pk) not in html  # no fresh story: no block

    set_freshness(newsroom, 0)  # no bound: the latest, whatever their age
    html = client.get("/").content.decode()
    sport = html[html.index(f'id="front-section-{newsroom.sport.pk}"') :]
    assert "Vieux match" in sport[: sport.index("</section>")]


def test_the_freshness_bound_is_checked_in_the_settings_form(newsroom):
    from django.core.exceptions import ValidationError

    settings = NewsroomSettings.objects.get(pk=newsroom.settings.pk)
    settings.front_block_max_age_days = 5000
    with pytest.raises(ValidationError):
        settings.full_clean()


def test_the_lead_links_to_its_dossiers_latest_and_loads_its_picture_first(client, newsroom):
    for n in range(3):
        make_article(
            newsroom.europe, title=f"Suite {n}", slug=f"suite-{n}", topic=newsroom.topic,
            published_at=days_ago(2 + n),
        )  # fmt: skip
    make_article(
        newsroom.europe, title="Le grand récit", slug="grand-recit", topic=newsroom.topic,
        lead_image=make_image("Une"), published_at=days_ago(0.1),
    )  # fmt: skip
    lead = part(client.get("/").content.decode(), "front-lead")
    assert "Le grand récit" in lead
    links = lead[lead.index('class="front-lead__links"') :]
    assert re.findall(r">(Suite \d)</a>", links) == ["Suite 0", "Suite 1", "Suite 2"]
    image = re.search(r"<img [^>]*>", lead).group(0)
    assert 'fetchpriority="high"' in image and 'loading="lazy"' not in image
    assert "1200w" in lead  # the article lead's files, not the cards' 400-px ones
