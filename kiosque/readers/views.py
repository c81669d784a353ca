"""The reader's own page: name, notification preferences, comments, export, deletion."""

import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kiosque.readers import data_holders
from kiosque.readers.access import reader_login_required
from kiosque.readers.forms import ReaderProfileForm
from kiosque.readers.profiles import profile_for
from kiosque.readers.services import reader_delete, reader_export


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


@reader_login_required
def account(request):
    profile = profile_for(request.user)
    form = ReaderProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your settings are saved."))
        return redirect("reader_account")
    context = {"form": form}
    # The reader's comments (discussion): data_holders.py.
    for holder in data_holders.registered():
        context.update(holder.account_context(request.user))
    return _private(render(request, "readers/account.html", context))


@reader_login_required
@require_GET
def export(request):
    data = reader_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="kiosque-mes-donnees-{stamp}.json"'
    return _private(response)


@reader_login_required
@reauthentication_required
def delete(request):
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        user = request.user
        logout(request)
        reader_delete(user=user)
        messages.success(request, _("Your account is deleted."))
        return redirect("reader_account_deleted")
    return _private(render(request, "readers/delete.html"))


def deleted(request):
    return _private(render(request, "readers/deleted.html"))
