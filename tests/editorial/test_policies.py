"""Policy pages: editable in the CMS (Settings › Policies, StandardPage bodies) and
linked from every article's footer, with the accessibility conformance status."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from kiosque.editorial.models import AccessibilityStatus, PolicySettings
from kiosque.newsroom import roles
from kiosque.newsroom.models import StandardPage
from tests.factories import add_page, make_article

pytestmark = pytest.mark.django_db

POLICIES = {
    "ownership_page": ("qui-sommes-nous", "Qui sommes-nous"),
    "contact_page": ("contact", "Contact"),
    "legal_notice_page": ("mentions-legales", "Mentions légales"),
    "accessibility_page": ("accessibilite", "Déclaration d’accessibilité"),
}


@pytest.fixture
def policies(newsroom):
    settings = PolicySettings.for_site(newsroom.site)
    for field, (slug, title) in POLICIES.items():
        page = add_page(newsroom.home, StandardPage(title=title, slug=slug, body="<p>Texte.</p>"))
        setattr(settings, field, page)
    settings.accessibility_status = AccessibilityStatus.PARTIAL
    settings.save()
    newsroom.settings.ethics_page = add_page(
        newsroom.home, StandardPage(title="Déontologie", slug="deontologie", body="<p>Charte.</p>")
    )
    newsroom.settings.save()
    return settings


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer"') :]


def test_every_policy_is_linked_from_the_article_footer(client, newsroom, policies):
    article = make_article(newsroom.europe, slug="pied-de-page")
    html = footer(client.get(article.url).content.decode())
    assert 'href="/rectificatifs/">Rectificatifs</a>' in html
    assert 'href="/deontologie/">Déontologie</a>' in html
    assert 'href="/qui-sommes-nous/">Qui sommes-nous</a>' in html
    assert 'href="/contact/">Contact</a>' in html
    assert 'href="/mentions-legales/">Mentions légales</a>' in html
    assert 'href="/accessibilite/">Accessibilité\u00a0: partiellement conforme</a>' in html
    for slug, _ in POLICIES.values():
        assert client.get(f"/{slug}/").status_code == 200


def test_the_english_footer_links_the_same_pages(client, newsroom, policies):
    article = make_article(newsroom.europe, slug="footer-en")
    html = footer(client.get("/en" + article.url).content.decode())
    assert 'href="/en/rectificatifs/">Corrections</a>' in html
    assert ">Legal notice</a>" in html and ">Ownership</a>" in html
    assert ">Accessibility: partially compliant</a>" in html


def test_the_conformance_status_follows_the_setting(client, newsroom, policies):
    policies.accessibility_status = AccessibilityStatus.NONE
    policies.save()
    html = footer(client.get("/").content.decode())
    assert "Accessibilité\u00a0: non conforme" in html


def test_a_footer_without_policy_pages_still_links_the_corrections(client, newsroom):
    html = footer(client.get("/").content.decode())
    assert 'href="/rectificatifs/"' in html
    assert "Mentions légales" not in html


def test_administrators_edit_the_policy_settings_and_others_cannot(client, newsroom, policies):
    url = reverse("wagtailsettings:edit", args=["editorial", "policysettings", newsroom.site.pk])
    user = get_user_model().objects.create_user(username="direction", email="d@example.org")
    user.groups.add(Group.objects.get(name=roles.ADMINISTRATOR))
    client.force_login(user)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "ownership_page": policies.ownership_page_id,
            "contact_page": policies.contact_page_id,
            "legal_notice_page": policies.legal_notice_page_id,
            "accessibility_page": policies.accessibility_page_id,
            "accessibility_status": "full",
        },
    )
    assert response.status_code == 302
    assert PolicySettings.for_site(newsroom.site).accessibility_status == "full"

    journalist = get_user_model().objects.create_user(username="plume", email="p@example.org")
    journalist.groups.add(Group.objects.get(name=roles.JOURNALIST))
    client.force_login(journalist)
    client.post(url, {"accessibility_status": "none"})
    assert PolicySettings.for_site(newsroom.site).accessibility_status == "full"


def test_policy_pages_are_edited_as_text_pages_by_editors(client, newsroom, policies):
    editor = get_user_model().objects.create_user(username="editrice", email="e@example.org")
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    client.force_login(editor)
    page = policies.accessibility_page
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200


def test_unpublished_policy_pages_are_neither_linked_nor_quoted(client, newsroom, policies):
    policies.contact_page.unpublish()
    newsroom.settings.corrections_page.unpublish()
    html = client.get("/").content.decode()
    assert 'href="/contact/"' not in footer(html)
    corrections = client.get("/rectificatifs/").content.decode()
    assert "Texte." not in corrections  # the draft policy's text is not shown
    assert "nous corrigeons l’article" in corrections
