"""Sitemaps and robots.txt: every public page in ky, ru and en, nothing else.

The index and each section are parsed as XML; every <loc> is fetched; canaries
(every kind of hidden content of tests.builders.make_hidden_content, a keyword only
drafts use) never appear, except the withdrawn article's tombstone page.
"""

from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree
from django.utils import timezone
from freezegun import freeze_time

from articles.models import Article, Issue
from interop.sitemaps import SITEMAPS
from relations.models import Agreement, Domain, Event, Indicator, Organization
from tests.builders import (
    make_article,
    make_hidden_content,
    make_issue,
    make_keyword,
    past,
)
from tests.helpers import url_in
from tests.journalpages.builders import make_page
from tests.relations.builders import (
    country,
    knowledge_base,
    make_agreement,
    make_domain,
    make_event,
    make_indicator,
    make_organization,
)

pytestmark = pytest.mark.django_db

LANGS = ["ky", "ru", "en"]
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
S = Article.Status
HOST = "http://testserver"
CANARY_PAGE = "CANARY unpublished journal page"

# Queries per section, and for the index (all sections once): flat in the data size.
SECTION_QUERIES = {
    "static": 2,  # newest public article, newest public issue
    "pages": 1,  # the journal's own published pages
    "issues": 1,
    "articles": 1,  # public and withdrawn, with their issues
    "keywords": 1,  # keywords with public content, newest public article each
    "events": 1,
    "agreements": 1,
    "domains": 1,
    "organizations": 1,
    "indicators": 1,
    "countries": 1,  # the countries (the pairs are kept until content changes)
}
INDEX_QUERIES = sum(SECTION_QUERIES.values())


def titled(text):
    return {f"title_{code}": text for code in LANGS}


def add_canaries(kb):
    """Every kind of hidden content, linked to the knowledge base's domain."""
    return make_hidden_content(kb.article.issue, domains=[kb.domain])


@pytest.fixture
def world(db):
    kb = knowledge_base()
    kb.hidden = add_canaries(kb)
    kb.secret_keyword = kb.hidden.keyword
    kb.withdrawn = kb.hidden.withdrawn
    kb.article.keywords.add(kb.keyword)
    kb.tombstones = Article.objects.tombstones()
    kb.page = make_page(slug="about")
    kb.draft_page = make_page(
        slug="canary-page", is_published=False, **titled(CANARY_PAGE)
    )
    return kb


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def read_section(client, url):
    """{loc: {"lastmod": str or None, "alternates": {hreflang: href}}}."""
    entries = {}
    for url_el in parse(client.get(url)).findall("sm:url", NS):
        loc = url_el.findtext("sm:loc", namespaces=NS)
        assert loc not in entries, f"{loc} listed twice"
        entries[loc] = {
            "lastmod": url_el.findtext("sm:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url_el.findall("xhtml:link", NS)
                if link.get("rel") == "alternate"
            },
        }
    return entries


def read_sitemaps(client):
    """{section: entries} for every section the index lists."""
    index = parse(client.get("/sitemap.xml"))
    sections = {}
    for sitemap in index.findall("sm:sitemap", NS):
        loc = sitemap.findtext("sm:loc", namespaces=NS)
        assert loc.startswith(f"{HOST}/sitemap-"), loc
        name = loc.removeprefix(f"{HOST}/sitemap-").removesuffix(".xml")
        sections[name] = read_section(client, urlsplit(loc).path)
    return sections


def locs_of(objects):
    return {f"{HOST}{url_in(lang, obj)}" for obj in objects for lang in LANGS}


def test_index_lists_every_section_and_every_loc_is_a_live_page(client, world):
    sections = read_sitemaps(client)

    assert set(sections) == set(SITEMAPS)
    for name, entries in sections.items():
        assert entries, f"section {name} is empty"
        for loc in entries:
            assert loc.startswith(f"{HOST}/"), loc
            response = client.get(urlsplit(loc).path)
            assert response.status_code == 200, loc


def test_every_url_has_its_three_languages_and_an_x_default(client, world):
    for entries in read_sitemaps(client).values():
        for loc, entry in entries.items():
            alternates = entry["alternates"]
            assert set(alternates) == {"ky", "ru", "en", "x-default"}, loc
            assert loc in alternates.values()
            path = urlsplit(alternates["ky"]).path
            for code in LANGS:
                assert alternates[code] == f"{HOST}/{code}/{path[4:]}"
            # x-default is the unprefixed URL: it sends readers to their language.
            response = client.get(
                urlsplit(alternates["x-default"]).path, HTTP_ACCEPT_LANGUAGE="ru"
            )
            assert response.status_code == 302
            assert response["Location"] == urlsplit(alternates["ru"]).path


