"""Sitemaps, canonical links, hreflang sets and og:url tell search engines one story.

Checked as a crawler reads them: each sitemap section is valid against sitemaps.org's
sitemap.xsd; every listed URL, fetched, names itself as canonical (and as og:url
where it has one) and gives in its head exactly the hreflang set (x-default
included) the sitemap gives it; an article page whose title and abstract fall back
to another language is a duplicate, named canonical by no one and listed nowhere.
"""

from urllib.parse import urlsplit

import pytest
from lxml import etree

from interop.sitemaps import SITEMAPS
from journalpages.models import Page
from tests.builders import add_galley, make_article
from tests.helpers import parse, url_in
from tests.journalpages.builders import make_page
from tests.relations.builders import knowledge_base

from .schemas import assert_valid, sitemap_schema
from .test_sitemaps import HOST, add_canaries, read_section, read_sitemaps

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    kb = knowledge_base()
    kb.hidden = add_canaries(kb)
    kb.article.keywords.add(kb.keyword)
    issue = kb.article.issue
    # Russian original, no Kyrgyz title or abstract: the Kyrgyz page falls back.
    kb.no_ky = make_article(
        issue=issue, original_language="ru", title_ky="", abstract_ky=""
    )
    # English original; Kyrgyz title without its abstract; a Russian PDF only.
    kb.pdf_only = make_article(
        issue=issue,
        original_language="en",
        abstract_ky="",
        title_ru="",
        abstract_ru="",
    )
    add_galley(kb.pdf_only, "ru", name="ru.pdf")
    # A journal page, and one that falls back: Kyrgyz and Russian empty.
    kb.about = make_page(slug="about")
    kb.contacts = make_page(
        slug="contacts", title_ky="", body_ky="", title_ru="", body_ru=""
    )
    return kb


def all_entries(client):
    entries = {}
    for section in read_sitemaps(client).values():
        entries.update(section)
    return entries


def head_links(response):
    head = parse(response).find("head")
    canonical = [link.attrs["href"] for link in head.find_all("link", rel="canonical")]
    og_url = [m.attrs["content"] for m in head.find_all("meta", property="og:url")]
    hreflang = {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in head.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }
    return canonical, og_url, hreflang


def test_every_section_and_the_index_are_valid_sitemaps(client, world):
    schema = sitemap_schema()
    listed = set(read_sitemaps(client))
    assert listed == set(SITEMAPS)
    for name in listed:
        response = client.get(f"/sitemap-{name}.xml")
        assert_valid(schema, response.content)
    # sitemap.xsd has no <sitemapindex> (siteindex.xsd is not packaged): the index
    # is checked for its shape by test_sitemaps; here that it is well-formed XML.
    etree.fromstring(client.get("/sitemap.xml").content)


def test_an_empty_section_is_neither_listed_nor_served(client, world):
    # A journal without pages yet: sitemap.xsd has no empty <urlset>.
    Page.objects.all().delete()

    assert set(read_sitemaps(client)) == set(SITEMAPS) - {"pages"}
    assert client.get("/sitemap-pages.xml").status_code == 404


def test_every_listed_page_is_its_own_canonical_with_the_sitemaps_hreflang(
    client, world
):
    entries = all_entries(client)
    assert len(entries) > 50

    for loc, entry in entries.items():
        response = client.get(urlsplit(loc).path)
        assert response.status_code == 200, loc
        canonical, og_url, hreflang = head_links(response)
        assert canonical == [loc], loc
        assert og_url in ([], [loc]), loc
        assert hreflang == entry["alternates"], loc


def test_article_pages_are_listed_where_they_are_versions_of_their_own(client, world):
    articles = read_section(client, "/sitemap-articles.xml")

    def listed(article):
        return {
            code
            for code in ("ky", "ru", "en")
            if f"{HOST}{url_in(code, article)}" in articles
        }

    assert listed(world.article) == {"ky", "ru", "en"}
    assert listed(world.no_ky) == {"ru", "en"}
    # English: the language of record; Russian: its PDF; Kyrgyz: no abstract.
    assert listed(world.pdf_only) == {"ru", "en"}
    # x-default only where the default language (ky) is one of the versions.
    entry = articles[f"{HOST}{url_in('ru', world.no_ky)}"]
    assert set(entry["alternates"]) == {"ru", "en"}
    assert "x-default" in articles[f"{HOST}{url_in('ru', world.article)}"]["alternates"]


@pytest.mark.parametrize(
    "name, lang, shown",
    [("no_ky", "ky", "ru"), ("pdf_only", "ky", "en")],
)
def test_a_fallback_page_names_a_listed_page_as_canonical(
    client, world, name, lang, shown
):
    article = getattr(world, name)
    listed = read_section(client, "/sitemap-articles.xml")

    canonical, og_url, hreflang = head_links(client.get(url_in(lang, article)))

    assert f"{HOST}{url_in(lang, article)}" not in listed
    assert canonical == og_url == [f"{HOST}{url_in(shown, article)}"]
    assert canonical[0] in listed
    assert hreflang == {}
