"""Wagtail hooks of the newsroom."""

from django.http import Http404
from django.utils import timezone
from wagtail import hooks


@hooks.register("before_serve_page", order=-10)
def hide_restricted_pages(page, request, serve_args, serve_kwargs):
    """A private page is not found, rather than a log-in or password form.

    Readers should not learn that a restricted URL exists; staff see such pages in
    the admin's preview. Wagtail's own check (a log-in redirect) never runs because
    this one answers first.
    """
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404("No such page")


@hooks.register("before_serve_page")
def use_newsroom_time_zone(page, request, serve_args, serve_kwargs):
    """Show every date of reader pages in the newsroom's zone (Europe/Paris by default)."""
    from kiosque.newsroom.models import NewsroomSettings

    timezone.activate(NewsroomSettings.for_request(request).zone)


@hooks.register("construct_homepage_panels")
def add_newsroom_panel(request, panels):
    from kiosque.newsroom.dashboard import NewsroomPanel

    panels.insert(0, NewsroomPanel(request.user))


@hooks.register("construct_homepage_summary_items", order=100)  # after the apps add theirs
def remove_site_summary(request, summary_items):
    # Counts of pages, images and documents tell a newsroom nothing it acts on.
    summary_items.clear()
