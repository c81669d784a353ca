"""The live's write services: one « L'essentiel » for readers at every moment."""

import pytest
from django.contrib.auth.models import Group

from kiosque.live import services
from kiosque.live.models import LiveEntry
from kiosque.newsroom import roles
from tests.live.helpers import make_live

pytestmark = pytest.mark.django_db


def _user(django_user_model, name: str, role: str):
    user = django_user_model.objects.create_user(username=name, password="x")
    user.groups.add(Group.objects.get(name=role))
    return user


def _summary(text: str) -> services.EntryDraft:
    body = [{"type": "paragraph", "value": f"<p>{text}</p>"}]
    return services.EntryDraft(body=body, title="L’essentiel", is_pinned=True)


def test_a_pinned_entry_waiting_for_approval_leaves_the_summary_readers_see(
    newsroom, django_user_model
):
    live = make_live(newsroom.europe, entries_need_approval=True)
    editor = _user(django_user_model, "editrice", roles.EDITOR)
    journalist = _user(django_user_model, "journaliste", roles.JOURNALIST)
    shown = services.post_entry(live, editor, _summary("Le point à 18 h."))
    waiting = services.post_entry(live, journalist, _summary("Le point à 19 h."))
    assert waiting.status == LiveEntry.Status.PENDING
    assert LiveEntry.objects.get(pk=shown.pk).is_pinned  # still the readers' summary

    services.approve_entry(waiting, editor)
    assert not LiveEntry.objects.get(pk=shown.pk).is_pinned
    assert LiveEntry.objects.get(pk=waiting.pk).is_pinned


def test_pinning_a_second_entry_returns_the_first_to_the_stream_with_a_new_version(newsroom):
    live = make_live(newsroom.europe)
    first = services.post_entry(live, None, _summary("Premier point."))
    second = services.post_entry(live, None, _summary("Deuxième point."))
    first_now = LiveEntry.objects.get(pk=first.pk)
    assert not first_now.is_pinned and first_now.version == first.version + 1
    assert LiveEntry.objects.get(pk=second.pk).is_pinned
