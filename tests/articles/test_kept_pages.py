"""Reader pages kept whole under a fingerprint of what they show (kept_pages.py).

With the page cache off, as it effectively is right after an edit: a kept page is the
same page a fresh render gives, every change it shows reaches it at once
(tests/pagecache/test_every_change_shows.py runs each kind of change this way too),
and content taken out of public view is never served from it.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.urls import translate_url
from django.utils import timezone, translation

from articles.article_cache import KEY_QUERY, key_query, public_id_and_time
from articles.context_processors import _in_language
from articles.models import Article
from articles.workflow import Role, transition
from relations.admin import EventAdmin
from relations.models import Event
from tests.builders import (
    future,
    make_article,
    make_issue,
    make_journal,
    make_keyword,
    make_staff,
    past,
)
from tests.helpers import html, kept, kept_keys
from tests.journalpages.builders import make_page
from tests.relations.builders import make_agreement, make_domain, make_event

pytestmark = pytest.mark.django_db
S = Article.Status


@pytest.fixture(autouse=True)
def kept_pages_only(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.KEPT_PAGES = True
    settings.ARTICLE_MAIN_CACHE = True


@pytest.fixture
def shown():
    make_journal()
    issue = make_issue(number="9", published_at=past(5))
    keyword = make_keyword(name_en="kept keyword")
    article = make_article(
        issue=issue, title_en="Removable article", keywords=[keyword]
    )
    staying = make_article(issue=issue, title_en="Staying article", keywords=[keyword])
    event = make_event(title_en="Tagged summit", keywords=[keyword], articles=[article])
    # The one that stays changed last: a removal does not move the latest change of
    # a list, so only the list's count and ids can tell it.
    staying.save()
    return article, keyword, event


def urls_of(article, keyword, lang="en"):
    return [
        f"/{lang}/",
        f"/{lang}/issues/{article.issue.slug}/",
        f"/{lang}/keywords/{keyword.slug}/",
        f"/{lang}/articles/{article.slug}/",
    ]


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_a_kept_page_is_the_page_a_fresh_render_gives(client, settings, shown, lang):
    urls = urls_of(*shown[:2], lang)
    pages = [kept(client, url) for url in urls]
    settings.KEPT_PAGES = False
    settings.ARTICLE_MAIN_CACHE = False
    assert [html(client, url) for url in urls] == pages


def withdraw(article):
    transition(article, S.WITHDRAWN, by=make_staff(Role.MANAGING_EDITOR), note="Gone.")


def reschedule(article):
    article.published_at = future(3)
    article.save()


def unpublish_issue(article):
    article.issue.published_at = None
    article.issue.save()


def delete(article):
    article.delete()


def untag_quietly(article):
    # A bulk delete of the link sends no signal: only the list's fingerprint sees it.
    article.tagged_items.all()._raw_delete(article.tagged_items.all().db)


@pytest.mark.parametrize(
    "remove", [withdraw, reschedule, unpublish_issue, delete], ids=lambda f: f.__name__
)
def test_an_article_taken_out_of_view_is_never_served_from_a_kept_page(
    client, shown, remove
):
    article, keyword, _ = shown
    listed = f'href="/en/articles/{article.slug}/"'
    urls = urls_of(article, keyword)
    for url in urls[:3]:
        assert listed in kept(client, url)
    kept(client, urls[3])
    remove(article)
    for url in urls[:3]:
        response = client.get(url)
        assert listed not in response.content.decode(), url
    page = client.get(urls[3])
    assert page.status_code == 404 or "Gone." in page.content.decode()


def test_a_row_that_leaves_a_list_without_a_save_leaves_it(client, shown):
    article, keyword, _ = shown
    url = urls_of(article, keyword)[2]
    assert "Removable article" in kept(client, url)
    untag_quietly(article)
    assert "Removable article" not in html(client, url)
    assert "Staying article" in html(client, url)


@pytest.mark.parametrize("change", ["unpublish", "untag", "delete", "retitle"])
def test_knowledge_base_entries_on_a_keyword_page_are_never_stale(
    client, shown, change
):
    article, keyword, event = shown
    url = urls_of(article, keyword)[2]
    assert "Tagged summit" in kept(client, url)
    if change == "unpublish":
        event.is_published = False
        event.save()
    elif change == "untag":
        event.keywords.clear()
    elif change == "delete":
        event.delete()
    else:
        event.title_en = "Renamed summit"
        event.save()
    page = html(client, url)
    assert "Tagged summit" not in page
    assert ("Renamed summit" in page) == (change == "retitle")


def test_a_keyword_used_only_by_the_knowledge_base_has_its_page(client):
    make_journal()
    keyword = make_keyword(name_en="treaty keyword")
    make_agreement(title_en="A treaty", keywords=[keyword])
    unused = make_keyword(name_en="unused keyword")
    make_article(title_en="Draft", status=S.DRAFT, keywords=[unused])
    assert "A treaty" in kept(client, f"/en/keywords/{keyword.slug}/")
    assert client.get(f"/en/keywords/{unused.slug}/").status_code == 404


def test_the_frame_of_a_kept_page_follows_the_journal_pages(client, shown):
    article, keyword, _ = shown
    page = make_page(title_en="Aims and scope", in_navigation=True)
    urls = urls_of(article, keyword)
    for url in urls:
        assert "Aims and scope" in kept(client, url)
    page.title_en = "Focus and scope"
    page.save()
    for url in urls:
        assert "Focus and scope" in html(client, url), url
    page.is_published = False
    page.save()
    for url in urls:
        assert "Focus and scope" not in html(client, url), url


def test_only_addresses_the_page_names_are_kept(client, shown):
    article, keyword, _ = shown
    for url in urls_of(article, keyword):
        before = kept_keys()
        html(client, f"{url}?utm_source=feed")
        assert kept_keys() == before, url
    kept(client, f"/en/keywords/{keyword.slug}/?page=1")
    kept(client, f"/en/articles/{article.slug}/?cite_lang=ru")


def test_an_issue_preview_is_never_kept(client, shown):
    article, _, _ = shown
    draft_issue = make_issue(number="10", published_at=None)
    make_article(issue=draft_issue, title_en="Accepted one", status=S.ACCEPTED)
    client.force_login(make_staff(Role.MANAGING_EDITOR))
    before = kept_keys()
    assert "Accepted one" in html(client, f"/en/preview/issues/{draft_issue.pk}/")
    assert kept_keys() == before


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/ru/issues/2024-4/?page=2",
        "/ky/articles/some-article/?cite_lang=ru",
        "/en/relations/timeline/?country=KG",
        "/ru/search/?q=%D1%8D%D0%BD%D0%B5%D1%80%D0%B3%D0%B8%D1%8F",
        "/en/keywords/",
    ],
)
@pytest.mark.parametrize("code", ["ky", "ru", "en"])
def test_language_links_swap_the_prefix_as_translating_the_address_would(path, code):
    with translation.override(path.split("/")[1]):  # as in the request for `path`
        assert _in_language(path, code) == translate_url(path, code)


def unpublish_in_admin(event):
    # The admin's list action: one UPDATE, no save, no updated_at moved.
    request = RequestFactory().post("/")
    request.user = make_staff(is_superuser=True)
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    EventAdmin(Event, None).unpublish(request, Event.objects.filter(pk=event.pk))


@pytest.mark.parametrize("remove", ["save", "admin action", "delete"])
def test_an_event_taken_out_of_view_is_never_served_from_the_kept_timeline(
    client, remove
):
    make_journal()
    gone = make_event(title_en="Vanishing summit", date=past(900).date())
    make_event(title_en="Lasting summit", date=past(800).date())
    url = "/en/relations/timeline/"
    assert "Vanishing summit" in kept(client, url)
    if remove == "save":
        gone.is_published = False
        gone.save()
    elif remove == "admin action":
        unpublish_in_admin(gone)
    else:
        gone.delete()
    page = html(client, url)
    assert "Vanishing summit" not in page
    assert "Lasting summit" in page


@pytest.mark.parametrize("side", ["event", "domain"])
def test_a_domain_linked_to_an_event_shows_on_the_kept_timeline(client, side):
    make_journal()
    event = make_event(title_en="Summit", date=past(900).date())
    domain = make_domain(name_en="Water and energy")
    url = "/en/relations/timeline/"
    link = f'href="/en/relations/domains/{domain.slug}/"'
    assert link not in kept(client, url)
    if side == "event":
        event.domains.add(domain)
    else:
        domain.events.add(event)
    assert link in html(client, url)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: the key query is compiled once only there",
)
def test_the_compiled_key_query_answers_as_the_visibility_rule_does():
    make_journal()
    shown = make_article(title_en="Public")
    cases = [
        shown,
        make_article(published_at=future(2)),  # scheduled
        make_article(issue=make_issue(number="11", published_at=None)),
        make_article(status=S.DRAFT),
    ]
    withdraw(make_article())
    cases.append(Article.objects.get(status=S.WITHDRAWN))
    assert KEY_QUERY.compiled(connection.alias) is not None
    for article in cases:
        assert public_id_and_time(article.slug) == list(key_query(article.slug))
    shown.refresh_from_db()
    assert public_id_and_time(shown.slug) == [(shown.pk, shown.updated_at)]
    assert public_id_and_time("no-such-article") == []
    later = timezone.now() + timedelta(days=3)
    assert [pk for pk, _ in key_query(cases[1].slug, now=later)] == [cases[1].pk]
