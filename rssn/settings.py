"""Settings for the RSSN Directory.

Every setting that differs between machines comes from the environment through ``rssn.env``; each variable is
documented once, in the README's "Configuration" section. Development needs none of them. With
``DJANGO_ENV=production`` the site refuses to start without ``SECRET_KEY``, ``ALLOWED_HOSTS`` and
``DATABASE_URL``.
"""

import locale
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from rssn.env import env_bool, env_cache, env_int, env_list, env_networks, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DJANGO_ENV = env_str("DJANGO_ENV", "development")
PRODUCTION = DJANGO_ENV == "production"

SECRET_KEY = env_str(
    "SECRET_KEY",
    "django-insecure-development-only-key-never-use-in-production",
    required=PRODUCTION,
)
DEBUG = env_bool("DEBUG", not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production: its error pages show settings and requests.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"], required=PRODUCTION)

SILENCED_SYSTEM_CHECKS = []

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}", required=PRODUCTION),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if PRODUCTION else 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the development server read while a management command writes. The file is read through a memory map
    # (up to 1 GiB): a search reads thousands of its rows, each through a system call otherwise.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA mmap_size=1073741824;"
    )
    # The search documents' sort indexes INCLUDE their words on PostgreSQL; SQLite has no such columns and leaves
    # them out, which Django 6.1 says in a warning.
    SILENCED_SYSTEM_CHECKS.append("models.W040")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Search: with the default random_page_cost (4, for spinning disks) PostgreSQL ignored the text index, and
    # JIT compilation made the short queries slower. With the default work_mem (4 MB) a common word's prefix
    # ('legal':*, 150,000 documents at 100,000 organisations) made the text index's bitmap lossy, and every
    # document on a lossy page was read again, its words from TOAST. DATABASE_PG_OPTIONS=none behind a pooler that
    # refuses them.
    _pg_options = env_str("DATABASE_PG_OPTIONS", "-c random_page_cost=1.1 -c jit=off -c work_mem=16MB")
    if _pg_options != "none":
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", _pg_options)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    # The admin site asks staff for a one-time code (rssn.admin_site).
    "rssn.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The search documents' words are SearchVectorFields (PostgreSQL's text index), which need the app installed.
    "django.contrib.postgres",
    "django_filters",
    # djangorestframework serves the API without being an installed app: installed, its translations would replace
    # Django's own form messages ("Este campo es requerido." for "Este campo es obligatorio.").
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "simple_history",
    "members",
    "services",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "rssn.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "rssn.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made each change in the admin, for the listings' history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # A page's version of the directory, read before its view reads rows (what pages keep is kept under it).
    "services.cache.VersionFirst",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its 429 response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rssn.urls"
