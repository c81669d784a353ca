from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "kiosque.editorial"
    label = "editorial"
    verbose_name = _("Editorial")

    def ready(self) -> None:
        from kiosque.core import periodic_jobs
        from kiosque.editorial import signals  # noqa: F401  (records withdrawals)
        from kiosque.editorial.scheduling import run_schedule, seconds_until_next_due

        self._shape_the_article_editor()

        # Scheduled publications and expiries, run by every `kiosque worker` (decision
        # 0046): core's worker command runs the job but may not import editorial (0064).
        periodic_jobs.register(
            periodic_jobs.PeriodicJob(
                name="Publishing schedule",
                run=run_schedule,
                seconds_until_due=seconds_until_next_due,
            )
        )

    def _shape_the_article_editor(self) -> None:
        """The article's editor form (autosave's empty parts, free addresses) and its
        public credit line (decision 0070). Set here, before Wagtail builds and caches
        the article's edit handler: the newsroom app needs to know nothing of them."""
        from kiosque.editorial.article_form import ArticleEditorForm
        from kiosque.editorial.credit_preview import with_credit_preview
        from kiosque.newsroom.models import ArticlePage

        ArticlePage.base_form_class = ArticleEditorForm
        ArticlePage.content_panels = with_credit_preview(ArticlePage.content_panels)
