"""Pages of search results kept whole (search/views.py, `kept_key`).

With the page cache off, as it effectively is right after an edit: the search runs
on every request through the visibility rule, and a page whose results are all
articles is served from where it was kept while those results, their ranks and
their `updated_at` are the same. A kept page is the page a fresh render gives; a
result taken out of public view leaves it at once; every change it shows (rows,
snippets, facets) reaches it; and knowledge-base results are never kept.
"""

import pytest
from django.db import connection

from articles.models import Article
from articles.workflow import Role, transition
from search import engine
from search.models import Kind
from search.text import Query
from tests import helpers
from tests.builders import (
    add_section,
    future,
    make_article,
    make_issue,
    make_journal,
    make_keyword,
    make_section,
    make_staff,
    past,
)
from tests.helpers import html
from tests.relations.builders import make_event

pytestmark = pytest.mark.django_db
S = Article.Status
URL = "/en/search/?q=turbine"


@pytest.fixture(autouse=True)
def kept_pages_only(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.KEPT_PAGES = True
    settings.ARTICLE_MAIN_CACHE = True


SEARCH_KEYS = (":1:kept-page:search:",)


def kept_keys():
    return helpers.kept_keys(SEARCH_KEYS)


def kept(client, url):
    return helpers.kept(client, url, SEARCH_KEYS)


@pytest.fixture
def found():
    make_journal()
    issue = make_issue(number="3", published_at=past(5))
    keyword = make_keyword(name_en="wind power")
    section = make_section(name_en="Energy rubric")
    leaving = make_article(
        issue=issue, section=section, title_en="Turbine exports", keywords=[keyword]
    )
    staying = make_article(
        issue=make_issue(number="2", published_at=past(40)),
        section=section,
        title_en="Turbine imports",
        keywords=[keyword],
    )
    add_section(staying, text_en="A turbine on every hill.")
    return leaving, staying, keyword, section


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_a_kept_page_of_results_is_the_page_a_fresh_render_gives(
    client, settings, found, lang
):
    year = found[0].issue.year
    urls = [f"/{lang}/search/?q=turbine", f"/{lang}/search/?q=turbine&year={year}"]
    pages = [kept(client, url) for url in urls]
    for page in pages:
        assert f'href="/{lang}/articles/{found[0].slug}/"' in page
    settings.KEPT_PAGES = False
    assert [html(client, url) for url in urls] == pages


def withdraw(article):
    transition(article, S.WITHDRAWN, by=make_staff(Role.MANAGING_EDITOR), note="Gone.")


def reschedule(article):
    article.published_at = future(3)
    article.save()


def unpublish_issue(article):
    article.issue.published_at = None
    article.issue.save()


def back_to_draft_quietly(article):
    # An UPDATE with no signal: neither the index nor updated_at is told.
    Article.objects.filter(pk=article.pk).update(status=S.DRAFT)


def delete(article):
    article.delete()


@pytest.mark.parametrize(
    "remove",
    [withdraw, reschedule, unpublish_issue, back_to_draft_quietly, delete],
    ids=lambda f: f.__name__,
)
def test_a_result_taken_out_of_view_is_never_served_from_a_kept_page(
    client, found, remove
):
    leaving = found[0]
    assert "Turbine exports" in kept(client, URL)
    remove(leaving)
    page = html(client, URL)
    assert "Turbine exports" not in page
    assert "Turbine imports" in page


def rename_keyword(found):
    keyword = found[2]
    keyword.name_en = "wind energy"
    keyword.save()


def rename_section(found):
    section = found[3]
    section.name_en = "Power rubric"
    section.save()


def tag(found):
    found[1].keywords.add(make_keyword(name_en="hill farms"))


def retitle(found):
    found[1].title_en = "Turbine imports, revised"
    found[1].save()


def edit_body(found):
    part = found[1].sections.get()
    part.text_en = "A turbine on every ridge."
    part.save()


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (rename_keyword, "wind energy"),  # the keyword facet's label
        (rename_section, "Power rubric"),  # the section facet's label
        (tag, "hill farms"),  # a keyword the facet did not count
        (retitle, "Turbine imports, revised"),  # a row
        (edit_body, "<mark>turbine</mark> on every ridge"),  # a snippet
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_a_change_the_page_shows_reaches_the_kept_page(client, found, change, shown):
    assert shown not in kept(client, URL)
    change(found)
    assert shown in html(client, URL)


def test_a_page_with_knowledge_base_results_is_never_kept(client, found):
    kept(client, URL)
    event = make_event(title_en="Turbine summit", date=past(30).date())
    before = kept_keys()
    assert "Turbine summit" in html(client, URL)
    assert kept_keys() == before
    event.is_published = False
    event.save()
    assert "Turbine summit" not in html(client, URL)


def test_only_the_search_parameters_are_kept(client, found):
    kept(client, f"{URL}&type=article&page=1")
    before = kept_keys()
    html(client, f"{URL}&utm_source=feed")
    assert kept_keys() == before


def test_a_search_that_finds_nothing_is_not_kept(client, found):
    before = kept_keys()
    html(client, "/en/search/?q=turbne")  # "did you mean" looks further
    html(client, "/en/search/?q=zeppelin")
    assert kept_keys() == before


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: the result rows' query is compiled once only there",
)
def test_the_compiled_rows_query_answers_as_the_orm_does(found):
    leaving, staying, keyword, section = found
    make_article(issue=make_issue(number="4", published_at=None), title_en="Turbine")
    make_article(title_en="Turbine draft", status=S.DRAFT)
    make_article(title_en="Turbine soon", published_at=future(2))
    make_article(title_en="Turbine in Russian", original_language="ru")
    issue = leaving.issue
    choices = [
        {},
        {"year": issue.year},
        {"year": issue.year - 1},
        {"issue": issue.slug},
        {"section": section.pk},
        {"language": "ru"},
        {"keyword": keyword.slug},
        {"year": issue.year, "issue": issue.slug, "keyword": keyword.slug},
    ]
    ids = list(Article.objects.values_list("pk", flat=True))
    for filters in choices:
        names = tuple(sorted(filters))
        assert engine._compiled_rows(connection.alias, names) is not None, filters
        by_orm = engine._rows(engine._article_rows_query(filters, ids))
        assert sorted(engine._article_rows(filters, ids)) == sorted(by_orm), filters
    # The visibility rule at the request's time: what is scheduled is not a result.
    search = engine.Search(Query.parse("turbine")).run()
    titles = set(
        Article.objects.filter(pk__in=search.ids[Kind.ARTICLE]).values_list(
            "title_en", flat=True
        )
    )
    assert titles == {"Turbine exports", "Turbine imports", "Turbine in Russian"}
