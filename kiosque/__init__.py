"""Kiosque: an open-source newsroom platform built on Django and Wagtail."""
