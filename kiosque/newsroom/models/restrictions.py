"""Private pages without a query per reader request on a site that has none.

Wagtail checks every served page's view restrictions (the page's and its ancestors'),
twice per request here (our hook answers 404, Wagtail's own then runs): four queries
on every article, for a feature most newsrooms never use. Whether any restriction
exists at all is kept in the cache, forgotten whenever one is saved or deleted (after
commit too), and checked first; with none, there is nothing to ask the database.
"""

from django.core.cache import cache
from django.db import transaction
from wagtail.models import PageViewRestriction

ANY_RESTRICTION_KEY = "newsroom:any-view-restriction"
# A bound on the only race (a reader's request reading the old answer while a
# restriction is being committed, then storing it after the commit forgot it).
ANSWER_SECONDS = 300


def any_view_restriction() -> bool:
    answer = cache.get(ANY_RESTRICTION_KEY)
    if answer is None:
        answer = PageViewRestriction.objects.exists()
        cache.set(ANY_RESTRICTION_KEY, answer, ANSWER_SECONDS)
    return answer


def view_restrictions_changed(**kwargs) -> None:
    cache.delete(ANY_RESTRICTION_KEY)
    transaction.on_commit(lambda: cache.delete(ANY_RESTRICTION_KEY))


class ViewRestrictionsFastPath:
    """Mixed into reader page models, before Page."""

    def get_view_restrictions(self):
        # Both hooks of a request ask the same page instance: one cache read serves both.
        if not hasattr(self, "_any_view_restriction"):
            self._any_view_restriction = any_view_restriction()
        if not self._any_view_restriction:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
