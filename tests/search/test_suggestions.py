"""Search suggestions ("did you mean") offer words of public content only.

A canary word that occurs only in unpublished work (a draft, a planned issue, a
scheduled article, a draft knowledge-base entry) is neither in the dictionary nor
offered for a misspelling of it; it becomes suggestible when its article becomes
public (by a workflow step or at its scheduled time), and stops being suggestible
when the article is withdrawn or its issue unpublished. Both database paths keep
the dictionary (PostgreSQL: trigram distance, SQLite: difflib).
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from freezegun import freeze_time

from articles.models import Article
from articles.signals import content_changed
from articles.workflow import transition
from relations.models import Event
from search.indexing import flush, rebuild
from search.models import SearchTerm
from tests.builders import future, make_article, make_issue, make_journal, past
from tests.relations.builders import make_event

from .helpers import search

S = Article.Status
CANARY = "zanzibarite"
MISSPELT = "zanzibarita"


def known(word=CANARY):
    """Whether `word` is in the dictionary once pending changes are indexed (a
    commit would do that; tests run inside one transaction)."""
    flush()
    return SearchTerm.objects.filter(word=word).exists()


def offered(client, q=MISSPELT, word=CANARY):
    """Whether the search page corrects `q` to `word` (and shows what it found)."""
    page = search(client, "en", q=q)
    return any(word in m for m in page.messages)


@pytest.fixture
def manager(db):
    return User.objects.create_superuser("manager", "m@example.org", "x-long-pass-1")


@pytest.fixture
def public_issue(db):
    make_journal()
    make_issue(published_at=past(30))  # other content, so the site is not empty
    make_article(title_en="Trade along the river")
    return make_issue(published_at=past(10))


def canary_draft(issue):
    return make_article(
        issue=issue,
        status=S.DRAFT,
        published_at=None,
        title_en=f"The {CANARY} deposits",
        abstract_en=f"On {CANARY} and trade.",
    )


def publish(article, by, callbacks):
    with callbacks(execute=True):
        for step in (S.IN_REVIEW, S.ACCEPTED, S.PUBLISHED):
            transition(article, step, by=by)


def test_a_word_only_in_a_draft_is_never_suggested(client, public_issue):
    canary_draft(public_issue)
    assert not offered(client)
    assert not known()
    assert search(client, "en", q=CANARY).hits == []


def test_the_word_becomes_suggestible_once_public_and_stops_when_withdrawn(
    client, public_issue, manager, django_capture_on_commit_callbacks
):
    article = canary_draft(public_issue)
    assert not offered(client)
    publish(article, manager, django_capture_on_commit_callbacks)
    assert known()
    assert offered(client)
    with django_capture_on_commit_callbacks(execute=True):
        transition(article, S.WITHDRAWN, by=manager, note="Plagiarism.")
    assert not known()
    assert not offered(client)


def test_a_word_kept_by_other_public_work_stays_when_one_article_is_withdrawn(
    client, public_issue, manager, django_capture_on_commit_callbacks
):
    first = make_article(issue=public_issue, title_en=f"The {CANARY} mines")
    make_article(issue=public_issue, abstract_en=f"Prices of {CANARY} ore.")
    with django_capture_on_commit_callbacks(execute=True):
        transition(first, S.WITHDRAWN, by=manager, note="Duplicate.")
    assert known()
    assert offered(client)


def test_words_of_a_planned_issue_come_with_its_publication(
    client, public_issue, manager, django_capture_on_commit_callbacks
):
    planned = make_issue(published_at=None)
    make_article(
        issue=planned, status=S.ACCEPTED, published_at=None, title_en=f"{CANARY}"
    )
    assert not offered(client)
    from articles.workflow import publish_issue

    with django_capture_on_commit_callbacks(execute=True):
        publish_issue(planned, by=manager)
    assert offered(client)
    # Unpublishing the issue (its date cleared in the admin) takes them away again.
    planned.refresh_from_db()
    planned.published_at = None
    planned.save()
    assert not known()
    assert not offered(client)


def test_a_scheduled_article_is_suggested_from_its_publication_time(
    client, public_issue
):
    make_article(issue=public_issue, published_at=future(2), title_en=CANARY)
    assert known()  # remembered, with its time
    assert not offered(client)
    with freeze_time(timezone.now() + timedelta(days=3)):
        assert offered(client)


def test_knowledge_base_entries_count_only_once_published(client, public_issue):
    event = make_event(is_published=False, title_en=f"The {CANARY} summit")
    assert not known()
    Event.objects.filter(pk=event.pk).update(is_published=True)
    content_changed.send(sender=Event, pks=[event.pk])
    assert offered(client)
    Event.objects.filter(pk=event.pk).update(is_published=False)
    content_changed.send(sender=Event, pks=[event.pk])
    assert not known()


def test_rebuild_keeps_only_public_words(client, public_issue):
    canary_draft(public_issue)
    make_article(issue=public_issue, title_en="Obsidianite trade")
    rebuild()
    assert not known()
    assert known("obsidianite")
    assert not offered(client)
