"""Each knowledge-base page runs a fixed number of queries, however much it shows.

Every page is requested once before it is measured, so that per-process caches
(content types, translations) are warm, as they are on a running site.
"""

from types import SimpleNamespace

import pytest

from tests.builders import make_article, make_journal, make_keyword
from tests.helpers import parse, url_in
from tests.relations.builders import (
    bulk_agreements,
    bulk_events,
    country,
    make_agreement,
    make_domain,
    make_event,
    make_indicator,
    make_organization,
    make_person,
)

pytestmark = pytest.mark.django_db

# The journal (header and footer) is kept by each worker: no query on a warm page.
# So are the timeline's chart on every page that draws it, and the home page's domain
# and country-pair counts, until content changes.
QUERIES = {
    # domains (their counts kept), latest events + their domains and countries (one
    # query), the countries of the pairs (kept), organizations, indicators
    "home": 6,
    # kept whole (articles/kept_pages.py): the domain, country and organization
    # choices and the version of its events; see RENDERED for a render
    "timeline": 4,
    # event, domains, countries, organizations, keywords, people, agreements,
    # public articles + authors
    "event": 9,
    # party and domain choices, count, agreements + countries, organizations, domains
    "agreements": 7,
    # agreement, countries, organizations, domains, keywords, events, public articles
    # + authors
    "agreement": 8,
    # domain, events + 1, agreements + 3, indicators, articles + authors
    "domain": 10,
    # organization + members, events + 1, agreements + 3, articles + authors
    "organization": 10,
    # the two countries, events + 1, agreements + 3, indicators, articles + authors
    "pair": 10,
    # indicator with its domain, countries, observations
    "indicator": 3,
}
# A filtered list also looks up the chosen domain and country by their slugs.
FILTERED = {
    "timeline": QUERIES["timeline"] + 2,
    "agreements": QUERIES["agreements"] + 2,
}
# The timeline rendered (kept pages off, or a fingerprint not kept yet): also the
# count and the page of events with their domains and countries (one query).
RENDERED = {"timeline": QUERIES["timeline"] + 3}


def populate(n):
    """Everything linked `n` times: events, agreements, articles, people, figures."""
    make_journal()
    kg, tj = country("KG"), country("TJ")
    water = make_domain(slug="water")
    sco = make_organization(slug="sco", members=[kg, tj])
    articles = [make_article(authors=2) for _ in range(n)]
    events = [
        make_event(
            countries=[kg, tj],
            domains=[water, make_domain()],
            organizations=[sco],
            keywords=[make_keyword() for _ in range(n)],
            articles=articles,
            people=[make_person(country=kg) for _ in range(n)],
        )
        for _ in range(n)
    ]
    agreements = [
        make_agreement(
            countries=[kg, tj],
            domains=[water],
            organizations=[sco],
            keywords=[make_keyword() for _ in range(n)],
            events=events,
            articles=articles,
        )
        for _ in range(n)
    ]
    indicator = make_indicator(
        observations=[(2000 + i, i) for i in range(n)],
        countries=[kg, tj],
        domain=water,
    )
    return SimpleNamespace(
        event=events[0],
        agreement=agreements[0],
        domain=water,
        organization=sco,
        indicator=indicator,
    )


def url_of(page, content, lang):
    return {
        "home": lambda: url_in(lang, "relations:home"),
        "timeline": lambda: url_in(lang, "relations:timeline"),
        "event": lambda: url_in(lang, content.event),
        "agreements": lambda: url_in(lang, "relations:agreements"),
        "agreement": lambda: url_in(lang, content.agreement),
        "domain": lambda: url_in(lang, content.domain),
        "organization": lambda: url_in(lang, content.organization),
        "pair": lambda: url_in(lang, "relations:pair", a="kg", b="tj"),
        "indicator": lambda: url_in(lang, content.indicator),
    }[page]()


def assert_queries(client, url, expected, django_assert_num_queries):
    assert client.get(url).status_code == 200
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("n", [1, 4])
@pytest.mark.parametrize("page", list(QUERIES))
def test_page_query_count_does_not_grow(client, django_assert_num_queries, page, n):
    content = populate(n)
    for lang in ("ky", "ru", "en"):
        url = url_of(page, content, lang)
        assert_queries(client, url, QUERIES[page], django_assert_num_queries)


