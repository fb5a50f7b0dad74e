"""Settings from the environment, with safe defaults for a first run on SQLite."""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name):
    """A comma-separated variable as a list, without blanks."""
    items = os.environ.get(name, "").split(",")
    return [item.strip() for item in items if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

# This key is public (it is in the repository): anyone could forge sessions, password
# reset links and signed tokens with it. Management commands may run on it; serving may
# not: with DEBUG off, config/wsgi.py (gunicorn, runserver, any WSGI server) refuses to
# start and `check --deploy` fails while it is in use (ops/safety.py).
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"  # noqa: S105
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip() or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = os.environ.get(
    "DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver"
).split(",")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its patches apply.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "taggit",
    "reversion",
    "articles",
    "relations",
    "journalpages",
    "interop",
    "search",
    "importer",
    "pagecache",
    "ops",
    "ops.apps.AxesConfig",
    "django_otp",
    "ops.apps.TOTPConfig",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lockout into a response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "articles.context_processors.site",
                "journalpages.context_processors.journal_pages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DB_POOL", False
):
    # Django's connection pool (psycopg_pool): connections are reused across requests
    # without one idle connection per thread; a short timeout turns a database outage
    # into a fast error instead of a hung worker.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "pool": {
            "min_size": 1,
            "max_size": int(os.environ.get("DB_POOL_SIZE", "4")),
            # Short: with sync workers, a request waiting on a dead database holds
            # its worker, and /healthz queues behind it (the fault drill measures it).
            "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "3")),
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that drops packets must fail fast too, not hang a worker
    # until gunicorn kills it.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DB_CONNECT_TIMEOUT", "3")
    )
    if env_bool("DB_PREPARED", True):
        # Parameters bound by the server, and a statement run twice on a connection
        # prepared there: PostgreSQL plans it once, not on every request (planning
        # took longer than running the small queries of kept pages). Off behind a
        # pooler in transaction mode (pgbouncer), which cannot keep prepared
        # statements per client.
        DATABASES["default"]["OPTIONS"]["server_side_binding"] = True
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = 2
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer holds the lock; IMMEDIATE takes the write
    # lock at BEGIN so two writers queue instead of failing mid-transaction.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": (
            "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
        )
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Kyrgyz first, the journal's own language.
LANGUAGE_CODE = "ky"
LANGUAGES = [
    ("ky", _("Kyrgyz")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers written one way per language (config/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Asia/Bishkek")

# Each language falls back to the others in this order when a field is empty.
FALLBACK_LANGUAGES = {
    "ky": ("ky", "ru", "en"),
    "ru": ("ru", "en", "ky"),
    "en": ("en", "ru", "ky"),
}
MODELTRANSLATION_DEFAULT_LANGUAGE = "ky"
MODELTRANSLATION_LANGUAGES = ("ky", "ru", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("ru", "en", "ky"),
    "ky": ("ru", "en"),
    "ru": ("en", "ky"),
    "en": ("ru", "ky"),
}
# modeltranslation reads the unprefixed name; its default is a Google CDN URL.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

TAGGIT_CASE_INSENSITIVE = True

# Static files: whitenoise serves them compressed, hashed names with far-future
# caching, once `collectstatic` has run with DJANGO_STATIC_MANIFEST=1 (`make serve`).
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))


def media_storage():
    """Uploaded PDFs and covers: MEDIA_ROOT on this disk (the default), or with
    MEDIA_STORAGE=s3 a bucket of any S3-compatible store, shared by every app server.

    Objects are written without an ACL, so they stay as private as the bucket (keep
    it private): readers get files only through the site's views, which check that the
    article or issue is public. Access keys come from AWS_ACCESS_KEY_ID and
    AWS_SECRET_ACCESS_KEY or, without them, boto3's own chain (an instance role).
    """
    kind = os.environ.get("MEDIA_STORAGE", "local").lower()
    if kind not in {"local", "s3"}:
        raise ImproperlyConfigured(f"MEDIA_STORAGE is 'local' or 's3', not {kind!r}.")
    if kind == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            "default_acl": None,
            "querystring_auth": True,
            # Names are random already; never replace an object someone else wrote.
            "file_overwrite": False,
            # A download larger than this is buffered on disk, not in a worker's memory.
            "max_memory_size": 5 * 1024 * 1024,
        },
    }


