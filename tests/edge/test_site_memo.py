"""The site and the newsroom settings are remembered per process, until the content
clock moves: a change made by another process reaches this one at its next request."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kiosque.edge import site_memo
from kiosque.edge.clock import content_changed
from kiosque.newsroom.models import NewsroomSettings
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_memo():
    site_memo.forget()
    yield
    site_memo.forget()


def footer_of(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def settings_changed_by_another_process(site, **values):
    """What another web server's save looks like from here: rows changed (no signal in
    this process), then, after its commit, the purge moving the content clock."""
    NewsroomSettings.objects.filter(site=site).update(**values)


def test_the_site_and_settings_are_read_once_per_clock(newsroom):
    article = make_article(newsroom.europe, slug="memo", published_at=days_ago(1))
    Client().get(article.url)

    with CaptureQueriesContext(connection) as queries:
        assert Client().get(article.url).status_code == 200
    tables = " ".join(query["sql"] for query in queries)
    assert "wagtailcore_site" not in tables
    # Every site-wide setting (the footer's policy links too), and the sites' root paths
    # that every link reads (a cache read each, before: not a query, not asserted here).
    assert "newsroom_newsroomsettings" not in tables
    assert "editorial_policysettings" not in tables


def test_another_processs_change_shows_once_the_clock_moves(newsroom):
    article = make_article(newsroom.europe, slug="horloge", published_at=days_ago(1))
    NewsroomSettings.for_site(newsroom.site)  # the row exists before anyone reads it
    assert "Éditions de la Dune" not in footer_of(article.url)

    settings_changed_by_another_process(newsroom.site, publisher_name="Éditions de la Dune")
    # The clock has not moved: this process still answers what it read (the control).
    assert "Éditions de la Dune" not in footer_of(article.url)

    content_changed()  # the other process's purge, after its commit
    assert "© Éditions de la Dune" in footer_of(article.url)


def test_a_save_in_this_process_is_seen_at_once(newsroom):
    article = make_article(newsroom.europe, slug="ici", published_at=days_ago(1))
    footer_of(article.url)
    settings = NewsroomSettings.for_site(newsroom.site)
    settings.publisher_name = "Presse du Val"
    settings.save()  # inside the test's transaction: no commit, the clock stays
    assert "© Presse du Val" in footer_of(article.url)


def test_each_request_has_its_own_copies(newsroom, rf):
    first, second = rf.get("/"), rf.get("/")
    site_memo.remember_site_for(first)
    site_memo.remember_site_for(second)

    assert first._wagtail_site is not second._wagtail_site
    home_first = first._wagtail_site.root_page.specific
    home_second = second._wagtail_site.root_page.specific
    assert home_first is not home_second and home_first.pk == home_second.pk
    assert home_first.specific is home_first  # a specific page is its own `specific`
    home_first.seen_by = "first"
    assert not hasattr(home_second, "seen_by")
    settings_first = NewsroomSettings.for_request(first)
    assert settings_first is not NewsroomSettings.for_request(second)
    assert settings_first._request is first


def test_made_up_host_names_cannot_fill_the_memory(newsroom, rf, settings):
    settings.ALLOWED_HOSTS = ["*"]
    for number in range(site_memo.MAX_HOSTS + 10):
        site_memo.remember_site_for(rf.get("/", HTTP_HOST=f"h{number}.example"))
    assert len(site_memo._memo.sites) == site_memo.MAX_HOSTS


def test_the_health_check_the_admin_and_the_api_do_not_use_it(client, newsroom, admin_client):
    assert client.get("/healthz").status_code == 200
    assert admin_client.get("/admin/").status_code in (200, 302)
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert site_memo._memo.sites == {}
    assert client.get("/").status_code == 200  # the control: a reader page does
    assert len(site_memo._memo.sites) == 1


def navigation_and_trail(url: str) -> tuple[str, str]:
    html = footer_of(url)
    navigation = html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
    trail = html.split('class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    return navigation, trail


def test_the_sections_are_read_once_per_clock_for_navigation_and_breadcrumb(newsroom):
    article = make_article(newsroom.europe, slug="fil", published_at=days_ago(1))
    Client().get(article.url)

    with CaptureQueriesContext(connection) as queries:
        navigation, trail = navigation_and_trail(article.url)
    assert "newsroom_sectionpage" not in " ".join(query["sql"] for query in queries)
    assert ">Monde</a>" in navigation
    assert 0 <= trail.index(">Monde</a>") < trail.index(">Europe</a>")


def test_a_renamed_section_shows_in_navigation_and_breadcrumb(newsroom):
    article = make_article(newsroom.europe, slug="renomme", published_at=days_ago(1))
    navigation_and_trail(article.url)

    # Another process's rename: rows changed, no signal here, then its purge.
    from wagtail.models import Page

    Page.objects.filter(pk=newsroom.monde.pk).update(title="International")
    assert ">Monde</a>" in navigation_and_trail(article.url)[0]  # the clock has not moved
    content_changed()
    navigation, trail = navigation_and_trail(article.url)
    assert ">International</a>" in navigation and ">International</a>" in trail

    # A save in this process (inside the test's transaction) is seen at once.
    europe = newsroom.europe
    europe.title = "Union européenne"
    europe.save_revision().publish()
    assert ">Union européenne</a>" in navigation_and_trail(article.url)[1]


def test_a_private_section_leaves_the_navigation(newsroom):
    from wagtail.models import PageViewRestriction

    article = make_article(newsroom.europe, slug="prive", published_at=days_ago(1))
    assert ">Monde</a>" in navigation_and_trail(article.url)[0]
    PageViewRestriction.objects.create(page=newsroom.monde, restriction_type="login")
    html = footer_of("/")
    navigation = html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert ">Monde</a>" not in navigation
