"""The counting middleware needs to know which page a response shows (counting.py)."""

from wagtail import hooks

from kiosque.audience.counting import note_page


@hooks.register("before_serve_page")
def remember_counted_page(page, request, serve_args, serve_kwargs):
    note_page(request, page)
