"""Two publish requests at the same moment publish once (real PostgreSQL locks)."""

import threading

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection, connections

from articles.models import Article, StatusChange
from articles.workflow import Role, WorkflowError, publish_issue
from tests.builders import make_article, make_issue

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite has no row locks to race on",
)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_publish_requests_publish_once():
    manager = User.objects.create_user("manager", password="x-long-password-1")
    manager.groups.add(Group.objects.get(name=Role.MANAGING_EDITOR))
    issue = make_issue(published_at=None)
    for _ in range(5):
        make_article(issue=issue, status=Article.Status.ACCEPTED, published_at=None)
    barrier = threading.Barrier(2)
    outcomes = []

    def publish():
        try:
            barrier.wait()
            publish_issue(issue, by=manager)
            outcomes.append("published")
        except WorkflowError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["published", "refused"]
    assert StatusChange.objects.count() == 5
    assert Article.objects.filter(status=Article.Status.PUBLISHED).count() == 5
