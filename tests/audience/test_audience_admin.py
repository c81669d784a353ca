"""The audience page in the admin: who sees it, its chart and tables, its CSV files."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kiosque.audience.admin_views import safe_cell
from kiosque.audience.models import HourlyPageViews
from kiosque.audience.report import period_bounds
from kiosque.newsroom import roles
from kiosque.newsroom.models import ArticlePage, ArticleType, SectionPage
from tests.factories import make_article
from tests.newsroom.test_roles import member_of

pytestmark = pytest.mark.django_db

PAGE = "/admin/audience/"
CSV_FILES = [PAGE + name for name in ("heures.csv", "articles.csv", "rubriques.csv", "directs.csv")]


def this_hour():
    return timezone.now().replace(minute=0, second=0, microsecond=0)


@pytest.fixture(scope="module")
def _module_counted(_module_newsroom, django_db_blocker):
    """An article read 40 then 25 times, a live 7 times, a hostile title 3 times: made once
    for the module, in its newsroom's transaction (each test runs in a savepoint)."""
    newsroom = _module_newsroom
    with django_db_blocker.unblock():
        story = make_article(newsroom.europe, title="Sommet de Bruxelles", slug="sommet")
        live = make_article(newsroom.sport, title="Le match en direct", slug="match")
        ArticlePage.objects.filter(pk=live.pk).update(article_type=ArticleType.LIVE)
        hostile = make_article(newsroom.sport, title="=HYPERLINK(1)", slug="formule")
        now = this_hour()
        HourlyPageViews.objects.bulk_create(
            [
                HourlyPageViews(page_id=story.pk, hour=now - timedelta(hours=2), views=40),
                HourlyPageViews(page_id=story.pk, hour=now, views=25),
                HourlyPageViews(page_id=live.pk, hour=now - timedelta(hours=2), views=7),
                HourlyPageViews(page_id=hostile.pk, hour=now - timedelta(hours=5), views=3),
                # Out of the 24-hour period, inside the 7-day one.
                HourlyPageViews(page_id=story.pk, hour=now - timedelta(days=3), views=1000),
            ]
        )
    return {"story": story, "live": live, "hostile": hostile}


@pytest.fixture
def counted(newsroom, _module_counted):
    return _module_counted


@pytest.mark.parametrize("role", [roles.EDITOR, roles.ADMINISTRATOR])
def test_editors_and_administrators_see_the_page_and_its_menu_item(client, newsroom, role):
    client.force_login(member_of(role))
    assert client.get(PAGE).status_code == 200
    assert f'"url": "{PAGE}"' in client.get("/admin/").content.decode()  # the sidebar's menu


@pytest.mark.parametrize("role", [roles.JOURNALIST, roles.MODERATOR])
def test_journalists_and_moderators_are_refused(client, newsroom, role):
    client.force_login(member_of(role))
    for path in (PAGE, *CSV_FILES):
        assert client.get(path).status_code == 403
    assert f'"url": "{PAGE}"' not in client.get("/admin/").content.decode()


def test_readers_who_are_not_staff_go_to_the_log_in(client, newsroom):
    assert client.get(PAGE).status_code == 302


def test_the_chart_has_one_bar_per_hour_sized_by_its_views(client, newsroom, counted):
    client.force_login(member_of(roles.EDITOR))
    html = client.get(PAGE + "?days=1").content.decode()
    svg = html.split('<svg class="audience-chart"', 1)[1].split("</svg>", 1)[0]
    assert "<title" in svg and "<desc" in svg
    bars = re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"', svg)
    assert len(bars) == 24
    heights = [float(height) for height in bars]
    # Two hours ago: 40 + 7 = 47 views; this hour, 25; five hours ago, 3.
    assert heights[-3] > heights[-1] > heights[-6] > 0
    assert heights[-1] / heights[-3] == pytest.approx(25 / 47, rel=0.02)
    assert sum(1 for height in heights if height) == 3
    # The same figures as a table, and the page's totals.
    assert "<table" in html.split('<svg class="audience-chart"', 1)[1]
    assert "75" in html  # 40 + 25 + 7 + 3 in the last 24 hours


