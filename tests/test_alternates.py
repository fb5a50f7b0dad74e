"""Every public reader page names its ky, ru and en versions (hreflang alternates).

The page list is walked from the URLconf: a new page in the `articles`, `relations` or
`journalpages` namespace fails `test_every_public_page_is_covered` until this module
knows how to build its URL, so no page can ship without its alternates being checked.
"""

import pytest
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

from articles.models import Article
from tests.builders import make_article, past
from tests.helpers import parse, url_in
from tests.journalpages.builders import make_board_member, make_page
from tests.relations.builders import knowledge_base

LANGS = ["ky", "ru", "en"]
NAMESPACES = {"articles", "relations", "journalpages"}
HOST = "http://testserver"

# Not reader pages: editors' previews and file downloads (no HTML, no <head>).
EXCLUDED = {
    "articles:preview_article": "editors only, noindex",
    "articles:preview_issue": "editors only, noindex",
    "articles:galley": "PDF download",
    "articles:issue_cover": "image download",
    "journalpages:preview": "editors only, noindex",
}

# name: how to build its URL from the data set (kwargs, and an optional query).
PAGES = {
    "articles:home": lambda kb: {},
    "articles:archive": lambda kb: {},
    "articles:issue": lambda kb: {"slug": kb.article.issue.slug},
    "articles:article": lambda kb: {"slug": kb.article.slug},
    "articles:keywords": lambda kb: {},
    "articles:keyword": lambda kb: {"slug": kb.keyword.slug},
    "relations:home": lambda kb: {},
    "relations:timeline": lambda kb: {},
    "relations:event": lambda kb: {"slug": kb.summit.slug},
    "relations:agreements": lambda kb: {},
    "relations:agreement": lambda kb: {"slug": kb.treaty.slug},
    "relations:domain": lambda kb: {"slug": kb.domain.slug},
    "relations:organization": lambda kb: {"slug": kb.organization.slug},
    "relations:pair": lambda kb: {"a": "kg", "b": "tj"},
    "relations:indicator": lambda kb: {"slug": kb.indicator.slug},
    "journalpages:page": lambda kb: {"slug": kb.page.slug},
}

# Variants of the same pages that render differently.
VARIANTS = {
    "withdrawn article": ("articles:article", lambda kb: {"slug": kb.withdrawn.slug}),
    "event only in Russian": ("relations:event", lambda kb: {"slug": kb.visit.slug}),
}
QUERIES = {"filtered timeline": ("relations:timeline", "?kind=summit")}


def public_url_names():
    """Names of every URL pattern in NAMESPACES under the language prefix."""
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif namespace in NAMESPACES:
                assert pattern.name, f"unnamed pattern {pattern.pattern} in {namespace}"
                names.add(f"{namespace}:{pattern.name}")

    for top in get_resolver().url_patterns:
        if isinstance(top, URLResolver) and isinstance(
            top.pattern, LocalePrefixPattern
        ):
            walk(top.url_patterns, None)
    return names


@pytest.fixture
def kb(db):
    kb = knowledge_base()
    kb.article.keywords.add(kb.keyword)
    kb.withdrawn = make_article(
        issue=kb.article.issue,
        status=Article.Status.WITHDRAWN,
        withdrawn_at=past(),
        withdrawal_reason="Duplicate publication.",
    )
    kb.page = make_page(slug="editorial-board", shows_board=True)
    make_board_member()
    return kb


def test_every_public_page_is_covered():
    names = public_url_names()

    unknown = names - set(PAGES) - set(EXCLUDED)
    assert not unknown, (
        f"Public pages this test cannot build yet: {sorted(unknown)}. Add them to "
        "PAGES (with real objects) or, if they are not reader pages, to EXCLUDED."
    )
    assert not (set(PAGES) | set(EXCLUDED)) - names, "PAGES names a removed page"


CASES = {
    **{name: (name, build, "") for name, build in PAGES.items()},
    **{label: (name, build, "") for label, (name, build) in VARIANTS.items()},
    **{label: (name, PAGES[name], query) for label, (name, query) in QUERIES.items()},
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(CASES))
def test_page_has_its_language_and_hreflang_alternates(client, kb, case, lang):
    name, build, query = CASES[case]
    kwargs = build(kb)
    url = url_in(lang, name, **kwargs) + query

    response = client.get(url)

    assert response.status_code == 200, url
    doc = parse(response)
    assert doc.find("html").attrs["lang"] == lang
    alternates = {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in doc.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }
    assert set(alternates) - set(LANGS) <= {"x-default"}, alternates
    for code in LANGS:
        assert alternates.get(code) == f"{HOST}{url_in(code, name, **kwargs)}{query}"