def test_sections_list_exactly_what_readers_may_see(client, world):
    sections = read_sitemaps(client)

    public = Article.objects.public() | Article.objects.tombstones()
    assert set(sections["articles"]) == locs_of(public)
    assert {world.article, world.withdrawn} == set(public)
    assert set(sections["issues"]) == locs_of(Issue.objects.public())
    assert set(sections["events"]) == locs_of(Event.objects.published())
    assert set(sections["agreements"]) == locs_of(Agreement.objects.published())
    assert set(sections["indicators"]) == locs_of(Indicator.objects.published())
    assert set(sections["domains"]) == locs_of(Domain.objects.all())
    assert set(sections["organizations"]) == locs_of(Organization.objects.all())
    assert set(sections["keywords"]) == locs_of([world.keyword])
    assert set(sections["pages"]) == locs_of([world.page])
    assert set(sections["countries"]) == {
        f"{HOST}/{code}/relations/countries/kg/tj/" for code in LANGS
    }
    assert set(sections["static"]) == {
        f"{HOST}/{code}/{page}"
        for code in LANGS
        for page in [
            "",
            "issues/",
            "keywords/",
            "relations/",
            "relations/timeline/",
            "relations/agreements/",
        ]
    }


def test_canaries_are_absent_everywhere(client, world):
    body = b"".join(
        client.get(url).content
        for url in ["/sitemap.xml", *(f"/sitemap-{name}.xml" for name in SITEMAPS)]
    )

    # A withdrawn article keeps its page (a tombstone), so its URL is listed.
    tombstone = world.withdrawn.slug.encode()
    assert tombstone in body
    assert b"canary" not in body.lower().replace(tombstone, b"")
    assert world.secret_keyword.slug.encode() not in body
    assert world.draft.slug.encode() not in body


def test_a_keyword_used_only_by_drafts_appears_once_an_article_is_public(client, world):
    make_article(issue=world.article.issue, keywords=[world.secret_keyword])

    keywords = read_section(client, "/sitemap-keywords.xml")

    assert set(keywords) == locs_of([world.keyword, world.secret_keyword])


def test_a_keyword_of_a_published_event_only_is_listed(client, world):
    make_event(keywords=[kw := make_keyword(name_en="border")])

    assert locs_of([kw]) <= set(read_section(client, "/sitemap-keywords.xml"))


def test_scheduled_articles_appear_at_their_time_without_any_job(client, world):
    hidden = world.hidden
    urls = {
        f"{HOST}{url_in('en', a)}"
        for a in (hidden.scheduled, hidden.in_scheduled_issue)
    }

    assert not urls & set(read_section(client, "/sitemap-articles.xml"))
    with freeze_time(hidden.when + timedelta(seconds=1)):
        assert urls <= set(read_section(client, "/sitemap-articles.xml"))


def test_lastmod_of_articles_issues_and_the_index(client, world):
    articles = read_section(client, "/sitemap-articles.xml")
    issues = read_section(client, "/sitemap-issues.xml")
    index = parse(client.get("/sitemap.xml"))

    article = Article.objects.get(pk=world.article.pk)
    day = timezone.localdate(article.updated_at).isoformat()
    assert articles[f"{HOST}{url_in('ru', article)}"]["lastmod"] == day
    issue = article.issue
    issue_day = timezone.localdate(issue.published_at).isoformat()
    assert issues[f"{HOST}{url_in('ky', issue)}"]["lastmod"] == issue_day
    index_lastmod = {
        el.findtext("sm:loc", namespaces=NS): el.findtext("sm:lastmod", namespaces=NS)
        for el in index.findall("sm:sitemap", NS)
    }
    # Every other time of these articles is in the past; their last save is newest.
    newest = max(a.updated_at for a in Article.objects.public() | world.tombstones)
    assert index_lastmod[f"{HOST}/sitemap-articles.xml"] == (
        timezone.localtime(newest).isoformat()
    )
    assert index_lastmod[f"{HOST}/sitemap-issues.xml"] == (
        timezone.localtime(issue.published_at).isoformat()
    )


