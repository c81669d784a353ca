"""Staff of each role, and the composer's form as the browser sends it."""

from itertools import count

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

_numbers = count(1)


def staff(role: str | None) -> Client:
    """A logged-in client for a member of `role` (None: a user of no group, a reader)."""
    user = get_user_model().objects.create_user(f"membre{next(_numbers)}", "m@kiosque.invalid")
    if role is not None:
        user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def entry_form(text: str = "", **fields) -> dict:
    """POST data of the entry form: the body's StreamField as Wagtail's widgets send it."""
    blocks = [("paragraph", rich_text(f"<p>{text}</p>"))] if text else []
    data = {"title": "", "body": streamfield(blocks), "posted_at": "", "author": "", "agency": ""}
    data.update(fields)
    for flag in ("is_key", "is_pinned"):
        if data.get(flag) is False:
            data.pop(flag)
    return nested_form_data(data)


def composer(live) -> str:
    return reverse("live_admin:composer", args=[live.pk])


def entry_url(name: str, live, entry) -> str:
    return reverse(f"live_admin:{name}", args=[live.pk, entry.pk])


def refused(response) -> bool:
    """Wagtail turns a PermissionDenied in its admin into a way back to the dashboard, with
    a message; a visitor without admin access is sent to the log-in page."""
    return response.status_code == 302 and (
        response.url == reverse("wagtailadmin_home")
        or response.url.startswith(reverse("wagtailadmin_login"))
    )
