"""Wagtail hooks of the distribution app."""

from wagtail import hooks

from kiosque.distribution.images import CoverOperation


@hooks.register("register_image_operations")
def register_cover_operation():
    return [("cover", CoverOperation)]
