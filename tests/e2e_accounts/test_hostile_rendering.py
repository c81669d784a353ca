"""50+ hostile payloads in bodies and display names, rendered by Chromium: none runs.

The page is opened with its Content-Security-Policy bypassed, so escaping alone is
tested: the CSP is a second wall, not the one this test leans on.
"""

import pytest
from playwright.sync_api import expect

from kiosque.discussion.models import Comment
from tests.discussion.helpers import make_reader
from tests.e2e_accounts.payloads import PAYLOADS
from tests.factories import days_ago, make_article


@pytest.fixture
def hostile_article(orm_beside_playwright, django_db_serialized_rollback, transactional_db):
    from django.utils import timezone

    from tests.factories import build_newsroom

    newsroom = build_newsroom()

    article = make_article(newsroom.europe, slug="hostile", published_at=days_ago(1))
    for payload in PAYLOADS:
        author = make_reader(payload[:50])
        Comment.objects.create(
            article=article, author=author, body=payload, status="published",
            created_at=timezone.now(),
        )  # fmt: skip
    for comment in Comment.objects.filter(article=article):
        Comment.objects.filter(pk=comment.pk).update(thread_id=comment.pk)
    return article


def test_payloads_are_shown_literally_and_never_run(
    orm_beside_playwright, hostile_article, live_server, in_chromium
):
    from wagtail.models import Site

    from kiosque.discussion.models import DiscussionSettings

    config = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    config.page_size = len(PAYLOADS) + 5  # every payload on the first page
    config.save()
    assert len(PAYLOADS) >= 50
    base = live_server.url
    pages = [
        hostile_article.url,
        f"/commentaires/{hostile_article.pk}/",
        "/en" + hostile_article.url,
    ]

    def check(new_page):
        page = new_page(bypass_csp=True)
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages:
            page.goto(base + path)
            page.wait_for_load_state("load")
            page.wait_for_timeout(300)  # let onerror/onload handlers fire, were there any
            bodies = page.locator(".comment-threads .comment__body").all_inner_texts()
            names = page.locator(".comment-threads .comment__author").all_inner_texts()
            # Shown as written, character for character. Spaces are left out of the
            # comparison: line breaks become <br>, and French typography puts no-break
            # spaces before « : ; ! ? » in comments as everywhere (issue 16).
            shown = {"".join(b.split()) for b in bodies}
            for payload in PAYLOADS:
                assert "".join(payload.split()) in shown, payload
            expected_names = {" ".join(p[:50].split()) for p in PAYLOADS}
            assert expected_names <= {" ".join(n.split()) for n in names}
            assert page.evaluate("() => window.__pwned") is None
            markup = (
                ".comment__body script, .comment__body img, .comment__body iframe, "
                ".comment__body svg, .comment__author *"
            )
            expect(page.locator(markup)).to_have_count(0)
            for href in page.locator(".comment__body a").evaluate_all(
                "els => els.map(e => e.href)"
            ):
                assert href.startswith(("http://", "https://")), href
        assert dialogs == []

    in_chromium(check)
