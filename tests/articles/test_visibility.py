"""Readers never see unpublished work, in any language, on any page."""

import pytest

from tests.builders import (
    CANARY,
    add_galley,
    future,
    make_article,
    make_hidden_content,
    make_issue,
    make_journal,
    make_keyword,
    past,
)
from tests.helpers import parse, url_in

pytestmark = pytest.mark.django_db

LANGUAGES = ["ky", "ru", "en"]


@pytest.fixture
def mixed():
    make_journal()
    issue = make_issue(year=2024, number="2", published_at=past(10))
    shared = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    public = [make_article(issue=issue, keywords=[shared]) for _ in range(2)]
    hidden = make_hidden_content(issue, keywords=[shared], knowledge_base=False)
    return issue, shared, hidden.keyword, public, hidden.articles


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hidden_articles_and_their_pdfs_are_404(client, lang):
    hidden = make_hidden_content(knowledge_base=False)
    for article in hidden.articles:
        galley_url = url_in(lang, "articles:galley", slug=article.slug, language="en")
        assert client.get(galley_url).status_code == 404, article.slug
        if article != hidden.withdrawn:  # a withdrawn article keeps a tombstone
            assert client.get(url_in(lang, article)).status_code == 404, article.slug


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "fields",
    [{"issue": None}, {"published_at": None}],
    ids=["no-issue", "published-without-a-date"],
)
def test_odd_non_public_article_and_its_pdf_are_404(client, lang, fields):
    """States the workflow never makes, which the visibility rule still covers."""
    article = make_article(**fields)
    add_galley(article, lang)

    assert client.get(url_in(lang, article)).status_code == 404
    galley_url = url_in(lang, "articles:galley", slug=article.slug, language=lang)
    assert client.get(galley_url).status_code == 404


@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_article_and_its_pdf_are_served(client, lang):
    """The counterpart of the 404 tests: the same set-up, published, is visible."""
    article = make_article()
    add_galley(article, lang)
    assert client.get(url_in(lang, article)).status_code == 200
    galley_url = url_in(lang, "articles:galley", slug=article.slug, language=lang)
    assert client.get(galley_url).status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "published_at", [None, future()], ids=["unpublished", "scheduled"]
)
def test_unpublished_issue_page_is_404(client, lang, published_at):
    issue = make_issue(published_at=published_at)
    make_article(issue=issue)
    assert client.get(url_in(lang, issue)).status_code == 404


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyword_of_drafts_only_is_404(client, mixed, lang):
    _issue, shared, drafts_only, _public, _hidden = mixed
    assert client.get(url_in(lang, drafts_only)).status_code == 404
    assert client.get(url_in(lang, shared)).status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unknown_slugs_are_404(client, lang):
    for name in ("articles:article", "articles:issue", "articles:keyword"):
        assert client.get(url_in(lang, name, slug="no-such-thing")).status_code == 404


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", ["home", "archive", "issue", "keywords", "keyword"])
def test_non_public_titles_never_appear_on_listings(client, mixed, lang, page):
    issue, shared, _drafts_only, public, _hidden = mixed
    url = {
        "home": url_in(lang, "articles:home"),
        "archive": url_in(lang, "articles:archive"),
        "issue": url_in(lang, issue),
        "keywords": url_in(lang, "articles:keywords"),
        "keyword": url_in(lang, shared),
    }[page]

    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert CANARY not in html
    if page in ("home", "issue", "keyword"):
        for article in public:
            assert url_in(lang, article) in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_archive_and_home_skip_unpublished_issues(client, mixed, lang):
    issue = mixed[0]
    archive = parse(client.get(url_in(lang, "articles:archive")))
    issue_links = [a.attrs["href"] for a in archive.find("main").find_all("a")]
    assert issue_links == [url_in(lang, issue)]
    assert archive.find("span", class_="count").text.startswith("2")

    home = parse(client.get(url_in(lang, "articles:home")))
    current = home.find("section", class_="current-issue")
    assert current.find("h2").find("a").attrs["href"] == url_in(lang, issue)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyword_counts_are_public_articles_only(client, mixed, lang):
    _issue, shared, _drafts_only, public, _hidden = mixed
    extra = make_keyword(name_ky="суу", name_ru="вода", name_en="water")
    public[0].keywords.add(extra)

    index = parse(client.get(url_in(lang, "articles:keywords")))
    counts = {
        a.attrs["href"]: a.parent.find("span", class_="count").text
        for a in index.find("main").find_all("a")
        if "/keywords/" in a.attrs["href"]
    }
    assert counts == {url_in(lang, shared): "2", url_in(lang, extra): "1"}

    home = parse(client.get(url_in(lang, "articles:home")))
    link = home.find("a", href=url_in(lang, shared))
    assert link.parent.find("span", class_="count").text == "2"

    keyword_page = parse(client.get(url_in(lang, shared)))
    assert len(keyword_page.find("main").find("ol").find_all("li")) == 2
