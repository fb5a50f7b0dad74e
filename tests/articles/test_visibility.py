"""Readers never see unpublished work, in any language, on any page."""

import pytest

from articles.models import Article
from tests.builders import (
    add_galley,
    future,
    make_article,
    make_issue,
    make_journal,
    make_keyword,
    past,
)
from tests.helpers import parse, url_in

pytestmark = pytest.mark.django_db

LANGUAGES = ["ky", "ru", "en"]
CANARY = "CANARY-DRAFT-123"


def canary_titles(n):
    return {f"title_{code}": f"{CANARY} {code} {n}" for code in LANGUAGES}


def non_public_articles(public_issue, keyword):
    """One article for each way of not being public, all tagged with `keyword`."""
    unpublished_issue = make_issue(year=2030, number="1", published_at=None)
    scheduled_issue = make_issue(year=2031, number="1", published_at=future(3))
    variants = [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.IN_REVIEW},
        {"status": Article.Status.ACCEPTED},
        {"published_at": future(2)},
        {"published_at": None},
        {"issue": unpublished_issue},
        {"issue": scheduled_issue},
        {"issue": None},
    ]
    return [
        make_article(
            **{"issue": public_issue, **fields},
            keywords=[keyword],
            **canary_titles(n),
        )
        for n, fields in enumerate(variants)
    ]


@pytest.fixture
def mixed():
    make_journal()
    issue = make_issue(year=2024, number="2", published_at=past(10))
    shared = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    drafts_only = make_keyword(
        name_ky=f"{CANARY} кл", name_ru=f"{CANARY} кс", name_en=f"{CANARY} kw"
    )
    public = [make_article(issue=issue, keywords=[shared]) for _ in range(2)]
    hidden = non_public_articles(issue, shared)
    for article in hidden:
        article.keywords.add(drafts_only)
    return issue, shared, drafts_only, public, hidden


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.ACCEPTED},
        {"published_at": future()},
        {"issue": "unpublished"},
        {"issue": "scheduled"},
        {"issue": None},
    ],
    ids=[
        "draft",
        "accepted",
        "scheduled",
        "unpublished-issue",
        "scheduled-issue",
        "no-issue",
    ],
)
def test_non_public_article_and_its_pdf_are_404(client, lang, fields):
    fields = dict(fields)
    if fields.get("issue") == "unpublished":
        fields["issue"] = make_issue(published_at=None)
    elif fields.get("issue") == "scheduled":
        fields["issue"] = make_issue(published_at=future())
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
