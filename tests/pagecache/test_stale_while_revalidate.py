"""After an edit, one request renders a page again while the others get the previous
version for a few seconds; a removal from public view is never served stale.

"Another request is rendering the page" is the lock that request holds in the cache;
the tests hold it themselves, as a slow render in another worker would.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone
from freezegun import freeze_time

from articles.models import Article
from articles.workflow import Role, transition
from pagecache.cache import page_key
from pagecache.middleware import lock_key
from relations.admin import EventAdmin
from relations.models import Event
from tests.builders import future, make_article, make_issue, make_staff
from tests.relations.builders import make_domain, make_event

pytestmark = pytest.mark.django_db
S = Article.Status


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_STALE_SECONDS = 5
    cache.clear()
    yield
    cache.clear()


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def another_request_renders(url):
    """Hold the page's lock, as a request rendering it again would."""
    assert cache.add(lock_key(page_key(RequestFactory().get(url))), 0, 60)


def cached(client, url):
    """View the page twice: the second view is a hit."""
    get(client, url)
    response = get(client, url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def test_readers_get_the_previous_version_while_one_request_renders(client):
    article = make_article(title_en="Before the edit")
    url = f"/en/articles/{article.slug}/"
    cached(client, url)
    article.title_en = "After the edit"
    article.save()
    another_request_renders(url)
    stale = get(client, url)
    assert stale["X-Page-Cache"] == "stale"
    assert "Before the edit" in stale.content.decode()
    cache.delete(lock_key(page_key(RequestFactory().get(url))))  # it finished
    fresh = get(client, url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "After the edit" in fresh.content.decode()
    assert get(client, url)["X-Page-Cache"] == "hit"


def test_the_first_request_after_an_edit_renders_and_releases_the_lock(client):
    article = make_article(title_en="Before the edit")
    url = f"/en/articles/{article.slug}/"
    cached(client, url)
    article.title_en = "After the edit"
    article.save()
    first = get(client, url)
    assert first["X-Page-Cache"] == "miss"
    assert "After the edit" in first.content.decode()
    assert cache.get(lock_key(page_key(RequestFactory().get(url)))) is None


def test_the_previous_version_is_served_for_a_few_seconds_at_most(client):
    article = make_article(title_en="Before the edit")
    url = f"/en/articles/{article.slug}/"
    start = timezone.now()
    with freeze_time(start) as clock:
        cached(client, url)
        article.title_en = "After the edit"
        article.save()
        another_request_renders(url)  # and takes a minute
        assert "Before the edit" in get(client, url).content.decode()
        clock.tick(timedelta(seconds=4))
        assert get(client, url)["X-Page-Cache"] == "stale"
        clock.tick(timedelta(seconds=2))
        late = get(client, url)
    assert late["X-Page-Cache"] == "miss"
    assert "After the edit" in late.content.decode()


# --- Removals: never stale, even while another request renders the page ----------


def withdraw(article, event, capture):
    editor = make_staff(Role.MANAGING_EDITOR)
    with capture(execute=True):
        transition(article, S.WITHDRAWN, by=editor, note="Withdrawn for a reason.")


def reschedule_article(article, event, capture):
    article.published_at = future(3)  # out of view until then
    article.save()


def unpublish_issue(article, event, capture):
    article.issue.published_at = None
    article.issue.save()


def delete_article(article, event, capture):
    article.delete()


def unpublish_event_in_admin(article, event, capture):
    request = RequestFactory().post("/")
    request.user = make_staff(is_superuser=True)
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    EventAdmin(Event, None).unpublish(request, Event.objects.filter(pk=event.pk))


def unpublish_event(article, event, capture):
    event.is_published = False
    event.save()


def unlink_event(article, event, capture):
    event.articles.remove(article)


def delete_event(article, event, capture):
    event.delete()


ARTICLE_GONE = [
    withdraw,
    reschedule_article,
    unpublish_issue,
    delete_article,
]
EVENT_GONE = [
    unpublish_event_in_admin,
    unpublish_event,
    unlink_event,
    delete_event,
]


@pytest.fixture
def shown():
    issue = make_issue(number="9")
    article = make_article(issue=issue, title_en="Removable article")
    event = make_event(
        title_en="Removable summit",
        articles=[article],
        domains=[make_domain(slug="water")],
    )
    return article, event


def pages_of(article):
    return [
        "/en/",
        f"/en/issues/{article.issue.slug}/",
        f"/en/articles/{article.slug}/",
        # its hit is made of a kept row and a kept snippet
        "/en/search/?q=removable",
    ]


@pytest.mark.parametrize("remove", ARTICLE_GONE, ids=lambda f: f.__name__)
def test_an_article_taken_out_of_view_is_never_served_stale(
    client, shown, remove, django_capture_on_commit_callbacks
):
    article, event = shown
    urls = pages_of(article)
    for url in urls:
        assert "Removable article" in cached(client, url)
        another_request_renders(url)
    remove(article, event, django_capture_on_commit_callbacks)
    for url in urls:
        response = client.get(url)
        assert response.get("X-Page-Cache") != "stale", url
        listed = f'href="/en/articles/{article.slug}/"' in response.content.decode()
        assert not listed or url.endswith(f"/articles/{article.slug}/"), url
        if response.status_code == 200 and "/articles/" in url:
            # the article page itself: gone, or a tombstone saying why
            assert "Withdrawn for a reason." in response.content.decode()


@pytest.mark.parametrize("remove", EVENT_GONE, ids=lambda f: f.__name__)
def test_an_event_taken_out_of_view_is_never_served_stale(
    client, shown, remove, django_capture_on_commit_callbacks
):
    article, event = shown
    urls = [
        f"/en/articles/{article.slug}/",
        "/en/relations/timeline/",
        "/en/relations/domains/water/",  # its list and its kept chart
        "/en/relations/",  # the latest events and the kept chart
    ]
    for url in urls:
        assert "Removable summit" in cached(client, url)
        another_request_renders(url)
    remove(article, event, django_capture_on_commit_callbacks)
    article_page = get(client, urls[0])
    assert article_page["X-Page-Cache"] == "miss"
    assert "Removable summit" not in article_page.content.decode()
    if remove is not unlink_event:  # unlinked, it is still on the timeline
        for url in urls[1:]:
            page = get(client, url)
            assert page["X-Page-Cache"] == "miss"
            assert "Removable summit" not in page.content.decode()


def test_an_edit_that_keeps_content_public_may_be_served_stale(client, shown):
    """The other side of the rule: a save that leaves the article public is not a
    removal (else every edit would bring back the stampede)."""
    article, event = shown
    url = f"/en/articles/{article.slug}/"
    cached(client, url)
    another_request_renders(url)
    article.title_en = "Renamed article"
    article.save()
    event.title_en = "Renamed summit"
    event.save()
    assert get(client, url)["X-Page-Cache"] == "stale"
