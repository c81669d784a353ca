"""allauth's hooks for Kiosque (settings.ACCOUNT_ADAPTER).

Mails: every account mail carries the site's name and is written from our templates
(readers/mails.py). Messages: held until the response shows where the reader lands
(readers/landing.py).
"""

import html

from allauth.account.adapter import DefaultAccountAdapter
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

from kiosque.readers import landing, lockout, mails


class ReaderAccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        context = {**context, **mails.mail_context(self.request, context)}
        super().send_mail(template_prefix, email, context)

    def send_notification_mail(self, template_prefix, user, context=None, email=None) -> None:
        from allauth.account.internal.flows.password_reset import get_reset_password_url

        # allauth leaves the user out of a notification: the greeting needs them, and the
        # reader who did not make the change needs the way to take the account back.
        context = {
            "user": user,
            "password_reset_url": get_reset_password_url(self.request),
            **(context or {}),
        }
        super().send_notification_mail(template_prefix, user, context, email)

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        message.body = mails.tidy_text(message.body)
        return message

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth counts failed log-ins under what was typed; we count them under the
        # account, shared with the admin's form (readers/lockout.py). A private hook of
        # allauth's, covered by tests/readers/test_one_lockout_per_account.py.
        return lockout.account_key(credentials.get("email") or credentials.get("username") or "")

    def format_email_subject(self, subject: str) -> str:
        # Our subjects name the site already; one from elsewhere gets it appended.
        subject = super().format_email_subject(subject)
        name = mails.site_name(self.request)
        return subject if name in subject else f"{subject} – {name}"

    def add_message(
        self,
        request,
        level,
        message_template=None,
        message_context=None,
        extra_tags="",
        message=None,
    ) -> None:
        text = (
            str(message)
            if message
            else self._message_text(request, message_template, message_context)
        )
        if text:
            landing.hold(request, level, text, extra_tags)

    @staticmethod
    def _message_text(request, template: str | None, context: dict | None) -> str:
        if not template:
            return ""
        try:
            # Rendered with autoescape like allauth's (the text is shown escaped again).
            return html.unescape(render_to_string(template, context or {}, request).strip())
        except TemplateDoesNotExist:
            return ""
