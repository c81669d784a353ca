"""La une: editors preview a new lead story before it goes live, and a curated article
that is unpublished leaves no hole (its slot falls back to the latest article)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from kiosque.newsroom import roles
from kiosque.newsroom.models import HomeFeaturedSlot, HomePage
from tests.editorial.admin_forms import home_form
from tests.factories import days_ago, make_article, publish

pytestmark = pytest.mark.django_db


def section(html: str, css_class: str) -> str:
    start = html.index(f'class="{css_class}"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def stories(newsroom):
    return [
        make_article(
            newsroom.europe,
            title=f"Histoire {n}",
            slug=f"histoire-{n}",
            published_at=days_ago(n + 1),
        )
        for n in range(8)
    ]


def curate(home, lead, featured):
    home = HomePage.objects.get(pk=home.pk)
    home.lead_story = lead
    home.featured_slots = [HomeFeaturedSlot(article=a) for a in featured]
    publish(home)


def test_an_editor_previews_la_une_before_it_goes_live(client, newsroom, stories):
    curate(newsroom.home, stories[3], stories[4:6])
    editor = get_user_model().objects.create_user(username="chef-edition", email="c@example.org")
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[newsroom.home.pk])
    form = home_form(newsroom.home, lead_story=stories[7], featured=[stories[6], stories[5]])
    response = client.post(preview_url, form)
    assert response.status_code == 200 and response.json()["is_valid"]

    preview = client.get(preview_url).content.decode()
    assert "Histoire 7" in section(preview, "front-lead")
    assert "Histoire 6" in section(preview, "front-featured")

    # Readers still see the published la une.
    client.logout()
    public = client.get("/").content.decode()
    assert "Histoire 3" in section(public, "front-lead")
    assert "Histoire 7" not in section(public, "front-lead")


def test_invalid_curation_is_refused_in_preview(client, newsroom, stories):
    admin = get_user_model().objects.create_superuser("patron", "p@example.org", "x" * 16)
    client.force_login(admin)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[newsroom.home.pk])
    form = home_form(newsroom.home, lead_story=stories[0])
    form["lead_story"] = "999999"  # no such article
    assert client.post(preview_url, form).json()["is_valid"] is False


def test_an_unpublished_lead_story_falls_back_to_the_latest_article(client, newsroom, stories):
    curate(newsroom.home, stories[5], stories[1:4])
    assert "Histoire 5" in section(client.get("/").content.decode(), "front-lead")
    stories[5].unpublish()
    html = client.get("/").content.decode()
    # The latest article not already featured takes the lead.
    assert "Histoire 0" in section(html, "front-lead")
    assert "Histoire 5" not in html


def test_an_unpublished_featured_article_leaves_no_hole(client, newsroom, stories):
    curate(newsroom.home, stories[0], stories[1:5])
    stories[2].unpublish()
    featured = section(client.get("/").content.decode(), "front-featured")
    assert "Histoire 2" not in featured
    assert featured.count("<li>") == 4  # still four slots: the latest article fills one
    for kept in ("Histoire 1", "Histoire 3", "Histoire 4", "Histoire 5"):
        assert kept in featured


def front_titles(html: str, css_class: str) -> list[str]:
    import re

    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', section(html, css_class))


def test_an_old_curated_story_leads_and_no_story_shows_twice(client, newsroom, stories):
    for n in range(15):  # newer than every story: the curated ones rank far down
        make_article(
            newsroom.europe, title=f"Dépêche {n}", slug=f"depeche-{n}", published_at=days_ago(0)
        )
    curate(newsroom.home, stories[7], [stories[6], stories[0]])
    html = client.get("/").content.decode()

    assert front_titles(html, "front-lead") == ["Histoire 7"]
    featured = front_titles(html, "front-featured")
    assert featured[:2] == ["Histoire 6", "Histoire 0"] and len(featured) == 4
    block = front_titles(html, "front-section")
    assert len(block) == 4  # the section's four newest not already above
    shown = ["Histoire 7", *featured, *block]
    assert len(shown) == len(set(shown))


def test_another_sites_articles_stay_off_this_front_page(client, newsroom, stories):
    from wagtail.models import Page, Site

    from kiosque.newsroom.models import SectionPage
    from tests.factories import add_page

    other_home = add_page(Page.get_first_root_node(), SectionPage(title="Outre-mer", slug="om"))
    Site.objects.create(hostname="outremer.example", root_page=other_home)
    island = add_page(other_home, SectionPage(title="Réunion", slug="reunion"))
    make_article(island, title="Cyclone sur l'île", slug="cyclone", published_at=days_ago(0))
    assert "Cyclone" not in client.get("/").content.decode()
