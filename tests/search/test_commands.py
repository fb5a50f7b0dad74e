"""The benchmark tools: a synthetic corpus and the timed fixed queries."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from relations.models import Agreement, Event
from search.benchmark import QUERIES
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_generate_corpus_then_benchmark(client):
    out = StringIO()
    call_command("generate_corpus", articles=60, events=10, stdout=out)
    assert Article.objects.count() == 60
    assert Article.objects.public().count() == 58  # every fiftieth is a draft
    assert Event.objects.count() == 10 and Agreement.objects.count() == 2
    languages = set(SearchDocument.objects.values_list("language", flat=True))
    assert languages == {"ky", "ru", "en"}
    # The corpus speaks the benchmark's words.
    assert client.get("/ru/search/", {"q": "граница"}).context["total"] > 0

    out = StringIO()
    call_command("search_benchmark", rounds=1, stdout=out)
    report = out.getvalue()
    assert f"{len(QUERIES)} queries x 1 rounds" in report
    assert re.search(r"median [\d.]+ ms, p95 [\d.]+ ms", report)


def test_the_benchmark_has_fifty_queries_in_three_languages():
    assert len(QUERIES) == 50
    assert {lang for lang, _ in QUERIES} == {"ky", "ru", "en"}


@pytest.mark.django_db
def test_generate_corpus_refuses_a_database_with_articles():
    from django.core.management.base import CommandError

    from tests.builders import make_article

    make_article()
    with pytest.raises(CommandError, match="already has articles"):
        call_command("generate_corpus", articles=5, events=1, stdout=StringIO())
