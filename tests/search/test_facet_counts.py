"""Facet counts against a count made independently of the search engine.

The results are read as a reader reads them (every hit link on every page); their
years, issues, sections, languages, keywords and domains are then counted from the
database objects themselves, and each facet must show exactly those counts. Hidden
content with the same words, keyword, section, issue and domain must count for
nothing.
"""

from collections import Counter
from datetime import date

import pytest
from django.utils import translation

from articles.languages import LANGUAGE_CHOICES
from articles.models import Article
from relations.models import Agreement, Event
from tests.builders import (
    make_article,
    make_hidden_content,
    make_issue,
    make_journal,
    make_keyword,
    make_section,
    past,
)
from tests.relations.builders import make_agreement, make_domain, make_event

from .helpers import search
from .test_visibility import all_hits

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    """27 public articles over three issues, three sections, three languages and
    four keywords, nine events and agreements over two domains, all matching
    "glacier"; then hidden content sharing every facet value."""
    make_journal()
    issues = [
        make_issue(year=2021, number="1", published_at=past(300)),
        make_issue(year=2022, number="3", published_at=past(200)),
        make_issue(year=2024, number="2", published_at=past(20)),
    ]
    sections = [make_section(name_en=f"Rubric {i}") for i in range(3)]
    keywords = [make_keyword(name_en=f"theme {i}") for i in range(4)]
    domains = [make_domain(name_en=f"Field {i}") for i in range(2)]
    for i in range(27):
        make_article(
            issue=issues[i % 3],
            section=sections[(i // 3) % 3],
            original_language=("ky", "ru", "en")[(i // 9) % 3],
            keywords=keywords[: 1 + i % 4],
            title_en=f"Glacier study {i}",
            title_ru=f"Ледник {i}",
            title_ky=f"Мөңгү {i}",
        )
    for i in range(9):
        make_event(
            title_en=f"Glacier summit {i}",
            date=date(2019 + i % 2, 5, 1),
            domains=domains[: 1 + i % 2],
            keywords=keywords[:1],
        )
        make_agreement(
            title_en=f"Glacier accord {i}",
            date=date(2022, 1, 1),
            domains=domains[1:],
        )
    make_hidden_content(
        issues[0],
        words=dict.fromkeys(("ky", "ru", "en"), "glacier"),
        keywords=keywords,
        section=sections[0],
        domains=domains,
    )
    return keywords


def counted(client, page):
    """Facet counts of the results, from the objects behind every hit link, with
    the labels of the English page."""
    with translation.override("en"):
        return _counted(client, page)


def _counted(client, page):
    slugs = {"article": [], "event": [], "agreement": []}
    for href in all_hits(client, page):
        kind = next(k for k in slugs if f"/{k}s/" in href)
        slugs[kind].append(href.rstrip("/").rsplit("/", 1)[-1])
    articles = list(Article.objects.filter(slug__in=slugs["article"]))
    entries = [
        *Event.objects.filter(slug__in=slugs["event"]),
        *Agreement.objects.filter(slug__in=slugs["agreement"]),
    ]
    assert len(articles) + len(entries) == sum(map(len, slugs.values()))
    tagged = [*articles, *entries]
    return {
        "year": Counter(
            [str(a.issue.year) for a in articles] + [str(e.date.year) for e in entries]
        ),
        "issue": Counter(a.issue.label() for a in articles),
        "section": Counter(a.section.name_en for a in articles),
        "language": Counter(
            str(dict(LANGUAGE_CHOICES)[a.original_language]) for a in articles
        ),
        "keyword": Counter(k.name_en for obj in tagged for k in obj.keywords.all()),
        "domain": Counter(d.name_en for e in entries for d in e.domains.all()),
    }


def shown(page):
    return {
        name: Counter({o.label: o.count for o in options})
        for name, options in page.facets.items()
    }


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"type": "article"},
        {"type": "event"},
        {"year": "2022"},
        {"section": "first"},
        {"language": "ru"},
    ],
    ids=["all", "articles", "events", "year", "section", "language"],
)
def test_facet_counts_are_those_of_the_results(client, corpus, params):
    if params.get("section") == "first":
        first = Article.objects.public().order_by("pk").first()
        params = {"section": str(first.section_id)}
    page = search(client, "en", q="glacier", **params)
    assert page.total > 0
    expected = counted(client, page)
    expected = {name: counts for name, counts in expected.items() if counts}
    assert shown(page) == expected
    assert sum(shown(page)["year"].values()) == page.tabs[params.get("type", "all")]


def test_the_expected_counts_are_not_trivial(client, corpus):
    """The corpus gives every facet several options with different counts."""
    page = search(client, "en", q="glacier")
    assert page.total == 27 + 9 + 9
    facets = shown(page)
    assert set(facets) == {"year", "issue", "section", "keyword", "domain", "language"}
    assert facets["keyword"]["theme 0"] == 27 + 9
    assert facets["keyword"]["theme 3"] == 6
    assert facets["domain"] == Counter({"Field 0": 9, "Field 1": 4 + 9})
