"""Unpublished knowledge-base entries are shown on no page, in no language."""

import pytest

from tests.builders import CANARY, make_hidden_content, make_keyword
from tests.helpers import parse, url_in
from tests.relations.builders import (
    country,
    knowledge_base,
    make_agreement,
    make_event,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["ky", "ru", "en"]


@pytest.fixture
def kb():
    """The knowledge base plus every kind of hidden content, linked to every page."""
    kb = knowledge_base()
    hidden = make_hidden_content(
        kb.article.issue,
        keywords=[kb.keyword],
        domains=[kb.domain],
        entry_links={
            "countries": [kb.kg, kb.tj],
            "organizations": [kb.organization],
            "articles": [kb.article],
        },
    )
    kb.hidden_event = hidden.event
    kb.hidden_agreement = hidden.agreement
    kb.hidden_indicator = hidden.indicator
    kb.hidden_agreement.events.add(kb.summit)
    kb.treaty.events.add(kb.hidden_event)
    return kb


def pages(kb, lang):
    return {
        "home": url_in(lang, "relations:home"),
        "timeline": url_in(lang, "relations:timeline"),
        "event": url_in(lang, kb.summit),
        "agreements": url_in(lang, "relations:agreements"),
        "agreement": url_in(lang, kb.treaty),
        "domain": url_in(lang, kb.domain),
        "organization": url_in(lang, kb.organization),
        "pair": url_in(lang, "relations:pair", a="kg", b="tj"),
        "keyword": url_in(lang, kb.keyword),
        "article": url_in(lang, kb.article),
    }


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "page",
    [
        "home",
        "timeline",
        "event",
        "agreements",
        "agreement",
        "domain",
        "organization",
        "pair",
        "keyword",
        "article",
    ],
)
def test_unpublished_entries_appear_on_no_page(client, kb, lang, page):
    response = client.get(pages(kb, lang)[page])
    assert response.status_code == 200
    html = response.content.decode()
    assert CANARY not in html
    for hidden in (kb.hidden_event, kb.hidden_agreement, kb.hidden_indicator):
        assert url_in(lang, hidden) not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_published_entries_are_on_the_same_pages(client, kb, lang):
    """The counterpart of the test above: the same pages do show published entries."""
    for page in ("home", "timeline", "domain", "organization", "pair", "keyword"):
        html = client.get(pages(kb, lang)[page]).content.decode()
        assert url_in(lang, kb.summit) in html, page
    for page in ("agreements", "domain", "pair", "keyword", "article", "event"):
        html = client.get(pages(kb, lang)[page]).content.decode()
        assert url_in(lang, kb.treaty) in html, page
    for page in ("home", "domain", "pair"):
        html = client.get(pages(kb, lang)[page]).content.decode()
        assert url_in(lang, kb.indicator) in html, page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unpublished_entry_pages_are_404(client, kb, lang):
    for hidden in (kb.hidden_event, kb.hidden_agreement, kb.hidden_indicator):
        assert client.get(url_in(lang, hidden)).status_code == 404


def test_timeline_svg_draws_published_events_only(client, kb):
    doc = parse(client.get(url_in("en", "relations:timeline")))
    (svg,) = doc.find_all("svg")
    marks = [a.attrs["href"] for a in svg.find_all("a")]
    assert sorted(marks) == sorted([url_in("en", kb.summit), url_in("en", kb.visit)])
    assert svg.find("desc").text.startswith("2 events")


def test_filters_never_reveal_unpublished_events(client, kb):
    url = url_in("en", "relations:timeline")
    response = client.get(f"{url}?domain={kb.domain.slug}&country={kb.kg.slug}")
    assert CANARY not in response.content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_domain_counts_on_the_home_page_count_published_entries(client, kb, lang):
    make_event(domains=[kb.domain], is_published=False)
    doc = parse(client.get(url_in(lang, "relations:home")))
    count = doc.find("a", href=url_in(lang, kb.domain)).parent.find(
        "span", class_="count"
    )
    # 2 published events and 1 published agreement; the 2 draft events and the draft
    # agreement in the same domain are not counted.
    numbers = [
        int(word) for word in count.text.replace(",", " ").split() if word.isdigit()
    ]
    assert numbers == [2, 1]


def test_keyword_used_only_by_unpublished_entries_is_404(client):
    keyword = make_keyword(name_en="secret keyword")
    make_event(keywords=[keyword], is_published=False)
    make_agreement(keywords=[keyword], is_published=False)
    for lang in LANGUAGES:
        assert client.get(url_in(lang, keyword)).status_code == 404


def test_pair_of_countries_only_in_unpublished_events_is_not_listed(client):
    make_event(countries=[country("KZ"), country("UZ")], is_published=False)
    make_event(countries=[country("KG"), country("TJ")])
    doc = parse(client.get(url_in("en", "relations:home")))
    section = doc.find("section", **{"aria-labelledby": "pairs-heading"})
    assert [a.attrs["href"] for a in section.find_all("a")] == [
        url_in("en", "relations:pair", a="kg", b="tj")
    ]
