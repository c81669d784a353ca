"""`newsletter_form(source, page)`: the sign-up form of reader pages (decision 0082).

The same markup for every reader: no CSRF token, no address, nothing from the session,
so the page around it stays in the edge's cache. In the footer ("footer"), the digests
and alerts of the interface language; under an article ("article"), those and the
article's topic; on a topic, section or author page, the follow of that page.
"""

from django.utils.translation import get_language
from jinja2 import pass_context
from jinja2.ext import Extension
from markupsafe import Markup

from kiosque.newsletters.models import NewsletterList

FOLLOW_SOURCES = {"topicpage": "topic", "sectionpage": "section", "authorpage": "author"}


SHOWN_LISTS = "newsletter_lists"


def load_shown_lists(site) -> tuple:
    """The active digests and alerts, every language: read once per content clock
    (core/site_data.py; a change of them purges everything, signup_signals.py)."""
    return tuple(
        NewsletterList.objects.filter(
            kind__in=[NewsletterList.Kind.DIGEST, NewsletterList.Kind.ALERT], active=True
        ).order_by("kind", "name")
    )


def _shown_lists(request, language: str) -> list[NewsletterList]:
    from wagtail.models import Site

    from kiosque.core.site_data import site_data

    site = Site.find_for_request(request) if request is not None else None
    lists = site_data(request, SHOWN_LISTS, site) if site is not None else load_shown_lists(None)
    # The digests first (what most readers come for), then the alerts.
    shown = [newsletter for newsletter in lists if newsletter.language == language]
    return sorted(shown, key=lambda n: (n.kind != NewsletterList.Kind.DIGEST, n.name))


@pass_context
def newsletter_form(context, source: str, page=None) -> Markup:
    language = get_language() or "fr"
    request = context.get("request")
    follow = None
    lists: list[NewsletterList] = []
    if source in ("footer", "article"):
        lists = _shown_lists(request, language)
        if source == "article" and page is not None and getattr(page, "topic_id", None):
            follow = page.topic
    elif page is not None:
        source = FOLLOW_SOURCES.get(page.specific_class._meta.model_name, "")
        follow = page if source else None
    if not lists and follow is None:
        return Markup("")
    template = context.environment.get_template("newsletters/includes/signup_form.html")
    html = template.render(
        {
            **context.get_all(),
            "signup": {
                "source": source,
                "lists": lists,
                "follow": follow,
                # The footer is one fragment for every page: its path comes from the
                # Referer when posted (views.py), never from this rendering.
                "path": request.path if request is not None and source != "footer" else "",
            },
        }
    )
    return Markup(html)  # noqa: S704 (rendered by an autoescaping template)


class NewslettersExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(newsletter_form=newsletter_form)
