from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadersConfig(AppConfig):
    name = "kiosque.readers"
    label = "readers"
    verbose_name = _("Readers")

    def ready(self):
        from allauth.mfa.models import Authenticator
        from django.db.models.signals import post_save

        from kiosque.readers.staff import record_second_factor_on_enrolment

        post_save.connect(
            record_second_factor_on_enrolment,
            sender=Authenticator,
            dispatch_uid="kiosque.readers.second_factor_on_enrolment",
        )
