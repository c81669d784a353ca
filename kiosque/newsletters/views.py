"""The reader's newsletter pages: sign-up answer, confirmation, unsubscription, account.

Every answer here is private (never stored by the edge: /lettres/ is on the VCL's pass
list too). The sign-up, confirmation and unsubscription endpoints are csrf_exempt: the
first is posted from cached pages that hold no token (decision 0082), the other two
act on a signed token, which is the authority, and RFC 8058 one-click POSTs come from
mail clients without any cookie.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from kiosque.newsletters import rate_limits, reader_data, services, tokens
from kiosque.newsletters.confirmation import queue_confirmation
from kiosque.newsletters.forms import AccountNewslettersForm, SubscribeForm
from kiosque.newsletters.models import NewsletterList, Subscriber, Subscription
from kiosque.readers.access import reader_login_required


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _page(request, template: str, context: dict, status: int = 200):
    return _private(render(request, f"newsletters/{template}", context, status=status))


def _problem(request, message: str, *, status: int = 400, title: str = ""):
    context = {"title": title or _("This request could not be handled"), "message": message}
    response = _page(request, "problem.html", context, status=status)
    if status == 405:
        response["Allow"] = "POST"
    return response


def _post_only(request):
    return _problem(
        request,
        _("This address only takes the answer of a newsletter form."),
        status=405,
    )


def _referring_path(request) -> str:
    """The footer's form is the same on every page: where it was, the browser's Referer
    says (same site only; strict-origin-when-cross-origin sends it whole)."""
    parts = urlsplit(request.META.get("HTTP_REFERER", ""))
    if parts.netloc and parts.netloc == request.get_host() and services.is_local_path(parts.path):
        return parts.path
    return ""


def _form_errors(form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@csrf_exempt  # posted from cached pages without a token: decision 0082
def subscribe(request):
    if request.method != "POST":
        return _post_only(request)
    if not rate_limits.client_may_post(request):
        return _problem(
            request,
            _("Many requests came from your connection in a short time. Please try again later."),
            status=429,
            title=_("Too many requests"),
        )
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _problem(request, _form_errors(form))
    email = form.cleaned_data["email"]
    answer = {"email": email}
    if form.is_robot():
        return _page(request, "subscribed.html", answer)  # told nothing, given nothing
    language = get_language() or "fr"
    newsletters = list(form.cleaned_data["newsletter"])
    try:
        if form.cleaned_data["page"] is not None:
            newsletters.append(services.follow_list_for(form.cleaned_data["page"], language))
        for newsletter in newsletters:
            if not newsletter.active:
                raise ValidationError(_("This newsletter is not available."))
    except ValidationError as error:
        return _problem(request, " ".join(error.messages))
    if not rate_limits.address_may_be_mailed(email):
        # The same answer as always (no enumeration): this address had its share.
        return _page(request, "subscribed.html", answer)
    source_path = form.cleaned_data["path"] or _referring_path(request)
    with transaction.atomic():
        subscriptions = [
            services.subscribe(email, newsletter, form.cleaned_data["source"], source_path)
            for newsletter in newsletters
        ]
        queue_confirmation(subscriptions, language)
    return _page(request, "subscribed.html", answer)


def _expired(request):
    return _problem(
        request,
        _(
            "This confirmation link has expired or is not valid. Subscribe again from any "
            "page of the site: a new message will be sent to you."
        ),
        title=_("Link expired or not valid"),
    )


@csrf_exempt  # the signed token is the authority
def confirm(request, token: str):
    subscription_id = tokens.read_confirm_token(token)
    subscription = (
        Subscription.objects.select_related("newsletter").filter(pk=subscription_id).first()
        if subscription_id is not None
        else None
    )
    if subscription is None:
        return _expired(request)
    if request.method not in ("GET", "HEAD", "POST"):
        return _post_only(request)
    done = False
    # Only a POST confirms: mail scanners follow the links of a message, never a button.
    if request.method == "POST":
        done = services.confirm(subscription, "confirmation link")
    context = {"subscription": subscription, "newsletter": subscription.newsletter, "done": done}
    return _page(request, "confirm.html", context)


def _bad_unsubscribe_link(request):
    return _problem(
        request,
        _(
            "This unsubscribe link is not valid: it may have been cut when it was copied. "
            "Use the link at the bottom of the message itself, or write to us."
        ),
        title=_("Link not valid"),
    )


@csrf_exempt  # RFC 8058: mail clients POST List-Unsubscribe=One-Click without cookies
def unsubscribe(request, token: str):
    ids = tokens.read_unsubscribe_token(token)
    if ids is None:
        return _bad_unsubscribe_link(request)
    if request.method not in ("GET", "HEAD", "POST"):
        return _post_only(request)
    subscriber = Subscriber.objects.filter(pk=ids[0]).first()
    newsletter = NewsletterList.objects.filter(pk=ids[1]).first()
    done = False
    if request.method == "POST" and subscriber is not None and newsletter is not None:
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.unsubscribe(subscriber, newsletter, "one-click" if one_click else "message link")
        done = True
    receives = (
        subscriber is not None
        and newsletter is not None
        and Subscription.objects.filter(subscriber=subscriber, newsletter=newsletter)
        .exclude(status=Subscription.Status.UNSUBSCRIBED)
        .exists()
    )
    context = {"newsletter": newsletter, "receives": receives, "done": done or not receives}
    return _page(request, "unsubscribe.html", context)


@reader_login_required
def account(request):
    """« Mon compte »'s boxes (readers/account.html, via reader_data.py)."""
    if request.method != "POST":
        return _post_only(request)
    email, verified = reader_data.account_email(request.user)
    offered = reader_data.offered_lists(request.user)
    form = AccountNewslettersForm(request.POST, offered=offered)
    if not email or not form.is_valid():
        messages.error(request, _("Your newsletters could not be saved."))
        return redirect(reverse("reader_account") + "#lettres")
    chosen = form.chosen()
    mailed = []
    with transaction.atomic():
        subscriber = reader_data.account_subscriber(request.user, create=bool(chosen))
        states = reader_data.statuses(subscriber)
        for newsletter in offered:
            status = states.get(newsletter.pk)
            if newsletter.pk in chosen and status != Subscription.Status.CONFIRMED:
                # The account's verified address is proven: no second opt-in.
                mailed.append(
                    services.subscribe(
                        email, newsletter, "account", reverse("reader_account"), confirmed=verified
                    )
                )
            elif newsletter.pk not in chosen and status in reader_data.RECEIVING:
                services.unsubscribe(subscriber, newsletter, "account")
        to_confirm = any(s.status == Subscription.Status.PENDING for s in mailed)
        # An unverified address is mailed within the same per-address limit as the
        # public form's: the account form is no way round it.
        may_mail = to_confirm and rate_limits.address_may_be_mailed(email)
        if may_mail:
            queue_confirmation(mailed, get_language() or "fr")
    if to_confirm and not may_mail:
        messages.warning(
            request,
            _(
                "Saved. Confirmation messages were already sent to %(email)s a short time "
                "ago: open the link of one of them, or try again later."
            )
            % {"email": email},
        )
    elif to_confirm:
        messages.success(
            request,
            _("Saved. A message was sent to %(email)s: open its link to confirm.")
            % {"email": email},
        )
    else:
        messages.success(request, _("Your newsletters are saved."))
    return redirect(reverse("reader_account") + "#lettres")
