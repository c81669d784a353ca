"""What the wires app offers the apps above it, which may import wires while wires
imports none of them (decision 0064): a signal when a dispatch changes, and a hook for
other uses of a dispatch on its desk page."""

from django.dispatch import Signal

# A new latest version of a dispatch was stored (a kill or a hold included), inside the
# ingest's transaction: a receiver's writes commit or roll back with the dispatch.
# Sent with item (WireItem), version (WireItemVersion) and created (the dispatch is new,
# so nothing can have been made from it yet).
dispatch_version_stored = Signal()

# Functions registered with wagtail.hooks under this name are called with
# (request, item) on the dispatch's desk page and return HTML to show under its
# articles (e.g. « Ajouter au direct »), or "" to add nothing.
DISPATCH_ACTIONS_HOOK = "register_wire_dispatch_actions"