def test_the_four_fold_case_shows_four_of_everything(client):
    """The n=4 case is not vacuous: the pages do show four articles, people, …"""
    content = populate(4)
    event = parse(client.get(url_in("en", content.event)))
    articles = event.find("section", **{"aria-labelledby": "articles-heading"})
    assert len(articles.find_all("h3")) == 4
    assert all(
        len(byline.find_all("span")) == 2
        for byline in articles.find_all("p", class_="byline")
    )
    assert len(event.find("ul", class_="inline").find_all("li")) == 4
    assert len(event.find("ul", class_="tag-list").find_all("li")) == 4
    domain = parse(client.get(url_in("en", content.domain)))
    assert len(domain.find_all("article", class_="event-item")) == 4
    rows = parse(client.get(url_in("en", content.indicator))).find("tbody")
    assert len(rows.find_all("tr")) == 4


@pytest.fixture
def water():
    """A domain with one agreement and one article, so every section is filled."""
    make_journal()
    domain = make_domain(slug="water")
    make_agreement(
        domains=[domain],
        countries=[country("KG"), country("TJ")],
        articles=[make_article()],
        organizations=[make_organization()],
    )
    return domain


@pytest.mark.parametrize("n", [10, 500])
@pytest.mark.parametrize("page", ["timeline", "home", "domain", "pair"])
def test_event_pages_cost_the_same_with_500_events(
    client, django_assert_num_queries, water, page, n
):
    bulk_events(n, domains=[water], countries=[country("KG"), country("TJ")])
    url = url_of(page, SimpleNamespace(domain=water), "en")
    response = assert_queries(client, url, QUERIES[page], django_assert_num_queries)
    doc = parse(response)
    assert len(doc.find_all("article", class_="event-item")) == min(
        n, {"timeline": 50, "home": 8}.get(page, 100)
    )
    (svg,) = doc.find_all("svg")
    assert len(svg.find_all("a")) == n


@pytest.mark.parametrize("n", [10, 500])
def test_timeline_rendered_afresh_costs_the_same_with_500_events(
    client, settings, django_assert_num_queries, water, n
):
    settings.KEPT_PAGES = False
    bulk_events(n, domains=[water], countries=[country("KG"), country("TJ")])
    url = url_in("en", "relations:timeline")
    response = assert_queries(
        client, url, RENDERED["timeline"], django_assert_num_queries
    )
    assert len(parse(response).find_all("article", class_="event-item")) == min(n, 50)


@pytest.mark.parametrize("n", [5, 200])
def test_registry_costs_the_same_with_200_agreements(
    client, django_assert_num_queries, water, n
):
    bulk_agreements(n, domains=[water], countries=[country("KG"), country("TJ")])
    url = url_in("en", "relations:agreements")
    response = assert_queries(
        client, url, QUERIES["agreements"], django_assert_num_queries
    )
    rows = parse(response).find("tbody").find_all("tr")
    assert len(rows) == min(n + 1, 50)  # with the fixture's agreement
    assert all("Kyrgyzstan, Tajikistan" in row.text for row in rows)
    filtered = f"{url}?domain=water&party=tajikistan&sort=status"
    response = assert_queries(
        client, filtered, FILTERED["agreements"], django_assert_num_queries
    )
    assert len(parse(response).find("tbody").find_all("tr")) == min(n + 1, 50)


@pytest.mark.parametrize("n", [10, 500])
def test_filtered_timeline_costs_the_same_with_500_events(
    client, django_assert_num_queries, water, n
):
    bulk_events(n, domains=[water], countries=[country("KG"), country("TJ")])
    bulk_events(n, countries=[country("KG")])
    url = url_in("en", "relations:timeline") + "?domain=water&country=tajikistan"
    response = assert_queries(
        client, url, FILTERED["timeline"], django_assert_num_queries
    )
    assert len(parse(response).find_all("article", class_="event-item")) == min(n, 50)
