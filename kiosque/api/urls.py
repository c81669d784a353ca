"""URLs of /api/v1/: the ninja API's, each wrapped in kiosque.api.http.api_view, and a
JSON 404 for everything else under the prefix (not the site's HTML error page)."""

from django.urls import URLPattern, URLResolver, re_path

from kiosque.api.api import api
from kiosque.api.http import api_view, not_found


def _wrapped(patterns):
    result = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            pattern.url_patterns[:] = _wrapped(pattern.url_patterns)
            result.append(pattern)
        elif isinstance(pattern, URLPattern):
            pattern.callback = api_view(pattern.callback)
            result.append(pattern)
    return result


ninja_patterns, app_name, namespace = api.urls
urlpatterns = [
    *_wrapped(ninja_patterns),
    re_path(r"^.*$", api_view(not_found), name="api-not-found"),
]
app_name = namespace  # "api-v1": ninja reverses its own URLs under it