def test_event_lastmod_is_its_newest_public_article_never_a_draft(client, world):
    events = read_section(client, "/sitemap-events.xml")

    summit = events[f"{HOST}{url_in('en', world.summit)}"]["lastmod"]
    since = max(world.article.published_at, world.article.issue.published_at)
    assert summit == timezone.localdate(since).isoformat()
    visit = events[f"{HOST}{url_in('en', world.visit)}"]["lastmod"]
    assert visit == "1992-01-01"


def test_urls_follow_the_requests_scheme_and_host(client, world, settings):
    settings.ALLOWED_HOSTS = ["journal.example.kg"]
    headers = {"HTTP_HOST": "journal.example.kg", "secure": True}

    index = parse(client.get("/sitemap.xml", **headers))
    section = parse(client.get("/sitemap-articles.xml", **headers))

    locs = [el.text for el in index.iter(f"{{{NS['sm']}}}loc")]
    locs += [el.text for el in section.iter(f"{{{NS['sm']}}}loc")]
    hrefs = [el.get("href") for el in section.iter(f"{{{NS['xhtml']}}}link")]
    assert locs and hrefs
    assert all(u.startswith("https://journal.example.kg/") for u in locs + hrefs)


def test_unknown_section_and_page_are_404(client, world):
    assert client.get("/sitemap-drafts.xml").status_code == 404
    assert client.get("/sitemap-articles.xml?p=2").status_code == 404
    assert client.get("/sitemap-articles.xml?p=x").status_code == 404


@pytest.mark.parametrize(
    "hostile", ["\x0b", "\x1f", "\ufffe", "\u202e", "]]>", "<script>x</script>"]
)
def test_hostile_text_in_the_database_leaves_the_sitemaps_valid(client, world, hostile):
    text = f"A {hostile} B"
    keyword = make_keyword()
    article = make_article(issue=world.article.issue, keywords=[keyword])
    event = make_event()
    # Written past the pre_save cleaning, as rows saved before it may be.
    Article.objects.filter(pk=article.pk).update(**titled(text))
    Event.objects.filter(pk=event.pk).update(**titled(text))
    type(keyword).objects.filter(pk=keyword.pk).update(name_en=text)

    sections = read_sitemaps(client)

    assert locs_of([article]) <= set(sections["articles"])
    assert locs_of([event]) <= set(sections["events"])
    assert locs_of([keyword]) <= set(sections["keywords"])


# --- robots.txt ---


def test_robots_txt_points_to_the_sitemap_of_this_host(client, settings):
    settings.ALLOWED_HOSTS = ["journal.example.kg"]

    response = client.get("/robots.txt", HTTP_HOST="journal.example.kg", secure=True)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /*/admin/" in lines
    assert "Disallow: /*/preview/" in lines
    assert "Sitemap: https://journal.example.kg/sitemap.xml" in lines
    assert [line for line in lines if line.startswith("Disallow")] == [
        "Disallow: /*/admin/",
        "Disallow: /*/preview/",
    ]


def test_robots_txt_runs_no_query_and_refuses_posts(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/robots.txt").status_code == 200
    assert client.post("/robots.txt").status_code == 405


# --- query counts ---


def populate(n):
    """`n` of everything public, plus the canaries."""
    kb = knowledge_base()
    add_canaries(kb)
    issue = make_issue(published_at=past(3))
    kg, tj, uz = country("KG"), country("TJ"), country("UZ")
    for _ in range(n):
        keyword = make_keyword()
        article = make_article(issue=issue, keywords=[keyword], authors=2)
        make_event(countries=[kg, uz], keywords=[keyword], articles=[article])
        make_agreement(countries=[tj, uz], articles=[article])
        make_domain()
        make_organization(members=[kg])
        make_indicator(observations=[(2020, 1)])
        make_issue()
        make_page()
    return SimpleNamespace(kb=kb)


@pytest.mark.parametrize("n", [2, 30])
@pytest.mark.parametrize("section", list(SECTION_QUERIES))
def test_section_query_count_is_pinned_and_flat(
    client, django_assert_num_queries, section, n
):
    populate(n)
    url = f"/sitemap-{section}.xml"
    client.get(url)

    with django_assert_num_queries(SECTION_QUERIES[section]):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("n", [2, 30])
def test_index_query_count_is_pinned_and_flat(client, django_assert_num_queries, n):
    populate(n)
    client.get("/sitemap.xml")

    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get("/sitemap.xml")

    assert response.status_code == 200
