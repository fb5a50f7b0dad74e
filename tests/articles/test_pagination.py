"""Page numbers from the query string: a bad one is a 404, never a 500."""

import pytest
from django.conf import settings

from articles.views import KeywordIndexView
from tests.builders import make_article, make_keyword, past
from tests.helpers import parse, url_in

pytestmark = pytest.mark.django_db

BAD_PAGES = ["0", "-1", "99999", "abc", "1e9", "", "1.5", "9" * 5000]
BAD_IDS = [
    "zero",
    "negative",
    "too-far",
    "word",
    "float-notation",
    "empty",
    "decimal",
    "5000-digits",
]


def article_links(response, lang):
    main = parse(response).find("main")
    return [
        a.attrs["href"]
        for a in main.find_all("a")
        if a.attrs["href"].startswith(f"/{lang}/articles/")
    ]


@pytest.fixture
def tagged_articles():
    """One more public article than fits on a keyword page, newest first."""
    keyword = make_keyword()
    articles = [
        make_article(keywords=[keyword], authors=0, published_at=past(days=n + 1))
        for n in range(settings.PAGE_SIZE + 1)
    ]
    return keyword, articles


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_keyword_page_two_shows_the_rest(client, tagged_articles, lang):
    keyword, articles = tagged_articles
    url = url_in(lang, keyword)

    first = client.get(url)
    second = client.get(url, {"page": "2"})

    assert first.status_code == second.status_code == 200
    assert article_links(first, lang) == [
        url_in(lang, a) for a in articles[: settings.PAGE_SIZE]
    ]
    assert article_links(second, lang) == [url_in(lang, articles[-1])]
    assert parse(second).find("a", rel="prev").attrs["href"] == "?page=1"
    assert parse(first).find("a", rel="next").attrs["href"] == "?page=2"
    assert client.get(url, {"page": "3"}).status_code == 404


@pytest.mark.parametrize("page", BAD_PAGES, ids=BAD_IDS)
def test_keyword_page_rejects_bad_page_numbers(client, page):
    keyword = make_keyword()
    make_article(keywords=[keyword])
    response = client.get(url_in("en", keyword), {"page": page})
    assert response.status_code == 404


@pytest.fixture
def small_index_pages(monkeypatch):
    monkeypatch.setattr(KeywordIndexView, "page_size", 2)
    keywords = [
        make_keyword(name_ky=None, name_ru=None, name_en=name)
        for name in ("apple", "border", "cotton")
    ]
    make_article(keywords=keywords)
    return keywords


def keyword_links(response, lang):
    main = parse(response).find("main")
    return [
        a.attrs["href"]
        for a in main.find_all("a")
        if a.attrs["href"].startswith(f"/{lang}/keywords/")
    ]


def test_keyword_index_page_two_shows_the_rest(client, small_index_pages):
    apple, border, cotton = small_index_pages
    url = url_in("en", "articles:keywords")

    first = client.get(url)
    second = client.get(url, {"page": "2"})

    assert keyword_links(first, "en") == [url_in("en", apple), url_in("en", border)]
    assert keyword_links(second, "en") == [url_in("en", cotton)]
    assert client.get(url, {"page": "3"}).status_code == 404


@pytest.mark.parametrize("page", BAD_PAGES, ids=BAD_IDS)
def test_keyword_index_rejects_bad_page_numbers(client, small_index_pages, page):
    response = client.get(url_in("en", "articles:keywords"), {"page": page})
    assert response.status_code == 404


def test_keyword_index_without_keywords_is_an_empty_page(client):
    response = client.get(url_in("en", "articles:keywords"))
    assert response.status_code == 200
    assert keyword_links(response, "en") == []
