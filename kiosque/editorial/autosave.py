"""Wagtail's autosave, as a newsroom needs it (decision 0070).

Wagtail 8 posts the editor's whole form in the background (`Accept: application/json`,
no `action-…` button) a moment after each change. Two of its consequences are changed
here, by the `before_create_page` and `before_edit_page` hooks (wagtail_hooks.py):

- On the create view, the first autosave creates the page. An article is created that
  way only once it has a title *and* some text (a standfirst or a body block with
  something in it): a stray keystroke in the title of a « Nouvel article » opened by
  mistake no longer leaves a page in the section. Until then the autosave answers as a
  validation error does: Wagtail's indicator shows « paused » with the reason, and the
  browser still warns before leaving the unsaved form. Saving by hand creates it at once.
- Revisions: Wagtail updates the revision of the current editing *session* only; every
  reload, every « Enregistrer le brouillon » and every reopening started a new one. A
  save of a draft (by hand or in the background) now updates the latest revision when
  it is the same person's, not published, scheduled or submitted for review, and was
  begun less than ten minutes ago, and no other tab of theirs has the page open;
  otherwise it starts a new one, Wagtail's session included. The history keeps one
  version per ten minutes of one person's writing.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.models import EditingSession
from wagtail.models import Page, PageLogEntry, Revision, TaskState

from kiosque.editorial.empty_parts import stream_has_content

# How long one revision may go on being updated by its author's saves.
REVISION_SPAN = timedelta(minutes=10)


def is_draft_save(request) -> bool:
    """A POST that saves a draft: no publish, submit or workflow button was pressed."""
    return request.method == "POST" and not any(key.startswith("action-") for key in request.POST)


def is_background_save(request) -> bool:
    """Wagtail's autosave: a draft save that asks for JSON, not for a page."""
    return is_draft_save(request) and not request.accepts("text/html")


# --- the create view ------------------------------------------------------------------


def has_text_to_keep(page_class, post, files) -> bool:
    """A title and a standfirst, or a title and a body block with something in it."""
    if not post.get("title", "").strip():
        return False
    if post.get("standfirst", "").strip():
        return True
    body = getattr(page_class, "body", None)
    if body is None:
        return False
    try:
        stream = page_class._meta.get_field("body").stream_block.value_from_datadict(
            post, files, "body"
        )
    except (KeyError, ValueError):
        return False  # no body in the post, or a broken one: nothing worth a page
    return stream_has_content(stream)


def autosave_too_early(request, page_class) -> JsonResponse | None:
    """The answer to an autosave that must not create the article yet, else None."""
    from kiosque.newsroom.models import ArticlePage

    if not issubclass(page_class, ArticlePage) or not is_background_save(request):
        return None
    if not request.POST.get("title", "").strip():
        return None  # Wagtail's own answer: the title is required
    if has_text_to_keep(page_class, request.POST, request.FILES):
        return None
    return JsonResponse(
        {
            "success": False,
            # One of the codes Wagtail's autosave knows: it pauses, says why, and tries
            # again at the next change.
            "error_code": "validation_error",
            "error_message": _(
                "Autosave starts once the article has a title and a standfirst or a "
                "first paragraph. Until then, « Save draft » keeps it."
            ),
        },
        status=400,
    )


# --- the edit view: one revision per stretch of writing ---------------------------------


def revision_begun_at(revision: Revision):
    """When the revision was first saved: Wagtail moves `created_at` at each update,
    but logs every save of it (the first log entry is its start)."""
    first = (
        PageLogEntry.objects.filter(revision=revision)
        .order_by("timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    return min(first, revision.created_at) if first else revision.created_at


def updatable_revision(page, user, now=None) -> Revision | None:
    """The latest revision, if this user's next draft save may update it in place."""
    latest = page.get_latest_revision()
    if latest is None or user is None or latest.user_id != user.pk:
        return None
    # The page given may be a revision's copy, whose `live_revision` is that revision's.
    live_revision_id = (
        Page.objects.filter(pk=page.pk).values_list("live_revision_id", flat=True).first()
    )
    if latest.pk == live_revision_id or latest.approved_go_live_at is not None:
        return None  # what readers see, or will see at the scheduled time
    if TaskState.objects.filter(revision=latest).exists():
        return None  # the version submitted for review, as the reviewers saw it
    now = now or timezone.now()
    if now - revision_begun_at(latest) > REVISION_SPAN:
        return None
    return latest


def another_session_open(page, user) -> bool:
    """The person has this page open in another tab as well (Wagtail's editing
    sessions: one per editor opened, pinged while shown, released when closed).

    Two tabs must never share a revision: Wagtail only checks a session's revision id
    before updating it, so one tab would silently overwrite the other's work. A new
    session then starts its own revision, as in Wagtail, and the conflict is seen.
    """
    sessions = EditingSession.objects.available().filter(
        user=user, object_id=str(page.pk), content_type=ContentType.objects.get_for_model(Page)
    )
    return sessions.count() > 1  # the session of the tab saving now is one of them


def _is_a_revert(request) -> bool:
    """« Revert » to an old version (the edit view with a revision id) is a deliberate
    step of its own in the history: always a new revision, as in Wagtail."""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.kwargs.get("revision_id"))


def _loaded_from(revision: Revision, post) -> bool:
    """The form was loaded from this revision, as it is now (Wagtail's conflict check)."""
    return (
        post.get("loaded_revision_id") == str(revision.pk)
        and post.get("loaded_revision_created_at") == revision.created_at.isoformat()
    )


def coalesce_draft_saves(request, page) -> None:
    """Make a draft save update the latest revision, or start a new one, by the rule
    above, rewriting the two fields Wagtail's edit view reads: `overwrite_revision_id`
    (update this revision) and `loaded_revision_*` (its check for a newer version)."""
    if not is_draft_save(request) or _is_a_revert(request):
        return
    latest = page.get_latest_revision()
    if latest is None:
        return
    posted = request.POST.get("overwrite_revision_id", "")
    updatable = updatable_revision(page, request.user)
    data = request.POST.copy()
    if posted:
        if posted != str(latest.pk) or updatable is not None:
            return  # a newer version exists (Wagtail says so), or Wagtail's update is right
        # Wagtail would update a revision that must stay as it is: save a new one. The
        # session was up to date with it, so its conflict check must pass.
        del data["overwrite_revision_id"]
        data["loaded_revision_id"] = str(latest.pk)
        data["loaded_revision_created_at"] = latest.created_at.isoformat()
    else:
        if updatable is None or another_session_open(page, request.user):
            return
        if is_background_save(request) and not _loaded_from(latest, request.POST):
            return  # another tab saved since this one loaded: Wagtail's conflict answer
        data["overwrite_revision_id"] = str(latest.pk)
    request.POST = data
