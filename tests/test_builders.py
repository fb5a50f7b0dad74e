"""The shared builders make what they say: hidden content is hidden, staff roles."""

import pytest

from articles.models import Article
from articles.workflow import Role, roles_of
from relations.models import Agreement, Event, Indicator
from tests.builders import (
    CANARY,
    HIDDEN_ARTICLES,
    LANGUAGES,
    make_article,
    make_hidden_content,
    make_inactive_staff,
    make_staff,
)

pytestmark = pytest.mark.django_db
S = Article.Status


def test_every_kind_of_hidden_content_is_made_and_none_is_public():
    public = make_article()
    hidden = make_hidden_content()
    expected = {
        "draft": (S.DRAFT, False),
        "in_review": (S.IN_REVIEW, False),
        "accepted": (S.ACCEPTED, False),
        "scheduled": (S.PUBLISHED, True),
        "in_planned_issue": (S.PUBLISHED, True),
        "in_scheduled_issue": (S.PUBLISHED, True),
        "withdrawn": (S.WITHDRAWN, True),
    }
    assert set(expected) == set(HIDDEN_ARTICLES)
    for kind, (status, dated) in expected.items():
        article = getattr(hidden, kind)
        assert article.status == status, kind
        assert (article.published_at is not None) == dated, kind
    assert hidden.scheduled.issue.published_at < hidden.scheduled.published_at
    assert hidden.in_planned_issue.issue.published_at is None
    assert hidden.in_scheduled_issue.issue.published_at == hidden.when
    assert list(Article.objects.public()) == [public]
    assert not Event.objects.published().exists()
    assert not Agreement.objects.published().exists()
    assert not Indicator.objects.filter(is_published=True).exists()


def test_every_canary_carries_the_token_in_every_language():
    hidden = make_hidden_content()
    for obj in [*hidden.articles, hidden.event, hidden.agreement]:
        for code in LANGUAGES:
            assert CANARY in getattr(obj, f"title_{code}"), (obj, code)
    for article in hidden.articles:
        for code in LANGUAGES:
            assert CANARY in getattr(article, f"abstract_{code}")
        has_keyword = hidden.keyword in article.keywords.all()
        assert has_keyword == (article != hidden.withdrawn)
        assert article.galleys.exists()
    for code in LANGUAGES:
        assert CANARY in getattr(hidden.keyword, f"name_{code}")
        assert CANARY in getattr(hidden.indicator, f"name_{code}")


@pytest.mark.parametrize(
    "role", [Role.EDITOR, Role.TRANSLATOR, Role.MANAGING_EDITOR, Role.SITE_ADMIN]
)
def test_make_staff_gives_exactly_the_role(role):
    user = make_staff(role)
    assert user.is_staff and user.is_active and not user.is_superuser
    assert roles_of(user) == {role}


def test_staff_without_a_group_and_inactive_staff_have_no_role():
    assert roles_of(make_staff()) == frozenset()
    inactive = make_inactive_staff()
    assert not inactive.is_active
    assert roles_of(inactive) == frozenset()
