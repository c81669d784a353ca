"""Reading a reader's public name and preferences, whether or not a profile exists."""

from kiosque.readers.models import ReaderProfile


def profile_for(user) -> ReaderProfile:
    """The user's profile, created on first use (staff made in the admin have none)."""
    # Read afresh each time: preferences decide whether an email goes out.
    fallback = user.get_full_name() or user.get_username()
    profile, _created = ReaderProfile.objects.get_or_create(
        user=user, defaults={"display_name": fallback[:50]}
    )
    return profile


def display_name(user) -> str:
    if user is None:
        return ""
    try:
        return user.reader_profile.display_name
    except ReaderProfile.DoesNotExist:
        return user.get_full_name() or user.get_username()


def chosen_name(user) -> str:
    """The name the reader chose (the sign-up form's display name), or "" for none.

    Never a username: allauth makes one up from the email, and profile_for() copies the
    username into a profile it creates, so a display name equal to it was not chosen.
    """
    if user is None or user.pk is None:
        return ""
    try:
        name = user.reader_profile.display_name
    except ReaderProfile.DoesNotExist:
        return ""
    if name.casefold() == user.get_username().casefold():
        return ""
    return name
