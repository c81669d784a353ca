"""« Signaler une erreur »: a plain link on every article (the cached page stays the same
for every reader), a private form protected like the comments' (CSRF, honeypot, rate
limits, cleaned text, the text never lost), and the newsroom's queue in the admin."""

import pytest
from django.test import Client

from kiosque.edge.middleware import is_private_path
from kiosque.edge.site_memo import SiteMemoMiddleware
from kiosque.editorial.error_reports import PER_ADDRESS, PER_ARTICLE, clean_text
from kiosque.editorial.models import ErrorReport
from kiosque.newsroom import roles
from tests.discussion.helpers import make_reader, make_staff
from tests.factories import days_ago, inside_one_rate_window, make_article

pytestmark = pytest.mark.django_db

GOOD_TEXT = "Le pont a fermé mercredi, pas mardi comme l’indique le deuxième paragraphe."
ADMIN_LIST = "/admin/snippets/editorial/errorreport/"


@pytest.fixture
def article(newsroom):
    return make_article(newsroom.europe, slug="pont", published_at=days_ago(1))


def form_url(article, prefix="") -> str:
    return f"{prefix}/signaler/{article.pk}/"


def directives(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


# --- the link on the article ------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_article_links_to_its_report_form(client, article, prefix):
    html = client.get(prefix + article.url).text
    assert f'href="{prefix}/signaler/{article.pk}/"' in html
    # A link, never the form: no token, no field on the shared page.
    assert "csrfmiddlewaretoken" not in html and 'name="website"' not in html


def test_the_article_with_the_link_stays_public_and_the_same_for_every_reader(client, article):
    anonymous = client.get(article.url)
    client.force_login(make_reader())
    logged_in = client.get(article.url)
    assert f"/signaler/{article.pk}/" in anonymous.text
    assert logged_in.content == anonymous.content
    assert logged_in["Cache-Control"] == anonymous["Cache-Control"]
    assert "public" in directives(anonymous)
    assert not anonymous.cookies and not logged_in.cookies


def test_the_form_pages_are_private_reader_pages():
    for path in ("/signaler/12/", "/en/signaler/12/", "/signaler/12/merci/"):
        assert is_private_path(path)
        # …with the site and settings of every reader page (header, footer).
        assert SiteMemoMiddleware(lambda request: None)._is_reader_page(path)


# --- the form: the good path --------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_reader_reports_an_error_and_is_thanked(article, prefix):
    client = Client(enforce_csrf_checks=True)
    page = client.get(form_url(article, prefix))
    assert page.status_code == 200
    assert {"private", "no-store"} <= directives(page)
    assert article.title in page.text
    token = client.cookies["csrftoken"].value
    answer = client.post(
        form_url(article, prefix),
        {"text": GOOD_TEXT, "email": "lectrice@example.org", "website": ""},
        HTTP_X_CSRFTOKEN=token,
    )
    assert answer.status_code == 302
    assert answer["Location"] == f"{prefix}/signaler/{article.pk}/merci/"
    report = ErrorReport.objects.get()
    assert (report.article_id, report.text, report.email) == (
        article.pk,
        GOOD_TEXT,
        "lectrice@example.org",
    )
    assert report.status == ErrorReport.Status.NEW and report.handled_by is None
    thanks = client.get(answer["Location"])
    assert thanks.status_code == 200
    assert {"private", "no-store"} <= directives(thanks)
    assert f'href="{prefix}{article.url}"' in thanks.text
    if prefix == "/en":
        assert "Thank you: your report has been sent" in thanks.text
        assert "Report an error" in page.text


def test_a_logged_in_reader_reports_without_an_email(client, article):
    client.force_login(make_reader())
    answer = client.post(form_url(article, "/en"), {"text": GOOD_TEXT})
    assert answer.status_code == 302
    assert ErrorReport.objects.get().email == ""


def test_control_characters_are_stripped_and_lines_kept(client, article):
    text = "Le\x00 pont\x1b[31m a fermé\u202e mercredi,\r\npas mardi.\x07"
    client.post(form_url(article), {"text": text})
    assert ErrorReport.objects.get().text == "Le pont[31m a fermé mercredi,\npas mardi."
    assert clean_text("\tun\x0bdeux\u2066trois ") == "undeuxtrois"


# --- the form: what it refuses, with the reader's text kept -------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "This field is required."),
        ({"text": "   \n  "}, "This field is required."),
        ({"text": "Faux."}, "at least 10 characters"),
        ({"text": "x" * 5000}, "At most 2,000 characters, please: your text has 5,000."),
        ({"text": GOOD_TEXT, "email": "pas-une-adresse"}, "Enter a valid email address."),
    ],
)
def test_bad_input_comes_back_with_the_text_and_a_message(client, article, data, message):
    answer = client.post(form_url(article, "/en"), data)
    assert answer.status_code == 400
    assert {"private", "no-store"} <= directives(answer)
    assert message in answer.text
    assert "Your report was not sent" in answer.text
    if data["text"].strip():
        assert data["text"] in answer.text  # in the textarea, not lost
    if "email" in data:
        assert 'value="pas-une-adresse"' in answer.text
    assert not ErrorReport.objects.exists()