STORAGES = {
    "default": media_storage(),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_STATIC_MANIFEST", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"


# The site's canonical address, scheme and host only ("https://journal.example.kg").
# Every address that outside systems keep (OAI-PMH identifiers, sitemaps, feeds,
# canonical links, citation tags, JATS and Crossref) is built on it, never on the
# Host header of a request; empty (development), the request's address is used.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
if SITE_URL and not re.fullmatch(r"https?://[^/?#\s]+", SITE_URL):
    raise ImproperlyConfigured(
        f"SITE_URL must be the site's scheme and host only, without a path, e.g. "
        f"https://journal.example.kg (it is {SITE_URL!r})."
    )

# Email: the console by default (development); SMTP with DJANGO_EMAIL_BACKEND=
# django.core.mail.backends.smtp.EmailBackend and the EMAIL_* variables.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", "root@localhost")

# Crossref deposits (interop/crossref.py): who deposits, and for whom. Empty, the
# journal's publisher and DEFAULT_FROM_EMAIL are used.
CROSSREF_DEPOSITOR_NAME = os.environ.get("CROSSREF_DEPOSITOR_NAME", "")
CROSSREF_DEPOSITOR_EMAIL = os.environ.get("CROSSREF_DEPOSITOR_EMAIL", "")
CROSSREF_REGISTRANT = os.environ.get("CROSSREF_REGISTRANT", "")
# OAI-PMH Identify's adminEmail (interop/oai.py); empty, ADMINS or DEFAULT_FROM_EMAIL.
OAI_ADMIN_EMAILS = env_list("OAI_ADMIN_EMAILS")

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Behind HTTPS (production): secure cookies, HSTS, redirect to https.
if env_bool("DJANGO_HTTPS", False):
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy (django-csp): our own scripts and styles only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The proxies in front of the site that append to X-Forwarded-For (DJANGO_HTTPS: one,
# or DJANGO_PROXY_COUNT); without them the header is the client's and is ignored.
TRUSTED_PROXY_COUNT = (
    int(os.environ.get("DJANGO_PROXY_COUNT", "1"))
    if env_bool("DJANGO_HTTPS", False)
    else 0
)

# Login throttling (django-axes; the rule and why in config/lockout.py): five failures
# for one account from one client address lock that pair, twenty from one address lock
# the address, for 15 minutes. Never the account everywhere: a stranger could lock any
# editor out at will.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = 5
AXES_IP_FAILURE_LIMIT = 20  # ours: read by config.lockout.LockoutHandler
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["ip_address"]]
AXES_HANDLER = "config.lockout.LockoutHandler"
# The address from our own proxy's X-Forwarded-For entry (django-ipware, which axes'
# AXES_IPWARE_* settings configure, is not installed; this is a few lines instead).
AXES_CLIENT_IP_CALLABLE = "config.lockout.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_VERBOSE = False

PAGE_SIZE = int(os.environ.get("JOURNAL_PAGE_SIZE", "20"))
FORMS_URLFIELD_ASSUME_HTTPS = True


def cache_from_url(url):
    """CACHE_URL: redis://host:port/db, or locmem:// (the default), or dummy://."""
    if url.startswith(("redis://", "rediss://")):
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "TIMEOUT": 3600,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "site",
        # Django's default of 300 entries is fewer than a journal's pages.
        "OPTIONS": {"MAX_ENTRIES": 3000},
    }


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", "locmem://"))}
# Anonymous reader pages are cached per language and URL (pagecache app).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", not DEBUG)
# The article page is kept whole per article, language and last change
# (articles/freshness.py moves the article's updated_at whenever its page would change).
ARTICLE_MAIN_CACHE = env_bool("ARTICLE_MAIN_CACHE", True)
# Reader list pages (home, issue, keyword...) are kept whole under a fingerprint of what
# each shows (articles/kept_pages.py): an edit renders again only the pages it touches.
KEPT_PAGES = env_bool("KEPT_PAGES", True)
# The reference page of PERFORMANCE.md at /bench/naive/, for `make bench` only.
BENCH_VIEWS = env_bool("BENCH_VIEWS", False)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))

# Preloading HSTS is a one-way step the operator takes on purpose (DJANGO_HSTS_PRELOAD);
# until then the deploy check's reminder about it is expected.
SILENCED_SYSTEM_CHECKS = (
    [] if env_bool("DJANGO_HSTS_PRELOAD", False) else ["security.W021"]
)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Journal")

# Errors and warnings (request tracebacks, database and cache outages) go to stderr,
# where gunicorn and the service manager collect them; no mail is set up.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
