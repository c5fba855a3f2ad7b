"""Heartbeat settings: one module, every deployment knob from the environment."""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("HEARTBEAT_VAR_DIR", PROJECT_DIR / "var"))

# pytest sets PYTEST_VERSION for the whole session.
TESTING = "PYTEST_VERSION" in os.environ or "pytest" in Path(sys.argv[0]).name
DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (needed when DEBUG is off).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or TESTING) else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "simple_history",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "heartbeat.core",
    "heartbeat.accounts",
    "heartbeat.partnership",
    "heartbeat.skills",
    "heartbeat.portfolio",
    "heartbeat.recruitment",
    "heartbeat.work_requests",
    "heartbeat.prioritisation",
    "heartbeat.delivery",
    "heartbeat.benefits",
    "heartbeat.roadmap",
    "heartbeat.governance",
    "heartbeat.engagement",
    "heartbeat.api",
    # Whole-site tools above every app: the demo loader and the data generator.
    "heartbeat.demo",
    "heartbeat.generator",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Every API error is JSON, whoever answers it (Django's own 404, 405 and 500 included).
    "heartbeat.core.middleware.ApiErrorsAsJsonMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "heartbeat.core.middleware.LoginRequiredMiddleware",
    "heartbeat.accounts.middleware.VisitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # NUL bytes and control characters in addresses, filters and bodies: refused here.
    "heartbeat.core.middleware.RefuseUnstorableTextMiddleware",
    # A page with an error summary is titled "Error: ...".
    "heartbeat.core.middleware.ErrorTitleMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Pages and API reads kept until the data changes (inside the middleware above, which
    # still runs for every request).
    "heartbeat.core.keptpages.KeptPagesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "heartbeat.urls"
WSGI_APPLICATION = "heartbeat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "heartbeat.core.jinja2env.environment",
            "context_processors": ["heartbeat.core.jinja2env.csrf_once"],
            "autoescape": True,
            "auto_reload": DEBUG,
        },
    },
    {
        # The Django admin keeps Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'heartbeat.sqlite3'}", conn_max_age=600
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, for tests: the browser tests' live server answers from its own
    # threads, and an in-memory database shared between threads breaks when they close.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-heartbeat.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # PostgreSQL's JIT compiles any query its planner thinks costly; for a page's small,
    # index-driven queries the compiling costs far more than it saves (a home-page query
    # took 230 ms with it, 50 ms without).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
    if TESTING:
        # The browser tests' live server answers in threads of its own; persistent
        # connections there would outlive the tests and block dropping the test database.
        DATABASES["default"]["CONN_MAX_AGE"] = 0
    elif env_bool("DATABASE_POOL", False):
        # Each process keeps its connections in psycopg's pool: a request borrows one
        # already open and gives it back. For servers that answer from several threads.
        # With gunicorn's one-thread workers, Django's persistent connections (the default)
        # served 10% more requests a second than the pool in the same bench (docs/benchmarks.md).
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": 1,
            "max_size": int(os.environ.get("DATABASE_POOL_SIZE", "4")),
            "timeout": 10,
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "heartbeat.accounts.backends.AccountsBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name", "job_title")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
INVITATION_VALID_DAYS = int(os.environ.get("INVITATION_VALID_DAYS", "14"))

# django-axes: throttle repeated failed sign-ins per email and address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "heartbeat.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
# People sign in with their email in the form field "username" (here and in the admin).
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# Behind a load balancer: the addresses or networks of the proxies whose X-Forwarded-For
# header is believed, so throttling counts each person's own address (heartbeat.core.client_ip).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
CLIENT_IP_HEADER = "HTTP_" + os.environ.get("CLIENT_IP_HEADER", "X-Forwarded-For").upper().replace(
    "-", "_"
)
AXES_CLIENT_IP_CALLABLE = "heartbeat.core.client_ip.client_ip"
# Password reset requests are throttled like sign-ins: at most this many per address and per
# email within the sign-in cool-off (heartbeat.accounts.services.password_reset_allowed).
PASSWORD_RESET_LIMIT = int(os.environ.get("PASSWORD_RESET_LIMIT", str(AXES_FAILURE_LIMIT)))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = DEBUG or TESTING
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if (DEBUG or TESTING)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploaded files (work requests' attachments, board papers) go through Django's storage API:
# a folder on disk here, object storage in production. Views that check who may see a file
# serve it; nothing is served from a public media address.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
WORK_REQUEST_ATTACHMENT_MAX_BYTES = int(
    os.environ.get("WORK_REQUEST_ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024))
)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Heartbeat <heartbeat@localhost>")

# The cache every process shares: Redis in production (CACHE_URL=redis://host:6379/0).
# Without it, Django's in-process cache (sessions and the figures below stay out of it:
# sessions are then kept in the database alone).
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("CACHE_URL must be a redis://, rediss:// or unix:// address")
    CACHES = {
        "default": {
            "BACKEND": "heartbeat.core.rediscache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "heartbeat"),
        }
    }
    # Sessions are read from the shared cache and written to both, so a signed-in page
    # skips the session query; a cache emptied or lost falls back to the database.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Keep the costliest figures (the dashboard, the economics) between requests, keyed on the
# data's version (heartbeat.core.datacache). Only with a cache every process shares.
DATA_CACHE = env_bool("DATA_CACHE", bool(CACHE_URL))

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# When `heartbeat worker` sends the weekly digest of open needs (local time, Europe/London).
HEARTBEAT_DIGEST_WEEKDAY = os.environ.get("HEARTBEAT_DIGEST_WEEKDAY", "monday")
HEARTBEAT_DIGEST_TIME = os.environ.get("HEARTBEAT_DIGEST_TIME", "08:00")
# How often `heartbeat worker` looks for missing heartbeat updates (minutes).
HEARTBEAT_OVERDUE_CHECK_MINUTES = os.environ.get("HEARTBEAT_OVERDUE_CHECK_MINUTES", "60")

# Security headers. Secure cookies unless explicitly running over plain HTTP locally.
SECURE_COOKIES = env_bool("SECURE_COOKIES", not (DEBUG or TESTING))
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200
NINJA_PAGINATION_CLASS = "heartbeat.core.api.paging.BoundedLimitOffset"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The benchmark (python -m heartbeat.bench) reads each response's query count from a header.
if env_bool("HEARTBEAT_QUERY_COUNT_HEADER"):
    MIDDLEWARE.insert(1, "heartbeat.core.querycount.QueryCountMiddleware")
