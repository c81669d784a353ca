"""The edge middleware needs to know which page a response shows."""

from wagtail import hooks

from kiosque.edge.middleware import note_page


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    note_page(request, page)
