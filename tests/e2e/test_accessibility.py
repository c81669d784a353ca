"""axe-core audits of the reader pages, French at / and English under /en/.

Any violation axe rates "serious" or "critical" fails the test. The article pages are
chosen to cover what an article may show: the age banner, a topic link in the title,
a named author's link, an update date and the comment buttons.
"""

import pytest

from tests.e2e.helpers import article_path, demo_article

BLOCKING_IMPACTS = {"serious", "critical"}
TARGETS_SHOWN = 3

PAGES = {
    "home": "/",
    "section": "/monde/",
    # Old, with a topic link before the title and an author link in the credit line.
    "article-topic": article_path(
        demo_article("ce-que-la-conference-de-tallinn-change-securite-energetique")
    ),
    # Recent, updated, from AFP, with the comment buttons.
    "article-comments": article_path(
        demo_article("tempete-heloise-catastrophe-naturelle-212-communes")
    ),
    # A running live: key events, « L'essentiel », the stream and its live notice.
    "live": "/environnement/direct-crue-de-la-loire/",
}
LANGUAGES = {"fr": "", "en": "/en"}


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:TARGETS_SHOWN]]
        more = len(violation["nodes"]) - len(targets)
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" [{violation['helpUrl']}]\n    on: {', '.join(targets)}"
            + (f" and {more} more" if more > 0 else "")
        )
    return "\n".join(lines)


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation(axe_page, axe, live_site, language, page_name):
    url = live_site.url(LANGUAGES[language] + PAGES[page_name])
    response = axe_page.goto(url)
    assert response is not None and response.status == 200, url
    assert axe_page.locator("html").get_attribute("lang") == language

    violations = blocking(axe(axe_page))

    assert violations == [], f"axe-core on {url}:\n{describe(violations)}"


@pytest.mark.parametrize("page_name", ["home", "article-topic"])
def test_no_serious_accessibility_violation_in_dark_mode(new_page, axe, live_site, page_name):
    page = new_page(bypass_csp=True, color_scheme="dark")
    url = live_site.url(PAGES[page_name])
    page.goto(url)

    violations = blocking(axe(page))

    assert violations == [], f"axe-core on {url} (dark mode):\n{describe(violations)}"
