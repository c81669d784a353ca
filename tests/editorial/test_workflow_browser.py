"""In Chromium, against the demo site `make run` serves: a journalist submits a draft to
« Relecture », an editor approves it, and readers then find it published.

Reuses the browser tests' live site (tests/e2e/fixtures.py): `kiosque serve` on a
throw-away SQLite demo, driven by Debian's Chromium.
"""

import re
import secrets
import subprocess
import sys
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import REPO_ROOT, SCREENSHOT_DIR

pytestmark = pytest.mark.browser

SETUP = """
import os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.rich_text import RichText
from kiosque.newsroom.models import ArticlePage, SectionPage

User = get_user_model()
for name, role in (("e2e-journaliste", "Journalistes"), ("e2e-editeur", "Éditeurs")):
    user, _ = User.objects.get_or_create(username=name, email=name + "@kiosque.invalid")
    user.set_password(os.environ["E2E_STAFF_PASSWORD"])
    user.save()
    user.groups.add(Group.objects.get(name=role))
journalist = User.objects.get(username="e2e-journaliste")
sport = SectionPage.objects.get(slug="sport")
article = ArticlePage(
    title=os.environ["E2E_TITLE"], slug=os.environ["E2E_SLUG"], live=False, owner=journalist,
    standfirst="Le club présente son projet de piste couverte aux élus de la métropole.",
    body=[("paragraph", RichText("<p>La réunion publique est prévue jeudi soir.</p>"))],
)
sport.add_child(instance=article)
article.save_revision(user=journalist)
print("ARTICLE", article.pk)
"""


def snapshot(page, step: str) -> None:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"test_workflow_browser-{step}.png"), full_page=True)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (127.0.0.1)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def log_in(page, site, username: str, password: str) -> None:
    page.goto(site.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(site.url("/admin/"))


def test_submit_approve_publish_in_the_browser(new_page, live_site):
    token = secrets.token_hex(3)
    title = f"Le club d’athlétisme de Vaulx présente sa piste couverte {token}"
    slug = f"piste-couverte-vaulx-{token}"
    password = secrets.token_urlsafe(18)
    done = subprocess.run(
        [sys.executable, "-m", "kiosque", "shell", "-c", SETUP],
        env={**live_site.env, "E2E_STAFF_PASSWORD": password, "E2E_TITLE": title, "E2E_SLUG": slug},
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    article_id = int(re.search(r"ARTICLE (\d+)", done.stdout).group(1))
    edit = live_site.url(f"/admin/pages/{article_id}/edit/")
    public = live_site.url(f"/sport/{slug}/")
    assert status_of(public) == 404

    # The journalist submits the draft: « Publier » is not offered to them.
    journalist = new_page()
    log_in(journalist, live_site, "e2e-journaliste", password)
    journalist.goto(edit)
    expect(journalist.locator("#id_title")).to_have_value(title)
    expect(journalist.locator("button[name=action-publish]")).to_have_count(0)
    journalist.get_by_role("button", name=re.compile("Plus d['’]actions|More actions")).click()
    submit = journalist.locator("button[name=action-submit]")
    expect(submit).to_contain_text("Relecture")
    snapshot(journalist, "01-journalist-submits")
    submit.click()
    expect(journalist.locator(".messages")).to_contain_text(title)
    assert status_of(public) == 404  # submitted, not published

    # The editor approves: the last (only) task of the workflow publishes the article.
    editor = new_page()
    log_in(editor, live_site, "e2e-editeur", password)
    editor.goto(edit)
    approve = editor.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    if not approve.is_visible():
        editor.get_by_role("button", name=re.compile("Plus d['’]actions|More actions")).click()
    snapshot(editor, "02-editor-approves")
    approve.click()
    expect(editor.locator(".messages")).to_contain_text(title)

    # Readers find it (straight from the application, without the edge cache).
    assert status_of(public) == 200
    reader = new_page()
    reader.goto(public)
    expect(reader.locator("main h1")).to_contain_text(title)
    snapshot(reader, "03-reader")
