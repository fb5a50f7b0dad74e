"""Rows 20, 26-29, 32-33 of RELIABILITY.md: accounts, headers, faults."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client, override_settings
from django.utils import timezone
from freezegun import freeze_time

from articles import views as article_views
from tests.builders import make_article

LOGIN = "/en/admin/login/"


@pytest.fixture
def editor(db):
    return User.objects.create_user(
        "editor", password="a-strong-pass-phrase-1", is_staff=True
    )


def attempt(client, password):
    return client.post(
        LOGIN, {"username": "editor", "password": password, "next": "/en/admin/"}
    )


@pytest.mark.django_db
def test_six_bad_passwords_lock_the_account_until_the_cool_off(editor):
    client = Client()
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200
    assert attempt(client, "wrong").status_code == 429  # the fifth failure locks
    assert attempt(client, "wrong").status_code == 429
    assert attempt(client, "a-strong-pass-phrase-1").status_code == 429
    with freeze_time(timezone.now() + timedelta(minutes=16)):
        response = attempt(Client(), "a-strong-pass-phrase-1")
        assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    "password", ["short", "password123", "1234567890123", "editor-editor"]
)
def test_weak_passwords_are_refused(password):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password(password, User(username="editor-editor"))


PRODUCTION = {
    "DEBUG": False,
    "SECRET_KEY": "x" * 30 + "a-long-random-production-secret-key-0987654321",
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "ALLOWED_HOSTS": ["journal.example.org"],
}


def test_check_deploy_is_clean_with_production_settings(monkeypatch):
    # The browser tests allow sync database calls in an event loop; the deploy check
    # rightly warns about that setting, which production never has.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    with override_settings(**PRODUCTION):
        call_command(
            "check", deploy=True, fail_level="WARNING", stdout=None
        )  # raises SystemCheckError on any warning


@pytest.mark.django_db
def test_https_responses_carry_the_security_headers():
    with override_settings(**PRODUCTION):
        client = Client(HTTP_HOST="journal.example.org")
        response = client.get("/en/", secure=True)
        assert response.status_code == 200
        assert response["Strict-Transport-Security"].startswith("max-age=31536000")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert client.get("/en/").status_code == 301  # http goes to https


@pytest.mark.django_db
def test_session_cookie_is_secure_and_http_only(editor):
    with override_settings(**PRODUCTION):
        client = Client(HTTP_HOST="journal.example.org")
        client.post(
            LOGIN,
            {"username": "editor", "password": "a-strong-pass-phrase-1"},
            secure=True,
        )
        cookie = client.cookies["sessionid"]
        assert cookie["secure"] and cookie["httponly"]


@pytest.mark.django_db
def test_unknown_host_is_a_400(client):
    assert client.get("/en/", HTTP_HOST="evil.tld").status_code == 400


@pytest.mark.django_db
def test_admin_post_without_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post("/en/admin/articles/article/add/", {}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target", ["https://evil.tld/", "//evil.tld/", "/\\evil.tld/", "http:evil.tld"]
)
def test_language_switch_never_redirects_off_site(client, target):
    response = client.post("/i18n/setlang/", {"language": "ru", "next": target})
    assert response.status_code == 302
    assert response["Location"].startswith("/")
    assert not response["Location"].startswith(("//", "/\\"))


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/xx/", "/xx/issues/", "/ky/?lang=xx"])
def test_unknown_languages(client, url):
    assert client.get(url).status_code in (200, 404)


@pytest.mark.django_db
def test_huge_accept_language_falls_back_to_a_default(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="x" * 10_000)
    assert response.status_code == 302
    assert response["Location"] in ("/ky/", "/ru/", "/en/")


@pytest.mark.django_db
@pytest.mark.parametrize("lang, text", [("ru", "недоступен"), ("ky", "жеткиликсиз")])
def test_database_down_gives_a_translated_503_without_queries(
    monkeypatch, django_assert_num_queries, lang, text
):
    article = make_article()

    def down(self, *args):
        raise OperationalError("could not connect to server: Connection refused")

    # The page's first database read, and the render's, both fail.
    monkeypatch.setattr(article_views.ArticleDetailView, "main_key", down)
    monkeypatch.setattr(article_views.ArticleDetailView, "get_object", down)
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get(f"/{lang}/articles/{article.slug}/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert text in response.content.decode()
    assert "Traceback" not in response.content.decode()


@pytest.mark.django_db
def test_pages_survive_an_unreachable_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    article = make_article()
    response = Client().get(f"/en/articles/{article.slug}/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response  # served, just not from the cache
