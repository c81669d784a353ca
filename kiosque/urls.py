"""URL map: operational endpoints, the admin, then the reader site in two languages.

French is served at / and English under /en/ (`prefix_default_language=False`); both
route into the same Wagtail page tree: only the interface is translated.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_media
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kiosque.core import views as core_views
from kiosque.distribution import urls as distribution_urls
from kiosque.readers.admin_login import StaffLoginView

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # Wagtail's log-in form, run through allauth (lock-out, second factor): readers/admin_login.py
    path(settings.ADMIN_PATH + "login/", StaffLoginView.as_view(), name="wagtailadmin_login"),
    path(settings.ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # robots.txt and sitemaps, once for the site (kiosque/distribution/urls.py)
    *distribution_urls.root_urlpatterns,
    # The public API: one address for every interface language (docs/api.md).
    path("api/v1/", include("kiosque.api.urls")),
]

if settings.SERVE_MEDIA:
    # The single-machine demo serves uploads itself; production lets nginx or object
    # storage do it (see deploy/).
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("compte/", include("kiosque.readers.urls")),
    path("commentaires/", include("kiosque.discussion.urls")),
    path("lettres/", include("kiosque.newsletters.urls")),  # sign-up, confirmation, unsubscribe
    path("recherche/", include("kiosque.search.urls")),  # /recherche/ and /en/recherche/
    path("", include("kiosque.editorial.urls")),  # /rectificatifs/
    path("", include("kiosque.live.urls")),  # /direct/<id>/nouveautes.json
    path("", include("kiosque.audience.urls")),  # /plus-lus/: the edge includes it (ESI)
    # Feeds (/rss.xml, /monde/atom.xml…) before Wagtail's catch-all
    *distribution_urls.feed_urlpatterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "kiosque.core.views.bad_request"
handler404 = "kiosque.core.views.page_not_found"
handler500 = "kiosque.core.views.server_error"
