"""What every reader page shows around the content: its language and the switch to the other.

The header's sections come from the newsroom (kiosque.newsroom.context_processors):
core sits below it.
"""

from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

ENGLISH_PREFIX = "/en"


def alternate_language_urls(full_path: str) -> dict[str, str]:
    """The same page in French (/) and English (/en/): a plain link, no cookie.

    Being a link rather than a preference stored in the session, the switch leaves
    every page identical for every reader, which keeps pages cacheable at the edge.
    """
    if full_path == ENGLISH_PREFIX or full_path.startswith(ENGLISH_PREFIX + "/"):
        french = full_path[len(ENGLISH_PREFIX) :] or "/"
        return {"fr": french, "en": full_path}
    return {"fr": full_path, "en": ENGLISH_PREFIX + full_path}


def language_switch(request) -> dict:
    # Lazy: admin pages share these context processors and never show the chrome.
    return {
        "alternate_urls": SimpleLazyObject(
            lambda: alternate_language_urls(request.get_full_path())
        ),
        "interface_language": SimpleLazyObject(lambda: get_language() or "fr"),
    }
