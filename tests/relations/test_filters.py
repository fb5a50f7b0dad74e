"""Timeline and registry filters: they combine, live in the URL, and fail gently."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache

from tests.helpers import parse, url_in
from tests.relations.builders import (
    country,
    make_agreement,
    make_domain,
    make_event,
    make_organization,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["ky", "ru", "en"]
BAD_VALUE_MESSAGE = "Some filter values are not valid, so nothing is shown."


@pytest.fixture
def timeline():
    water = make_domain(slug="water", name_en="Water")
    border = make_domain(slug="border", name_en="Border")
    kg, tj, uz = country("KG"), country("TJ"), country("UZ")
    sco = make_organization(slug="sco")
    events = {
        "water-kg-tj-2005": make_event(
            title_en="Water KG-TJ 2005",
            date=date(2005, 3, 1),
            domains=[water],
            countries=[kg, tj],
            organizations=[sco],
        ),
        "water-kg-uz-2008": make_event(
            title_en="Water KG-UZ 2008",
            date=date(2008, 1, 1),
            date_precision="year",
            domains=[water],
            countries=[kg, uz],
        ),
        "border-kg-tj-2008": make_event(
            title_en="Border KG-TJ 2008",
            date=date(2008, 6, 1),
            domains=[border],
            countries=[kg, tj],
            kind="incident",
        ),
        "water-kg-tj-2015": make_event(
            title_en="Water KG-TJ 2015",
            date=date(2015, 9, 1),
            date_precision="month",
            domains=[water, border],
            countries=[kg, tj],
            kind="summit",
        ),
    }
    return events


def titles(response):
    doc = parse(response)
    return {
        item.find("a").text for item in doc.find_all("article", class_="event-item")
    }


def timeline_url(lang="en", query=""):
    return url_in(lang, "relations:timeline") + (f"?{query}" if query else "")


@pytest.mark.parametrize(
    "query, expected",
    [
        (
            "",
            {
                "Water KG-TJ 2005",
                "Water KG-UZ 2008",
                "Border KG-TJ 2008",
                "Water KG-TJ 2015",
            },
        ),
        ("domain=water", {"Water KG-TJ 2005", "Water KG-UZ 2008", "Water KG-TJ 2015"}),
        ("domain=water&country=tajikistan", {"Water KG-TJ 2005", "Water KG-TJ 2015"}),
        (
            "domain=water&country=tajikistan&year_from=2004&year_to=2010",
            {"Water KG-TJ 2005"},
        ),
        (
            "country=kyrgyzstan&year_from=2008&year_to=2008",
            {"Water KG-UZ 2008", "Border KG-TJ 2008"},
        ),
        ("year_from=2009", {"Water KG-TJ 2015"}),
        ("year_to=2005", {"Water KG-TJ 2005"}),
        ("kind=incident", {"Border KG-TJ 2008"}),
        ("organization=sco", {"Water KG-TJ 2005"}),
        ("domain=border&kind=summit", {"Water KG-TJ 2015"}),
        ("domain=border&country=uzbekistan", set()),
        (
            "domain=&country=&year_from=",
            {
                "Water KG-TJ 2005",
                "Water KG-UZ 2008",
                "Border KG-TJ 2008",
                "Water KG-TJ 2015",
            },
        ),
    ],
)
def test_timeline_filters_combine(client, timeline, query, expected):
    response = client.get(timeline_url("en", query))
    assert response.status_code == 200
    assert titles(response) == expected
    count = parse(response).find("main").find("p", class_="meta").text
    assert count.startswith(f"{len(expected)} event")
    assert BAD_VALUE_MESSAGE not in response.content.decode()


def test_an_event_in_two_matching_domains_is_listed_once(client, timeline):
    response = client.get(timeline_url("en", "domain=border&year_from=2015"))
    items = parse(response).find_all("article", class_="event-item")
    assert len(items) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_filter_form_shows_the_chosen_values(client, timeline, lang):
    query = "domain=water&country=tajikistan&year_from=2004&year_to=2010&kind=visit"
    doc = parse(client.get(timeline_url(lang, query)))
    form = doc.find("form", class_="filters")
    assert form.attrs["method"] == "get"
    selected = {
        select.attrs["name"]: select.find("option", selected="").attrs["value"]
        for select in form.find_all("select")
    }
    assert selected == {
        "domain": "water",
        "country": "tajikistan",
        "organization": "",
        "kind": "visit",
    }
    assert form.find("input", name="year_from").attrs["value"] == "2004"
    assert form.find("input", name="year_to").attrs["value"] == "2010"


def test_each_query_shows_its_own_chosen_values_and_errors(client, timeline):
    """The rendered filters are kept per query: one never shows another's values."""

    def shown(query):
        form = parse(client.get(timeline_url("en", query))).find(
            "form", class_="filters"
        )
        kind = form.find("select", name="kind")
        return kind.find("option", selected="").attrs["value"], form.find_all(
            class_="field-error"
        ) != []

    for _ in range(2):  # the second time from the kept pieces
        assert shown("kind=visit") == ("visit", False)
        assert shown("kind=summit") == ("summit", False)
        assert shown("kind=summit&year_from=abc") == ("summit", True)
        assert shown("kind=summit&utm_source=x") == ("summit", False)
        assert shown("year_from=abc&kind=summit") == ("summit", True)
        assert shown("") == ("", False)


