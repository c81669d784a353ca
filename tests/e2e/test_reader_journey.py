"""A reader's journey through the demo site, and the article page as PRODUCT.md lists it.

The expected texts come from the demo's own data files (kiosque/demo/content), so the
tests follow the demo when its articles change, while the wording around them (banner,
credit line, dates, reading time, comments) is spelled out here as the product wants it.
"""

import itertools
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.e2e.helpers import (
    NBSP,
    article_path,
    body_texts,
    days_old,
    demo_article,
    demo_topic_title,
    expected_photo_credit,
    expected_reading_minutes,
    flat,
    foreign_requests,
    record_requests,
    top,
)

PARIS = ZoneInfo("Europe/Paris")
SECTIONS = ["Monde", "Politique", "Économie", "Environnement", "Société", "Sport", "Culture"]
COMMENTS_CLOSE_AFTER_DAYS = 30  # NewsroomSettings' default, which the demo keeps

# Published 480 days ago by the demo, from Reuters copy, in Monde > Amériques: old enough
# for the one-year banner, too old for comments.
OLD_AGENCY_ARTICLE = "chili-ollague-consultation-rejet-projet-lithium"
# Published 20 hours ago from AFP copy and updated 4 hours later; comments open.
RECENT_AGENCY_ARTICLE = "tempete-heloise-catastrophe-naturelle-212-communes"
# Topic « Conférence de Tallinn »; the title does not start with it.
TOPIC_PREFIXED_ARTICLE = "ce-que-la-conference-de-tallinn-change-securite-energetique"
# Topic « Conférence de Tallinn »; the AFP headline already starts with it.
TOPIC_IN_TITLE_ARTICLE = "conference-de-tallinn-neuf-pays-proteger-cables-gazoducs-baltique"


def test_demo_data_still_fits_these_tests():
    """The articles chosen above keep the properties the tests rely on."""
    old = demo_article(OLD_AGENCY_ARTICLE)
    assert 400 <= days_old(old) <= 700 and old["agencies"] == ["Reuters"]
    assert old["section"].startswith("monde/") and old["comments"]
    recent = demo_article(RECENT_AGENCY_ARTICLE)
    assert days_old(recent) < 1 and recent["agencies"] == ["AFP"] and recent["comments"]
    assert recent["updated_after"]
    prefixed = demo_article(TOPIC_PREFIXED_ARTICLE)
    topic = demo_topic_title(prefixed["topic"])
    assert not prefixed["title"].lower().startswith(topic.lower())
    in_title = demo_article(TOPIC_IN_TITLE_ARTICLE)
    assert in_title["topic"] == prefixed["topic"]
    assert in_title["title"].startswith(topic) and in_title["agencies"] == ["AFP"]
    assert 3 * 365 + 7 < days_old(in_title) < 4 * 365


def assert_in_reading_order(named_locators: list[tuple[str, object]]) -> None:
    positions = [(name, top(locator)) for name, locator in named_locators]
    for (name_before, y_before), (name_after, y_after) in itertools.pairwise(positions):
        assert y_before < y_after, (
            f"{name_before!r} (y={y_before:.0f}) should come before {name_after!r} "
            f"(y={y_after:.0f}); order on the page: {positions}"
        )


def assert_publication_time(time_element, label: str, expected_age: timedelta) -> str:
    """`<time datetime>` shows the same minute as its attribute, in Paris time."""
    attribute = time_element.get_attribute("datetime")
    moment = datetime.fromisoformat(attribute)
    assert moment.utcoffset() == moment.astimezone(PARIS).utcoffset(), (
        f"{label}: {attribute} is not in the newsroom's zone (Europe/Paris)"
    )
    shown = time_element.inner_text()
    assert shown == moment.strftime("%d/%m/%Y %H:%M"), f"{label}: {shown!r} vs {attribute}"
    age = datetime.now(UTC) - moment
    assert abs(age - expected_age) < timedelta(hours=1), f"{label}: {attribute} is {age} old"
    return shown


