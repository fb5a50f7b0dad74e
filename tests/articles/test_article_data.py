"""The article page's data in one statement (articles/article_data.py, PostgreSQL).

It must load exactly what `for_detail()` loads, under the same visibility rule,
and the page built from it must be the page built from `for_detail()`.
"""

from datetime import date

import pytest
from django.db import connection

from articles import article_data, views
from articles.models import Article, Authorship
from relations import views as relations_views
from relations.models import LISTED_EVENT_FIELDS, Event
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
)
from tests.helpers import html, url_in
from tests.relations.builders import make_agreement, make_event

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the one-statement path reads JSON arrays, and "
        "SQLite pages use for_detail()",
    ),
]

RELATED = ("authorships", "sections", "references", "keywords", "galleys")


def columns(obj):
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def full_article(**overrides):
    make_journal()
    article = make_article(
        authors=0,
        section=make_section(),
        keywords=[make_keyword(), make_keyword(name_en="")],
        doi="10.1234/abc.1",
        **overrides,
    )
    for i, corresponding in enumerate((False, True, False)):
        Authorship.objects.create(
            article=article,
            contributor=make_contributor(orcid="0000-0002-1825-0097" if i else ""),
            order=2 - i,
            corresponding=corresponding,
        )
    for i in (2, 0, 1):
        add_section(article, i, heading_ru=f"Часть {i}", text_ru=f"Текст [{i + 1}].")
        add_reference(article, i, text=f"Источник {i}.", doi=f"10.1/{i}" if i else "")
    for code in ("ru", "ky"):
        add_galley(article, code)
    return article


def test_loads_what_for_detail_loads(django_assert_num_queries):
    article = full_article()
    expected = Article.objects.public().for_detail().get(pk=article.pk)
    with django_assert_num_queries(1):
        loaded = article_data.public_article(article.slug)
    with django_assert_num_queries(0):
        assert columns(loaded) == columns(expected)
        assert columns(loaded.issue) == columns(expected.issue)
        assert columns(loaded.issue.journal) == columns(expected.issue.journal)
        assert columns(loaded.section) == columns(expected.section)
        for name in RELATED:
            got = [columns(o) for o in getattr(loaded, name).all()]
            want = [columns(o) for o in getattr(expected, name).all()]
            if name == "keywords":  # unordered in both: the page sorts them
                got.sort(key=lambda c: c["id"])
                want.sort(key=lambda c: c["id"])
            assert got == want, name
            assert got, name
        for authorship in loaded.authorships.all():
            assert authorship.article is loaded
            assert columns(authorship.contributor) == columns(
                next(
                    a.contributor
                    for a in expected.authorships.all()
                    if a.pk == authorship.pk
                )
            )
        assert [g.get_absolute_url() for g in loaded.galleys.all()] == [
            g.get_absolute_url() for g in expected.galleys.all()
        ]
    # A query chained on a loaded relation asks for the same rows as the ORM's.
    for name in RELATED:
        assert list(getattr(loaded, name).order_by("-pk")) == list(
            getattr(expected, name).order_by("-pk")
        ), name


def linked_entries(article):
    """Events and agreements about `article`: published ones, of every date
    precision and with an end, and unpublished ones the page must not show."""
    make_event(articles=[article], title_en="Summit <one>", date_precision="year")
    make_event(articles=[article], end_date=date(2021, 5, 2), title_en="Talks")
    make_event(articles=[article], is_published=False, title_en="Hidden event")
    make_agreement(articles=[article], title_en="Treaty & protocol")
    make_agreement(articles=[article], is_published=False, title_en="Hidden treaty")
    make_event(title_en="Unrelated event")


def test_the_knowledge_base_entries_come_in_the_same_statement(
    django_assert_num_queries,
):
    article = full_article()
    linked_entries(article)
    with django_assert_num_queries(1):
        loaded = article_data.public_article(article.slug)
    rows = loaded.page_rows
    events = list(relations_views._article_events(article.pk))
    agreements = list(relations_views._article_agreements(article.pk))
    assert {e.title_en for e in events} == {"Talks", "Summit <one>"}
    shown = LISTED_EVENT_FIELDS
    for got, want in zip(rows[relations_views.ARTICLE_EVENTS], events, strict=True):
        assert isinstance(got, Event)
        assert got.pk == want.pk
        assert all(getattr(got, f) == getattr(want, f) for f in shown), got
    assert [columns(a) for a in rows[relations_views.ARTICLE_AGREEMENTS]] == [
        columns(a) for a in agreements
    ]
    assert len(agreements) == 1 and isinstance(agreements[0].date, date)


def test_an_article_with_nothing_around_it():
    make_journal()
    article = make_article(authors=0, section=None)
    loaded = article_data.public_article(article.slug)
    assert loaded.section is None
    for name in RELATED:
        assert list(getattr(loaded, name).all()) == []


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.ACCEPTED},
        {"status": Article.Status.WITHDRAWN},
        {"published_at": future()},
        {"issue": "unpublished"},
        {"issue": "scheduled"},
    ],
    ids=["draft", "accepted", "withdrawn", "scheduled", "issue-draft", "issue-later"],
)
def test_only_public_articles_are_loaded(hidden):
    make_journal()
    if hidden.get("issue") == "unpublished":
        hidden["issue"] = make_issue(published_at=None)
    elif hidden.get("issue") == "scheduled":
        hidden["issue"] = make_issue(published_at=future())
    article = make_article(**hidden)
    assert not Article.objects.public().filter(pk=article.pk).exists()
    assert article_data.public_article(article.slug) is None
    assert article_data.public_article("no-such-article") is None


def test_the_page_is_the_page_for_detail_builds(client, settings, monkeypatch):
    """Byte for byte, in every language, with the kept page off (a render each time)."""
    settings.ARTICLE_MAIN_CACHE = False
    article = full_article(original_language="ru")
    linked_entries(article)
    urls = [url_in(lang, article) for lang in ("ky", "ru", "en")]
    fast = [html(client, url) for url in urls]
    monkeypatch.setattr(
        views.article_data,
        "public_article",
        lambda slug: Article.objects.public().for_detail().filter(slug=slug).first(),
    )
    assert [html(client, url) for url in urls] == fast
    assert "Источник 2." in fast[0] and "0000-0002-1825-0097" in fast[0]
    assert "Summit &lt;one&gt;" in fast[2] and "Treaty &amp; protocol" in fast[2]
    assert "Hidden" not in fast[2]