@pytest.mark.parametrize("article_id", ["999999", str(2**63), str(2**63 - 1), str(2**80)])
def test_an_unknown_article_is_not_found(client, newsroom, article_id):
    assert client.get(f"/signaler/{article_id}/").status_code == 404
    assert client.post(f"/signaler/{article_id}/", {"text": GOOD_TEXT}).status_code == 404
    assert not ErrorReport.objects.exists()


def test_an_unpublished_article_cannot_be_reported(client, newsroom):
    draft = make_article(newsroom.europe, slug="brouillon", live=False)
    assert client.get(form_url(draft)).status_code == 404
    assert client.post(form_url(draft), {"text": GOOD_TEXT}).status_code == 404
    assert client.get(f"/signaler/{draft.pk}/merci/").status_code == 404
    assert not ErrorReport.objects.exists()


def test_a_post_without_csrf_token_is_refused(article):
    answer = Client(enforce_csrf_checks=True).post(form_url(article), {"text": GOOD_TEXT})
    assert answer.status_code == 403
    assert not ErrorReport.objects.exists()


def test_a_filled_honeypot_is_thanked_and_filed_nowhere(client, article):
    answer = client.post(form_url(article), {"text": GOOD_TEXT, "website": "https://spam.example"})
    assert answer.status_code == 302 and answer["Location"].endswith("/merci/")
    assert not ErrorReport.objects.exists()


def test_the_honeypot_is_hidden_from_people(client, article):
    html = client.get(form_url(article)).text
    assert '<div class="error-report__trap">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_one_address_is_rate_limited_and_keeps_its_text(client, article):
    limit = PER_ADDRESS[0]
    with inside_one_rate_window():
        for n in range(limit):
            assert client.post(form_url(article), {"text": f"{GOOD_TEXT} {n}"}).status_code == 302
        refused = client.post(form_url(article, "/en"), {"text": GOOD_TEXT + " encore"})
        other_address = client.post(form_url(article), {"text": GOOD_TEXT}, REMOTE_ADDR="192.0.2.9")
    assert refused.status_code == 429
    assert {"private", "no-store"} <= directives(refused)
    assert "Please try again in an hour" in refused.text
    assert GOOD_TEXT + " encore" in refused.text
    assert other_address.status_code == 302
    assert ErrorReport.objects.count() == limit + 1


def test_one_article_is_rate_limited_whatever_the_address(client, article, newsroom):
    other = make_article(newsroom.europe, slug="autre", published_at=days_ago(1))
    limit = PER_ARTICLE[0]
    with inside_one_rate_window():
        for n in range(limit):
            address = f"198.51.100.{n + 1}"
            client.post(form_url(article), {"text": GOOD_TEXT}, REMOTE_ADDR=address)
        refused = client.post(form_url(article), {"text": GOOD_TEXT}, REMOTE_ADDR="203.0.113.1")
        elsewhere = client.post(form_url(other), {"text": GOOD_TEXT}, REMOTE_ADDR="203.0.113.1")
    assert refused.status_code == 429
    assert elsewhere.status_code == 302
    assert ErrorReport.objects.filter(article=article).count() == limit