def assert_header_and_footer(page, language: str) -> None:
    nav_name = "Rubriques" if language == "fr" else "Sections"
    nav = page.get_by_role("navigation", name=nav_name)
    expect(nav.get_by_role("link")).to_have_text(SECTIONS)
    footer = page.locator("footer.site-footer")
    indexes_name, policies_name = (
        ("Index", "Nos engagements") if language == "fr" else ("Indexes", "Policies")
    )
    indexes = footer.get_by_role("navigation", name=indexes_name, exact=True)
    expect(indexes.get_by_role("link")).to_have_text(["Dossiers", "Auteurs"])
    policies = (
        [
            "Rectificatifs",
            "Déontologie",
            "Qui sommes-nous",
            "Contact",
            "Mentions légales",
            "Confidentialité",
            "Accessibilité\u00a0: partiellement conforme",
        ]
        if language == "fr"
        else [
            "Corrections",
            "Ethics",
            "Ownership",
            "Contact",
            "Legal notice",
            "Privacy",
            "Accessibility: partially compliant",
        ]
    )
    expect(
        footer.get_by_role("navigation", name=policies_name, exact=True).get_by_role("link")
    ).to_have_text(policies)
    expect(footer).to_contain_text("© Éditions Kiosque")


def test_reader_goes_from_home_to_an_old_article_in_french_then_english(page, live_site):
    article = demo_article(OLD_AGENCY_ARTICLE)
    requested = record_requests(page)

    # Home, then the section « Monde » from the header.
    page.goto(live_site.url("/"))
    expect(page).to_have_title(re.compile(r"^Kiosque Info\b"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_role("navigation", name="Rubriques").get_by_role(
        "link", name="Monde", exact=True
    ).click()
    expect(page).to_have_url(live_site.url("/monde/"))
    expect(page.locator("main h1")).to_have_text("Monde")

    # The section lists its sub-sections' articles too; open the Chilean one.
    page.locator("main").get_by_role("link", name=article["title"], exact=True).click()
    expect(page).to_have_url(live_site.url(article_path(article)))
    expect(page).to_have_title(f"{article['title']} – Kiosque Info")

    main = page.locator("main")
    header = page.locator("header.site-header")
    breadcrumb = page.locator("nav.breadcrumb")
    banner = main.locator(".age-banner")
    type_label = main.locator(".article-type")
    title = main.locator("h1")
    standfirst = main.locator(".standfirst")
    credit = main.locator(".credit-line")
    publisher = main.locator(".publisher")
    published = main.locator(".dates span").first
    reading_time = main.locator(".reading-time")
    image = main.locator("figure.lead-image img")
    caption = main.locator("figure.lead-image figcaption")
    body = main.locator(".article__body")
    comments = main.locator("section.comments")
    related = main.locator("section.related")
    footer = page.locator("footer.site-footer")

    # 1. The age banner: the article is between one and two years old.
    expect(banner).to_have_count(1)
    expect(banner).to_have_text("Cet article date de plus d'un an.")
    # 2. The type label is the element right before the title.
    expect(type_label).to_have_text("Info")
    assert page.evaluate(
        """() => {
            const titles = document.querySelectorAll('main h1');
            const before = titles[0].previousElementSibling;
            return titles.length === 1 && before !== null
                && before.classList.contains('article-type');
        }"""
    ), "the type label must be the element just before the only h1 of main"
    expect(title).to_have_text(article["title"])
    expect(title.locator("a.article__topic")).to_have_count(0)  # no topic
    # 3. Standfirst.
    expect(standfirst).to_have_text(article["standfirst"])
    # 4. Credit line and publisher.
    expect(credit).to_have_text("Article rédigé par Kiosque Info avec Reuters")
    expect(publisher).to_have_text("Éditions Kiosque")
    # 5. Date of publication, in a <time datetime> element, in Paris time.
    expect(published).to_have_text(re.compile(r"^Publié le \d\d/\d\d/\d{4} \d\d:\d\d$"))
    age = timedelta(**article["published_ago"])
    assert_publication_time(published.locator("time[datetime]"), "published", age)
    expect(main.locator(".dates span")).to_have_count(1)  # never updated
    # 6. Reading time, with a no-break space before the colon.
    minutes = expected_reading_minutes(article)
    # (to_have_text would not see the difference: it treats every space alike)
    assert reading_time.text_content() == f"Temps de lecture{NBSP}: {minutes}min"
    # 7. Lead image: described, actually loaded, with caption and credit.
    picture = article["image"]
    expect(image).to_have_attribute("alt", picture["alt"])
    assert picture["alt"].strip()
    expect(image).to_have_js_property("complete", True)
    loaded = image.evaluate("img => ({src: img.currentSrc, width: img.naturalWidth})")
    assert loaded["width"] > 0, f"the lead image did not load: {loaded}"
    assert loaded["src"].startswith(live_site.url("/media/images/")), loaded
    credit_text = expected_photo_credit(picture)
    assert credit_text == "(Javiera Rojas / REUTERS)"  # the agency is also the source
    expect(caption.locator(".photo-credit")).to_have_text(credit_text)
    assert flat(caption.inner_text()) == flat(f"{picture['caption']} {credit_text}")
    # 8. Body: the dateline opens the first paragraph, then every block of the demo.
    dateline = body.locator("p").first.locator(".dateline")
    assert flat(dateline.inner_text()) == flat(article["dateline"])
    body_text = flat(body.inner_text())
    for text in body_texts(article):
        assert text in body_text, f"missing from the body: {text[:80]!r}"
    # 9. Comments: closed, the article being older than the comment window.
    assert days_old(article) > COMMENTS_CLOSE_AFTER_DAYS
    expect(comments.get_by_role("heading", level=2)).to_have_text("Commentaires")
    expect(comments.locator(".comments__closed")).to_have_text(
        "Les commentaires sont fermés. Les commentaires ferment 30 jours après la publication."
    )
    expect(comments.get_by_role("link")).to_have_count(0)
    # 10. Breadcrumb, related articles, header and footer.
    expect(breadcrumb).to_have_attribute("aria-label", "Fil d’Ariane")
    expect(breadcrumb.get_by_role("link")).to_have_text(["Monde", "Amériques"])
    expect(related.get_by_role("heading", level=2)).to_have_text("À lire aussi")
    related_links = related.locator(".card__title a")
    assert related_links.count() >= 1
    for href in related_links.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert href != article_path(article) and href.count("/") >= 3, href
    assert_header_and_footer(page, "fr")

    reading_order = [
        ("site header", header),
        ("breadcrumb", breadcrumb),
        ("age banner", banner),
        ("type label", type_label),
        ("title", title),
        ("standfirst", standfirst),
        ("credit line", credit),
        ("publisher", publisher),
        ("publication date", published),
        ("reading time", reading_time),
        ("lead image", image),
        ("caption", caption),
        ("body", body),
        ("comments", comments),
        ("related articles", related),
        ("footer", footer),
    ]
    for name, locator in reading_order:
        expect(locator, f"{name} should be visible").to_be_visible()
    assert_in_reading_order(reading_order)

    # The same article with an English interface: the article itself stays French.
    page.locator("header.site-header").get_by_role("link", name="English").click()
    expect(page).to_have_url(live_site.url("/en" + article_path(article)))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("article.article")).to_have_attribute("lang", "fr")
    expect(banner).to_have_text("This article is more than one year old.")
    expect(type_label).to_have_text("News")
    expect(title).to_have_text(article["title"])
    expect(standfirst).to_have_text(article["standfirst"])
    expect(credit).to_have_text("Article written by Kiosque Info with Reuters")
    expect(publisher).to_have_text("Éditions Kiosque")
    # English dates in words: no reader takes 01/12 for 12 January.
    moment = datetime.fromisoformat(published.locator("time[datetime]").get_attribute("datetime"))
    expect(published).to_have_text(f"Published {moment.day} {moment:%B %Y, %H:%M}")
    assert reading_time.text_content() == f"Reading time: {minutes} min"
    expect(image).to_have_attribute("alt", picture["alt"])
    assert flat(caption.inner_text()) == flat(f"{picture['caption']} {credit_text}")
    assert flat(body.inner_text()) == body_text
    expect(comments.get_by_role("heading", level=2)).to_have_text("Comments")
    expect(comments.locator(".comments__closed")).to_have_text(
        "Comments are closed. Comments close 30 days after publication."
    )
    expect(breadcrumb).to_have_attribute("aria-label", "Breadcrumb")
    expect(breadcrumb.get_by_role("link")).to_have_text(["Monde", "Amériques"])
    expect(related.get_by_role("heading", level=2)).to_have_text("Related articles")
    assert_header_and_footer(page, "en")
    french = page.locator("header.site-header").get_by_role("link", name="Français")
    expect(french).to_have_attribute("href", article_path(article))
    assert_in_reading_order(reading_order)

    assert foreign_requests(requested) == [], "the reader's pages called other hosts"
    assert any(url.endswith(".css") for url in requested), "no stylesheet was loaded"


def test_recent_article_invites_readers_to_comment(page, live_site):
    article = demo_article(RECENT_AGENCY_ARTICLE)
    requested = record_requests(page)
    path = article_path(article)
    page.goto(live_site.url(path))
    main = page.locator("main")

    expect(main.locator(".age-banner")).to_have_count(0)
    assert main.locator("h1").text_content() == article["title"].replace(" :", f"{NBSP}:")
    expect(main.locator(".credit-line")).to_have_text("Article rédigé par Kiosque Info avec AFP")
    dates = main.locator(".dates span")
    expect(dates).to_have_count(2)
    expect(dates.nth(0)).to_have_text(re.compile(r"^Publié le \d\d/\d\d/\d{4} \d\d:\d\d$"))
    expect(dates.nth(1)).to_have_text(re.compile(r"^Mis à jour le \d\d/\d\d/\d{4} \d\d:\d\d$"))
    published_ago = timedelta(**article["published_ago"])
    # The visible update is the later of the declared update and the demo's corrections
    # of this article (a « Rectificatif » is published as a major update).
    from kiosque.demo.content.editorial import CORRECTIONS

    corrected_after = [timedelta(**after) for after, _text in CORRECTIONS.get(article["slug"], [])]
    updated_ago = published_ago - max([timedelta(**article["updated_after"]), *corrected_after])
    assert_publication_time(dates.nth(0).locator("time"), "published", published_ago)
    assert_publication_time(dates.nth(1).locator("time"), "updated", updated_ago)

    comments = main.locator("section.comments")
    expect(comments.get_by_role("heading", level=2)).to_have_text("Commentaires")
    expect(comments.locator("p").first).to_have_text(
        "Connectez-vous à votre compte Kiosque Info pour participer à la conversation."
    )
    expect(comments.get_by_role("link")).to_have_text(["Se connecter", "Créer un compte"])
    expect(comments.get_by_role("link", name="Se connecter")).to_have_attribute(
        "href", f"/compte/connexion/?next={quote(path)}"
    )
    expect(comments.get_by_role("link", name="Créer un compte")).to_have_attribute(
        "href", f"/compte/inscription/?next={quote(path)}"
    )
    expect(comments.locator(".comments__closed")).to_have_count(0)

    page.locator("header.site-header").get_by_role("link", name="English").click()
    expect(page).to_have_url(live_site.url("/en" + path))
    expect(main.locator(".credit-line")).to_have_text("Article written by Kiosque Info with AFP")
    in_words = r"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d"  # English dates in words
    expect(dates.nth(0)).to_have_text(re.compile(rf"^Published {in_words}$"))
    expect(dates.nth(1)).to_have_text(re.compile(rf"^Updated {in_words}$"))
    expect(comments.get_by_role("heading", level=2)).to_have_text("Comments")
    expect(comments.locator("p").first).to_have_text(
        "Log in to your Kiosque Info account to join the conversation."
    )
    expect(comments.get_by_role("link")).to_have_text(["Log in", "Create an account"])
    assert foreign_requests(requested) == []


def test_topic_is_a_kicker_above_a_title_that_does_not_start_with_it(page, live_site):
    article = demo_article(TOPIC_PREFIXED_ARTICLE)
    topic = demo_topic_title(article["topic"])
    page.goto(live_site.url(article_path(article)))
    title = page.locator("main h1")

    # The heading is the article's own title; the dossier is a link just above it.
    assert title.text_content() == article["title"]
    expect(title.locator("a")).to_have_count(0)
    topic_link = page.locator("main .article-type a.article__topic")
    expect(topic_link).to_have_count(1)
    expect(topic_link).to_have_text(topic)
    assert topic_link.evaluate(
        "a => a.getBoundingClientRect().bottom <= document.querySelector('main h1')"
        ".getBoundingClientRect().top"
    ), "the kicker must sit above the title"
    expect(page.locator("main .article-type")).to_have_text(f"Analyse · {topic}")
    # A named author is credited (and linked), not the newsroom.
    credit = page.locator("main .credit-line")
    expect(credit).to_have_text("Article rédigé par Camille Roussel")
    expect(credit.get_by_role("link", name="Camille Roussel")).to_have_attribute(
        "href", "/auteurs/camille-roussel/"
    )
    expect(page.locator("main .age-banner")).to_have_text("Cet article date de plus de trois ans.")

    topic_link.click()
    expect(page).to_have_url(live_site.url(f"/dossiers/{article['topic']}/"))
    expect(page.locator("main h1")).to_have_text(topic)


def test_topic_is_not_repeated_when_the_title_starts_with_it(page, live_site):
    article = demo_article(TOPIC_IN_TITLE_ARTICLE)
    topic = demo_topic_title(article["topic"])
    page.goto(live_site.url(article_path(article)))
    title = page.locator("main h1")

    expect(title.locator("a")).to_have_count(0)
    shown = title.text_content()
    assert flat(shown) == flat(article["title"])
    assert shown.lower().count(topic.lower()) == 1, shown
    # French typography in the headline: a no-break space before the colon.
    assert f"{topic}{NBSP}:" in shown, repr(shown)
    expect(page.locator("main .credit-line")).to_have_text(
        "Article rédigé par Kiosque Info avec AFP"
    )
    expect(page.locator("main .age-banner")).to_have_text("Cet article date de plus de trois ans.")

    page.goto(live_site.url("/en" + article_path(article)))
    expect(title.locator("a")).to_have_count(0)
    expect(page.locator("main .credit-line")).to_have_text(
        "Article written by Kiosque Info with AFP"
    )
    expect(page.locator("main .age-banner")).to_have_text(
        "This article is more than three years old."
    )


def test_no_horizontal_scrolling_on_a_320_pixel_wide_screen(new_page, live_site):
    page = new_page(viewport={"width": 320, "height": 640})
    requested = record_requests(page)
    paths = [
        "/",
        "/monde/",
        article_path(demo_article(OLD_AGENCY_ARTICLE)),
        article_path(demo_article(TOPIC_PREFIXED_ARTICLE)),
        "/en" + article_path(demo_article(RECENT_AGENCY_ARTICLE)),
    ]
    too_wide = {}
    for path in paths:
        page.goto(live_site.url(path))
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    assert too_wide == {}, f"pages wider than the 320 px screen: {too_wide}"
    # The page last visited, an article, shows its lead image within the screen.
    box = page.locator("figure.lead-image img").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    assert foreign_requests(requested) == []


def relative_luminance(css_color: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+(?:\.\d+)?", css_color)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def body_colours(page) -> tuple[str, str]:
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.body);
            return [style.backgroundColor, style.color];
        }"""
    )


def test_dark_mode_follows_the_reader_system_setting(new_page, live_site):
    path = article_path(demo_article(OLD_AGENCY_ARTICLE))
    light = new_page(color_scheme="light")
    light.goto(live_site.url(path))
    background, text = body_colours(light)
    assert relative_luminance(background) > 0.9, f"light mode background: {background}"
    assert relative_luminance(text) < 0.1, f"light mode text: {text}"

    dark = new_page(color_scheme="dark")
    dark.goto(live_site.url(path))
    background, text = body_colours(dark)
    assert relative_luminance(background) < 0.05, f"dark mode background: {background}"
    assert relative_luminance(text) > 0.7, f"dark mode text: {text}"
    banner = dark.locator(".age-banner")
    banner_background = banner.evaluate("e => getComputedStyle(e).backgroundColor")
    assert relative_luminance(banner_background) < 0.1, f"dark banner: {banner_background}"