def test_the_next_page_link_keeps_the_filters(client):
    water = make_domain(slug="water")
    for i in range(51):
        make_event(title_en=f"Water event {i}", domains=[water])
    make_event(title_en="Not water")
    response = client.get(timeline_url("en", "domain=water"))
    link = parse(response).find("a", rel="next").attrs["href"]
    query = parse_qs(urlsplit(link).query)
    assert query == {"domain": ["water"], "page": ["2"]}
    second = client.get(timeline_url("en") + link)
    assert len(titles(second)) == 1
    assert "Not water" not in titles(second) | titles(response)


BAD_TIMELINE_QUERIES = [
    "domain=no-such-domain",
    "country=atlantis",
    "organization=nato",
    "year_from=abc",
    "year_from=2010&year_to=2000",
    "year_to=99999",
    "kind=xyz",
    "domain=%00",
    "country=kyrgyzstan%00",
    "year_from=20%0005",
    "kind=visit%00",
]


@pytest.mark.parametrize("query", BAD_TIMELINE_QUERIES)
def test_bad_timeline_filter_gives_a_message_and_no_events(client, timeline, query):
    response = client.get(timeline_url("en", query))
    assert response.status_code == 200
    doc = parse(response)
    assert BAD_VALUE_MESSAGE in doc.find("p", role="status").text
    assert titles(response) == set()
    assert "No events match these filters." in doc.find("main").text
    assert not doc.find_all("svg")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reversed_years_are_explained_in_the_page_language(client, timeline, lang):
    response = client.get(timeline_url(lang, "year_from=2010&year_to=2000"))
    doc = parse(response)
    alert = doc.find("div", class_="form-errors")
    assert alert.attrs["role"] == "alert"
    assert alert.text
    assert doc.find("p", role="status").text
    assert titles(response) == set()


@pytest.mark.parametrize("page", ["0", "abc", "", "99", "-1"])
def test_bad_page_number_is_404(client, timeline, page):
    assert client.get(timeline_url("en", f"page={page}")).status_code == 404
    registry = url_in("en", "relations:agreements")
    assert client.get(f"{registry}?page={page}").status_code == 404


# --- the agreements registry ---


@pytest.fixture
def registry():
    water = make_domain(slug="water")
    kg, tj, kz = country("KG"), country("TJ"), country("KZ")
    return {
        "treaty": make_agreement(
            title_en="Treaty KG-TJ 2000",
            kind="treaty",
            status="in_force",
            date=date(2000, 5, 1),
            countries=[kg, tj],
            domains=[water],
        ),
        "protocol": make_agreement(
            title_en="Protocol KG-KZ 2010",
            kind="protocol",
            status="expired",
            date=date(2010, 2, 1),
            countries=[kg, kz],
        ),
        "memo": make_agreement(
            title_en="Memorandum TJ-KZ 2005",
            kind="memorandum",
            status="signed",
            date=date(2005, 7, 1),
            countries=[tj, kz],
            domains=[water],
        ),
    }


