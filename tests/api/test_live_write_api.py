"""The write API: a program posts live entries with a token, and only that.

POST /api/v1/lives/{id}/entries with `Authorization: Bearer <token>`: an entry at once
(201, its permalink), or a clear 4xx and nothing stored. GET /api/v1/lives lists the
lives with their state, cached like every public answer.
"""

from __future__ import annotations

import json
from datetime import timedelta
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import GroupPagePermission

from kiosque.api.models import ApiToken
from kiosque.api.tokens import issue
from kiosque.live.models import LiveEntry, LivePage
from kiosque.newsroom import roles
from tests.factories import inside_one_rate_window, make_article
from tests.live.helpers import make_live

pytestmark = pytest.mark.django_db


def staff(name: str, role: str | None = None):
    user = get_user_model().objects.create_user(name, f"{name}@kiosque.invalid", "x")
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def section_writer(name: str, section):
    """A user who may edit the pages of one section only."""
    user = staff(name)
    group = Group.objects.create(name=f"Rédaction {name}")
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.create(group=group, page=section, permission=change)
    user.groups.add(group)
    return user


def created_token(user, scope: str = "live") -> str:
    """A token as `kiosque apitoken create` prints it: alone, on its last line."""
    out = StringIO()
    call_command("apitoken", "create", user.username, "--scope", scope, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def post(client, live_id: int, body, *, token: str | None = None, **headers):
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(
        f"/api/v1/lives/{live_id}/entries",
        data=data,
        content_type=headers.pop("content_type", "application/json"),
        **headers,
    )


@pytest.fixture
def live(newsroom):
    return make_live(newsroom.europe)


@pytest.fixture
def editor():
    return staff("cheffe", roles.EDITOR)


@pytest.fixture
def token(editor):
    return created_token(editor)


def test_a_token_printed_by_the_command_posts_an_entry_whose_permalink_resolves(
    client, live, editor, token
):
    response = post(
        client,
        live.pk,
        {
            "title": "Résultats à 20 h",
            "text": "Le candidat <b>A</b> l’emporte : 52,3 %."
            "\n\nParticipation & abstention\u00a0: 71 %.",
            "key": True,
        },
        token=token,
    )
    assert response.status_code == 201, response.content
    answer = response.json()
    entry = LiveEntry.objects.get(pk=answer["id"])
    assert answer["status"] == "published" and answer["live"] == live.pk
    assert answer["permalink"].endswith(f"/entree/{entry.pk}/#entree-{entry.pk}")
    assert response["Location"] == answer["permalink"]
    assert entry.is_key and entry.title == "Résultats à 20 h" and entry.created_by == editor
    # Plain text: the markup sent is shown as typed, each paragraph a block of its own.
    assert [block.block_type for block in entry.body] == ["paragraph", "paragraph"]
    assert "&lt;b&gt;A&lt;/b&gt;" in entry.body[0].value.source
    assert "&amp; abstention\u00a0: 71 %" in entry.body[1].value.source  # no-break space kept
    # Nothing about one token's request may be kept by the edge or a proxy.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "xkey" not in response

    page = Client().get(urlsplit(answer["permalink"]).path)
    html = page.content.decode()
    assert page.status_code == 200
    assert f'id="entree-{entry.pk}"' in html
    assert "&lt;b&gt;A&lt;/b&gt;" in html and "<b>A</b>" not in html
    assert ApiToken.objects.get().last_used_at is not None


def test_a_text_alone_or_a_title_alone_makes_an_entry(client, live, token):
    text_only = post(client, live.pk, {"text": "PSG 2 – 1 OM\nBut de Dembélé (34e)"}, token=token)
    title_only = post(client, live.pk, {"title": "Mi-temps"}, token=token)
    assert text_only.status_code == 201 and title_only.status_code == 201
    scores = LiveEntry.objects.get(pk=text_only.json()["id"])
    assert scores.body[0].value.source == "<p>PSG 2 – 1 OM<br/>But de Dembélé (34e)</p>"
    assert len(LiveEntry.objects.get(pk=title_only.json()["id"]).body) == 0


@pytest.mark.parametrize(
    ("header", "error"),
    [
        (None, None),
        ("Basic Y2hlZmZlOng=", "invalid_request"),
        ("Bearer", "invalid_request"),
        ("Bearer    ", "invalid_request"),
        ("Bearer pas-un-jeton", "invalid_token"),
        ("Bearer kq_0000000a_" + "A" * 43, "invalid_token"),
    ],
)
def test_requests_without_a_usable_token_are_401_with_a_challenge(
    client, live, token, header, error
):
    headers = {"HTTP_AUTHORIZATION": header} if header is not None else {}
    response = post(client, live.pk, {"text": "Intrus."}, **headers)
    assert response.status_code == 401
    challenge = response["WWW-Authenticate"]
    assert challenge.startswith('Bearer realm="kiosque"')
    assert (f'error="{error}"' in challenge) if error else ("error=" not in challenge)
    assert response.json()["detail"]
    assert not LiveEntry.objects.exists()


def test_a_token_with_a_wrong_secret_a_revoked_one_or_an_inactive_user_s_is_refused(
    client, live, editor, token
):
    prefix, secret = token[3:11], token[12:]
    forged = f"kq_{prefix}_{'B' if secret[0] != 'B' else 'C'}{secret[1:]}"
    assert post(client, live.pk, {"text": "Faux."}, token=forged).status_code == 401

    editor.is_active = False
    editor.save()
    assert post(client, live.pk, {"text": "Parti."}, token=token).status_code == 401
    editor.is_active = True
    editor.save()
    assert post(client, live.pk, {"text": "Revenu."}, token=token).status_code == 201

    call_command("apitoken", "revoke", f"kq_{prefix}", stdout=StringIO())
    refused = post(client, live.pk, {"text": "Révoqué."}, token=token)
    assert refused.status_code == 401
    assert 'error="invalid_token"' in refused["WWW-Authenticate"]
    assert LiveEntry.objects.count() == 1


def test_a_token_of_another_scope_is_refused(client, live, editor):
    other = issue(editor, scope="live")
    ApiToken.objects.filter(pk=other.token.pk).update(scope="wires")  # a scope to come
    response = post(client, live.pk, {"text": "Hors champ."}, token=other.secret)
    assert response.status_code == 403
    assert 'error="insufficient_scope"' in response["WWW-Authenticate"]
    assert 'scope="live"' in response["WWW-Authenticate"]
    assert not LiveEntry.objects.exists()


def test_a_token_grants_only_what_its_user_may_do_on_that_live(client, newsroom, live):
    sport_desk = section_writer("sports", newsroom.sport)
    sport_live = make_live(newsroom.sport, title="DIRECT. Le Tour de France", slug="tour")
    token = created_token(sport_desk)
    refused = post(client, live.pk, {"text": "Hors de ma rubrique."}, token=token)
    assert refused.status_code == 403
    assert "may not write" in refused.json()["detail"]
    assert not LiveEntry.objects.filter(live=live).exists()
    assert post(client, sport_live.pk, {"text": "Étape 3."}, token=token).status_code == 201

    nobody = staff("lecteur")  # no role: a token grants nothing more than the admin would
    assert post(client, live.pk, {"text": "?"}, token=created_token(nobody)).status_code == 403


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("{pas du json", 400),
        (b"\xff\xfe", 400),
        ("", 422),
        ("[]", 422),
        ('"texte"', 422),
        ({}, 422),
        ({"text": "   \n\n \t "}, 422),
        ({"title": "  "}, 422),
        ({"text": "x" * 10_001}, 422),
        ({"title": "x" * 201, "text": "ok"}, 422),
        ({"text": 42}, 422),
        ({"text": None}, 422),
        ({"text": ["a", "b"]}, 422),
        ({"text": "ok", "key": "true"}, 422),
        ({"text": "ok", "key": 1}, 422),
        ({"text": "ok", "pinned": True}, 422),
        ({"text": "ok", "title": "Deux\nlignes"}, 422),
        ({"text": "bip\x07"}, 422),
    ],
)
def test_bad_bodies_are_refused_and_nothing_is_stored(client, live, token, body, status):
    response = post(client, live.pk, body, token=token)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
    assert not LiveEntry.objects.exists()


