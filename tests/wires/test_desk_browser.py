"""In the browser: an editor creates an article from a dispatch on the wire desk and
publishes it; a reader sees it credited « avec AFP ».

Uses the suite's one live demo site and Chromium (tests/e2e/fixtures.py), in the same
worker as every other browser test.
"""

import os
import re
import secrets
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.e2e.test_editor_publishes import TRACK_AUTOSAVE, either, wait_until_autosave_settles
from tests.wires.helpers import ninjs, write_json

pytestmark = pytest.mark.browser


def ingest_into(site, path) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "BASE_URL", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(KIOSQUE_VAR_DIR=str(site.var_dir), DJANGO_SETTINGS_MODULE="kiosque.settings.dev")
    completed = subprocess.run(
        [sys.executable, "-m", "kiosque", "ingest", str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout


def test_create_an_article_from_a_dispatch_and_publish_it_in_chromium(
    live_site, new_page, tmp_path
):
    token = secrets.token_hex(3)
    headline = f"Quimper : le festival de Cornouaille dévoile sa programmation {token}"
    item = ninjs(uri=f"urn:kiosque-e2e:{token}", headline=headline)
    assert ingest_into(live_site, write_json(tmp_path, "item.json", item)).startswith("created")

    editor = new_page()
    editor.context.add_init_script(TRACK_AUTOSAVE)
    editor.goto(live_site.url("/admin/"))
    editor.fill("#id_username", live_site.admin_username)
    editor.fill("#id_password", live_site.admin_password)
    editor.locator("form button[type=submit]").first.click()
    expect(editor).to_have_url(live_site.url("/admin/"))

    editor.goto(live_site.url("/admin/depeches/"))
    editor.get_by_role("link", name=headline).click()
    expect(editor.locator("h1")).to_contain_text(headline)
    expect(editor.locator(".wires-preview")).to_contain_text("Nous repartons en mer dès jeudi.")
    editor.get_by_role("button", name="Créer un article").click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(editor.locator("#id_title")).to_have_value(headline)

    wait_until_autosave_settles(editor)
    editor.get_by_role("button", name=either("Plus d'actions", "More actions")).click()
    editor.locator("button[name=action-publish]").click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/$"))

    editor.goto(live_site.url("/admin/depeches/"))
    editor.get_by_role("link", name=headline).click()
    live_path = editor.locator("a.wires-live-link").get_attribute("href")
    reader = new_page()
    reader.goto(live_site.url(live_path))
    main = reader.locator("main")
    expect(main.locator("h1")).to_contain_text(headline)
    expect(main).to_contain_text("avec AFP")
    expect(main).to_contain_text("DOUARNENEZ")
