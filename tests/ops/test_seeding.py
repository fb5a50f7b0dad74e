"""Seeders (the demo loader and the synthetic generators) publish through the workflow:
every article past draft has the log rows of the steps that brought it there."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, StatusChange
from articles.models import ArticleStatus as S
from articles.workflow import TRANSITIONS, steps_to

pytestmark = pytest.mark.django_db


def assert_logged_from_draft(article):
    """The article's log runs from draft to its status by moves of TRANSITIONS."""
    rows = list(article.status_changes.order_by("id"))
    assert rows, article.slug
    assert rows[0].from_status == S.DRAFT, article.slug
    assert rows[-1].to_status == article.status, article.slug
    for before, after in zip(rows, rows[1:], strict=False):
        assert after.from_status == before.to_status, article.slug
    for row in rows:
        assert (row.from_status, row.to_status) in TRANSITIONS, article.slug
        assert row.changed_by is None and row.note, article.slug


def test_the_way_from_a_draft_follows_the_workflow():
    assert steps_to(S.IN_REVIEW) == [S.IN_REVIEW]
    assert steps_to(S.PUBLISHED) == [S.IN_REVIEW, S.ACCEPTED, S.PUBLISHED]
    assert steps_to(S.WITHDRAWN)[-2:] == [S.PUBLISHED, S.WITHDRAWN]


def test_every_non_draft_demo_article_has_its_status_log():
    call_command("load_demo", verbosity=0)
    seeded = Article.objects.exclude(status=S.DRAFT)
    assert {a.status for a in seeded} == {S.PUBLISHED, S.ACCEPTED, S.WITHDRAWN}
    for article in seeded:
        assert_logged_from_draft(article)
    draft = Article.objects.get(status=S.DRAFT)
    assert not draft.status_changes.exists()
    # A second run moves nothing again.
    rows = StatusChange.objects.count()
    call_command("load_demo", verbosity=0)
    assert StatusChange.objects.count() == rows


def test_generate_journal_publishes_through_the_workflow():
    call_command(
        "generate_journal", issues=3, articles=12, big_issue=4, events=2,
        keywords=8, stdout=StringIO(),
    )  # fmt: skip
    articles = list(Article.objects.all())
    assert len(articles) == 12
    for article in articles:
        assert article.status == S.PUBLISHED
        assert_logged_from_draft(article)


def test_generate_corpus_publishes_through_the_workflow():
    call_command(
        "generate_corpus", articles=60, events=2, no_index=True, stdout=StringIO()
    )
    for article in Article.objects.exclude(status=S.DRAFT):
        assert_logged_from_draft(article)
    assert not StatusChange.objects.filter(article__status=S.DRAFT).exists()
