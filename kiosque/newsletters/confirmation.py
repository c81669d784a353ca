"""The double opt-in's mail: one link per list asked for, to a page that confirms.

Sent by the worker (a task queued after commit), never in the request: the answer to
the form then takes the same time whether a mail goes or not, which would otherwise
tell a stranger that an address is already subscribed.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from kiosque.newsletters import tokens
from kiosque.newsletters.models import Subscription
from kiosque.readers.mails import mail_context, tidy_text


def confirm_url(subscription_id: int, language: str) -> str:
    with translation.override(language):
        path = reverse("newsletters:confirm", args=[tokens.confirm_token(subscription_id)])
    return settings.BASE_URL + path


def mail_language(subscriptions, asked_in: str) -> str:
    """The lists' language when they share one (an English list: English), else the
    language of the page the reader asked from."""
    languages = {s.newsletter.language for s in subscriptions}
    return languages.pop() if len(languages) == 1 else asked_in


def build_message(subscriptions, language: str) -> EmailMultiAlternatives:
    with translation.override(language):
        context = mail_context(None, {})
        context.update(
            links=[(s.newsletter, confirm_url(s.pk, language)) for s in subscriptions],
            days=tokens.CONFIRM_MAX_AGE_SECONDS // 86400,
        )
        subject = render_to_string("newsletters/email/confirm_subject.txt", context)
        text = tidy_text(render_to_string("newsletters/email/confirm.txt", context))
        html = render_to_string("newsletters/email/confirm.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        to=[subscriptions[0].subscriber.email],
        headers={"Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    return message


# Ahead of the worker's routine tasks (renditions, search indexing): a reader is waiting.
@task(priority=50)
def send_confirmation(subscription_ids: list[int], language: str) -> int:
    """Mail the links of those still waiting (one mail); how many links it carried."""
    pending = list(
        Subscription.objects.filter(pk__in=subscription_ids, status=Subscription.Status.PENDING)
        .select_related("subscriber", "newsletter")
        .order_by("pk")
    )
    if not pending:
        return 0
    build_message(pending, mail_language(pending, language)).send()
    return len(pending)


def queue_confirmation(subscriptions, language: str) -> None:
    """After commit: nothing is mailed for a request that is rolled back."""
    ids = [s.pk for s in subscriptions if s.status == Subscription.Status.PENDING]
    if ids:
        transaction.on_commit(lambda: send_confirmation.enqueue(ids, language))
