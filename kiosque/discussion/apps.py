from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    name = "kiosque.discussion"
    label = "discussion"
    verbose_name = _("Discussion")

    def ready(self) -> None:
        from kiosque.discussion.reader_data import HOLDER
        from kiosque.readers import data_holders

        # The reader's comments on their account page, in their export and deletion:
        # readers is below the discussion and may not import it.
        data_holders.register(HOLDER)
