"""The sign-up form posted from public pages, and the account page's choice of lists.

The public form's markup is the same for every reader (it sits in cached pages), so it
carries no CSRF token; what it may ask is checked here: an address, lists that exist
and are active, a page that can be followed, where the form was, and a honeypot.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from kiosque.core.bounds import whole_number
from kiosque.newsletters.models import NewsletterList
from kiosque.newsletters.services import (
    EMAIL_MAX_LENGTH,
    FOLLOWABLE_MODELS,
    SOURCE_PATH_MAX_LENGTH,
    is_local_path,
    normalised_email,
)
from kiosque.newsroom.selectors import public_only

# Where the public form may be; the value recorded with the consent.
PUBLIC_SOURCES = ("footer", "article", "topic", "section", "author")
MAX_LISTS = 20  # more than the site offers on one form: a forged request


class SubscribeForm(forms.Form):
    email = forms.CharField(label=_("E-mail address"), max_length=EMAIL_MAX_LENGTH)
    # Lists by id (the footer's and the article's boxes), and/or a page to follow.
    newsletter = forms.MultipleChoiceField(required=False, choices=())
    page = forms.CharField(required=False, max_length=20)
    source = forms.ChoiceField(choices=[(s, s) for s in PUBLIC_SOURCES])
    path = forms.CharField(required=False, max_length=SOURCE_PATH_MAX_LENGTH)
    # The honeypot: hidden by the stylesheet, filled in only by robots.
    website = forms.CharField(required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any id is a choice here; clean_newsletter checks them against the lists.
        raw = self.data.getlist("newsletter") if hasattr(self.data, "getlist") else []
        self.fields["newsletter"].choices = [(value, value) for value in raw]

    def clean_email(self) -> str:
        return normalised_email(self.cleaned_data["email"])

    def clean_newsletter(self) -> list[NewsletterList]:
        raw = self.cleaned_data["newsletter"]
        if len(raw) > MAX_LISTS:
            raise ValidationError(_("Too many newsletters in one request."), code="too_many")
        ids = [whole_number(value) for value in raw]
        if None in ids:
            raise ValidationError(_("This newsletter does not exist."), code="unknown")
        found = list(NewsletterList.objects.filter(pk__in=set(ids), active=True))
        if len(found) != len(set(ids)):
            raise ValidationError(
                _("This newsletter does not exist or is no longer sent."), code="unknown"
            )
        return found

    def clean_page(self) -> Page | None:
        raw = self.cleaned_data["page"]
        if not raw:
            return None
        page_id = whole_number(raw)
        page = (
            public_only(Page.objects.live()).filter(pk=page_id).first()
            if page_id is not None
            else None
        )
        if page is None or page.specific_class is None:
            raise ValidationError(_("This page does not exist."), code="unknown_page")
        if page.specific_class._meta.model_name not in FOLLOWABLE_MODELS:
            raise ValidationError(_("This page cannot be followed."), code="not_followable")
        return page

    def clean_path(self) -> str:
        path = self.cleaned_data["path"]
        if path and not is_local_path(path):
            raise ValidationError(_("The page address is not valid."), code="path")
        return path

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("newsletter") and not cleaned.get("page"):
            raise ValidationError(_("Choose at least one newsletter."), code="no_list")
        return cleaned

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class AccountNewslettersForm(forms.Form):
    """« Mon compte »: one box per list offered, ticked for the lists received."""

    def __init__(self, *args, offered: list[NewsletterList], **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = offered
        self.fields["newsletter"] = forms.MultipleChoiceField(
            required=False,
            choices=[(str(n.pk), n.name) for n in offered],
            widget=forms.CheckboxSelectMultiple,
        )

    def chosen(self) -> set[int]:
        return {int(value) for value in self.cleaned_data["newsletter"]}
