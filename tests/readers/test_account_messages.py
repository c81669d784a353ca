"""allauth's messages show on the page where the reader lands, once, and never wait in the
cookie for a later page (kiosque/readers/landing.py).

Most tests read the English texts; test_french_messages needs `make messages`.
"""

import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from allauth.utils import generate_unique_username
from django.contrib.auth.models import User
from django.core import mail
from django.http import HttpResponse
from django.test import Client

from kiosque.readers import landing
from kiosque.readers.models import ReaderProfile

pytestmark = pytest.mark.django_db

PASSWORD = "une phrase assez longue pour passer"
LOGGED_IN = "You are logged in."
LOGGED_OUT = "You are logged out."
TEMPLATES = Path(__file__).resolve().parents[2] / "kiosque" / "templates"


def reader(email: str = "lecteur.messages@example.org") -> User:
    user = User.objects.create_user(
        username=generate_unique_username([email]), email=email, password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    ReaderProfile.objects.create(user=user, display_name="Zoé")
    return user


def messages_on(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<li class="message message--\w+">(.*?)</li>', html)


def log_in(client: Client, user: User, next_url: str = "", prefix: str = "/en"):
    data = {"login": user.email, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(f"{prefix}/compte/connexion/", data)


def test_a_log_in_without_next_lands_on_my_account_with_the_message_once(newsroom):
    client = Client()
    landed = client.post(
        "/en/compte/connexion/",
        {"login": reader().email, "password": PASSWORD},
        follow=True,
    )
    # In the interface's language, on a page that shows messages: not the home page.
    assert landed.redirect_chain == [("/en/compte/", 302)]
    assert messages_on(landed) == [LOGGED_IN]
    assert "Zoé" in landed.content.decode()
    assert messages_on(client.get("/en/compte/")) == []


def test_the_username_allauth_made_up_is_not_in_the_message(newsroom):
    user = reader("dominique.generee@example.org")
    client = Client()
    landed = client.post(
        "/compte/connexion/",
        {"login": user.email, "password": PASSWORD, "next": "/compte/"},
        follow=True,
    )
    [message] = messages_on(landed)  # allauth's own said « … as dominique.generee »
    assert user.username not in message and "dominique" not in message


def test_back_on_the_article_the_personal_part_shows_the_message(article):
    client = Client()
    answer = log_in(client, reader(), next_url=article.url, prefix="")
    assert answer["Location"] == article.url
    # The article page is shared by the edge cache: no message in it, and none used up.
    page = client.get(article.url)
    assert page.status_code == 200 and messages_on(page) == []
    # comments.js fetches the reader's part of the page: the message is there, once.
    fragment = f"/commentaires/{article.pk}/moi/"
    assert len(messages_on(client.get(fragment))) == 1
    assert messages_on(client.get(fragment)) == []
    assert messages_on(client.get("/compte/")) == []


def test_a_page_that_cannot_show_the_message_gets_none_and_none_waits(newsroom):
    client = Client()
    answer = log_in(client, reader(), next_url="/monde/")
    assert answer["Location"] == "/monde/"
    assert client.get("/monde/").status_code == 200
    assert messages_on(client.get("/en/compte/")) == []


def test_the_log_out_message_does_not_wait_for_the_next_log_in(newsroom):
    user = reader()
    client = Client()
    client.force_login(user)
    answer = client.post("/en/compte/logout/")
    assert answer.status_code == 302 and answer["Location"] == "/"
    login_page = client.get("/en/compte/connexion/")
    assert LOGGED_OUT not in login_page.content.decode()
    assert messages_on(login_page) == []


def test_log_out_towards_an_account_page_says_so_there(newsroom):
    client = Client()
    client.force_login(reader())
    landed = client.post("/en/compte/logout/", {"next": "/en/compte/connexion/"}, follow=True)
    assert messages_on(landed) == [LOGGED_OUT]


def sign_up(client: Client, email: str, next_url: str = ""):
    return client.post(
        "/en/compte/inscription/",
        {"display_name": "Zoé", "email": email, "password1": PASSWORD, "next": next_url},
        follow=True,
    )


def confirmation_path() -> str:
    url = re.search(r"https?://\S+/confirm-email/\S+", mail.outbox[-1].body).group(0)
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_sign_up_then_confirmation_each_land_with_their_message(newsroom):
    client = Client()
    sent = sign_up(client, "nouvelle.lectrice@example.org")
    assert messages_on(sent) == [
        "We have sent a confirmation link to nouvelle.lectrice@example.org."
    ]
    landed = client.post(confirmation_path(), follow=True)
    assert landed.redirect_chain[-1] == ("/en/compte/", 302)
    assert messages_on(landed) == [
        "Address confirmed: nouvelle.lectrice@example.org.",
        LOGGED_IN,
    ]
    assert messages_on(client.get("/en/compte/")) == []


def test_confirmation_from_another_browser_lands_on_the_log_in_page(newsroom):
    sign_up(Client(), "autre.navigateur@example.org")
    elsewhere = Client()
    landed = elsewhere.post(confirmation_path(), follow=True)
    assert landed.redirect_chain[-1][0] == "/en/compte/connexion/"
    assert messages_on(landed) == ["Address confirmed: autre.navigateur@example.org."]


def test_french_messages(newsroom):
    """Needs the French catalogue compiled (`make messages`)."""
    client = Client()
    sent = client.post(
        "/compte/inscription/",
        {"display_name": "Zoé", "email": "francaise@example.org", "password1": PASSWORD},
        follow=True,
    )
    assert messages_on(sent) == [
        "Nous avons envoyé un lien de confirmation à francaise@example.org."
    ]
    landed = client.post(confirmation_path(), follow=True)
    assert landed.redirect_chain[-1] == ("/compte/", 302)
    assert messages_on(landed) == [
        "Adresse confirmée\u00a0: francaise@example.org.",
        "Vous êtes connecté·e.",
    ]


def test_a_password_reset_ends_on_a_page_that_says_it(newsroom):
    user = reader()
    client = Client()
    client.post("/en/compte/password/reset/", {"email": user.email})
    key_url = re.search(r"https?://\S+/password/reset/key/\S+", mail.outbox[-1].body).group(0)
    form = client.get("/" + key_url.split("://", 1)[1].split("/", 1)[1], follow=True)
    new = "une toute nouvelle phrase"
    done = client.post(
        form.redirect_chain[-1][0], {"password1": new, "password2": new}, follow=True
    )
    assert messages_on(done) == ["Your password is changed."]
    assert messages_on(client.get("/en/compte/connexion/")) == []


def test_every_account_page_template_keeps_the_layouts_messages():
    """readers/layout.html shows the messages in its `content` block: a page that
    replaced that block would show none, and a message sent there would wait."""
    pages = [
        *TEMPLATES.glob("account/*.html"),
        *TEMPLATES.glob("mfa/**/*.html"),
        *TEMPLATES.glob("readers/*.html"),
    ]
    assert len(pages) > 20
    for page in pages:
        if page.name == "layout.html":
            continue
        assert "{% block content %}" not in page.read_text(), page


def redirect(location: str) -> HttpResponse:
    # Built by hand: HttpResponseRedirect itself refuses a javascript: address.
    response = HttpResponse(status=302)
    response["Location"] = location
    return response


@pytest.mark.parametrize(
    ("location", "logged_in", "expected"),
    [
        ("/compte/", False, True),
        ("/en/compte/email/", False, True),
        ("http://testserver/compte/connexion/?next=/", False, True),
        ("/commentaires/1/", False, True),
        ("/admin/", False, True),
        ("/", True, False),  # the home page, shared by the edge cache
        ("/monde/", True, False),  # a section
        ("/nulle-part/", True, False),
        ("/recherche/", True, False),
        ("https://ailleurs.example/compte/", False, False),  # another site
        ("//ailleurs.example/compte/", False, False),
        ("javascript:alert(1)//compte/", False, False),
    ],
)
def test_which_landings_show_messages(newsroom, rf, location, logged_in, expected):
    request = rf.get("/compte/connexion/")
    request.user = reader() if logged_in else type("Anonymous", (), {"is_authenticated": False})()
    assert landing.leads_to_messages(request, redirect(location)) is expected


def test_an_article_shows_them_to_a_logged_in_reader_only(article, rf):
    request = rf.get("/compte/connexion/")
    request.user = reader()
    assert landing.leads_to_messages(request, redirect(article.url))
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    assert not landing.leads_to_messages(request, redirect(article.url))


def test_a_page_rendered_in_the_same_request_drops_them(newsroom, rf):
    request = rf.get("/compte/")
    request.user = reader()
    assert not landing.leads_to_messages(request, HttpResponse("page"))