def test_top_articles_sections_and_lives_of_the_period(client, newsroom, counted):
    client.force_login(member_of(roles.EDITOR))
    html = client.get(PAGE + "?days=1").content.decode()
    articles = html.split('id="audience-articles"', 1)[1].split("</section>", 1)[0]
    assert articles.index("Sommet de Bruxelles") < articles.index("Le match en direct")
    assert "65" in articles  # 40 + 25
    sections = html.split('id="audience-sections"', 1)[1].split("</section>", 1)[0]
    # Monde counts its sub-section Europe's article.
    assert re.search(r"Monde</td><td[^>]*>65<", sections)
    assert re.search(r"Sport</td><td[^>]*>10<", sections)
    lives = html.split('id="audience-lives"', 1)[1].split("</section>", 1)[0]
    assert "Le match en direct" in lives and "Sommet" not in lives
    week = client.get(PAGE + "?days=7").content.decode()
    assert "1065" in week.split('id="audience-articles"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize("days", ["abc", "100000", "-1", "0", "7.5", "", "1" * 40])
def test_a_bad_period_says_so_and_shows_the_default_never_a_500(client, newsroom, days):
    client.force_login(member_of(roles.EDITOR))
    response = client.get(PAGE, {"days": days})
    assert response.status_code == 200
    assert response.context["days"] == 7
    assert "error-message" in response.content.decode()
    for path in CSV_FILES:
        assert client.get(path, {"days": days}).status_code == 200


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_hourly_csv_has_every_hour_in_the_newsroom_zone(client, newsroom, counted):
    client.force_login(member_of(roles.EDITOR))
    rows = read_csv(client.get(PAGE + "heures.csv?days=1"))
    assert rows[0] == ["heure (Europe/Paris)", "vues"]
    assert len(rows) == 1 + 24
    start, end = period_bounds(1)
    assert rows[1][0] == timezone.localtime(start, newsroom.settings.zone).isoformat()
    assert rows[-1] == [timezone.localtime(end, newsroom.settings.zone).isoformat(), "25"]
    assert sum(int(views) for _hour, views in rows[1:]) == 75


def test_the_articles_csv_escapes_what_a_spreadsheet_would_run(client, newsroom, counted):
    client.force_login(member_of(roles.EDITOR))
    rows = read_csv(client.get(PAGE + "articles.csv?days=1"))
    assert rows[0] == ["id", "titre", "vues", "direct"]
    by_title = {row[1]: row for row in rows[1:]}
    assert by_title["Sommet de Bruxelles"][2] == "65"
    assert by_title["Le match en direct"][3] == "oui"
    assert "'=HYPERLINK(1)" in by_title  # text, never a formula
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_the_page_links_every_csv_file_for_the_period_shown(client, newsroom):
    client.force_login(member_of(roles.EDITOR))
    html = client.get(PAGE + "?days=30").content.decode()
    for path in CSV_FILES:
        assert f'href="{path}?days=30"' in html


def test_the_sections_csv_counts_sub_sections_like_the_page(client, newsroom, counted):
    client.force_login(member_of(roles.EDITOR))
    response = client.get(PAGE + "rubriques.csv?days=1")
    assert "audience-rubriques-1j.csv" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == ["id", "rubrique", "vues"]
    by_title = {row[1]: row for row in rows[1:]}
    assert by_title["Monde"] == [str(newsroom.monde.pk), "Monde", "65"]
    assert by_title["Europe"][2] == "65" and by_title["Sport"][2] == "10"
    # The week adds the 1,000 views of three days ago.
    week = {row[1]: row[2] for row in read_csv(client.get(PAGE + "rubriques.csv?days=7"))}
    assert week["Monde"] == "1065"


def test_the_lives_csv_lists_every_live_read_and_only_lives(client, newsroom, counted):
    client.force_login(member_of(roles.EDITOR))
    ArticlePage.objects.filter(pk=counted["live"].pk).update(live=False)  # withdrawn since
    response = client.get(PAGE + "directs.csv?days=1")
    assert "audience-directs-1j.csv" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows == [
        ["id", "titre", "vues", "statut"],
        [str(counted["live"].pk), "Le match en direct", "7", "non publié"],
    ]


@pytest.mark.parametrize(
    "value",
    ["=1+1", "  =HYPERLINK(1)", "\t=1", "\n+1", "\u00a0-1", "@SUM(A1)", "|calc", "\r1", " \t@x"],
)
def test_a_cell_a_spreadsheet_would_run_is_prefixed(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Sommet de Bruxelles", " Sommet", "", 42, -3])
def test_plain_cells_and_numbers_are_left_as_they_are(value):
    assert safe_cell(value) == value


def test_no_csv_file_lets_a_leading_blank_hide_a_formula(client, newsroom, counted):
    """Titles come from wires and other newsrooms: every file writes them as text."""
    client.force_login(member_of(roles.EDITOR))
    ArticlePage.objects.filter(pk=counted["hostile"].pk).update(
        title='  =HYPERLINK("http://example.com/x","clic")'
    )
    ArticlePage.objects.filter(pk=counted["live"].pk).update(title="\t+1 direct")
    SectionPage.objects.filter(pk=newsroom.sport.pk).update(title=" @Sport")
    cells = [cell for path in CSV_FILES for row in read_csv(client.get(path)) for cell in row]
    assert '\'  =HYPERLINK("http://example.com/x","clic")' in cells
    assert "'\t+1 direct" in cells and "' @Sport" in cells
    for cell in cells:
        assert not cell.lstrip().startswith(("=", "+", "-", "@", "|")), cell