def test_a_body_that_is_not_json_or_too_large_is_refused(client, live, token):
    form = post(client, live.pk, "text=bonjour", token=token,
                content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert form.status_code == 415
    huge = post(client, live.pk, {"text": "x" * 70_000}, token=token)
    assert huge.status_code == 413
    assert not LiveEntry.objects.exists()


def test_an_ended_live_takes_no_entry_and_an_unknown_or_unpublished_one_is_404(
    client, newsroom, token
):
    now = timezone.now()
    ended = make_live(newsroom.europe, slug="fini", coverage_start=now - timedelta(days=2),
                      coverage_end=now - timedelta(hours=1))  # fmt: skip
    response = post(client, ended.pk, {"text": "Trop tard."}, token=token)
    assert response.status_code == 409
    assert "ended" in response.json()["detail"]

    draft = make_live(newsroom.europe, slug="brouillon")
    LivePage.objects.filter(pk=draft.pk).update(live=False)  # unpublished since
    article = make_article(newsroom.europe, slug="pas-un-direct")
    for missing in (draft.pk, article.pk, 999_999):
        assert post(client, missing, {"text": "?"}, token=token).status_code == 404
    assert post(client, 0, {"text": "?"}, token=token).status_code == 422
    assert not LiveEntry.objects.exists()


def test_an_upcoming_live_takes_entries(client, newsroom, token):
    upcoming = make_live(newsroom.europe, slug="bientot",
                         coverage_start=timezone.now() + timedelta(hours=2))  # fmt: skip
    assert (
        post(client, upcoming.pk, {"text": "Le direct commence à 20 h."}, token=token).status_code
        == 201
    )


def test_a_journalist_s_entry_waits_when_the_live_wants_approval(client, newsroom):
    live = make_live(newsroom.europe, slug="sous-controle", entries_need_approval=True)
    journalist = staff("plume", roles.JOURNALIST)
    response = post(client, live.pk, {"text": "À valider."}, token=created_token(journalist))
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    entry = LiveEntry.objects.get()
    assert entry.status == LiveEntry.Status.PENDING
    assert Client().get(urlsplit(response.json()["permalink"]).path).status_code == 404
    # An editor's token on the same live publishes at once.
    editor_token = created_token(staff("cheffe2", roles.EDITOR))
    assert (
        post(client, live.pk, {"text": "Direct."}, token=editor_token).json()["status"]
        == "published"
    )


def test_each_token_has_its_own_rate_limit(client, live, editor, token, settings):
    settings.API_WRITE_RATE_LIMIT = "2/m"
    other = created_token(editor)
    with inside_one_rate_window():
        assert post(client, live.pk, {"text": "1"}, token=token).status_code == 201
        assert post(client, live.pk, {"text": "2"}, token=token).status_code == 201
        limited = post(client, live.pk, {"text": "3"}, token=token)
        assert limited.status_code == 429
        assert 1 <= int(limited["Retry-After"]) <= 60
        assert "no-store" in limited["Cache-Control"]
        # Bad bodies count too (the limit is checked before the body is read).
        assert post(client, live.pk, {}, token=token).status_code == 429
        assert post(client, live.pk, {"text": "autre jeton"}, token=other).status_code == 201
    assert LiveEntry.objects.count() == 3


def test_a_logged_in_editor_s_session_alone_is_refused(live, editor):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    browser.get("/admin/")  # a CSRF cookie, as a real browser would hold
    csrf = browser.cookies["csrftoken"].value if "csrftoken" in browser.cookies else ""
    response = post(browser, live.pk, {"text": "Par cookie."}, HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 401
    assert not LiveEntry.objects.exists()


def test_the_entries_address_takes_post_only_and_offers_no_cors(client, live, token):
    got = client.get(f"/api/v1/lives/{live.pk}/entries", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert got.status_code == 405 and got["Allow"] == "POST, OPTIONS"
    preflight = client.options(
        f"/api/v1/lives/{live.pk}/entries",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert preflight.status_code == 204
    assert "Access-Control-Allow-Origin" not in preflight
    # The read API still refuses every write.
    assert (
        client.post("/api/v1/lives", data="{}", content_type="application/json").status_code == 405
    )


def test_the_reference_page_documents_the_write_and_its_token(client, newsroom):
    html = client.get("/api/v1/docs").content.decode()
    for text in (
        "POST /api/v1/lives/{live_id}/entries",
        "GET /api/v1/lives",
        "Request body (<code>application/json</code>, required): "
        '<a href="#model-EntryIn">EntryIn</a>',
        'Authentication: <a href="#security-TokenAuth">TokenAuth</a> (required)',
        'id="security-TokenAuth"',
        "HTTP bearer (kq_&lt;prefix&gt;_&lt;secret&gt;)",
        "Any other field is refused (422).",
        "<code>key</code>",
    ):
        assert text in html, text
    for status in ("201", "401", "403", "409", "413", "415", "422", "429"):
        assert f'<tr><th scope="row">{status}</th>' in html, status
