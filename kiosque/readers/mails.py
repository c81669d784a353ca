"""What every account mail shares: the site's name and address, and the greeting.

The layout is readers/email/layout.html (and .txt); allauth's mails extend it
(templates/account/email/, templates/mfa/email/). Mails are written in the interface
language of the page where the reader acted (/ or /en/), which is active when allauth
sends them.
"""

import re

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from kiosque.readers.profiles import chosen_name


def newsroom_settings(request):
    from wagtail.models import Site

    from kiosque.newsroom.models import NewsroomSettings

    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return NewsroomSettings.for_site(site) if site is not None else NewsroomSettings()


def site_name(request) -> str:
    return newsroom_settings(request).site_name


def home_url() -> str:
    # BASE_URL is the one source of absolute URLs; the home of the mail's language.
    return settings.BASE_URL + reverse("wagtail_serve", args=[""])


def mail_context(request, context: dict) -> dict:
    newsroom = newsroom_settings(request)
    return {
        "site_name": newsroom.site_name,
        # Dates in a mail (a notification's) are the newsroom's, like on the site.
        "time_zone": newsroom.time_zone,
        "site_url": home_url(),
        "mail_language": get_language() or settings.LANGUAGE_CODE,
        # The account's user, where there is one (not for « unknown account », nor for
        # « account already exists », which may reach someone who did not act).
        "greeting_name": chosen_name(context.get("user")),
    }


def tidy_text(body: str) -> str:
    """The text part without the blank lines left by template tags, nor trailing spaces."""
    lines = [line.rstrip() for line in body.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"
