"""URLs of /api/v1/: the ninja API's, each wrapped in kiosque.api.http.api_view (or, for
a write operation, kiosque.api.write_http.write_view), and a JSON 404 for everything
else under the prefix (not the site's HTML error page)."""

from django.urls import URLPattern, URLResolver, re_path

from kiosque.api.api import api
from kiosque.api.http import api_view, not_found
from kiosque.api.write_http import WRITE_URL_NAMES, write_view


def _wrapped(patterns):
    result = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            pattern.url_patterns[:] = _wrapped(pattern.url_patterns)
            result.append(pattern)
        elif isinstance(pattern, URLPattern):
            wrap = write_view if pattern.name in WRITE_URL_NAMES else api_view
            pattern.callback = wrap(pattern.callback)
            result.append(pattern)
    return result


ninja_patterns, app_name, namespace = api.urls
urlpatterns = [
    *_wrapped(ninja_patterns),
    re_path(r"^.*$", api_view(not_found), name="api-not-found"),
]
app_name = namespace  # "api-v1": ninja reverses its own URLs under it
