"""The article page's kept main part is never stale (page cache off throughout).

Each test views an article (its main part is kept), changes something the page shows
in the way an editor or a script would, and views it again.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import RequestFactory
from freezegun import freeze_time

from articles.models import Article, Authorship
from articles.workflow import Role, transition
from relations.admin import EventAdmin
from relations.models import Event
from tests.builders import (
    add_galley,
    add_reference,
    add_section,
    future,
    make_article,
    make_contributor,
    make_issue,
    make_journal,
    make_keyword,
    make_section,
    past,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    make_journal(name_en="Old Journal Name")
    article = make_article(
        issue=make_issue(number="5"),
        section=make_section(name_en="Old rubric"),
        title_en="Old title",
        original_language="en",  # its English page carries Google Scholar's tags
        authors=0,
        keywords=[make_keyword(name_en="old keyword")],
    )
    person = make_contributor(last_name_en="Oldname")
    Authorship.objects.create(article=article, contributor=person, order=0)
    add_section(article, heading_en="Old heading", text_en="Old body text.")
    return article


def page(client, article, lang="en", query=""):
    response = client.get(f"/{lang}/articles/{article.slug}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def kept(client, article, lang="en"):
    """View the page twice: the second view comes from the kept part."""
    first = page(client, article, lang)
    assert any(key.startswith(":1:article-page:") for key in cache._cache)
    assert page(client, article, lang) == first
    return first


def test_kept_page_equals_a_fresh_render(client, settings, article):
    kept_html = kept(client, article)
    settings.ARTICLE_MAIN_CACHE = False
    assert page(client, article) == kept_html


def test_each_language_and_citation_language_is_kept_apart(client, article):
    titles = {"title_ru": "Заголовок", "title_ky": "Аталыш"}
    Article.objects.filter(pk=article.pk).update(**titles)
    assert "Аталыш" in kept(client, article, "ky")
    assert "Заголовок" in kept(client, article, "ru")
    assert 'lang="ru"' in page(client, article, "en", "?cite_lang=ru")
    assert "Old title" in page(client, article, "en")


def test_an_edited_article_shows_at_once(client, article):
    kept(client, article)
    article.title_en = "New title"
    article.save()
    assert "New title" in page(client, article)


@pytest.mark.parametrize(
    "change, expected",
    [
        ("section", "New body text."),
        ("reference", "A new reference."),
        ("galley", 'type="application/pdf" hreflang="ky"'),
        ("author", "Newname"),
        ("keyword link", "added keyword"),
    ],
)
def test_a_change_to_a_part_of_the_article_shows_at_once(
    client, article, change, expected
):
    kept(client, article)
    if change == "section":
        section = article.sections.get()
        section.text_en = "New body text."
        section.save()
    elif change == "reference":
        add_reference(article, text="A new reference.")
    elif change == "galley":
        add_galley(article, "ky")
    elif change == "author":
        Authorship.objects.create(
            article=article, contributor=make_contributor(last_name_en="Newname"),
            order=1,
        )  # fmt: skip
    else:
        article.keywords.add(make_keyword(name_en="added keyword"))
    assert expected in page(client, article)


def test_removed_parts_disappear_at_once(client, article):
    add_reference(article, text="A doomed reference.")
    assert "A doomed reference." in kept(client, article)
    article.references.all().delete()
    article.keywords.clear()
    html = page(client, article)
    assert "A doomed reference." not in html
    assert "old keyword" not in html


@pytest.mark.parametrize(
    "change, expected",
    [
        ("keyword", "renamed keyword"),
        ("contributor", "Renamed"),
        ("issue", "No. 77"),
        ("rubric", "Renamed rubric"),
        ("journal", 'name="citation_journal_title" content="Renamed Journal"'),
    ],
)
def test_a_change_to_something_the_page_shows_shows_at_once(
    client, article, change, expected
):
    kept(client, article)
    if change == "keyword":
        keyword = article.keywords.get()
        keyword.name_en = "renamed keyword"
        keyword.save()
    elif change == "contributor":
        person = article.authorships.get().contributor
        person.last_name_en = "Renamed"
        person.save()
    elif change == "issue":
        article.issue.number = "77"
        article.issue.save()
    elif change == "rubric":
        article.section.name_en = "Renamed rubric"
        article.section.save()
    else:
        journal = article.issue.journal
        journal.name_en = "Renamed Journal"
        journal.save()
    assert expected in page(client, article)


def test_linked_events_come_and_go_at_once(client, article):
    event = Event.objects.create(
        title_en="Border summit", date=past(100).date(), kind="summit",
        is_published=True,
    )  # fmt: skip
    kept(client, article)
    event.articles.add(article)
    assert "Border summit" in page(client, article)
    event.title_en = "Renamed summit"
    event.save()
    assert "Renamed summit" in page(client, article)

    staff = User.objects.create_superuser("admin", password="x-long-password-1")
    request = RequestFactory().post("/")
    request.user = staff
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    admin = EventAdmin(Event, None)
    admin.unpublish(request, Event.objects.filter(pk=event.pk))
    assert "Renamed summit" not in page(client, article)

    admin.publish(request, Event.objects.filter(pk=event.pk))
    assert "Renamed summit" in page(client, article)
    article.events.remove(event)  # from the article's side
    assert "Renamed summit" not in page(client, article)
    event.articles.add(article)
    assert "Renamed summit" in page(client, article)
    event.delete()
    assert "Renamed summit" not in page(client, article)


def test_a_withdrawn_article_becomes_a_tombstone_at_once(client, article):
    kept(client, article)
    editor = User.objects.create_user("ed", password="x-long-password-1")
    editor.groups.add(Group.objects.get(name=Role.MANAGING_EDITOR))
    transition(article, Article.Status.WITHDRAWN, by=editor, note="Duplicate.")
    html = page(client, article)
    assert "Duplicate." in html
    assert "Old body text." not in html


def test_an_article_of_a_scheduled_issue_appears_at_its_time(client):
    make_journal()
    issue = make_issue(published_at=future(2))
    article = make_article(issue=issue, published_at=future(2), title_en="Scheduled")
    assert client.get(f"/en/articles/{article.slug}/").status_code == 404
    with freeze_time(future(3)):
        assert "Scheduled" in page(client, article)


def test_an_unreachable_cache_costs_speed_not_the_page(client, settings, article):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    assert "Old title" in page(client, article)
