"""Reading a site's settings (Wagtail's BaseSiteSetting) without asking the primary.

Wagtail's `for_site()` is a `get_or_create`, and Django sends the read of a
get_or_create where writes go: with a streaming replica (decision 0073), every reader
page that read its settings that way would need the primary, and would fail while the
primary is down although the replica could answer. The row exists on every site but a
new one, so it is read where reads go, and created (on the primary) only when missing.
"""


def read_site_setting(model, site):
    return model.base_queryset().filter(site=site).first() or model.for_site(site)
