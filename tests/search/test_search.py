"""What readers find, in the three languages, on either database."""

import unicodedata

import pytest
from django.utils import timezone

from search.models import SearchDocument, SearchTerm
from tests.builders import make_article
from tests.helpers import parse, url_in

from .helpers import needs_postgresql, needs_sqlite, search

pytestmark = pytest.mark.django_db


def test_title_match_ranks_above_body_match(client, world):
    page = search(client, "ru", q="граница")
    title, body = url_in("ru", world.title_hit), url_in("ru", world.body_hit)
    assert title in page.hits and body in page.hits
    assert page.hits.index(title) < page.hits.index(body)


@pytest.mark.parametrize(
    ("q", "title"),
    [("ҮӨҢ", "Үөң чек арасы"), ("ГРАНИЦА", "граница и река"), ("үөң", "ҮӨҢ ЖАНА")],
)
def test_cyrillic_case_is_folded(client, db, q, title):
    article = make_article(title_ky=title, title_ru=title, title_en="Unrelated")
    page = search(client, "ky", q=q)
    assert page.hits == [url_in("ky", article)]


def test_nfd_query_finds_nfc_text(client, world):
    nfd = unicodedata.normalize("NFD", "Үлкөн Өзөн")
    assert search(client, "ky", q=nfd).hits == [url_in("ky", world.kyrgyz)]


def test_kyrgyz_letters_fold_both_ways(client, world):
    # Typed without the Kyrgyz letters, the query finds the text that has them…
    assert search(client, "ky", q="улкон озон").hits == [url_in("ky", world.kyrgyz)]
    # …and typed with them, it finds the text typed without them.
    page = search(client, "ky", q="Өзөн суусу жөнүндө")
    assert url_in("ky", world.unlettered) in page.hits


def test_kyrgyz_prefix_finds_suffixed_forms(client, world):
    page = search(client, "ky", q="мамиле")
    assert page.hits == [url_in("ky", world.kyrgyz)]
    assert search(client, "ky", q="мамилелерди").hits == [url_in("ky", world.kyrgyz)]


def test_all_words_must_match(client, world):
    assert search(client, "en", q="water agreement").hits == [
        url_in("en", world.english)
    ]
    assert search(client, "en", q="water nonexistentword").hits == []


def test_author_names_are_searched(client, world):
    author = world.english.authors()[0]
    page = search(client, "en", q=author.last_name_en)
    assert page.hits == [url_in("en", world.english)]
    cyrillic = search(client, "ru", q=author.last_name_ru.upper())
    assert cyrillic.hits == [url_in("ru", world.english)]


def test_keywords_events_and_agreements_are_searched(client, world):
    page = search(client, "en", q="border")
    assert set(page.hits) == {
        url_in("en", world.title_hit),
        url_in("en", world.event),
        url_in("en", world.agreement),
    }
    assert page.tabs == {"all": 3, "article": 1, "event": 1, "agreement": 1}
    only_events = search(client, "en", q="border", type="event")
    assert only_events.hits == [url_in("en", world.event)]
    assert only_events.tabs["all"] == 3


def test_results_are_a_list_with_headings_and_marked_snippets(client, world):
    page = search(client, "en", q="dispute")
    results = page.doc.find("ol", class_="search-results")
    assert results.find_all("h3")
    assert page.hits == [url_in("en", world.body_hit)]
    snippet = page.snippets[0]
    assert snippet.find("mark").text.lower() == "dispute"
    assert snippet.lang() == "en"


def test_a_snippet_in_another_language_says_so(client, world):
    page = search(client, "en", q="граница")
    body = page.hits.index(url_in("en", world.body_hit))
    snippet = page.snippets[body]
    assert snippet.attrs.get("lang") == "ru"
    assert "границ" in snippet.find("mark").text.lower()


