"""The search page runs a fixed number of queries, however many results there are.

Each URL is requested once before it is measured, so that per-process caches
(content types, translations) are warm, as on a running site.
"""

import pytest
from django.core.cache import cache

from tests.builders import make_article, make_journal, make_keyword, make_section
from tests.relations.builders import make_agreement, make_domain, make_event

pytestmark = pytest.mark.django_db

QUERIES = {
    # (The journal of the header and footer is kept by each worker: no query.)
    # matching documents with their ranks; results with their facet values
    # (sections joined): articles, events, agreements; snippets of the events and
    # agreements (the articles' are kept); the page's events and agreements (the
    # articles' rows are kept); keyword counts; domain counts.
    "results": 9,
    # the same, without the articles and agreements on the page or in the facets
    "events only": 8,
    # matching documents; results of each kind (the tabs count them all); keyword
    # counts: the page's rows and snippets are kept, and articles have no domains
    "articles only": 5,
    # matching documents (none); nearest words; then the corrected search
    "corrected": 11,
    # matching documents (none); nearest words (none found)
    "nothing": 2,
    # none: an empty query is a message, not a listing
    "empty": 0,
}
URLS = {
    "results": {"q": "tundra"},
    "events only": {"q": "tundra", "type": "event"},
    "articles only": {"q": "tundra", "type": "article"},
    "corrected": {"q": "tundre"},
    "nothing": {"q": "qqqqqqqq"},
    "empty": {"q": ""},
}


def populate(articles, entries):
    """Articles match by keyword; events and agreements by title, ranking first."""
    make_journal()
    keyword = make_keyword(name_en="tundra", name_ru="тундра", name_ky="тундра")
    domain = make_domain()
    sections = [make_section() for _ in range(3)]
    for i in range(articles):
        make_article(
            authors=2,
            keywords=[keyword, make_keyword()],
            section=sections[i % 3],
            title_en=f"Permafrost {i}",
        )
    for i in range(entries):
        make_event(title_en=f"Tundra event {i}", domains=[domain], keywords=[keyword])
        make_agreement(title_en=f"Tundra agreement {i}", domains=[domain])


@pytest.mark.parametrize(("articles", "entries"), [(2, 2), (40, 8)])
@pytest.mark.parametrize("case", list(QUERIES))
def test_search_query_count_does_not_grow(
    client, django_assert_num_queries, case, articles, entries
):
    populate(articles, entries)
    for lang in ("ky", "ru", "en"):
        url = f"/{lang}/search/"
        assert client.get(url, URLS[case]).status_code == 200
        with django_assert_num_queries(QUERIES[case]):
            response = client.get(url, URLS[case])
        assert response.status_code == 200


def test_the_big_case_really_has_many_results(client):
    populate(40, 8)
    response = client.get("/en/search/", {"q": "tundra"})
    assert response.context["total"] == 56
    hits = response.context["page"].hits
    assert {h.kind for h in hits} == {"article", "event", "agreement"}
    assert len(hits) == 20


@pytest.mark.parametrize(("articles", "entries"), [(2, 2), (40, 8)])
def test_search_query_count_with_nothing_kept_yet(
    client, django_assert_num_queries, articles, entries
):
    """A cold page: the articles' snippets are cut with the others' (same query),
    and their rows are rendered from two queries (articles, authors)."""
    populate(articles, entries)
    assert client.get("/en/search/", URLS["results"]).status_code == 200
    cache.clear()
    with django_assert_num_queries(QUERIES["results"] + 2):
        response = client.get("/en/search/", URLS["results"])
    assert response.status_code == 200
