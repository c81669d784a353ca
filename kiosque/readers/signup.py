"""The sign-up form: the same work, and the same answer, whether or not the address is known.

allauth answers a sign-up with an address that already has an account as it answers a
new one (« check your inbox »), and mails the owner instead of creating an account
(ACCOUNT_PREVENT_ENUMERATION). The answer's delay still told them apart: a new account
hashes the password (Argon2: most of the request's time), a known address did not.
Here the known address's password is hashed too, with the same hasher, and thrown away,
so both posts cost one hash and one mail (decision 0077; bench/signup_timing.py).
"""

from allauth.account.forms import SignupForm
from django.contrib.auth.hashers import make_password


class EnumerationSafeSignupForm(SignupForm):
    """settings.ACCOUNT_FORMS["signup"]; its extra fields are kiosque.readers.forms'."""

    def try_save(self, request):
        if self.account_already_exists:
            # What set_password() would do for a new account: the default hasher, a
            # fresh salt. The result is discarded; only its cost matters.
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)
