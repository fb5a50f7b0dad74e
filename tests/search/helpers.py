"""Reading the search page as a reader sees it: hits, counts, facets, messages."""

from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection

from tests.helpers import parse

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: full-text search, ts_headline and pg_trgm",
)
# The SQLite fallback: on PostgreSQL these tests are not collected (deselected in the
# root conftest), as PostgreSQL searches with full-text search instead.
needs_sqlite = pytest.mark.sqlite_only


def _count(element):
    return int(element.find("span", class_="count").text)


def read(response):
    """What the page shows: hit links in order, tab counts, facets, notices."""
    doc = parse(response)
    main = doc.find("main")
    results = main.find_all("ol", class_="search-results")
    hits = []
    snippets = []
    if results:
        for item in results[0].find_all("li", class_="search-hit"):
            hits.append(item.find("h3").find("a").attrs["href"])
            found = item.find_all("p", class_="snippet")
            snippets.append(found[0] if found else None)
    tabs = {}
    for nav in main.find_all("nav", class_="search-tabs"):
        for link in nav.find_all("a"):
            kind = parse_qs(urlsplit(link.attrs["href"]).query).get("type", ["all"])[0]
            tabs[kind] = _count(link)
    facets = {}
    for section in main.find_all("section", class_="facet"):
        name = section.attrs["aria-labelledby"].removeprefix("facet-")
        facets[name] = [
            SimpleNamespace(
                label=li.find("a").text,
                count=_count(li),
                href=li.find("a").attrs["href"],
                selected="aria-current" in li.find("a").attrs,
            )
            for li in section.find_all("li")
        ]
    messages = [
        p.text
        for p in main.find_all("p")
        if {"search-message", "search-notice", "search-correction"} & set(p.classes)
    ]
    return SimpleNamespace(
        doc=doc,
        hits=hits,
        snippets=snippets,
        total=tabs.get("all", 0),
        tabs=tabs,
        facets=facets,
        messages=messages,
        html=response.content.decode(),
    )


def search(client, lang="en", **params):
    """GET the search page in `lang` with `params`; the response must be a 200."""
    response = client.get(f"/{lang}/search/", params)
    assert response.status_code == 200, response.status_code
    return read(response)


def follow(client, lang, href):
    """GET a link of the search page (`?q=…&…`)."""
    response = client.get(f"/{lang}/search/{href}")
    assert response.status_code == 200
    return read(response)
