"""Hostile or odd input: a clear message or an empty result, never a 500.

RELIABILITY.md rows 17 (NUL bytes), 19 (pagination abuse), 21 (oversize input).
"""

import pytest

from search.text import MAX_QUERY_CHARS

from .helpers import read

pytestmark = pytest.mark.django_db

QUERIES = {
    "empty": "",
    "spaces": "   ",
    "one-megabyte": "граница " * 131_072,
    "one-megabyte-word": "ы" * 1_048_576,
    "nul": "\x00",
    "nul-inside": "гра\x00ница",
    "punctuation": "?!.,;:-—«»()[]{}",
    "tsquery-operators": "& | ! :*",
    "tsquery-syntax": "граница:* & !(вода | 'x') <-> y",
    "tsquery-weights": "border:AB & water:*D",
    "sql": "'; DROP TABLE search_searchdocument; --",
    "like-wildcards": "%_%",
    "backslashes": "\\\\ \\' \\",
    "long-word": "граница" * 40,
    "many-words": " ".join(f"сөз{i}" for i in range(500)),
    "control-and-bidi": "\x0b\x1f\u202eграница\u202c\u200b",
    "private-use-markers": "\ue000граница\ue001",
    "html": "<script>alert(1)</script>",
    "emoji": "🙂 граница 🚀",
    "digits": "2024",
    "fullwidth": "２０２４",
}


@pytest.mark.parametrize("q", list(QUERIES.values()), ids=list(QUERIES))
@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_bad_queries_answer_cleanly(client, world, q, lang):
    response = client.get(f"/{lang}/search/", {"q": q}, follow=True)
    assert response.status_code == 200
    assert all(len(url) < 2 * MAX_QUERY_CHARS * 9 for url, _ in response.redirect_chain)
    page = read(response)
    assert page.hits or page.messages or page.total == 0
    field = page.doc.find("input", id="search-q")
    assert len(field.attrs["value"]) <= MAX_QUERY_CHARS
    assert "<script>alert(1)" not in page.html


def test_a_capped_query_gets_a_short_url_says_so_and_still_searches(client, world):
    # Filters survive if they come before the long query (the first 4 KB are read).
    response = client.get("/ru/search/", {"type": "article", "q": "граница " * 500})
    assert response.status_code == 302
    assert response["Location"].startswith("/ru/search/?q=")
    assert "type=article" in response["Location"]
    page = read(client.get(response["Location"]))
    assert page.hits
    assert any(str(MAX_QUERY_CHARS) in m for m in page.messages)


def test_operators_are_words_not_syntax(client, world):
    plain = read(client.get("/ru/search/", {"q": "граница"}))
    fancy = read(client.get("/ru/search/", {"q": "!граница:* | &"}))
    assert fancy.hits == plain.hits


PAGES = ["0", "-1", "99999", "1e9", "abc", "", "9" * 5000, "last", "１２", "\x00", "2."]


@pytest.mark.parametrize("number", PAGES, ids=repr)
def test_bad_page_numbers_are_404(client, world, number):
    response = client.get("/en/search/", {"q": "border", "page": number})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"issue": "\x00"},
        {"section": "-1"},
        {"section": "1e9"},
        {"keyword": "a b"},
        {"domain": "%00"},
        {"language": "xx"},
        {"type": ["article", "event"]},
    ],
    ids=repr,
)
def test_bad_filters_are_ignored(client, world, params):
    plain = read(client.get("/en/search/", {"q": "border"}))
    response = client.get("/en/search/", {"q": "border", **params})
    assert response.status_code == 200
    assert read(response).total in (plain.total, plain.tabs.get("event"))


def test_words_beyond_the_eighth_are_left_out_with_a_notice(client, world):
    response = client.get("/ru/search/", {"q": "граница " + " ".join("абвгдежзи")})
    assert response.status_code == 200
    page = read(response)
    assert any(str(MAX_QUERY_CHARS) in m for m in page.messages)