WSGI_APPLICATION = "rssn.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rssn.context_processors.site",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source language of the interface; Spanish is the default for visitors whose
# browser says nothing we support.
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("en", _("English")),
    ("id", _("Indonesian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The network's Portuguese readers are in Brazil. "pt" keeps the /pt/ addresses and the catalogue in locale/pt,
# and Django and the installed apps serve their Brazilian catalogues ("Senha", "Salvar"), then Portugal's for a
# message the Brazilian one lacks: they are found through Python's gettext, which expands a language code through
# locale.locale_alias ("pt" is Portugal's there). rssn/formats holds the Brazilian date formats.
locale.locale_alias["pt"] = "pt_BR.ISO8859-1"
FORMAT_MODULE_PATH = ["rssn.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# Content translation. A listing written in one language shows in every interface language: each language
# falls back to the ones its readers are most likely to read, and every language is tried in the end.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_REQUIRED_LANGUAGES = ()
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "es", "pt", "id"),
    "es": ("pt", "en", "id"),
    "pt": ("es", "en", "id"),
    "en": ("es", "pt", "id"),
    "id": ("en", "es", "pt"),
}
# The tabbed admin loads jQuery from the site itself, never from a CDN.
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# One cache shared by every app server and worker: what it says was edited is how every process knows to forget what
# it keeps (services.cache). Production defaults to a table in the database (made by `make serve`) and refuses a
# per-process cache with several workers: another worker would go on showing an address made confidential.
CACHES = {"default": env_cache("CACHE_URL", "db://rssn_cache" if PRODUCTION else "locmem://")}
GUNICORN_WORKERS = env_int("GUNICORN_WORKERS", 2)
if PRODUCTION and GUNICORN_WORKERS > 1 and CACHES["default"]["BACKEND"].endswith(".LocMemCache"):
    raise ImproperlyConfigured(
        "CACHE_URL is locmem:// (one process only) with GUNICORN_WORKERS > 1: each worker would keep its own copy "
        "of what changed. Set CACHE_URL to redis:// or db://, or GUNICORN_WORKERS=1."
    )

# E-mail: printed on the console in development; SMTP from the environment in production.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "RSSN Directory <directory@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Survivor safety: where the quick-exit control goes. A neutral, busy site that raises no questions.
QUICK_EXIT_URL = env_str("QUICK_EXIT_URL", "https://www.google.com/search?q=weather")

# The results map's street-level basemap in production: the path of a PMTiles file this site serves itself
# (docs/map.md), such as /map/network.pmtiles. Empty: the map shows the site's own countries and regions only.
# Never another host: a map that loads its tiles elsewhere tells that host where a person is looking.
MAP_TILES_URL = env_str("MAP_TILES_URL", "")
if MAP_TILES_URL and (MAP_TILES_URL.startswith("//") or not re.fullmatch(r"/[A-Za-z0-9._~/-]+", MAP_TILES_URL)):
    raise ImproperlyConfigured("MAP_TILES_URL must be a path on this site, such as /map/network.pmtiles.")

LOGIN_URL = "admin:login"

# Onboarding. Links in e-mails (verification reminders, the review queue) start with SITE_URL.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
# Behind reverse proxies (a load balancer), the public forms' limits and the login lockout read the client's address
# from X-Forwarded-For, TRUSTED_PROXY_COUNT hops from the right, and only on requests that come from one of
# TRUSTED_PROXIES (addresses or networks): anyone reaching the app server directly could write any address there.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
if TRUSTED_PROXY_COUNT and not TRUSTED_PROXIES:
    raise ImproperlyConfigured(
        "TRUSTED_PROXY_COUNT needs TRUSTED_PROXIES: the addresses of the proxies in front of the app, whose "
        "X-Forwarded-For header may be believed (see the README's Deployment)."
    )
# How many public forms one client may send per hour, and how long a verification link stays valid.
SUBMISSION_LIMITS = {
    "join": env_int("JOIN_SUBMISSIONS_PER_HOUR", 5),
    "report": env_int("REPORT_SUBMISSIONS_PER_HOUR", 10),
    "password-reset": env_int("PASSWORD_RESETS_PER_HOUR", 5),
}
VERIFICATION_LINK_MAX_AGE_DAYS = env_int("VERIFICATION_LINK_MAX_AGE_DAYS", 30)
# Member accounts: how long an invitation's link to set a password stays valid, and a password reset link.
MEMBER_INVITATION_DAYS = env_int("MEMBER_INVITATION_DAYS", 7)
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_MINUTES", 60) * 60
# The coordinators' team address: Reply-To of the "changes needed" e-mails (else the deciding coordinator's own).
COORDINATION_EMAIL = env_str("COORDINATION_EMAIL", "")

# Security. `check --deploy` passes in production with these defaults.
# HTTPS only: behind a TLS-terminating proxy, SECURE_PROXY_SSL_HEADER names the header that says the request came
# over HTTPS (e.g. X-Forwarded-Proto); the proxy must set it itself, overwriting what a client sent.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
_proxy_ssl_header = env_str("SECURE_PROXY_SSL_HEADER", "")
if _proxy_ssl_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if not SECURE_HSTS_PRELOAD:
    # Leaving the browsers' preload list out is the operator's choice, not an oversight.
    SILENCED_SYSTEM_CHECKS.append("security.W021")
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin", not "no-referrer": other sites never learn where a visitor came from, and the browser still sends
# the Origin header that Django's CSRF check needs (with "no-referrer" it sends "Origin: null" and every form fails).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Cookies exist only for staff: the session and the admin's CSRF cookie, both ending with the browser session. The
# public forms set none (services.onboarding_views.cookieless_form). In production they are `__Host-` cookies:
# secure, for the whole site ("/"), bound to this host (no Domain).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
if PRODUCTION:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_PATH = CSRF_COOKIE_PATH = "/"
SESSION_COOKIE_DOMAIN = CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_AGE = None  # a browser-session cookie
# Staff sessions end with the browser and after STAFF_SESSION_IDLE_MINUTES without a request: a session is saved,
# with a new expiry, on every request that carries one. Anonymous visitors have none, so nothing is saved for them.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_AGE = env_int("STAFF_SESSION_IDLE_MINUTES", 30) * 60

# Content-Security-Policy: everything from the site itself, nothing inline, never framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Staff logins: locked out for AXES_COOLOFF_TIME after AXES_FAILURE_LIMIT failures from one client for one user
# name; the client's address is read as the public forms read it (TRUSTED_PROXY_COUNT hops behind proxies).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first, so a locked-out login never reaches the password check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_LOCKOUT_MINUTES", 60) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "services.onboarding_views.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # no record of each successful login's address
# Two-factor login for the admin: a TOTP code from a registered device after the password.
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", PRODUCTION)
OTP_TOTP_ISSUER = "RSSN Directory"

# Logs: no query strings (search terms, places), no coordinates, IP addresses cut to their network (rssn.logging).
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "rssn.logging.RedactingFilter"}},
    "formatters": {
        "plain": {
            "()": "rssn.logging.RedactingFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact"], "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Filters on the loggers too: records are scrubbed before any handler sees them, wherever it is attached.
        # Django's own handlers (the admin e-mail with the whole request) are replaced by the console.
        "django": {"handlers": [], "level": LOG_LEVEL, "filters": ["redact"]},
        "django.request": {"level": LOG_LEVEL, "filters": ["redact"]},
        "django.security": {"level": LOG_LEVEL, "filters": ["redact"]},
        "django.server": {"handlers": [], "level": LOG_LEVEL, "filters": ["redact"]},
        "axes": {"level": "WARNING", "filters": ["redact"]},
        "members": {"level": LOG_LEVEL, "filters": ["redact"]},
        "services": {"level": LOG_LEVEL, "filters": ["redact"]},
    },
}

# The public JSON API (/api/v1/, services.api): read-only, anonymous, no session or CSRF cookie, JSON only.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "services.api.pagination.Pagination",
    "EXCEPTION_HANDLER": "services.api.errors.exception_handler",
    "PAGE_SIZE": 20,
}
# The API's OpenAPI schema and its docs page; Swagger UI is served from our own static files (sidecar).
SPECTACULAR_SETTINGS = {
    "TITLE": "RSSN Directory API",
    "DESCRIPTION": (
        "Read-only public data of the Regional Safe Spaces Network directory: services, organisations, categories "
        "and countries. Confidential locations never carry an address or coordinates. Choose the language of the "
        "content and of the error messages with ?lang= (es, pt, en, id), else Accept-Language (Spanish when it names "
        "none of these)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Organisations and the countries' numbers both have a "kind": each its own enum in the schema.
    "ENUM_NAME_OVERRIDES": {
        "OrganisationKindEnum": "members.models.Organisation.Kind",
        "LineKindEnum": "members.models.Helpline.Kind",
    },
}
# Spreadsheet import and export in the admin (django-import-export; CSV and Excel, see members.resources).
IMPORT_EXPORT_USE_TRANSACTIONS = True  # the preview is a rolled-back import: nothing is saved before confirming
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