def test_snippets_escape_what_the_text_contains(client, db):
    make_article(
        title_en="Escaping",
        abstract_en="The payload <img src=x onerror=alert(1)> & more words follow.",
    )
    page = search(client, "en", q="payload")
    snippet = page.snippets[0]
    assert snippet.find("mark").text == "payload"
    assert "<img src=x onerror=alert(1)>" in snippet.text  # shown as text…
    assert not snippet.find_all("img")  # …never as markup
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; more" in page.html


def test_query_is_kept_in_the_url_and_the_form(client, world):
    page = search(client, "en", q="border", type="article")
    field = page.doc.find("input", id="search-q")
    assert field.attrs["value"] == "border"
    label = page.doc.find("label", for_="search-q")
    assert label.text
    hidden = page.doc.find("input", type="hidden", name="type")
    assert hidden.attrs["value"] == "article"
    assert all("q=border" in tab for tab in _tab_links(page))


def _tab_links(page):
    tabs = page.doc.find("nav", class_="search-tabs")
    return [a.attrs["href"] for a in tabs.find_all("a")]


def test_header_has_a_labelled_search_box_for_the_page_language(client, world):
    for lang in ("ky", "ru", "en"):
        response = client.get(url_in(lang, world.title_hit))
        form = parse(response).find("form", class_="site-search")
        assert form.attrs["action"] == f"/{lang}/search/"
        assert form.attrs["method"] == "get"
        field = form.find("input", name="q")
        assert form.find("label", for_=field.attrs["id"]).text


def test_did_you_mean_shows_results_for_the_corrected_words(client, world):
    page = search(client, "ru", q="граныца")
    assert url_in("ru", world.title_hit) in page.hits
    assert any("граница" in m for m in page.messages)
    assert 'value="граныца"' in page.html


def test_no_suggestion_leads_to_unpublished_work(client, world):
    # "canary" occurs only in unpublished work: at most it waits in the lexicon for
    # the scheduled canary's publication time.
    page = search(client, "en", q="canarx")
    assert page.hits == []
    assert "canary" not in page.html.lower()
    assert not SearchTerm.objects.filter(
        word="canary", public_from__lte=timezone.now()
    ).exists()


def test_pages(client, db, settings):
    settings.PAGE_SIZE = 2
    articles = [make_article(title_en=f"Pagination {n}") for n in range(5)]
    first = search(client, "en", q="pagination")
    assert first.total == 5 and len(first.hits) == 2
    nxt = first.doc.find("a", rel="next").attrs["href"]
    assert "q=pagination" in nxt and "page=2" in nxt
    third = search(client, "en", q="pagination", page="3")
    assert len(third.hits) == 1
    seen = set(first.hits) | set(search(client, "en", q="pagination", page="2").hits)
    assert seen | set(third.hits) == {url_in("en", a) for a in articles}
    assert (
        client.get("/en/search/", {"q": "pagination", "page": "4"}).status_code == 404
    )


@needs_postgresql
@pytest.mark.parametrize(
    ("lang", "q", "target"),
    [
        ("ru", "границы", "title_hit"),
        ("ru", "государство", "title_hit"),
        ("en", "agreements", "english"),
        ("en", "signing", "english"),
        ("ky", "мамилелеринин", "kyrgyz"),
    ],
)
def test_each_language_is_stemmed(client, world, lang, q, target):
    assert url_in(lang, getattr(world, target)) in search(client, lang, q=q).hits


@needs_postgresql
def test_the_index_has_the_vectors_postgresql_needs(world):
    from django.db import connection

    from search.indexing import flush

    flush()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_searchdocument"
            " WHERE head IS NULL OR vector IS NULL"
        )
        assert cursor.fetchone()[0] == 0
    assert SearchDocument.objects.count() > 0


@needs_sqlite
def test_sqlite_fallback_matches_substrings_of_folded_text(client, world):
    # No stemmer: a stem that is part of the word is enough.
    page = search(client, "ru", q="границы")
    assert url_in("ru", world.title_hit) in page.hits
    assert url_in("ru", world.body_hit) in page.hits
