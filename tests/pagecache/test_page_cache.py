"""The anonymous page cache: hits, what is never cached, invalidation, 304s."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from articles.models import Article
from articles.workflow import Role, publish_issue, transition
from relations.models import Event
from tests.builders import make_article, make_issue, make_keyword, past

S = Article.Status


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response


@pytest.mark.django_db
def test_second_anonymous_request_is_served_from_the_cache(client):
    article = make_article(title_en="Cached title")
    url = f"/en/articles/{article.slug}/"
    first = get(client, url)
    assert first["X-Page-Cache"] == "miss"
    second = get(client, url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.django_db
def test_languages_are_cached_separately(client):
    article = make_article(title_ky="Кыргызча аталыш", title_en="English title")
    assert (
        "English title" in get(client, f"/en/articles/{article.slug}/").content.decode()
    )
    ky = get(client, f"/ky/articles/{article.slug}/")
    assert "Кыргызча аталыш" in ky.content.decode()


@pytest.mark.django_db
def test_signed_in_staff_and_previews_are_never_cached():
    article = make_article(title_en="Before")
    staff = User.objects.create_user("ed", password="x-long-password-1", is_staff=True)
    staff.groups.add(Group.objects.get(name=Role.EDITOR))
    client = Client()
    client.force_login(staff)
    url = f"/en/articles/{article.slug}/"
    assert "X-Page-Cache" not in get(client, url)
    assert "X-Page-Cache" not in get(client, url)
    draft = make_article(status=S.DRAFT, published_at=None)
    preview = get(client, f"/en/preview/articles/{draft.pk}/")
    assert "X-Page-Cache" not in preview
    assert "no-store" in preview["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["article", "keyword", "issue", "event"])
def test_a_change_to_shown_content_invalidates_the_page(client, change):
    keyword = make_keyword(name_en="old keyword")
    issue = make_issue(title_en="Old issue title")
    article = make_article(issue=issue, title_en="Old title", keywords=[keyword])
    event = Event.objects.create(
        title_en="Old event", date=past(100).date(), kind="summit", is_published=True
    )
    event.articles.add(article)
    url = f"/en/articles/{article.slug}/"
    get(client, url)
    assert get(client, url)["X-Page-Cache"] == "hit"
    if change == "article":
        article.title_en = "New title"
        article.save()
        expected = "New title"
    elif change == "keyword":
        keyword.name_en = "new keyword"
        keyword.save()
        expected = "new keyword"
    elif change == "issue":
        issue.number = "77"
        issue.save()
        expected = "No. 77"
    else:
        event.title_en = "New event"
        event.save()
        expected = "New event"
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss"
    assert expected in response.content.decode()


@pytest.mark.django_db
def test_workflow_bulk_updates_invalidate_too(
    client, django_capture_on_commit_callbacks
):
    manager = User.objects.create_user("m", password="x-long-password-1")
    manager.groups.add(Group.objects.get(name=Role.MANAGING_EDITOR))
    article = make_article(title_en="Soon withdrawn")
    url = f"/en/articles/{article.slug}/"
    get(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        transition(article, S.WITHDRAWN, by=manager, note="Duplicate")
    response = get(client, url)
    assert "Duplicate" in response.content.decode()
    planned = make_issue(published_at=None)
    make_article(issue=planned, status=S.ACCEPTED, published_at=None, title_en="Fresh")
    get(client, "/en/")
    with django_capture_on_commit_callbacks(execute=True):
        publish_issue(planned, by=manager)
    assert "Fresh" in get(client, "/en/").content.decode()


@pytest.mark.django_db
def test_scheduled_issue_appears_at_its_time_without_a_job(client):
    when = timezone.now() + timedelta(hours=2)
    issue = make_issue(published_at=when)
    make_article(issue=issue, published_at=when, title_en="Scheduled piece")
    with freeze_time(when - timedelta(seconds=1)):
        assert "Scheduled piece" not in get(client, "/en/").content.decode()
        assert get(client, "/en/")["X-Page-Cache"] == "hit"
    with freeze_time(when + timedelta(seconds=1)):
        response = get(client, "/en/")
        assert "Scheduled piece" in response.content.decode()


@pytest.mark.django_db
def test_unchanged_page_answers_304_to_if_none_match(client):
    article = make_article()
    url = f"/en/articles/{article.slug}/"
    etag = get(client, url)["ETag"]
    assert etag
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    article.title_en = "Changed"
    article.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.django_db
def test_html_is_compressed_for_clients_that_accept_gzip(client):
    article = make_article()
    response = client.get(f"/en/articles/{article.slug}/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_healthz_needs_no_database(client):
    # No django_db mark: any database access here would raise.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_readyz_reports_the_database(client, monkeypatch):
    assert client.get("/readyz").status_code == 200

    def broken(*args, **kwargs):
        from django.db import OperationalError

        raise OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


@pytest.mark.django_db
def test_sitemaps_are_cached_and_invalidated_with_the_pages(client):
    first_article = make_article(slug="first-in-the-sitemap")
    assert b"first-in-the-sitemap" in get(client, "/sitemap-articles.xml").content
    again = get(client, "/sitemap-articles.xml")
    assert again["X-Page-Cache"] == "hit"
    make_article(slug="second-in-the-sitemap", issue=first_article.issue)
    fresh = get(client, "/sitemap-articles.xml")
    assert fresh["X-Page-Cache"] == "miss"
    assert b"second-in-the-sitemap" in fresh.content


@pytest.mark.django_db
def test_a_page_cached_under_one_host_is_not_served_under_another(client, settings):
    settings.ALLOWED_HOSTS = ["journal.example", "mirror.example"]
    make_article()
    get(client, "/sitemap.xml", HTTP_HOST="journal.example")
    other = get(client, "/sitemap.xml", HTTP_HOST="mirror.example")
    assert other["X-Page-Cache"] == "miss"
    assert b"mirror.example" in other.content
    assert b"journal.example" not in other.content


@pytest.mark.django_db
def test_a_save_in_one_worker_reaches_the_pages_cached_by_another(client, settings):
    """With the default local-memory cache each gunicorn worker has its own cache;
    an edit made through one worker must still make the other's pages stale."""
    article = make_article(title_en="Before the edit")
    url = f"/en/articles/{article.slug}/"
    get(client, url)
    assert get(client, url)["X-Page-Cache"] == "hit"
    this_worker = settings.CACHES
    settings.CACHES = {  # the editor's request is served by the other worker
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "the-other-worker",
        }
    }
    article.title_en = "After the edit"
    article.save()
    settings.CACHES = this_worker
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss"
    assert "After the edit" in response.content.decode()
