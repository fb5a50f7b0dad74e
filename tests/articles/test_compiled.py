"""Queries compiled once per process (articles/compiled.py) answer as the ORM does."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from articles.compiled import CompiledQuery, _numbered
from articles.models import Article
from tests.builders import future, make_article, make_journal

pytestmark = pytest.mark.django_db

NOW = datetime(1001, 1, 1, tzinfo=UTC)


def titles(now, slug):
    return Article.objects.public(now=now).exclude(slug=slug).order_by("id")


def test_rows_and_objects_are_the_orms_for_each_value():
    make_journal()
    soon = make_article(published_at=future(2), slug="a-soon")
    now_ = make_article(slug="a-now")
    other = make_article(slug="b-other")
    query = CompiledQuery(titles, now=NOW, slug="\x00slug")
    for when, left_out, expected in (
        (future(0), "b-other", [now_]),
        (future(3), "b-other", [soon, now_]),
        (future(3), "a-now", [soon, other]),
    ):
        got = query.objects(connection.alias, now=when, slug=left_out)
        assert [a.pk for a in got] == [a.pk for a in expected]
        assert [a.title_en for a in got] == [a.title_en for a in expected]
    assert len(query.rows(connection.alias, now=future(3), slug="x")) == 3


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: elsewhere the ORM builds every query",
)
def test_compiled_once_with_the_stand_ins_in_their_places():
    query = CompiledQuery(titles, now=NOW, slug="\x00slug")
    sql, params, slots, columns = query.compiled(connection.alias)
    assert "now" in slots and slots.count("slug") == 1
    assert columns[0] is Article and "title_en" in columns[1]
    assert query.compiled(connection.alias)[0] is sql  # kept, not built again


def test_a_stand_in_the_query_does_not_use_means_the_orm_runs_it():
    make_journal()
    article = make_article(slug="c-one")
    query = CompiledQuery(lambda now, slug: titles(now, "x"), now=NOW, slug="\x00x")
    if connection.vendor == "postgresql":
        assert query.compiled(connection.alias) is None
    got = query.objects(connection.alias, now=future(1), slug="ignored")
    assert [a.pk for a in got] == [article.pk]


def test_placeholders_are_numbered_as_postgresql_writes_them():
    sql = "SELECT %s, '100%%', x LIKE %s || '%%' FROM t WHERE y = %s"
    assert _numbered(sql) == "SELECT $1, '100%', x LIKE $2 || '%' FROM t WHERE y = $3"
    assert _numbered("SELECT 1") == "SELECT 1"
