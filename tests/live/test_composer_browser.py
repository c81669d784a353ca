"""The composer in Chromium: a journalist types an entry in Draftail and posts it with
Ctrl+Enter straight after the last word, which is not lost on the way.

Runs against the test database through pytest-django's live server (not the demo site):
the live, its entries and the journalist are this test's own. The screenshot (1366 px
wide) goes to test-artifacts/screenshots/."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kiosque.live.models import LiveEntry
from tests.e2e.helpers import SCREENSHOT_DIR
from tests.live.helpers import make_live, paragraph

pytestmark = [pytest.mark.browser]
PASSWORD = "mot-de-passe-du-test"


def shoot(page, name: str) -> None:
    """The whole composer at 1366 px: the admin scrolls inside its own frame, so the
    window is made as tall as the page for the picture."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("document.querySelector('main').scrollHeight")
    page.set_viewport_size({"width": 1366, "height": max(900, min(height + 200, 4000))})
    page.screenshot(path=str(SCREENSHOT_DIR / name))
    page.set_viewport_size({"width": 1366, "height": 900})


@pytest.fixture
def orm_beside_playwright(monkeypatch):
    """Requested first: the session's Chromium holds an event loop in this thread, and the
    test code, synchronous, must still reach the database."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def live_with_entries(orm_beside_playwright, transactional_db):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from kiosque.newsroom import roles
    from tests.factories import build_newsroom

    newsroom = build_newsroom()
    live = make_live(newsroom.europe, entries_need_approval=True)
    now = timezone.now()
    rows = [
        ("Les premières rafales touchent le Finistère.", {"is_key": True}),
        ("Ce qu’il faut savoir : alerte rouge dans trois départements.", {"is_pinned": True}),
        ("Le préfet s’exprimera à 18 heures.", {"posted_at": now + timedelta(hours=2)}),
        ("Témoignage d’un habitant de Brest, à valider.", {"status": "pending"}),
    ]
    for minutes, (text, fields) in enumerate(rows):
        fields.setdefault("posted_at", now - timedelta(minutes=30 - minutes))
        LiveEntry.objects.create(live=live, body=paragraph(text), agency=newsroom.agency, **fields)
    journalist = get_user_model().objects.create_user("journaliste", password=PASSWORD)
    journalist.groups.add(Group.objects.get(name=roles.EDITOR))
    return live


def test_ctrl_enter_posts_the_entry_with_its_last_words(
    orm_beside_playwright, live_with_entries, live_server, browser
):
    live = live_with_entries
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/admin/login/?next=/admin/direct/{live.pk}/")
        page.fill("#id_username", "journaliste")
        page.fill("#id_password", PASSWORD)
        page.locator("form button[type=submit]").first.click()
        expect(page.locator("form[data-live-composer]")).to_be_visible()
        editor = page.locator("form[data-live-composer] [contenteditable=true]").first
        expect(editor).to_be_visible()  # the empty paragraph, ready to type into
        shoot(page, "live-composer-1366.png")

        page.fill("#id_title", "Brest : coupure d’électricité")
        editor.click()
        page.keyboard.type("Douze mille foyers privés de courant ce soir")
        page.keyboard.press("Control+Enter")  # at once: before Draftail's own save delay
        expect(page.locator(".messages")).to_contain_text(
            re.compile("Entrée publiée|Entry published")
        )
        posted = page.locator(".live-composer__entry", has_text="coupure d’électricité")
        expect(posted).to_contain_text("Douze mille foyers privés de courant ce soir")
        shoot(page, "live-composer-1366-posted.png")
    finally:
        context.close()
    entry = LiveEntry.objects.get(title="Brest : coupure d’électricité")
    assert "Douze mille foyers privés de courant ce soir</p>" in entry.body[0].value.source
    assert entry.status == LiveEntry.Status.PUBLISHED  # an editor's entry needs nobody
