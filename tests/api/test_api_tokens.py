"""API tokens: made by `kiosque apitoken` or in the admin, shown once, stored hashed,
revoked by their user or an administrator, seen by nobody else."""

from __future__ import annotations

import hashlib
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from kiosque.api.models import ApiToken
from kiosque.api.tokens import find_active, issue
from kiosque.newsroom import roles

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r"^kq_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$")


def staff(name: str, role: str | None = None):
    user = get_user_model().objects.create_user(name, f"{name}@kiosque.invalid", "x")
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def apitoken(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("apitoken", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def logged_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def csrf_of(client, html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


# The command line


def test_create_prints_the_token_alone_on_its_last_line_and_keeps_only_its_hash(newsroom):
    editor = staff("cheffe", roles.EDITOR)
    out, err = apitoken("create", "cheffe", "--scope", "live", "--name", "Résultats")
    secret = out.strip().splitlines()[-1]
    assert TOKEN.match(secret) and err == ""
    token = ApiToken.objects.get()
    assert (token.user, token.scope, token.name) == (editor, "live", "Résultats")
    assert token.public_id == secret[:11]
    assert token.secret_hash == hashlib.sha256(secret[12:].encode()).hexdigest()
    stored = " ".join(str(value) for value in ApiToken.objects.values().get().values())
    assert secret[12:] not in stored and secret not in stored
    assert find_active(secret) == token


def test_create_by_email_address_and_a_warning_for_a_user_who_may_edit_nothing(newsroom):
    staff("moderatrice", roles.MODERATOR)
    out, err = apitoken("create", "moderatrice@kiosque.invalid", "--scope", "live")
    assert TOKEN.match(out.strip().splitlines()[-1])
    assert "may edit no page" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create", "personne", "--scope", "live"], "no user 'personne'"),
        (["create", "cheffe", "--scope", "admin"], "unknown scope 'admin'"),
        (["create", "cheffe", "--scope", "live", "--name", "x" * 101], "longer than 100"),
        (["revoke", "kq_00000000"], "no token"),
        (["revoke", "n'importe quoi"], "no token"),
        (["list", "personne"], "no user 'personne'"),
    ],
)
def test_usage_errors_are_clear_and_exit_2(newsroom, args, message):
    staff("cheffe", roles.EDITOR)
    with pytest.raises(CommandError) as error:
        apitoken(*args)
    assert message in str(error.value)
    assert error.value.returncode == 2
    assert not ApiToken.objects.exists()


def test_a_missing_scope_is_a_usage_error(newsroom):
    staff("cheffe", roles.EDITOR)
    with pytest.raises(CommandError, match="--scope"):
        apitoken("create", "cheffe")


def test_an_inactive_user_gets_no_token(newsroom):
    user = staff("ancien", roles.EDITOR)
    user.is_active = False
    user.save()
    with pytest.raises(CommandError, match="not an active user"):
        apitoken("create", "ancien", "--scope", "live")


def test_list_shows_prefixes_never_secrets_and_revoke_takes_a_prefix_or_an_id(newsroom):
    editor = staff("cheffe", roles.EDITOR)
    first, second, third = (issue(editor, scope="live", name=f"robot {n}") for n in range(3))
    listing, _ = apitoken("list", "cheffe")
    assert all(i.token.public_id in listing for i in (first, second, third))
    assert not any(i.secret[12:] in listing for i in (first, second, third))

    assert "Revoked" in apitoken("revoke", first.token.public_id)[0]
    assert "Revoked" in apitoken("revoke", second.token.prefix)[0]
    assert "Revoked" in apitoken("revoke", str(third.token.pk))[0]
    assert "already revoked" in apitoken("revoke", first.secret)[0]
    assert ApiToken.objects.filter(revoked_at__isnull=True).count() == 0
    assert apitoken("list")[0] == ""
    assert first.token.public_id in apitoken("list", "--all")[0]
    assert find_active(first.secret) is None


# The admin page « Jetons d'API »


def test_a_journalist_creates_a_token_shown_once_and_sees_only_their_own(newsroom):
    journalist = staff("plume", roles.JOURNALIST)
    someone_else = issue(staff("autre", roles.JOURNALIST), scope="live", name="Le robot d’autre")
    client = logged_in(journalist)
    url = reverse("api_admin:tokens")
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert someone_else.token.public_id not in html and "Le robot d’autre" not in html

    created = client.post(
        url,
        {
            "name": "Résultats des élections",
            "scope": "live",
            "csrfmiddlewaretoken": csrf_of(client, html),
        },
    )
    assert created.status_code == 200
    token = ApiToken.objects.get(user=journalist)
    secret = re.search(r'value="(kq_[^"]+)"', created.content.decode()).group(1)
    assert find_active(secret) == token and token.created_by == journalist
    assert "no-store" in created["Cache-Control"]
    again = client.get(url).content.decode()
    assert token.public_id in again and secret not in again


def test_a_user_revokes_their_own_token_but_not_someone_else_s(newsroom):
    journalist = staff("plume", roles.JOURNALIST)
    own = issue(journalist, scope="live")
    other = issue(staff("autre", roles.JOURNALIST), scope="live")
    client = logged_in(journalist)
    csrf = csrf_of(client, client.get(reverse("api_admin:tokens")).content.decode())

    refused = client.post(
        reverse("api_admin:revoke", args=[other.token.pk]), {"csrfmiddlewaretoken": csrf}
    )
    assert refused.status_code == 404
    assert find_active(other.secret) is not None

    done = client.post(
        reverse("api_admin:revoke", args=[own.token.pk]), {"csrfmiddlewaretoken": csrf}
    )
    assert done.status_code == 302
    assert find_active(own.secret) is None


def test_revoking_needs_a_post_with_the_csrf_token(newsroom):
    journalist = staff("plume", roles.JOURNALIST)
    own = issue(journalist, scope="live")
    client = logged_in(journalist)
    revoke_url = reverse("api_admin:revoke", args=[own.token.pk])
    assert client.get(revoke_url).status_code == 405
    assert client.post(revoke_url).status_code == 403  # no CSRF token
    assert (
        client.post(reverse("api_admin:tokens"), {"name": "x", "scope": "live"}).status_code == 403
    )
    assert find_active(own.secret) is not None
    assert ApiToken.objects.count() == 1


def test_an_administrator_sees_and_revokes_everyone_s_tokens(newsroom):
    journalist_token = issue(staff("plume", roles.JOURNALIST), scope="live", name="Scores")
    client = logged_in(staff("admin", roles.ADMINISTRATOR))
    html = client.get(reverse("api_admin:tokens")).content.decode()
    assert journalist_token.token.public_id in html and "plume" in html
    done = client.post(
        reverse("api_admin:revoke", args=[journalist_token.token.pk]),
        {"csrfmiddlewaretoken": csrf_of(client, html)},
    )
    assert done.status_code == 302
    assert find_active(journalist_token.secret) is None


def test_a_bad_form_creates_nothing(newsroom):
    client = logged_in(staff("plume", roles.JOURNALIST))
    csrf = csrf_of(client, client.get(reverse("api_admin:tokens")).content.decode())
    for data in ({"name": "", "scope": "live"}, {"name": "Robot", "scope": "admin"},
                 {"name": "x" * 101, "scope": "live"}):  # fmt: skip
        response = client.post(reverse("api_admin:tokens"), {**data, "csrfmiddlewaretoken": csrf})
        assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_who_may_edit_no_page_has_no_tokens_page_and_no_menu_item(newsroom):
    moderator = logged_in(staff("moderatrice", roles.MODERATOR))
    refused = moderator.get(reverse("api_admin:tokens"))
    # Wagtail answers an admin view's PermissionDenied with a redirect to the dashboard.
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    assert (
        reverse("api_admin:tokens")
        not in moderator.get(reverse("wagtailadmin_account")).content.decode()
    )
    journalist = logged_in(staff("plume", roles.JOURNALIST))
    assert (
        reverse("api_admin:tokens")
        in journalist.get(reverse("wagtailadmin_account")).content.decode()
    )
