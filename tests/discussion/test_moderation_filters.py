"""The moderation queue's filters (issue 16): one article, one top-level section, words in
the comment or its writer's name. They narrow every queue, combine, survive the tabs, the
pages and each action's redirect, and a value that names nothing is ignored with a word
on the page, never an error.

Messages are compared with gettext() in French, as test_moderation_screens.py does: they
pass now and read French once `make messages` has the entries.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from kiosque.discussion.models import Comment, WordRule
from kiosque.discussion.services import comment_post
from kiosque.newsroom import roles
from kiosque.newsroom.models import HomePage, SectionPage
from tests.discussion.helpers import make_reader, make_staff
from tests.factories import add_page, days_ago, make_article

pytestmark = pytest.mark.django_db

HELD = "/admin/moderation/file/held/"


@pytest.fixture
def moderator(newsroom):
    return make_staff(roles.MODERATOR, "Modératrice")


@pytest.fixture
def client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


@pytest.fixture
def queue(newsroom, article):
    """Held comments (a suspect word) on an article in Monde > Europe and one in Sport."""
    WordRule.objects.create(word="nigaud", kind=WordRule.Kind.SUSPECT)
    match = make_article(newsroom.sport, title="La finale à Lyon", published_at=days_ago(1))
    dupont, martin = make_reader("Jeanne Dupont"), make_reader("Paul Martin")

    def held(user, on, body):
        return comment_post(user=user, article=on, body=f"Nigaud : {body}")

    return {
        "article": article,
        "match": match,
        "dupont_debat": held(dupont, article, "la négociation piétine"),
        "martin_debat": held(martin, article, "un arbitre partial"),
        "dupont_match": held(dupont, match, "un arbitre aveugle"),
        "martin_match": held(martin, match, "quelle soirée"),
    }


def shown(response) -> set[int]:
    """The ids of the comments listed on a queue page."""
    assert response.status_code == 200
    return {int(n) for n in re.findall(r'id="mod-c(\d+)"', response.text)}


def ids(queue, *names) -> set[int]:
    return {queue[name].pk for name in names}


def options(response, select_id: str) -> list[str]:
    """The values offered by a select of the page, the empty « all » one left out."""
    start = response.text.index(f'id="{select_id}"')
    select = response.text[start : response.text.index("</select>", start)]
    return re.findall(r'<option value="(\d+)"', select)


def french(msgid: str, **values) -> str:
    with translation.override("fr"):
        text = gettext(msgid)
    return text % values if values else text


def in_page(text: str, response) -> bool:
    """`text` as the page shows it (HTML-escaped apostrophes, spaces folded)."""
    page = re.sub(r"\s+", " ", response.text.replace("&#x27;", "'"))
    return " ".join(text.split()) in page


ALL = ("dupont_debat", "martin_debat", "dupont_match", "martin_match")


# --- each filter narrows the list, and they combine ------------------------------------


def test_the_article_filter_lists_the_queues_articles_and_keeps_one(queue, client):
    everything = client.get(HELD)
    assert shown(everything) == ids(queue, *ALL)
    # The select offers the articles with comments in this queue.
    for article in (queue["article"], queue["match"]):
        assert f'<option value="{article.pk}">{article.title}</option>' in everything.text
    only = client.get(HELD, {"article": queue["match"].pk})
    assert shown(only) == ids(queue, "dupont_match", "martin_match")
    assert f'<option value="{queue["match"].pk}" selected>' in only.text


def test_the_section_filter_keeps_its_subsections_articles(queue, client, newsroom):
    page = client.get(HELD, {"section": newsroom.monde.pk})
    assert shown(page) == ids(queue, "dupont_debat", "martin_debat")  # Monde > Europe
    assert shown(client.get(HELD, {"section": newsroom.sport.pk})) == ids(
        queue, "dupont_match", "martin_match"
    )
    assert f'<option value="{newsroom.monde.pk}" selected>Monde</option>' in page.text
    # Only the top-level sections are offered.
    assert options(page, "filter-section") == [str(newsroom.monde.pk), str(newsroom.sport.pk)]


def test_the_search_finds_words_of_the_text_in_any_case(queue, client):
    assert shown(client.get(HELD, {"q": "ARBITRE"})) == ids(queue, "martin_debat", "dupont_match")
    # Every word must be found, in the text or in the name.
    assert shown(client.get(HELD, {"q": "  arbitre   aveugle "})) == ids(queue, "dupont_match")
    assert shown(client.get(HELD, {"q": "arbitre dupont"})) == ids(queue, "dupont_match")
    # % and _ are letters to find, not patterns.
    assert shown(client.get(HELD, {"q": "%"})) == set()


def test_the_search_finds_the_readers_display_name(queue, client):
    assert shown(client.get(HELD, {"q": "dupont"})) == ids(queue, "dupont_debat", "dupont_match")
    assert shown(client.get(HELD, {"q": "Jeanne Dupont"})) == ids(
        queue, "dupont_debat", "dupont_match"
    )


def test_the_email_the_queue_does_not_show_is_not_searched(queue, client):
    email = queue["dupont_debat"].author.email
    assert shown(client.get(HELD, {"q": email})) == set()


def test_the_filters_combine(queue, client, newsroom):
    assert shown(client.get(HELD, {"section": newsroom.sport.pk, "q": "arbitre"})) == ids(
        queue, "dupont_match"
    )
    assert (
        shown(client.get(HELD, {"article": queue["article"].pk, "section": newsroom.sport.pk}))
        == set()
    )  # an article outside the section: nothing, and said so
    empty = client.get(HELD, {"article": queue["article"].pk, "q": "soirée"})
    assert in_page(french("No comment of this queue matches the filters."), empty)


def test_the_filters_apply_to_every_status_queue_and_to_its_count(queue, client, moderator):
    from kiosque.discussion.services import comment_moderate

    comment_moderate(moderator=moderator, comment=queue["martin_match"], action="approve")
    approved = client.get("/admin/moderation/file/approved/", {"q": "martin"})
    assert shown(approved) == ids(queue, "martin_match")
    held = client.get(HELD, {"q": "martin"})
    assert shown(held) == ids(queue, "martin_debat")
    from kiosque.discussion.services import comment_report

    comment_report(user=make_reader(), comment=queue["martin_match"], reason="spam")
    reported = client.get("/admin/moderation/file/reported/", {"article": queue["match"].pk})
    assert shown(reported) == ids(queue, "martin_match")
    assert shown(client.get("/admin/moderation/file/reported/", {"q": "dupont"})) == set()
    # The tabs count what they would show with the same filters, and carry them.
    assert re.search(r'file/held/\?q=martin"[^>]*>[^<]*\(1\)', held.text)
    assert 'href="/admin/moderation/file/approved/?q=martin"' in held.text


def test_the_pages_of_a_filtered_queue_keep_the_filters(newsroom, article, client):
    WordRule.objects.create(word="nigaud", kind=WordRule.Kind.SUSPECT)
    writer = make_reader("Lucie Bernard")
    for number in range(27):
        comment_post(user=writer, article=article, body=f"Nigaud numéro {number}")
    first = client.get(HELD, {"article": article.pk, "q": "numéro"})
    assert len(shown(first)) == 25
    assert f'href="?article={article.pk}&amp;q=num%C3%A9ro&amp;p=2"' in first.text
    second = client.get(HELD, {"article": article.pk, "q": "numéro", "p": 2})
    assert len(shown(second)) == 2


# --- bad input: ignored, said, never an error --------------------------------------------


@pytest.fixture
def other_sites_section(newsroom):
    home = add_page(Page.get_first_root_node(), HomePage(title="Autre site", slug="autre"))
    Site.objects.create(hostname="autre.example", root_page=home)
    return add_page(home, SectionPage(title="Culture", slug="culture"))


SECTION_IGNORED = "That is not a section of this site: the section filter is ignored."
ARTICLE_IGNORED = "No such article: the article filter is ignored."


BAD_FILTERS = [
    ({"article": "999999"}, ARTICLE_IGNORED),
    ({"article": "abc"}, ARTICLE_IGNORED),
    ({"article": "-3"}, ARTICLE_IGNORED),
    ({"article": "9" * 40}, ARTICLE_IGNORED),  # no integer overflow in SQL
    ({"article": "١٢"}, ARTICLE_IGNORED),  # Arabic-Indic digits are digits to Python
    ({"section": "abc"}, SECTION_IGNORED),
    ({"section": "other site"}, SECTION_IGNORED),
    ({"section": "subsection"}, SECTION_IGNORED),  # Europe, under Monde
    ({"section": "not a section"}, SECTION_IGNORED),  # the topics' index page
]


def test_a_filter_that_names_nothing_is_ignored_and_said(
    queue, client, newsroom, other_sites_section
):
    # One test for all (reads only): building the queue once per case costs seconds.
    stand_ins = {
        "other site": other_sites_section.pk,
        "subsection": newsroom.europe.pk,
        "not a section": newsroom.topics.pk,
    }
    for bad, message in BAD_FILTERS:
        params = {key: stand_ins.get(value, value) for key, value in bad.items()}
        response = client.get(HELD, params)
        assert shown(response) == ids(queue, *ALL), bad  # the filter is dropped, not the list
        assert in_page(french(message), response), bad
        # The tabs, pages and actions do not carry the bad value on.
        key, value = next(iter(params.items()))
        assert f"{key}={value}" not in response.text, bad


def test_a_section_of_the_other_site_works_on_that_sites_host(
    queue, client, other_sites_section, settings
):
    settings.ALLOWED_HOSTS = ["testserver", "autre.example"]
    culture = make_article(other_sites_section, title="Une exposition", published_at=days_ago(1))
    comment = comment_post(user=make_reader(), article=culture, body="Nigaud de peintre")
    on_other_host = client.get(HELD, {"section": other_sites_section.pk}, HTTP_HOST="autre.example")
    assert shown(on_other_host) == {comment.pk}


def test_an_over_long_search_is_cut_and_said(queue, client):
    response = client.get(HELD, {"q": "arbitre " + "x" * 5000})
    assert response.status_code == 200
    assert in_page(
        french("The search is limited to %(max)s characters: the rest is ignored.", max=100),
        response,
    )
    assert 'maxlength="100"' in response.text
    assert "x" * 101 not in response.text
    assert shown(response) == set()  # "arbitre xxxx…" (cut) is in no comment


def test_a_search_of_many_words_stays_one_query(queue, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        response = client.get(HELD, {"q": " ".join(f"mot{n}" for n in range(50))})
    assert response.status_code == 200


# --- who sees the queue ------------------------------------------------------------------


def test_a_moderator_sees_the_filters(queue, client):
    page = client.get(HELD).text
    for field in ('name="article"', 'name="section"', 'name="q"', 'role="search"'):
        assert field in page
    for label in ("filter-article", "filter-section", "filter-q"):
        assert f'<label for="{label}">' in page


def test_a_reader_and_an_editor_get_no_filtered_queue(queue, newsroom):
    for user in (make_reader(), make_staff(roles.EDITOR)):
        visitor = Client()
        visitor.force_login(user)
        response = visitor.get(HELD, {"q": "arbitre"})
        assert response.status_code == 302
        assert "arbitre" not in response.text and "Nigaud" not in response.text
    anonymous = Client().get(HELD, {"q": "arbitre"})
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


# --- after an action, the same filtered queue ---------------------------------------------


def _back_values(html: str, comment_id: int) -> list[str]:
    row = html[html.index(f'id="mod-c{comment_id}"') :]
    row = row[: row.index("</tr>")]
    return [v.replace("&amp;", "&") for v in re.findall(r'name="back" value="([^"]*)"', row)]


def test_approving_in_a_filtered_queue_comes_back_to_it_on_the_next_row(queue, client):
    page = client.get(HELD, {"q": "arbitre", "section": ""})  # an empty filter is no filter
    first, second = queue["martin_debat"].pk, queue["dupont_match"].pk
    assert shown(page) == {first, second}
    backs = _back_values(page.text, first)
    assert backs == [f"{HELD}?q=arbitre#mod-c{second}"] * 2  # approve form, reject form
    response = client.post(
        f"/admin/moderation/commentaire/{first}/", {"action": "approve", "back": backs[0]}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{HELD}?q=arbitre#mod-c{second}"
    assert shown(client.get(response["Location"])) == {second}


def test_a_failed_rejection_comes_back_to_the_same_row(queue, client):
    first, second = queue["martin_debat"].pk, queue["dupont_match"].pk
    back = f"{HELD}?q=arbitre#mod-c{second}"
    response = client.post(
        f"/admin/moderation/commentaire/{first}/", {"action": "reject", "back": back}
    )  # no reason: refused
    assert response["Location"] == f"{HELD}?q=arbitre#mod-c{first}"
    assert Comment.objects.get(pk=first).status == "held"


def test_a_bulk_action_comes_back_to_the_filtered_page(queue, client):
    page = client.get(HELD, {"article": queue["match"].pk})
    bulk_back = re.search(r'id="bulk-form">.*?name="back" value="([^"]*)"', page.text, re.S)
    back = bulk_back.group(1).replace("&amp;", "&")
    assert back == f"{HELD}?article={queue['match'].pk}"
    response = client.post(
        "/admin/moderation/lot/",
        {"action": "approve", "comments": [queue["dupont_match"].pk], "back": back},
    )
    assert response["Location"] == back


OUTSIDE_BACKS = [
    "https://ailleurs.example/admin/moderation/",
    "//ailleurs.example/admin/moderation/",
    "/\\ailleurs.example/admin/moderation/",
    "////ailleurs.example/admin/moderation/",
    "/admin/pages/",  # a page of this host, but not a queue
    "/admin/moderation/journal/",
    "javascript:alert(1)",
    "admin/moderation/",
]


def test_the_way_back_is_a_queue_of_this_site_only(queue, client):
    for back in OUTSIDE_BACKS:
        response = client.post(
            f"/admin/moderation/commentaire/{queue['dupont_debat'].pk}/",
            {"action": "approve", "back": back},
        )
        assert (response.status_code, response["Location"]) == (302, "/admin/moderation/"), back


def test_the_way_back_keeps_only_the_queues_own_parameters(queue, client):
    back = f"{HELD}?q=a&next=https://ailleurs.example&p=2&q=b#<script>"
    response = client.post(
        f"/admin/moderation/commentaire/{queue['dupont_debat'].pk}/",
        {"action": "approve", "back": back},
    )
    assert response["Location"] == f"{HELD}?q=a&p=2"


# --- cost -----------------------------------------------------------------------------


def _queries(client, params) -> int:
    client.get(HELD, params)  # first view: settings, site
    with CaptureQueriesContext(connection) as captured:
        assert client.get(HELD, params).status_code == 200
    return len(captured.captured_queries)


def test_the_filtered_queue_costs_the_same_with_more_comments_and_articles(
    queue, client, newsroom, django_assert_max_num_queries
):
    params = {"section": newsroom.sport.pk, "q": "nigaud"}
    few = _queries(client, params)
    for number in range(6):
        extra = make_article(newsroom.sport, title=f"Match {number}", published_at=days_ago(1))
        for writer in range(3):
            comment_post(user=make_reader(), article=extra, body=f"Nigaud {number}-{writer}")
    assert _queries(client, params) == few
    with django_assert_max_num_queries(24):
        client.get(HELD, params)
