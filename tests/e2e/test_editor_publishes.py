"""An editor writes and publishes an article in the Wagtail admin; a reader finds it.

The admin speaks French (the site's LANGUAGE_CODE) unless the account chose English, so
buttons are found by French-or-English names and form fields by their ids.
"""

import io
import re
import secrets

from playwright.sync_api import expect

from tests.e2e.helpers import SCREENSHOT_DIR, foreign_requests, record_requests


def either(french: str, english: str) -> re.Pattern:
    """An accessible name in French or English, whatever apostrophe Wagtail prints."""
    names = "|".join(
        re.escape(name).replace("\\ ", " ").replace("'", "['’]") for name in (french, english)
    )
    return re.compile(f"^\\s*(?:{names})\\s*$", re.IGNORECASE)


def unique_png() -> bytes:
    """A small picture no earlier upload has the same bytes as (Wagtail warns about
    duplicates): a random sky over a green track."""
    from PIL import Image, ImageDraw

    sky = tuple(secrets.randbelow(256) for _ in range(3))
    image = Image.new("RGB", (320, 180), sky)
    ImageDraw.Draw(image).rectangle((0, 120, 320, 180), fill=(46, 125, 80))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


# Wagtail 8 autosaves the editor's form (WAGTAIL_AUTOSAVE_INTERVAL, 500 ms by default):
# the first autosave of a new page creates it as a draft and turns the form into the
# edit form. Publishing while an autosave is on its way would post the create form
# again ("slug already in use"), so the test follows the autosave events and only
# publishes once the form has been quiet for a while, as a person would.
TRACK_AUTOSAVE = """
window.__kiosqueEditor = {ready: false, saving: 0, saves: 0, lastActivity: Date.now()};
(() => {
    const state = window.__kiosqueEditor;
    const touch = () => { state.lastActivity = Date.now(); };
    document.addEventListener('w-unsaved:watch-edits', () => { state.ready = true; touch(); });
    document.addEventListener('w-autosave:save', () => { state.saving += 1; touch(); });
    for (const name of ['w-autosave:success', 'w-autosave:error']) {
        document.addEventListener(name, () => {
            state.saving = Math.max(0, state.saving - 1);
            if (name.endsWith('success')) { state.saves += 1; }
            touch();
        });
    }
    for (const name of ['input', 'change', 'keyup']) {
        document.addEventListener(name, touch, true);
    }
})();
"""
QUIET_MS = 2500


def wait_until_editor_ready(page) -> None:
    """The unsaved-changes watcher has taken its snapshot of the empty form."""
    page.wait_for_function("() => window.__kiosqueEditor && window.__kiosqueEditor.ready")


def wait_until_autosave_settles(page) -> None:
    page.wait_for_function(
        """quiet => {
            const state = window.__kiosqueEditor;
            return state.saving === 0 && Date.now() - state.lastActivity > quiet;
        }""",
        arg=QUIET_MS,
        polling=250,
    )


def snapshot(page, step: str) -> None:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"test_editor_publishes-{step}.png"), full_page=True)


