"""The readers app's middleware: the staff's second factor, allauth's messages.

Staff reach the admin only with a second factor, where settings require one.
allauth.mfa asks for the second factor of users who enrolled, but neither forces
enrolment nor guards Wagtail's own log-in form. The admin log-in is routed to allauth
(kiosque/urls.py); StaffSecondFactorMiddleware closes the remaining gaps: a staff member
without a TOTP authenticator is sent to enrol before any admin page is served, and a
session that was not opened with the second factor (whichever form or link opened it)
is asked for a code before the admin answers (decision 0077).
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from kiosque.readers import landing
from kiosque.readers.staff import has_second_factor, is_staff_member, passed_second_factor


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH

    def __call__(self, request):
        if (
            settings.KIOSQUE_STAFF_MFA_REQUIRED
            and request.path.startswith(self.admin_prefix)
            and is_staff_member(request.user)
        ):
            if not has_second_factor(request.user):
                return redirect(reverse("mfa_activate_totp") + "?next=" + request.path)
            if not passed_second_factor(request):
                return redirect(reverse("mfa_reauthenticate") + "?next=" + request.path)
        return self.get_response(request)


class AccountMessagesMiddleware:
    """Queue allauth's messages only for a page that shows them (readers/landing.py).

    Below MessageMiddleware in settings.MIDDLEWARE, so they are queued before it stores
    the messages on the response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        landing.release(request, response)
        return response
