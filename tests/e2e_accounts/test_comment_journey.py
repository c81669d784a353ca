"""The whole journey in a real browser, in French and in English.

Sign up → the verification mail lands as a file under var/mail/ → verify → back on the
article → comment (a new account is pre-moderated: the moderator approves it) →
another reader replies → the first gets the notification mail → they report the reply
→ the moderator rejects it with a reason → its writer gets the mail.
"""

import re
import secrets
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import article_path, demo_article

# Recent (comments open) demo article.
ARTICLE = "tempete-heloise-catastrophe-naturelle-212-communes"
# A different demo reader replies in each language: one reader may post once per 20 s.
REPLIER = {
    "fr": ("claire.martin@lecteurs.invalid", "Claire M."),
    "en": ("yann.le.goff@lecteurs.invalid", "Yann du Finistère"),
}
TEXT = {
    "fr": {"prefix": "", "signup": "Créer un compte", "login": "Se connecter", "post": "Publier",
           "reply": "Répondre", "report": "Signaler", "send_report": "Envoyer le signalement"},
    "en": {"prefix": "/en", "signup": "Create an account", "login": "Log in", "post": "Post",
           "reply": "Reply", "report": "Report", "send_report": "Send the report"},
}  # fmt: skip


def demo_passwords(live_site) -> dict[str, str]:
    """The passwords `kiosque demo` printed once (in the e2e setup log)."""
    log = (live_site.var_dir / "setup.log").read_text()
    return dict(re.findall(r"^\s+(\S+)\s+(\S{16,})$", log, flags=re.MULTILINE))


def mail_to(live_site, address: str, containing: str, timeout: float = 15) -> str:
    folder = Path(live_site.var_dir) / "mail"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted(folder.glob("*.log")) if folder.exists() else []:
            text = path.read_text(errors="replace")
            for message in text.split("-" * 79):
                if f"To: {address}" in message and containing in message:
                    return message
        time.sleep(0.25)
    raise AssertionError(f"no mail to {address} containing {containing!r} in {folder}")


def log_in(page, live_site, prefix: str, email: str, password: str, label: str) -> None:
    page.goto(live_site.url(f"{prefix}/compte/connexion/"))
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.get_by_role("button", name=label).click()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_sign_up_comment_reply_report_and_moderate(live_site, in_chromium, language):
    in_chromium(lambda new_page: journey(live_site, new_page, language))


def journey(live_site, new_page, language):
    words = TEXT[language]
    prefix = words["prefix"]
    passwords = demo_passwords(live_site)
    article_url = live_site.url(prefix + article_path(demo_article(ARTICLE)))
    email = f"e2e-{language}-{secrets.token_hex(3)}@lecteurs.invalid"
    password = "une phrase de passe " + secrets.token_hex(4)

    # Sign up from the article's link, with a name that must show literally.
    writer = new_page()
    writer.goto(article_url)
    writer.get_by_role("link", name=words["signup"]).first.click()
    writer.fill("#id_display_name", "Zoé <Reporter> & co")
    writer.fill("#id_email", email)
    writer.fill("#id_password1", password)
    writer.locator("form.account-form button[type=submit]").click()
    confirmation = mail_to(live_site, email, "/compte/confirm-email/")
    link = re.search(r"http://\S+/compte/confirm-email/\S+/", confirmation).group(0)
    writer.goto(link)
    writer.locator("form.account-form button[type=submit]").click()
    expect(writer).to_have_url(article_url)

    # The article fetches the personal part: the form is there.
    body = f"Premier commentaire {language} {secrets.token_hex(3)} : merci pour l'article."
    writer.fill("#id_body", body)
    writer.get_by_role("button", name=words["post"], exact=True).click()
    expect(writer.locator(".comments__awaiting")).to_contain_text(body[:40])

    # The moderator approves it (new accounts are pre-moderated).
    moderator = new_page()
    moderator.goto(live_site.url("/admin/login/"))
    moderator.fill("#id_username", "moderateur")
    moderator.fill("#id_password", passwords["moderateur"])
    moderator.locator("form button[type=submit]").first.click()
    moderator.goto(live_site.url("/admin/moderation/file/pending/"))
    row = moderator.locator("tr", has_text=body[:40])
    row.locator("button[value=approve]").click()
    expect(moderator.locator("tr", has_text=body[:40])).to_have_count(0)

    # A demo reader replies.
    replier_email, replier_name = REPLIER[language]
    replier = new_page()
    log_in(replier, live_site, prefix, replier_email, passwords[replier_email], words["login"])
    replier.goto(article_url)
    thread_link = replier.locator(".comment", has_text=body[:40]).get_by_role(
        "link", name=words["reply"]
    )
    thread_link.click()
    reply = f"Réponse de {replier_name} {secrets.token_hex(3)}"
    replier.fill("#id_reply_body", reply)
    replier.locator("#reply-form button[type=submit]").click()
    expect(replier.locator(".comment", has_text=reply)).to_be_visible()

    notice = mail_to(live_site, email, reply)
    assert replier_name in notice and "/desabonnement/" in notice

    # The writer reports the reply from the full comments page (never cached: the article
    # page the browser saw a minute ago may be served again from its own cache, which
    # the edge's purge cannot reach); the moderator rejects it with a reason.
    writer.goto(article_url)
    writer.locator(".comments__more a").click()
    writer.locator(".comment", has_text=reply).get_by_role("link", name=words["report"]).click()
    writer.locator("input[name=reason][value=abusive]").check()
    writer.get_by_role("button", name=words["send_report"]).click()
    moderator.goto(live_site.url("/admin/moderation/file/reported/"))
    row = moderator.locator("tr", has_text=reply)
    reason = f"Hors charte {language}"
    row.locator("input[name=reason]").fill(reason)
    row.locator("button.no").click()
    rejected = mail_to(live_site, replier_email, reason)
    assert reply in rejected
    outcome = mail_to(
        live_site, email, "Comment removed" if language == "en" else "Commentaire retiré"
    )
    assert outcome

    # And the article, for anyone, shows the writer's name as typed, never as markup.
    anonymous = new_page()
    anonymous.goto(article_url)
    expect(
        anonymous.locator(".comment__author", has_text="Zoé <Reporter> & co").first
    ).to_be_visible()
    expect(anonymous.locator(".comment", has_text=reply)).to_have_count(0)