def registry_titles(response):
    return [
        row.find_all("td")[1].text
        for row in parse(response).find("tbody").find_all("tr")
        if len(row.find_all("td")) > 1
    ]


def registry_url(query, lang="en"):
    return f"{url_in(lang, 'relations:agreements')}?{query}"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Protocol KG-KZ 2010", "Memorandum TJ-KZ 2005", "Treaty KG-TJ 2000"]),
        ("kind=treaty", ["Treaty KG-TJ 2000"]),
        ("status=expired", ["Protocol KG-KZ 2010"]),
        ("party=tajikistan", ["Memorandum TJ-KZ 2005", "Treaty KG-TJ 2000"]),
        ("domain=water", ["Memorandum TJ-KZ 2005", "Treaty KG-TJ 2000"]),
        ("year=2005", ["Memorandum TJ-KZ 2005"]),
        ("party=kazakhstan&domain=water", ["Memorandum TJ-KZ 2005"]),
        ("party=kyrgyzstan&status=signed", []),
        (
            "sort=date",
            ["Treaty KG-TJ 2000", "Memorandum TJ-KZ 2005", "Protocol KG-KZ 2010"],
        ),
        (
            "sort=-date",
            ["Protocol KG-KZ 2010", "Memorandum TJ-KZ 2005", "Treaty KG-TJ 2000"],
        ),
        # statuses and kinds sort by their stable slugs
        (
            "sort=status",
            ["Protocol KG-KZ 2010", "Treaty KG-TJ 2000", "Memorandum TJ-KZ 2005"],
        ),
        (
            "sort=kind",
            ["Memorandum TJ-KZ 2005", "Protocol KG-KZ 2010", "Treaty KG-TJ 2000"],
        ),
        ("party=kyrgyzstan&sort=date", ["Treaty KG-TJ 2000", "Protocol KG-KZ 2010"]),
    ],
)
def test_registry_filters_and_sorts(client, registry, query, expected):
    response = client.get(registry_url(query))
    assert response.status_code == 200
    assert registry_titles(response) == expected
    assert BAD_VALUE_MESSAGE not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "sort=title",
        "sort=%00",
        "kind=contract",
        "status=pending",
        "party=atlantis",
        "party=%00",
        "domain=nope",
        "year=abc",
        "year=20%0005",
    ],
)
def test_bad_registry_value_gives_a_message_and_no_rows(client, registry, query):
    response = client.get(registry_url(query))
    assert response.status_code == 200
    doc = parse(response)
    assert BAD_VALUE_MESSAGE in doc.find("p", role="status").text
    assert registry_titles(response) == []
    assert "No agreements match these filters." in doc.find("tbody").text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_registry_form_keeps_the_chosen_values(client, registry, lang):
    doc = parse(client.get(registry_url("party=tajikistan&sort=date", lang)))
    form = doc.find("form", class_="filters")
    assert (
        form.find("select", name="party").find("option", selected="").attrs["value"]
        == "tajikistan"
    )
    assert (
        form.find("select", name="sort").find("option", selected="").attrs["value"]
        == "date"
    )


def test_parameters_other_than_the_filters_draw_no_new_timeline(client, timeline):
    """The drawn timeline is kept per filter values: other parameters of the address
    (a tracker's, a crawler's) neither draw it again nor fill the cache with copies."""

    def drawn():
        return {key for key in cache._cache if ":kept:timeline-svg:" in key}

    client.get(timeline_url("en", "kind=visit"))
    first = drawn()
    assert first
    for junk in ("utm_source=feed", "fbclid=abc", "ref=1&ref=2"):
        assert client.get(timeline_url("en", f"kind=visit&{junk}")).status_code == 200
    assert drawn() == first
    client.get(timeline_url("en", "kind=summit"))
    assert len(drawn()) == len(first) + 1
