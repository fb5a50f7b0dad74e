"""Every kind of change a cached page shows reaches the page with the next request.

The production set-up throughout: the page cache on, the article page's kept main part
and the lists' kept rows on. Each case views a page until it is a cache hit, makes one
kind of change the way an editor or a script would, and views the page again: the
first request after the change renders it (no lock is held) and shows the change.
Removing any one invalidation (the page cache's generation, an article's `updated_at`
moved by articles.freshness) leaves that page stale and fails its case.
"""

from types import SimpleNamespace

import pytest
from django.core.cache import cache

from articles.models import Authorship
from tests.builders import (
    add_reference,
    add_section,
    make_article,
    make_contributor,
    make_issue,
    make_journal,
    make_keyword,
    make_section,
    past,
)
from tests.relations.builders import (
    make_agreement,
    make_country,
    make_domain,
    make_event,
    make_organization,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["page cache", "kept pages only"])
def production_caches(request, settings):
    """Each case twice: with the page cache (the generation moves, the page renders
    again from its kept parts) and without it, right after an edit, when the kept
    pages alone must notice the change (articles/kept_pages.py)."""
    settings.PAGE_CACHE_ENABLED = request.param == "page cache"
    settings.ARTICLE_MAIN_CACHE = True
    settings.KEPT_PAGES = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site():
    make_journal(name_en="Old Journal Name")
    issue = make_issue(number="5", published_at=past(3))
    keyword = make_keyword(name_en="old keyword")
    article = make_article(
        issue=issue,
        section=make_section(name_en="Old rubric"),
        title_en="Old title",
        original_language="en",
        authors=0,
        keywords=[keyword],
    )
    Authorship.objects.create(
        article=article, contributor=make_contributor(last_name_en="Oldname"), order=0
    )
    add_section(article, heading_en="Old heading", text_en="Old body text.")
    event = make_event(title_en="Unlinked summit", date=past(400).date())
    agreement = make_agreement(title_en="Unlinked treaty")
    domain = make_domain(name_en="Old field")  # a filter choice of the timeline
    return SimpleNamespace(
        issue=issue,
        article=article,
        keyword=keyword,
        event=event,
        agreement=agreement,
        domain=domain,
    )


KEPT_KEYS = (":1:kept-page:", ":1:article-page:")


def article_url(s):
    return f"/en/articles/{s.article.slug}/"


def issue_url(s):
    return f"/en/issues/{s.issue.slug}/"


def keyword_url(s):
    return f"/en/keywords/{s.keyword.slug}/"


def home_url(s):
    return "/en/"


def timeline_url(s):
    return "/en/relations/timeline/"


def search_url(s):
    # "body" is in the article's body only: its snippet is cut from there.
    return "/en/search/?q=body"


def relations_url(s):
    return "/en/relations/"


def domain_url(s):
    return f"/en/relations/domains/{s.domain.slug}/"


def retitle(s):
    s.article.title_en = "New title"
    s.article.save()


def repaginate(s):
    s.article.first_page, s.article.last_page = 401, 417
    s.article.save()


def rename_author(s):
    person = s.article.authorships.get().contributor
    person.last_name_en = "Newname"
    person.save()


def add_author(s):
    Authorship.objects.create(
        article=s.article,
        contributor=make_contributor(last_name_en="Coauthor"),
        order=1,
    )


def rename_rubric(s):
    s.article.section.name_en = "New rubric"
    s.article.section.save()


def renumber_issue(s):
    s.issue.number = "77"
    s.issue.save()


def rename_keyword(s):
    s.keyword.name_en = "new keyword"
    s.keyword.save()


def tag_article(s):
    s.article.keywords.add(make_keyword(name_en="added keyword"))


def rename_journal(s):
    journal = s.issue.journal
    journal.name_en = "New Journal Name"
    journal.save()


def edit_body(s):
    section = s.article.sections.get()
    section.text_en = "New body text."
    section.save()


def cite(s):
    add_reference(s.article, text="A newly cited source.")


def publish_article(s):
    make_article(issue=s.issue, title_en="Newly published article")


def link_event(s):
    s.event.articles.add(s.article)


def link_event_from_the_article(s):
    s.article.events.add(s.event)


def link_agreement(s):
    s.agreement.articles.add(s.article)


def rename_linked_event(s):
    s.event.articles.add(s.article)
    cache.clear()  # the link is old news: only the rename is under test
    s.event.title_en = "Renamed summit"
    s.event.save()


