"""« Jetons d'API » in the Wagtail admin: one's tokens, a new one shown once, revoking.

Everyone who may edit pages holds tokens of their own and sees only those; whoever has
`api.manage_all_tokens` (administrators) sees and revokes everyone's. A new token's
secret is in the answer to the POST that made it and nowhere else (not in a message,
not in the session): reloading the page does not show it again.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from kiosque.api import tokens
from kiosque.api.models import ApiToken

SHOWN = 200


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("Who or what uses it, e.g. « Résultats des élections »."),
    )
    scope = forms.ChoiceField(label=gettext_lazy("Scope"), choices=ApiToken.Scope.choices)


def may_open(user) -> bool:
    return tokens.may_hold_tokens(user) or tokens.may_manage_all(user)


def _page(request, *, form, issued=None, status=200):
    rows = (
        tokens.visible_to(request.user)
        # Active ones first, then the revoked, newest first in each.
        .order_by(F("revoked_at").desc(nulls_first=True), "-created_at", "-pk")[:SHOWN]
    )
    return TemplateResponse(
        request,
        "api/admin/tokens.html",
        {
            "tokens": rows,
            "form": form if tokens.may_hold_tokens(request.user) else None,
            "issued": issued,
            "sees_all": tokens.may_manage_all(request.user),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def token_list(request):
    if not may_open(request.user):
        raise PermissionDenied
    if request.method == "GET":
        return _page(request, form=TokenForm())
    if not tokens.may_hold_tokens(request.user):
        raise PermissionDenied
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form=form, status=400)
    if tokens.active_count(request.user) >= tokens.MAX_ACTIVE_PER_USER:
        form.add_error(
            None,
            _("You already have %(count)s active tokens: revoke one first.")
            % {"count": tokens.MAX_ACTIVE_PER_USER},
        )
        return _page(request, form=form, status=400)
    try:
        issued = tokens.issue(
            request.user,
            scope=form.cleaned_data["scope"],
            name=form.cleaned_data["name"],
            created_by=request.user,
        )
    except tokens.TokenError as error:
        form.add_error(None, str(error))
        return _page(request, form=form, status=400)
    return _page(request, form=TokenForm(), issued=issued)


@never_cache
@require_POST
def revoke(request, pk: int):
    if not may_open(request.user):
        raise PermissionDenied
    # Someone else's token is "not found", as if it did not exist.
    token = get_object_or_404(tokens.visible_to(request.user), pk=pk)
    if tokens.revoke(token):
        messages.success(request, _("Token %(token)s revoked.") % {"token": token.public_id})
    return redirect("api_admin:tokens")
