"""The NinjaAPI instance: version 1 of the public API, read-only but for one write
(posting a live entry with a token)."""

from __future__ import annotations

import json

from django.http import Http404
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder

from kiosque.api import bearer
from kiosque.api.endpoints import router
from kiosque.api.reference import ReferencePage

DESCRIPTION = (
    "What the site publishes, to read: articles (JSON and IPTC ninjs 2.2), "
    "sections, topics, authors and lives. Never drafts, never private or withdrawn "
    "articles, never anything about readers. Answers carry an ETag (send If-None-Match "
    "for a 304); each client address has a rate limit (429 with Retry-After). "
    "One operation writes: posting an entry on a live, with a per-user API token "
    "(Authorization: Bearer); its answers are never cached and each token has its own "
    "rate limit."
)


class Utf8JsonRenderer(JSONRenderer):
    """UTF-8 as is (« é », not \\u00e9), compact: the same bytes for the same data."""

    def render(self, request, data, *, response_status):
        return json.dumps(data, cls=NinjaJSONEncoder, ensure_ascii=False, separators=(",", ":"))


api = NinjaAPI(
    title="Kiosque public API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    renderer=Utf8JsonRenderer(),
    docs=ReferencePage(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("", router)
bearer.install(api)
# Apps that import the API add their own routers (api_routes.py, see ApiConfig.ready).


@api.exception_handler(Http404)
def not_found(request, error):
    return api.create_response(request, {"detail": str(error) or "not found"}, status=404)
