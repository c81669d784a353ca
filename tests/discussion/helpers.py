"""People for the comment tests: readers in every state and staff in every role."""

import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from kiosque.readers.models import ReaderProfile

PASSWORD = "une phrase assez longue pour passer"
_numbers = itertools.count(1)


def make_reader(name: str | None = None, *, verified: bool = True, **profile) -> User:
    number = next(_numbers)
    email = f"lecteur{number}@example.org"
    user = User.objects.create_user(username=f"lecteur{number}", email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    ReaderProfile.objects.create(user=user, display_name=name or f"Lecteur {number}", **profile)
    return user


def make_staff(role: str, name: str | None = None) -> User:
    user = make_reader(name or role)
    user.groups.add(Group.objects.get(name=role))
    return user


def make_trusted(user: User) -> User:
    """Past pre-moderation for new accounts (the site setting is 3 approved comments)."""
    from kiosque.discussion.models import DiscussionSettings

    for settings in DiscussionSettings.objects.all():
        settings.trusted_after_approved = 0
        settings.save()
    return user


def forget_rate_limits() -> None:
    cache.clear()
