"""The admin's log-in: Wagtail's form, allauth's log-in flow behind it.

Wagtail's own view would log staff in with a password alone. This one keeps the form
editors know, adds allauth's per-account lock-out (failed attempts counted in the cache
under the account, the same count as the reader's form: readers/lockout.py) and hands
the authenticated user to allauth's log-in stages, so a staff member with a TOTP
authenticator is asked for the code before the session exists. Staff without one are
sent to enrol where settings require it (readers.middleware).
"""

from allauth.account import app_settings as account_settings
from allauth.account.internal.flows.login import perform_password_login
from allauth.account.models import Login
from allauth.core import ratelimit
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LoginView

from kiosque.readers.lockout import account_key, normalised


class StaffLoginView(LoginView):
    def _identifier(self) -> str:
        return normalised(self.request.POST.get("username") or "")

    def _key(self) -> str:
        # Worked out once per request: the account lookup is a query.
        if not hasattr(self, "_lockout_key"):
            self._lockout_key = account_key(self._identifier())
        return self._lockout_key

    def post(self, request, *args, **kwargs):
        if not ratelimit.consume(request, action="login_failed", key=self._key(), dry_run=True):
            form = self.get_form()
            form.is_valid()
            form.errors.clear()
            form.add_error(None, _("Too many failed log-in attempts. Try again in a few minutes."))
            response = super().form_invalid(form)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        ratelimit.consume(self.request, action="login_failed", key=self._key())
        return super().form_invalid(form)

    def form_valid(self, form):
        ratelimit.clear(self.request, action="login_failed", key=self._key())
        login = Login(
            user=form.get_user(),
            # Staff accounts are created by administrators, not by email sign-up.
            email_verification=account_settings.EmailVerificationMethod.NONE,
            redirect_url=self.get_success_url(),
        )
        response = perform_password_login(self.request, {"username": self._identifier()}, login)
        if not form.cleaned_data.get("remember"):
            self.request.session.set_expiry(0)
        return response
