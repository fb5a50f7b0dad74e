"""Query counts stay flat from a small journal to a large one (issue 8).

The synthetic journal of `make bench` is generated twice, with 10 and with 1,000
articles (one issue of 300 in the large one), and every public page and the editors'
change lists run the same number of queries on both.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article

pytestmark = pytest.mark.django_db

SIZES = {
    "small": {"articles": 10, "big_issue": 5},
    "large": {"articles": 1000, "big_issue": 300},
}
PUBLIC = [
    "/{lang}/",
    "/{lang}/issues/",
    "/{lang}/issues/2000-4/",  # the big issue: 5 or 300 articles
    "/{lang}/articles/synthetic-article-0/",
    "/{lang}/keywords/",
    "/{lang}/keywords/keyword-0/",
    "/{lang}/relations/",
    "/{lang}/relations/timeline/",
]
ADMIN = [
    "/en/admin/articles/article/",
    "/en/admin/articles/issue/",
    "/en/admin/articles/keyword/",
    "/en/admin/articles/contributor/",
    "/en/admin/relations/event/",
]


def queries(client, url):
    assert client.get(url).status_code == 200  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def generate(size):
    call_command(
        "generate_journal", issues=4, events=30, keywords=20, **SIZES[size],
        stdout=open("/dev/null", "w"),  # noqa: SIM115 - closed with the process
    )  # fmt: skip


def counts(client, admin_client):
    found = {}
    for pattern in PUBLIC:
        for lang in ("ky", "ru", "en"):
            url = pattern.format(lang=lang)
            found[url] = queries(client, url)
    for url in ADMIN:
        found[url] = queries(admin_client, url)
    return found


def empty_the_journal():
    from articles.models import Contributor, Issue, Journal, Keyword, Section
    from relations.models import Event

    for model in (Article, Event, Keyword, Contributor, Issue, Section, Journal):
        model.objects.all().delete()


def test_every_page_runs_as_many_queries_with_1000_articles_as_with_10(
    client, admin_client
):
    generate("small")
    small = counts(client, admin_client)
    empty_the_journal()
    generate("large")
    assert Article.objects.filter(issue__slug="2000-4").count() == 300
    large = counts(client, admin_client)
    assert large == small
