"""The editorial workflow: the transition table, issue publishing, notifications."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import translation

from articles.models import Article, StatusChange
from articles.workflow import (
    TRANSITIONS,
    IssueNotReady,
    Role,
    WorkflowError,
    publish_issue,
    transition,
)
from tests.builders import (
    make_article,
    make_inactive_staff,
    make_issue,
    make_journal,
    make_staff,
    past,
)

S = Article.Status
ROLES = [Role.EDITOR, Role.TRANSLATOR, Role.MANAGING_EDITOR, Role.SITE_ADMIN]


def article_in(status, **overrides):
    """An article in `status`, ready to publish into a published issue."""
    issue = overrides.pop("issue", None) or make_issue()
    published = status in (S.PUBLISHED, S.WITHDRAWN)
    return make_article(
        issue=issue,
        status=status,
        published_at=past() if published else None,
        **overrides,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("frm", list(S))
@pytest.mark.parametrize("to", list(S))
def test_every_status_pair_for_every_role(role, frm, to):
    user = make_staff(role)
    article = article_in(frm)
    version = article.version
    allowed = TRANSITIONS.get((frm, to), frozenset())
    if role in allowed:
        transition(article, to, by=user, note="because")
        article.refresh_from_db()
        assert article.status == to
        assert article.version == version + 1
        log = StatusChange.objects.get(article=article)
        assert (log.from_status, log.to_status, log.changed_by) == (frm, to, user)
    else:
        with pytest.raises((WorkflowError, PermissionDenied)):
            transition(article, to, by=user, note="because")
        article.refresh_from_db()
        assert article.status == frm
        assert article.version == version
        assert not StatusChange.objects.exists()


@pytest.mark.django_db
def test_inactive_user_and_user_without_role_can_do_nothing():
    inactive = make_inactive_staff()
    nobody = make_staff()
    article = article_in(S.IN_REVIEW)
    for user in (inactive, nobody):
        with pytest.raises(PermissionDenied):
            transition(article, S.ACCEPTED, by=user)
    assert Article.objects.get(pk=article.pk).status == S.IN_REVIEW


@pytest.mark.django_db
@pytest.mark.parametrize("to", [S.REVISIONS_REQUESTED, S.WITHDRAWN])
def test_returning_and_withdrawing_need_a_comment(to):
    manager = make_staff(Role.MANAGING_EDITOR)
    article = article_in(S.IN_REVIEW if to == S.REVISIONS_REQUESTED else S.PUBLISHED)
    with pytest.raises(WorkflowError):
        transition(article, to, by=manager, note="  ")
    transition(article, to, by=manager, note="Plagiarised figures")
    assert Article.objects.get(pk=article.pk).status == to


@pytest.mark.django_db
def test_publish_issue_publishes_every_accepted_article_at_once():
    manager = make_staff(Role.MANAGING_EDITOR)
    issue = make_issue(published_at=None)
    accepted = [article_in(S.ACCEPTED, issue=issue) for _ in range(3)]
    draft = article_in(S.DRAFT, issue=issue)
    publish_issue(issue, by=manager)
    issue.refresh_from_db()
    assert issue.published_at is not None
    for article in accepted:
        article.refresh_from_db()
        assert article.status == S.PUBLISHED
        assert article.published_at == issue.published_at
        assert article.is_public
    draft.refresh_from_db()
    assert draft.status == S.DRAFT
    assert StatusChange.objects.filter(to_status=S.PUBLISHED).count() == 3


@pytest.mark.django_db
def test_publish_issue_is_all_or_nothing_and_names_the_article(
    django_capture_on_commit_callbacks,
):
    manager = make_staff(Role.MANAGING_EDITOR)
    issue = make_issue(
        journal=make_journal(required_languages="ky,ru,en"), published_at=None
    )
    good = article_in(S.ACCEPTED, issue=issue)
    bad = article_in(
        S.ACCEPTED, issue=issue, abstract_en="", first_page=None, last_page=None
    )
    with (
        translation.override("en"),
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(IssueNotReady) as caught,
    ):
        publish_issue(issue, by=manager)
    assert callbacks == []
    [(article, why)] = caught.value.problems
    assert article.pk == bad.pk
    assert "abstract" in why and "pages" in why
    issue.refresh_from_db()
    assert issue.published_at is None
    assert {a.status for a in Article.objects.filter(pk__in=[good.pk, bad.pk])} == {
        S.ACCEPTED
    }
    assert not StatusChange.objects.exists()


@pytest.mark.django_db
def test_publishing_twice_publishes_once():
    manager = make_staff(Role.MANAGING_EDITOR)
    issue = make_issue(published_at=None)
    article_in(S.ACCEPTED, issue=issue)
    publish_issue(issue, by=manager)
    first = Article.objects.get().published_at
    with pytest.raises(WorkflowError):
        publish_issue(issue, by=manager)
    assert StatusChange.objects.count() == 1
    assert Article.objects.get().published_at == first


@pytest.mark.django_db
def test_editor_cannot_publish_an_issue():
    issue = make_issue(published_at=None)
    article_in(S.ACCEPTED, issue=issue)
    with pytest.raises(PermissionDenied):
        publish_issue(issue, by=make_staff(Role.EDITOR))
    issue.refresh_from_db()
    assert issue.published_at is None


@pytest.mark.django_db
def test_author_is_emailed_when_returned_and_when_accepted(
    django_capture_on_commit_callbacks,
):
    editor = make_staff(Role.EDITOR, email="author-editor@example.org")
    manager = make_staff(Role.MANAGING_EDITOR)
    article = article_in(S.IN_REVIEW, created_by=editor)
    with django_capture_on_commit_callbacks(execute=True):
        transition(article, S.REVISIONS_REQUESTED, by=manager, note="Shorten part 2")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["author-editor@example.org"]
    assert "Shorten part 2" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        transition(article, S.IN_REVIEW, by=editor)
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        transition(article, S.ACCEPTED, by=manager)
    assert len(mail.outbox) == 2
