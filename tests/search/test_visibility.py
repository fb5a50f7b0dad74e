"""Canaries: unpublished work is never found and never counted, on either database.

RELIABILITY.md row 2 (pkp-lib#8920: an empty query listing unpublished items;
janeway#4532: facet counts counting drafts).
"""

import pytest

from articles.models import Article
from relations.models import Agreement, Event
from tests.builders import CANARY
from tests.helpers import url_in

from .helpers import follow, search

pytestmark = pytest.mark.django_db

LANGS = ["ky", "ru", "en"]
QUERIES = [CANARY, CANARY.lower(), "", "*", "%", "\x00", "граница", "border", "чек ара"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("q", QUERIES, ids=repr)
def test_canaries_are_never_found(client, world, lang, q):
    page = search(client, lang, q=q)
    for canary in world.canaries:
        assert url_in(lang, canary) not in page.hits
    if CANARY in q.upper():
        # The page repeats the query; it must find and count nothing.
        assert page.hits == [] and page.total == 0 and page.facets == {}
    else:
        assert CANARY not in page.html


@pytest.mark.parametrize("lang", LANGS)
def test_empty_and_wildcard_queries_list_nothing(client, world, lang):
    for q in ("", "*", "%", "\x00", "&|!:*"):
        page = search(client, lang, q=q)
        assert page.hits == []
        assert page.facets == {}
        assert page.messages


def test_no_query_at_all_shows_the_form_only(client, world):
    response = client.get("/en/search/")
    assert response.status_code == 200
    page = search(client, "en")
    assert page.hits == [] and page.messages == []
    assert page.doc.find("input", id="search-q")


@pytest.mark.parametrize("q", ["граница", "border", "чек ара", "water agreement"])
def test_counts_are_the_public_counts(client, world, q):
    page = search(client, "en", q=q)
    assert page.total > 0
    public = {
        "article": Article.objects.public(),
        "event": Event.objects.published(),
        "agreement": Agreement.objects.published(),
    }
    hrefs = all_hits(client, page)
    for kind, queryset in public.items():
        found = [o for o in queryset if url_in("en", o) in hrefs]
        assert page.tabs[kind] == len(found)
    assert page.total == len(hrefs) == sum(page.tabs[k] for k in public)


@pytest.mark.parametrize("q", ["граница", "border", "чек ара"])
def test_every_facet_count_is_the_number_of_results_it_leads_to(client, world, q):
    page = search(client, "en", q=q)
    assert {"year", "keyword"} <= set(page.facets)
    for name, options in page.facets.items():
        assert options, name
        for option in options:
            narrowed = follow(client, "en", option.href)
            assert narrowed.total == option.count, (name, option.label)
            assert CANARY not in narrowed.html
    years = page.facets["year"]
    assert sum(o.count for o in years) == page.total


def test_facets_combine(client, world):
    page = search(client, "en", q="border")
    politics = next(o for o in page.facets["section"] if o.label == "Politics")
    narrowed = follow(client, "en", politics.href)
    year = next(o for o in narrowed.facets["year"] if o.label == "2023")
    both = follow(client, "en", year.href)
    assert both.total == year.count == 1
    assert both.hits == [url_in("en", world.title_hit)]
    assert "section=" in year.href and "year=2023" in year.href
    # The selected options are marked and link to their removal.
    selected = [o for o in both.facets["year"] if o.selected]
    assert [o.label for o in selected] == ["2023"]
    assert "year=" not in selected[0].href


def all_hits(client, page, lang="en"):
    """Hit links across every page of the results."""
    hrefs = list(page.hits)
    while True:
        following = page.doc.find_all("a", rel="next")
        if not following:
            return hrefs
        page = follow(client, lang, following[0].attrs["href"])
        hrefs += page.hits
