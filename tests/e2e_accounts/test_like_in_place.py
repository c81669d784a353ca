"""« J'aime » without a reload, on the article page and on the full comments page, and
still working with JavaScript turned off."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import article_path, demo_article
from tests.e2e_accounts.test_comment_journey import ARTICLE, demo_passwords, log_in

READER = ("sophie.laurent@lecteurs.invalid", "Sophie L.")


def likes_of(control) -> int:
    return int(control.locator(".comment__likes").inner_text())


def watch_for_problems(page) -> list[str]:
    """CSP violations and script errors, collected while the test runs."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return problems


def test_a_reader_likes_and_unlikes_in_place(live_site, in_chromium):
    email, name = READER
    password = demo_passwords(live_site)[email]
    article_url = live_site.url(article_path(demo_article(ARTICLE)))

    def scenario(new_page):
        page = new_page()
        problems = watch_for_problems(page)
        log_in(page, live_site, "", email, password, "Se connecter")
        page.goto(article_url)
        # The private fragment has arrived: the account bar is in place.
        expect(page.locator(".comments__account")).to_contain_text(name)
        comment = (
            page.locator(".comment-threads .comment")
            .filter(has=page.locator("a[data-like-action]"))
            .filter(has_not_text=name)
            .first
        )
        like = comment.locator("a[data-like-action]")
        comment_id = like.get_attribute("data-like")
        expect(like).to_have_attribute("role", "button")
        was_pressed = like.get_attribute("aria-pressed") == "true"
        before = likes_of(like)
        page.evaluate("window.kiosqueNoReload = true")

        like.click()
        expected = before - 1 if was_pressed else before + 1
        expect(like.locator(".comment__likes")).to_have_text(str(expected))
        expect(like).to_have_attribute("aria-pressed", "false" if was_pressed else "true")
        assert page.url == article_url
        assert page.evaluate("window.kiosqueNoReload") is True  # same document: no reload

        # Stored: after a reload the fragment marks it liked, with the same count.
        page.reload()
        like = page.locator(f'.comment-threads a[data-like="{comment_id}"]')
        expect(like).to_have_attribute("aria-pressed", "false" if was_pressed else "true")
        assert likes_of(like) == expected

        # Back to where it was, on the full comments page this time.
        page.goto(live_site.url(like.get_attribute("href").split("#")[0]))
        button = page.locator(f"#c{comment_id} form[data-like-form] button")
        page.evaluate("window.kiosqueNoReload = true")
        button.click()
        expect(button.locator(".comment__likes")).to_have_text(str(before))
        expect(button).to_have_attribute("aria-pressed", "true" if was_pressed else "false")
        assert page.evaluate("window.kiosqueNoReload") is True
        assert problems == []

    in_chromium(scenario)


def test_without_javascript_the_like_still_works_through_the_full_page(live_site, in_chromium):
    email, name = READER
    password = demo_passwords(live_site)[email]
    article_url = live_site.url(article_path(demo_article(ARTICLE)))

    def scenario(new_page):
        page = new_page(java_script_enabled=False)
        log_in(page, live_site, "", email, password, "Se connecter")
        page.goto(article_url)
        like = (
            page.locator(".comment-threads .comment")
            .filter(has_not_text=name)
            .first.locator("a[data-like-action]")
        )
        comment_id = like.get_attribute("data-like")
        before = likes_of(like)
        like.click()  # a plain link to the full comments page
        expect(page).to_have_url(re.compile(r"/commentaires/\d+/#c" + comment_id + "$"))
        button = page.locator(f"#c{comment_id} form[data-like-form] button")
        pressed = button.get_attribute("aria-pressed") == "true"
        button.click()  # a real form post, then back to the comment
        button = page.locator(f"#c{comment_id} form[data-like-form] button")
        expect(button.locator(".comment__likes")).to_have_text(
            str(before - 1 if pressed else before + 1)
        )
        # Undo, so the demo data stays as it was for the other tests.
        button.click()
        expect(
            page.locator(f"#c{comment_id} form[data-like-form] button .comment__likes")
        ).to_have_text(str(before))

    in_chromium(scenario)
