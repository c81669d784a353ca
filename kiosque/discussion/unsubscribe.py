"""One-click unsubscribe from notification emails, by a signed link (no log-in)."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from kiosque.discussion.notifications import KINDS, read_unsubscribe_token
from kiosque.readers.profiles import profile_for


@csrf_exempt  # the signed token is the authority; mail clients POST without a form (RFC 8058)
def unsubscribe(request, token: str):
    try:
        user_id, kind = read_unsubscribe_token(token)
    except signing.BadSignature:
        raise Http404 from None
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise Http404
    done = False
    if request.method == "POST":
        profile = profile_for(user)
        setattr(profile, KINDS[kind], False)
        profile.save(update_fields=[KINDS[kind]])
        done = True
    response = render(request, "discussion/unsubscribe.html", {"kind": kind, "done": done})
    response["Cache-Control"] = "private, no-store"
    return response