def add_event(s):
    make_event(title_en="Brand-new summit", date=past(30).date())


def redate_event(s):
    s.event.date = s.event.date.replace(year=1995)
    s.event.save()


def rename_domain(s):
    s.domain.name_en = "Renamed field"
    s.domain.save()


def add_domain(s):
    make_domain(name_en="Added field")


def add_country(s):
    make_country("AF", name_en="Added country")


def add_organization(s):
    make_organization(acronym_en="ADDED")


def redate_domain_event(s):
    s.event.domains.add(s.domain)
    cache.clear()  # the link is old news: only the new date is under test
    redate_event(s)


def link_event_to_domain(s):
    s.event.domains.add(s.domain)


def link_event_to_two_countries(s):
    s.event.countries.add(make_country("KG"), make_country("TJ"))


CASES = [
    (article_url, retitle, "New title"),
    (issue_url, retitle, "New title"),
    (home_url, retitle, "New title"),
    (keyword_url, retitle, "New title"),
    (issue_url, repaginate, "401–417"),
    (article_url, rename_author, "Newname"),
    (issue_url, rename_author, "Newname"),
    (keyword_url, rename_author, "Newname"),
    (issue_url, add_author, "Coauthor"),
    (issue_url, rename_rubric, "New rubric"),
    (article_url, rename_rubric, "New rubric"),
    (keyword_url, renumber_issue, "No. 77"),
    (article_url, renumber_issue, "No. 77"),
    (article_url, rename_keyword, "new keyword"),
    (home_url, rename_keyword, "new keyword"),
    (article_url, tag_article, "added keyword"),
    (home_url, tag_article, "added keyword"),
    (home_url, rename_journal, "New Journal Name"),
    (article_url, rename_journal, "New Journal Name"),
    (article_url, edit_body, "New body text."),
    (article_url, cite, "A newly cited source."),
    (issue_url, publish_article, "Newly published article"),
    (home_url, publish_article, "Newly published article"),
    (article_url, link_event, "Unlinked summit"),
    (article_url, link_event_from_the_article, "Unlinked summit"),
    (article_url, link_agreement, "Unlinked treaty"),
    (article_url, rename_linked_event, "Renamed summit"),
    (search_url, retitle, "New title"),
    (search_url, rename_author, "Newname"),
    (search_url, add_author, "Coauthor"),
    (search_url, renumber_issue, "No. 77"),
    (search_url, edit_body, "New <mark>body</mark> text"),
    # the search page's facets
    (search_url, rename_keyword, "new keyword"),
    (search_url, tag_article, "added keyword"),
    (search_url, rename_rubric, "New rubric"),
    (timeline_url, add_event, "Brand-new summit"),
    (timeline_url, redate_event, "1995"),
    # the timeline's kept filter widgets
    (timeline_url, rename_domain, "Renamed field"),
    (timeline_url, add_domain, "Added field"),
    (timeline_url, add_country, "Added country"),
    (timeline_url, add_organization, "ADDED"),
    # the domain page's kept chart (its description names the years)
    (domain_url, redate_domain_event, "from 1995 to"),
    # the relations home's kept counts of domains and country pairs
    (relations_url, link_event_to_domain, "1 event,"),
    (relations_url, link_event_to_two_countries, "Kyrgyzstan – Tajikistan"),
]


@pytest.mark.parametrize(
    ("url_of", "change", "expected"),
    CASES,
    ids=[f"{change.__name__}-{url.__name__[:-4]}" for url, change, _ in CASES],
)
def test_a_change_shows_on_the_cached_page_at_once(
    client, settings, site, url_of, change, expected
):
    url = url_of(site)
    first = client.get(url)
    before = client.get(url)
    if settings.PAGE_CACHE_ENABLED:
        assert before["X-Page-Cache"] == "hit"
    elif url_of in (
        article_url,
        issue_url,
        keyword_url,
        home_url,
        timeline_url,
        search_url,
    ):
        # kept whole; the other knowledge-base pages keep parts (charts, filters,
        # counts), not their pages
        assert any(key.startswith(KEPT_KEYS) for key in cache._cache)
        assert before.content == first.content
    assert expected not in before.content.decode()
    change(site)
    after = client.get(url)
    assert after.status_code == 200
    assert expected in after.content.decode()
