"""Each public page runs a fixed number of queries, however many articles there are.

Every page is requested once before it is measured, so that per-process caches
(content types, translations) are warm, as they are on a running site.
"""

from types import SimpleNamespace

import pytest
from django.db import connection

from articles.models import Article, Authorship
from tests.builders import (
    add_galley,
    add_reference,
    add_section,
    make_article,
    make_contributor,
    make_issue,
    make_journal,
    make_keyword,
    make_section,
    past,
)
from tests.helpers import url_in
from tests.relations.builders import make_agreement, make_event

pytestmark = pytest.mark.django_db

# The journal and the journal pages linked from the header and footer are kept by each
# worker until content changes, so a warm page does not read them: two queries more on
# a worker's first page after an edit.
QUERIES = {
    # Home, issue, keyword and article pages are kept whole under a fingerprint of
    # what each shows (articles/kept_pages.py): a warm page reads only that.
    "home": 3,  # current issue, its articles' version, the recent rows' ids and times
    "archive": 1,  # issues with public article counts
    "issue": 2,  # issue, its articles' version
    # the article's key (the page is then kept): see article_fresh() for a render
    "article": 1,
    "keywords": 1,  # keywords with public article counts
    # keyword, its articles' version, whether events or agreements use it (see
    # KEYWORD_WITH_ENTRIES when they do)
    "keyword": 3,
}
# A keyword events and agreements use too: and those entries, one query each kind.
KEYWORD_WITH_ENTRIES = 3 + 2
# The same pages rendered (a fingerprint not kept yet, or kept pages off). Table of
# contents rows are kept per article (articles/toc_cache.py): a list reads its ids and
# times, and renders only rows not kept yet; the most used keywords are kept until
# content changes.
RENDERED = {
    "home": 3 + 3,  # and the toc rows, their sections, the recent rows
    "issue": 2 + 2,  # and the toc rows, their sections
    "keyword": 3 + 2,  # and the count and the page of rows
}


def article_fresh():
    """Queries of rendering the article page; with the kept part on, one more for its
    key. On PostgreSQL: the article with everything it shows, its events and
    agreements included, in one statement (articles/article_data.py). Elsewhere:
    article, authors, sections, refs, keywords, galleys, events, agreements."""
    return 1 if connection.vendor == "postgresql" else 8


def populate(n):
    """One issue with `n` public articles, each with authors, keywords and a body."""
    make_journal()
    issue = make_issue(year=2024, number="4/1", published_at=past(10))
    sections = [make_section() for _ in range(3)]
    shared = [make_keyword() for _ in range(5)]
    articles = []
    for i in range(n):
        article = make_article(
            issue=issue,
            authors=2,
            keywords=[shared[i % 5], shared[(i + 1) % 5], make_keyword()],
            section=sections[i % 3],
        )
        add_section(article, heading_ru="Введение", text_ru="Текст [1].")
        add_reference(article)
        articles.append(article)
    return SimpleNamespace(issue=issue, articles=articles, keyword=shared[0])


def url_of(page, content, lang):
    return {
        "home": lambda: url_in(lang, "articles:home"),
        "archive": lambda: url_in(lang, "articles:archive"),
        "issue": lambda: url_in(lang, content.issue),
        "article": lambda: url_in(lang, content.articles[0]),
        "keywords": lambda: url_in(lang, "articles:keywords"),
        "keyword": lambda: url_in(lang, content.keyword),
    }[page]()


def assert_queries(client, url, expected, django_assert_num_queries):
    assert client.get(url).status_code == 200
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("n", [2, 40])
@pytest.mark.parametrize("page", list(QUERIES))
def test_page_query_count_does_not_grow(client, django_assert_num_queries, page, n):
    content = populate(n)
    for lang in ("ky", "ru", "en"):
        url = url_of(page, content, lang)
        assert_queries(client, url, QUERIES[page], django_assert_num_queries)


@pytest.mark.parametrize("n", [2, 40])
@pytest.mark.parametrize("page", list(RENDERED))
def test_kept_list_pages_rendered_afresh_run_the_same_queries(
    client, settings, django_assert_num_queries, page, n
):
    settings.KEPT_PAGES = False
    content = populate(n)
    for lang in ("ky", "ru", "en"):
        url = url_of(page, content, lang)
        assert_queries(client, url, RENDERED[page], django_assert_num_queries)


@pytest.mark.parametrize("n", [2, 40])
@pytest.mark.parametrize("kept", [True, False], ids=["kept", "rendered"])
def test_a_keyword_page_with_entries_runs_the_same_queries_whatever_their_number(
    client, settings, django_assert_num_queries, n, kept
):
    settings.KEPT_PAGES = kept
    content = populate(2)
    for i in range(n):
        make_event(title_en=f"Tagged event {i}", keywords=[content.keyword])
        make_agreement(title_en=f"Tagged agreement {i}", keywords=[content.keyword])
    expected = KEYWORD_WITH_ENTRIES + (0 if kept else 2)
    for lang in ("ky", "ru", "en"):
        url = url_in(lang, content.keyword)
        assert_queries(client, url, expected, django_assert_num_queries)
    page = client.get(url_in("en", content.keyword)).content.decode()
    assert "Tagged event 0" in page
    assert "Tagged agreement 0" in page


def test_listings_show_all_forty_articles(client):
    """The 40-article case really lists 40 articles (the count test is not vacuous)."""
    content = populate(40)
    html = client.get(url_in("en", content.issue)).content.decode()
    assert all(url_in("en", a) in html for a in content.articles)
    keyword_html = client.get(url_in("en", content.keyword)).content.decode()
    tagged = Article.objects.filter(keywords=content.keyword)
    assert len(tagged) == 16
    assert all(url_in("en", a) in keyword_html for a in tagged)


@pytest.mark.parametrize("size", [1, 6])
def test_article_page_query_count_does_not_grow_with_its_parts(
    client, django_assert_num_queries, size
):
    make_journal()
    article = make_article(authors=0, keywords=[make_keyword() for _ in range(size)])
    for i in range(size):
        Authorship.objects.create(
            article=article, contributor=make_contributor(), order=i
        )
        add_section(article, i, heading_ky=f"Бөлүм {i}", text_ky=f"Текст [{i + 1}].")
        add_reference(article, i, text=f"Булак {i}.")
    for code in ("ky", "ru", "en")[:size]:
        add_galley(article, code)
    for lang in ("ky", "ru", "en"):
        # the first view: the key, the render, and (once) the journal and the
        # journal pages the header and footer link
        with django_assert_num_queries(article_fresh() + 1 + 2 * (lang == "ky")):
            assert client.get(url_in(lang, article)).status_code == 200
        with django_assert_num_queries(QUERIES["article"]):
            assert client.get(url_in(lang, article)).status_code == 200


@pytest.mark.parametrize("n", [2, 40])
def test_article_page_rendered_afresh_runs_the_same_queries(
    client, settings, django_assert_num_queries, n
):
    settings.ARTICLE_MAIN_CACHE = False
    content = populate(n)
    for lang in ("ky", "ru", "en"):
        url = url_in(lang, content.articles[-1])
        assert_queries(client, url, article_fresh(), django_assert_num_queries)
