"""Settings shared by every environment.

Everything an operator may change comes from the environment (see the README's
configuration table); the modules dev.py, test.py and production.py only adjust what
differs between those environments.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from kiosque.edge.addresses import checked_edge_setting
from kiosque.settings.environment import (
    base_url_from_environment,
    caches_and_sessions,
    database_from_environment,
    env,
    env_bool,
    env_int,
    env_list,
    replica_databases_from_environment,
    replica_max_lag_from_environment,
    var_dir_from_environment,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent
# Everything the site writes at run time (SQLite file, media, mail, collected static
# files) lives under one folder, so a backup is one directory and a checkout stays clean.
VAR_DIR = var_dir_from_environment(PROJECT_DIR, PACKAGE_DIR)

DEBUG = False
SECRET_KEY = env("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])

HOST = env("HOST", "127.0.0.1")
PORT = env_int("PORT", 8000)
# The one source of absolute URLs: emails, feeds, sitemaps, the CLI, Wagtail's Site.
BASE_URL = base_url_from_environment(HOST, PORT)
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "kiosque.core",
    "kiosque.newsroom",
    "kiosque.readers",
    "kiosque.discussion",
    "kiosque.wires",
    "kiosque.distribution",
    "kiosque.edge",
    "kiosque.editorial",
    "kiosque.live",
    "kiosque.newsletters",
    "kiosque.audience",
    "kiosque.search",
    "kiosque.api",
    "kiosque.demo",
    "kiosque.benchdata",
    "kiosque.backups",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Reader and staff accounts (see docs/accounts-and-comments.md).
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kiosque.core.middleware.RejectControlCharactersMiddleware",
    # Above the 304 answers: marks page views for the edge's log (docs/audience.md).
    "kiosque.audience.middleware.PageViewMiddleware",
    # ETag and 304 answers from the headers the edge middleware sets just below it.
    "django.middleware.http.ConditionalGetMiddleware",
    # Above everything that can still change a response (sessions, redirects, 410s).
    "kiosque.edge.middleware.EdgeCacheMiddleware",
    "kiosque.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the database, below the edge middleware (which then sees its
    # cookie): which database this request may read (decision 0073; removes itself
    # without DATABASE_REPLICA_URLS).
    "kiosque.core.db_routing.ReplicaRoutingMiddleware",
    # Django's, plus a 503 page in the site's design (not a 500) for a log-in or a form
    # posted while the sessions' Redis is away (decision 0074).
    "kiosque.core.redis_sessions.SessionMiddleware",
    "kiosque.core.middleware.UrlLanguageMiddleware",
    "kiosque.core.middleware.NewsroomTimeZoneMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After the host is checked (CommonMiddleware), before anything looks the site up.
    "kiosque.edge.site_memo.SiteMemoMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # allauth's messages only for a page that shows them (kiosque/readers/landing.py).
    "kiosque.readers.middleware.AccountMessagesMiddleware",
    "kiosque.readers.middleware.StaffSecondFactorMiddleware",
    # X-Frame-Options: DENY, SAMEORIGIN for the admin's previews (decision 0067).
    "kiosque.core.middleware.PreviewFramingMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Any article readers saw, then no longer may (editor, agency kill, expiry): 410.
    "kiosque.editorial.middleware.WithdrawnArticleMiddleware",
]

ROOT_URLCONF = "kiosque.urls"
WSGI_APPLICATION = "kiosque.wsgi.application"

# Reader pages are Jinja2 templates (kiosque/**/jinja2/, decision 0066): rendered whole
# on every cache miss, they must be cheap. Everything else (admin, accounts, forms) is a
# Django template; the Jinja2 engine comes first and only finds its own folders.
READER_CONTEXT_PROCESSORS = [
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
    "wagtail.contrib.settings.context_processors.settings",
    "kiosque.newsroom.context_processors.section_navigation",
    "kiosque.core.context_processors.language_switch",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [PACKAGE_DIR / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "kiosque.core.templating.environment",
            "extensions": [
                "jinja2.ext.i18n",
                "wagtail.jinja2tags.core",
                "wagtail.contrib.settings.jinja2tags.settings",
                "kiosque.newsroom.jinja2tags.NewsroomExtension",
                "kiosque.edge.jinja2tags.EdgeExtension",
                "kiosque.editorial.jinja2tags.EditorialExtension",
                "kiosque.readers.jinja2tags.ReadersExtension",
                "kiosque.discussion.jinja2tags.DiscussionExtension",
                "kiosque.distribution.jinja2tags.DistributionExtension",
                "kiosque.audience.jinja2tags.AudienceExtension",
                "kiosque.newsletters.jinja2tags.NewslettersExtension",
            ],
            "context_processors": READER_CONTEXT_PROCESSORS,
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "kiosque.newsroom.context_processors.section_navigation",
                "kiosque.core.context_processors.language_switch",
            ],
        },
    },
]

DATABASES = {"default": database_from_environment(VAR_DIR)}
# Streaming replicas that reader pages may read (DATABASE_REPLICA_URLS, decision 0073):
# DATABASES["replica_1"]... and the router only when some are set.
DATABASES |= replica_databases_from_environment(DATABASES["default"])
DATABASE_REPLICA_MAX_LAG = replica_max_lag_from_environment()
DATABASE_ROUTERS = ["kiosque.core.db_routing.ReplicaRouter"] if len(DATABASES) > 1 else []
# When the site's content last changed (every purge moves it): a reader page read soon
# after must see the change, so the edge never re-caches a page older than its purge.
DATABASE_REPLICA_CHANGE_CLOCK = "kiosque.edge.clock.clock_for"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES, SESSION_ENGINE = caches_and_sessions(env("REDIS_URL", ""))
# FRAGMENT_CACHE=off renders every part of every page each time (measuring, debugging).
if not env_bool("FRAGMENT_CACHE", True):
    CACHES["fragments"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Spaces only, repeats, common French passwords, the site's name (decision 0077).
    {"NAME": "kiosque.readers.passwords.RepetitionValidator"},
    {"NAME": "kiosque.readers.passwords.FrenchCommonPasswordValidator"},
    {"NAME": "kiosque.readers.passwords.SiteNameValidator"},
]

# Interface languages: French at /, English under /en/. Articles keep their own language.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Stored times are UTC; the newsroom's own zone (NewsroomSettings) is used for display.
TIME_ZONE = env("TIME_ZONE", "Europe/Paris")

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    # Removes a file it could not write whole (a full disk): kiosque/core/storage.py.
    "default": {"BACKEND": "kiosque.core.storage.WholeFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Whitenoise also serves uploaded media in the single-machine demo; production puts
# the media folder behind nginx or object storage (see deploy/).
WHITENOISE_MAX_AGE = 3600

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Kiosque <redaction@kiosque.invalid>")

# Wagtail
WAGTAIL_SITE_NAME = "Kiosque"
WAGTAILIMAGES_IMAGE_MODEL = "newsroom.NewsImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
# Uploads decoded whole before they are stored (a truncated JPEG is refused, decision 0078).
WAGTAILIMAGES_IMAGE_FORM_BASE = "kiosque.newsroom.image_upload.NewsImageForm"
# French stemming and accent folding for Wagtail's own index too (admin, API `q`); the
# reader search has an index of its own (kiosque/search, docs/search.md).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "kiosque.search.wagtail_backend", "SEARCH_CONFIG": "french_unaccent"}
}
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no calls home from the admin
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # nor to gravatar.com for avatars
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "csv", "txt"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The admin lives at a configurable path, so a deployment can keep it off the
# well-known /admin/ that bots probe.
ADMIN_PATH = env("ADMIN_PATH", "admin").strip("/") + "/"
# Readers log in on the site's own page (allauth); staff through the admin's, which
# Wagtail finds by its own setting.
LOGIN_URL = "reader_login"
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"

# Security headers. Production tightens the cookie and HSTS settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [BASE_URL])
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # One line per background task drowns everything else; failures still show.
        "django_tasks": {"level": "WARNING"},
    },
}

# Serve uploaded media from the application (demo, single machine). Production sets
# SERVE_MEDIA=false and lets nginx or object storage serve var/media.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Where the article's « Se connecter » and « Créer un compte » links lead.
READER_LOGIN_URL = env("READER_LOGIN_URL", "/compte/connexion/")
READER_SIGNUP_URL = env("READER_SIGNUP_URL", "/compte/inscription/")

# --- Accounts (django-allauth) and comments; see docs/accounts-and-comments.md -------
AUTHENTICATION_BACKENDS = [
    # Checks no password while sessions cannot be stored (Redis away; decision 0074).
    "kiosque.core.redis_sessions.SessionsAvailableBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_SIGNUP_FORM_CLASS = "kiosque.readers.forms.ReaderSignupForm"
# A known address costs the same hashing as a new one (kiosque/readers/signup.py).
ACCOUNT_FORMS = {"signup": "kiosque.readers.signup.EnumerationSafeSignupForm"}
# Mails in the site's name and design, messages where the reader lands.
ACCOUNT_ADAPTER = "kiosque.readers.adapter.ReaderAccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Tell the reader when their password or address changed: the old address hearing of a
# new one is the main warning of an account taken over (kiosque/readers/mails.py).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address per account; a new one replaces it once confirmed
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False  # this session stays; every other one ends
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if BASE_URL.startswith("https") else "http"
# Counted in the cache (Redis when REDIS_URL is set), per IP and per account/email.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Without a `next`, a log-in (or a confirmation) lands on « Mon compte », in the
# interface's language: it shows « Vous êtes connecté·e », the home page cannot.
LOGIN_REDIRECT_URL = "reader_account"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", "Kiosque")
# Staff must enrol a TOTP second factor before reaching the admin (production: on).
KIOSQUE_STAFF_MFA_REQUIRED = env_bool("KIOSQUE_STAFF_MFA_REQUIRED", False)

# Agency wires (kiosque.wires): limits on what agencies may send us.
WIRES_MAX_FILE_BYTES = env_int("WIRES_MAX_FILE_BYTES", 20 * 1024 * 1024)
WIRES_MAX_PICTURE_BYTES = env_int("WIRES_MAX_PICTURE_BYTES", 20 * 1024 * 1024)
WIRES_MAX_PICTURE_PIXELS = env_int("WIRES_MAX_PICTURE_PIXELS", 60_000_000)
WIRES_PICTURE_MAX_WIDTH = env_int("WIRES_PICTURE_MAX_WIDTH", 3000)
WIRES_PICTURE_HOSTS = env_list("WIRES_PICTURE_HOSTS", [])
WIRES_FETCH_TIMEOUT = env_int("WIRES_FETCH_TIMEOUT", 10)
WIRES_POLL_SECONDS = env_int("WIRES_POLL_SECONDS", 60)
WIRES_FOLDER_SETTLE_SECONDS = env_int("WIRES_FOLDER_SETTLE_SECONDS", 2)


# Edge cache (Varnish in front of the site: deploy/varnish/, `make edge`). Purges go to
# every edge EDGE_URL names after each change: one URL, a comma-separated list, or
# file:///path/of/a/file listing them (re-read when it changes; kiosque/edge/addresses.py).
# Without it nothing is purged and nothing fails. One Wagtail backend holds every edge.
EDGE_URL = checked_edge_setting(env("EDGE_URL", ""))
WAGTAILFRONTENDCACHE = (
    {
        "edge": {
            "BACKEND": "kiosque.edge.purge.SurrogateKeyBackend",
            "LOCATION": EDGE_URL,
            "TIMEOUT": env_int("EDGE_PURGE_TIMEOUT", 2),
        }
    }
    if EDGE_URL
    else {}
)
EDGE_BROWSER_SECONDS = env_int("EDGE_BROWSER_SECONDS", 60)
EDGE_ARTICLE_SECONDS = env_int("EDGE_ARTICLE_SECONDS", 600)
EDGE_LISTING_SECONDS = env_int("EDGE_LISTING_SECONDS", 300)
EDGE_STALE_WHILE_REVALIDATE = env_int("EDGE_STALE_WHILE_REVALIDATE", 60)
EDGE_STALE_IF_ERROR = env_int("EDGE_STALE_IF_ERROR", 86400)
# « Les plus lus » (docs/most-read.md): how often the worker computes the lists, and the
# longest the edge keeps the block between two purges.
AUDIENCE_REFRESH_SECONDS = env_int("AUDIENCE_REFRESH_SECONDS", 300)

# Audience (docs/audience.md): page views counted from the edge's log. The access logs the
# worker reads every AUDIENCE_INGEST_SECONDS (one per edge; comma-separated), and the
# file the application writes its own page views to when no edge is in front (`make run`;
# empty with EDGE_URL: the edge counts them, never both).
AUDIENCE_LOG_FILES = env_list("AUDIENCE_LOG_FILES", [str(VAR_DIR / "log" / "audience.log")])
AUDIENCE_SERVER_LOG = env(
    "AUDIENCE_SERVER_LOG", "" if EDGE_URL else str(VAR_DIR / "log" / "audience.log")
)
AUDIENCE_INGEST_SECONDS = env_int("AUDIENCE_INGEST_SECONDS", 60)

# Newsletters (docs/newsletter-sending.md): the sender, and how fast the workers send
# through the SMTP server of EMAIL_HOST (production.py). The rate is per sending worker;
# a message the server defers is tried again after NEWSLETTER_RETRY_SECONDS, doubled at
# each attempt, and given up after NEWSLETTER_MAX_ATTEMPTS.
NEWSLETTER_FROM_EMAIL = env("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
NEWSLETTER_SEND_RATE = float(env("NEWSLETTER_SEND_RATE", "50"))  # messages a second; 0: no limit
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)  # messages per SMTP connection
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 5)
NEWSLETTER_RETRY_SECONDS = env_int("NEWSLETTER_RETRY_SECONDS", 300)
NEWSLETTER_SMTP_TIMEOUT = env_int("NEWSLETTER_SMTP_TIMEOUT", 30)
# A message claimed by a worker that died this long ago is recorded as interrupted (it is
# never sent twice); far longer than one SMTP exchange under NEWSLETTER_SMTP_TIMEOUT.
NEWSLETTER_CLAIM_SECONDS = env_int("NEWSLETTER_CLAIM_SECONDS", 300)
# The sending of each edition, one row per recipient, is kept this many days after it
# ended, then deleted (the edition keeps its counts per outcome).
NEWSLETTER_DELIVERY_DAYS = env_int("NEWSLETTER_DELIVERY_DAYS", 90)
# A daily digest not gone this many hours after its send time (a worker down) is
# cancelled, not sent with stale news (docs/newsletter-editions.md).
NEWSLETTER_DIGEST_LATE_HOURS = env_int("NEWSLETTER_DIGEST_LATE_HOURS", 3)

# Newsletter sign-up (docs/newsletters.md): forms posted per client address (behind the
# edge, the address API_TRUSTED_PROXIES says), and confirmation mails per e-mail address,
# counted in the cache: "N/s", "N/m", "N/h" or "N/d"; "off" disables.
NEWSLETTER_SUBSCRIBE_RATE_LIMIT = env("NEWSLETTER_SUBSCRIBE_RATE_LIMIT", "30/h")
NEWSLETTER_CONFIRMATION_RATE_LIMIT = env("NEWSLETTER_CONFIRMATION_RATE_LIMIT", "3/h")

# Public API (kiosque.api, docs/api.md): read-only, public data only.
# Origins allowed to read it from a browser: "*" (default: the data is public and the
# API never uses cookies), a comma-separated list of origins, or empty for none.
API_CORS_ALLOWED_ORIGINS = env_list("API_CORS_ALLOWED_ORIGINS", ["*"])
# Requests per client IP, counted in the cache: "N/s", "N/m", "N/h" or "N/d"; "off" disables.
API_RATE_LIMIT = env("API_RATE_LIMIT", "120/m")
# Entries posted through the write API, per token (docs/api.md), same syntax.
API_WRITE_RATE_LIMIT = env("API_WRITE_RATE_LIMIT", "30/m")
# Proxies in front of the site that append to X-Forwarded-For (1 behind Varnish alone);
# 0 counts requests by the connecting address.
API_TRUSTED_PROXIES = env_int("API_TRUSTED_PROXIES", 0)
