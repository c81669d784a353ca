"""The sign-up form's extra field and the reader's own settings form."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kiosque.readers.models import DISPLAY_NAME_MAX_LENGTH, ReaderProfile


def clean_display_name(value: str) -> str:
    # Any character is allowed (< > & and quotes included): templates escape on output.
    value = " ".join(value.split())
    if not value:
        raise forms.ValidationError(_("Choose a display name."))
    return value


class ReaderSignupForm(forms.Form):
    """Extra fields for allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        help_text=_("Shown next to your comments. You can change it later."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    field_order = ["display_name", "email", "password1"]

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])

    def signup(self, request, user):
        ReaderProfile.objects.update_or_create(
            user=user,
            defaults={
                "display_name": self.cleaned_data["display_name"],
                "language": get_language() or "fr",
            },
        )


class ReaderProfileForm(forms.ModelForm):
    class Meta:
        model = ReaderProfile
        fields = ["display_name", "notify_replies", "notify_moderation"]

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])
