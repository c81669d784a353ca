"""The newsletters in the Wagtail admin: « Lettres d'information » (admin_viewsets.py)."""

from wagtail import hooks

from kiosque.newsletters.admin_viewsets import NewslettersMenu


@hooks.register("register_admin_viewset")
def register_newsletters_menu():
    return NewslettersMenu()
