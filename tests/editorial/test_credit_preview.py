"""« Ligne de crédit publique » under the article's credit fields: the sentence readers
will read, from the server's credit_line(), on the form and from the admin endpoint
credit-preview.js asks as the journalist changes the credits (decision 0070)."""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from kiosque.newsroom import roles
from kiosque.newsroom.models import Agency, AuthorPage
from tests.factories import add_page, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def journalist(client, newsroom):
    user = get_user_model().objects.create_user("plume", "plume@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=roles.JOURNALIST))
    client.force_login(user)
    return user


def preview(client, **params):
    return client.get(reverse("editorial_admin:credit_line"), params)


def shown_line(html: str) -> str:
    found = re.search(r"<output data-credit-preview-line[^>]*>(.*?)</output>", html, re.S)
    assert found, "no credit line on the form"
    return unescape(found.group(1)).strip()


def test_the_endpoint_says_the_line_readers_will_read(client, newsroom, journalist):
    site = newsroom.site.pk
    reuters = Agency.objects.create(name="Reuters")
    second = add_page(newsroom.authors, AuthorPage(title="Léa Martin", slug="lea-martin"))
    one = preview(client, site=site, author=newsroom.author.pk, agency=newsroom.agency.pk)
    assert one.status_code == 200
    assert one.json() == {"line": "Article rédigé par Camille Roussel avec AFP"}
    # The authors in the form's order, each once; then the agencies.
    both = preview(
        client,
        site=site,
        author=[second.pk, newsroom.author.pk, second.pk],
        agency=[newsroom.agency.pk, reuters.pk],
    )
    assert both.json()["line"] == (
        "Article rédigé par Léa Martin et Camille Roussel avec AFP et Reuters"
    )
    # Nobody named: the site's newsroom (Settings › Newsroom).
    assert preview(client, site=site).json()["line"] == "Article rédigé par franceinfo"
    # An id that names nothing (a page deleted since the form was loaded) is left out.
    unknown = preview(client, site=site, author=[999999])
    assert unknown.json()["line"] == "Article rédigé par franceinfo"
    assert preview(client).json()["line"] == "Article rédigé par franceinfo"  # the admin's site
    assert "no-cache" in one["Cache-Control"] or "no-store" in one["Cache-Control"]


def test_the_endpoint_refuses_what_the_form_never_sends(client, newsroom, journalist):
    for params in ({"author": "abc"}, {"agency": "1.5"}, {"author": "0"}, {"site": "-1"}):
        assert preview(client, **params).status_code == 400, params
    assert preview(client, author=list(range(1, 52))).status_code == 400
    assert preview(client, site=999999).status_code == 404
    assert client.post(reverse("editorial_admin:credit_line")).status_code == 405


def test_the_endpoint_is_for_the_admins_users_only(client, newsroom):
    anonymous = preview(client, site=newsroom.site.pk)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    reader = get_user_model().objects.create_user("lecteur", "lecteur@example.org", "x" * 16)
    client.force_login(reader)
    assert preview(client, site=newsroom.site.pk).status_code in (302, 403)


def test_the_edit_form_shows_the_line_under_the_credits(client, newsroom, journalist):
    article = make_article(
        newsroom.europe, authors=[newsroom.author], agencies=[newsroom.agency], live=False
    )
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert shown_line(html) == "Article rédigé par Camille Roussel avec AFP"
    # Under the agencies and the authors, with its script, asking about this site.
    assert html.index('name="agencies"') < html.index("data-credit-preview-line")
    assert "kiosque/admin/credit-preview" in html
    url = re.search(r'data-credit-preview-url="([^"]+)"', html).group(1)
    assert unescape(url) == f"{reverse('editorial_admin:credit_line')}?site={newsroom.site.pk}"


def test_a_new_article_starts_with_the_newsrooms_line(client, newsroom, journalist):
    url = reverse("wagtailadmin_pages:add", args=["newsroom", "articlepage", newsroom.sport.pk])
    html = client.get(url).content.decode()
    assert shown_line(html) == "Article rédigé par franceinfo"


def test_other_pages_have_no_credit_line(client, newsroom, journalist):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[newsroom.europe.pk])).content
    assert b"data-credit-preview" not in html