# --- the newsroom's queue in the admin ----------------------------------------------


def file_reports(article) -> list[ErrorReport]:
    older = ErrorReport.objects.create(
        article=article, text="Une erreur ancienne", created_at=days_ago(2)
    )
    newer = ErrorReport.objects.create(article=article, text="Une erreur récente")
    done = ErrorReport.objects.create(
        article=article,
        text="Une erreur traitée",
        status=ErrorReport.Status.HANDLED,
        created_at=days_ago(1),
    )
    return [older, newer, done]


@pytest.mark.parametrize("role", [roles.EDITOR, roles.ADMINISTRATOR])
def test_editors_see_the_queue_newest_first_with_the_new_count(client, article, role):
    file_reports(article)
    client.force_login(make_staff(role))
    listing = client.get(ADMIN_LIST)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert html.index("Une erreur récente") < html.index("Une erreur traitée")
    assert html.index("Une erreur traitée") < html.index("Une erreur ancienne")
    new_only = client.get(ADMIN_LIST, {"status": "new"}).content.decode()
    assert "Une erreur récente" in new_only and "Une erreur traitée" not in new_only
    # The menu says how many wait: two new reports.
    dashboard = client.get("/admin/").content.decode()
    assert "(2)" in dashboard and "error-reports" in dashboard


@pytest.mark.parametrize("role", [roles.JOURNALIST, roles.MODERATOR])
def test_other_roles_are_refused_the_queue(client, article, role):
    report = file_reports(article)[0]
    client.force_login(make_staff(role))
    for path in (ADMIN_LIST, f"{ADMIN_LIST}edit/{report.pk}/"):
        answer = client.get(path)
        assert answer.status_code in (302, 403)
        assert "Une erreur ancienne" not in answer.content.decode()
    assert "error-reports" not in client.get("/admin/").content.decode()


def test_a_reader_is_refused_the_queue(client, article):
    file_reports(article)
    client.force_login(make_reader())
    answer = client.get(ADMIN_LIST)
    assert answer.status_code == 302
    assert "/admin/login/" in answer["Location"]


def test_nobody_adds_a_report_in_the_admin(client, article, django_user_model):
    boss = django_user_model.objects.create_superuser("chef", "chef@example.org", "x" * 16)
    client.force_login(boss)
    answer = client.get(f"{ADMIN_LIST}add/")
    assert answer.status_code in (302, 403)
    assert f"{ADMIN_LIST}add/" not in client.get(ADMIN_LIST).content.decode()


def test_an_editor_marks_a_report_handled_then_dismisses_another(client, article):
    older, newer, _done = file_reports(article)
    editor = make_staff(roles.EDITOR)
    client.force_login(editor)
    answer = client.post(f"{ADMIN_LIST}edit/{newer.pk}/", {"status": "handled"})
    assert answer.status_code == 302
    newer.refresh_from_db()
    assert newer.status == ErrorReport.Status.HANDLED
    assert newer.handled_by == editor and newer.handled_at is not None
    assert newer.text == "Une erreur récente"  # read-only for the newsroom
    client.post(f"{ADMIN_LIST}edit/{older.pk}/", {"status": "dismissed", "text": "changé"})
    older.refresh_from_db()
    assert (older.status, older.handled_by, older.text) == ("dismissed", editor, older.text)
    assert older.text == "Une erreur ancienne"


def test_a_journalist_cannot_mark_a_report(client, article):
    report = file_reports(article)[1]
    client.force_login(make_staff(roles.JOURNALIST))
    client.post(f"{ADMIN_LIST}edit/{report.pk}/", {"status": "handled"})
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.NEW