def test_editor_publishes_an_article_that_readers_then_find(new_page, live_site):
    token = secrets.token_hex(3)
    title = f"Le club de Villeurbanne inaugure sa piste couverte {token}"
    standfirst = (
        "Après deux ans de travaux, les athlètes de la région disposent enfin d’un anneau "
        f"de 200 mètres à l’abri des intempéries ({token})."
    )
    paragraph = f"La piste a été inaugurée samedi devant plusieurs centaines de licenciés {token}."
    alt = f"Une piste d’athlétisme bleue sous une charpente en bois {token}"

    editor = new_page()
    editor.context.add_init_script(TRACK_AUTOSAVE)

    # Log in.
    editor.goto(live_site.url("/admin/"))
    expect(editor).to_have_url(re.compile(r"/admin/login/"))
    editor.fill("#id_username", live_site.admin_username)
    editor.fill("#id_password", live_site.admin_password)
    snapshot(editor, "01-login")
    editor.locator("form button[type=submit]").first.click()
    expect(editor).to_have_url(live_site.url("/admin/"))

    # Explorer: the home page's children, then the section « Sport ».
    editor.goto(live_site.url("/admin/pages/"))
    home_row = editor.locator("table tbody tr").filter(
        has=editor.locator("td.title", has_text=re.compile(r"^\s*Kiosque Info\s*$"))
    )
    home_row.locator("td.children a").click()
    sport_row = editor.locator("table tbody tr").filter(
        has=editor.locator("td.title", has_text=re.compile(r"^\s*Sport\s*$"))
    )
    expect(sport_row).to_have_count(1)
    sport_row.locator("td.children a").click()
    expect(editor.locator("h1")).to_contain_text("Sport")
    snapshot(editor, "02-sport-section")

    # « Ajouter une sous-page », then the page type « Article ».
    editor.get_by_role("link", name=either("Ajouter une sous-page", "Add child page")).first.click()
    editor.get_by_role("link", name=either("Article", "Article")).click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/add/newsroom/articlepage/\d+/$"))
    wait_until_editor_ready(editor)

    # The form: title (leaving it fills the slug), standfirst, one paragraph.
    editor.fill("#id_title", title)
    editor.locator("#id_title").blur()
    expect(editor.locator("#id_slug")).to_have_value(re.compile(r"^le-club-de-villeurbanne"))
    editor.fill("#id_standfirst", standfirst)
    editor.locator("#body-root button.c-sf-add-button").first.click()
    editor.get_by_role("option", name=either("Paragraphe", "Paragraph")).click()
    rich_text = editor.locator("#body-root .public-DraftEditor-content")
    expect(rich_text).to_have_count(1)
    rich_text.click()
    editor.keyboard.type(paragraph)
    expect(rich_text).to_contain_text(paragraph)

    # Lead image: upload a new picture through the chooser's upload tab.
    editor.get_by_role("button", name=either("Choisir une image", "Choose an image")).click()
    modal = editor.locator(".modal.in, .modal[aria-hidden=false]").first
    expect(modal).to_be_visible()
    modal.locator("#tab-label-upload").click()
    modal.locator("#id_image-chooser-upload-title").fill(f"Piste couverte {token}")
    modal.locator("#id_image-chooser-upload-file").set_input_files(
        files=[{"name": f"piste-{token}.png", "mimeType": "image/png", "buffer": unique_png()}]
    )
    modal.locator("#id_image-chooser-upload-caption").fill("La nouvelle piste couverte.")
    modal.locator("#id_image-chooser-upload-photographer").fill("Théo Perrin")
    modal.locator("#id_image-chooser-upload-source").fill("KIOSQUE INFO")
    snapshot(editor, "03-image-upload")
    modal.locator("form button[type=submit]").filter(visible=True).first.click()
    expect(modal).to_be_hidden()
    expect(editor.locator("#id_lead_image")).to_have_value(re.compile(r"^\d+$"))
    editor.fill("#id_lead_image_alt", alt)
    snapshot(editor, "04-article-form")

    # Publish: the action sits in the dropdown of the save button, at the bottom.
    wait_until_autosave_settles(editor)
    editor.get_by_role("button", name=either("Plus d'actions", "More actions")).click()
    editor.locator("button[name=action-publish]").click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/$"))
    expect(editor.locator(".messages")).to_contain_text(title)
    snapshot(editor, "05-published")

    # A reader, in a fresh context (no admin session), finds the article under Sport.
    reader = new_page()
    requested = record_requests(reader)
    reader.goto(live_site.url("/"))
    reader.get_by_role("navigation", name="Rubriques").get_by_role(
        "link", name="Sport", exact=True
    ).click()
    expect(reader).to_have_url(live_site.url("/sport/"))
    card_link = reader.locator("main").get_by_role("link", name=title, exact=True)
    expect(card_link).to_be_visible()
    # The newest article comes first in its section.
    expect(reader.locator("main .card__title a").first).to_have_text(title)
    card_link.click()
    expect(reader).to_have_url(re.compile(r"/sport/le-club-de-villeurbanne[^/]*/$"))
    main = reader.locator("main")
    expect(main.locator("h1")).to_have_text(title)
    expect(main.locator(".standfirst")).to_have_text(standfirst)
    expect(main.locator(".article__body")).to_contain_text(paragraph)
    expect(main.locator(".age-banner")).to_have_count(0)
    image = main.locator("figure.lead-image img")
    expect(image).to_have_attribute("alt", alt)
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") > 0, "the lead image did not load"
    expect(main.locator("figure.lead-image .photo-credit")).to_have_text(
        "(Théo Perrin / KIOSQUE INFO)"
    )
    expect(main.locator(".comments a")).to_have_text(["Se connecter", "Créer un compte"])
    snapshot(reader, "06-reader")
    assert foreign_requests(requested) == []
