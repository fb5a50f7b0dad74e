"""The leak matrix: unpublished work never reaches a public page, in any language.

Canary tokens sit in every kind of hidden content (tests.builders.make_hidden_content:
draft, in review, accepted, scheduled, published in a planned or a scheduled issue,
withdrawn). Every public listing is crawled in ky, ru and en. At the scheduled time the
scheduled ones appear everywhere, with no job run (time travel, no cron).
"""

import re
from datetime import timedelta

import pytest
from freezegun import freeze_time

from tests.builders import (
    WITHDRAWAL_REASON,
    canary_label,
    make_article,
    make_hidden_content,
    make_issue,
    make_keyword,
    past,
)

LANGS = ["ky", "ru", "en"]
HREF = re.compile(r'href="(/(?:ky|ru|en)/(?:issues|keywords)/[^"]+)"')


def crawl(client, lang):
    """Every public listing page in `lang`: home, archive, issues, keyword pages."""
    pages = {}
    todo = [f"/{lang}/", f"/{lang}/issues/", f"/{lang}/keywords/"]
    while todo:
        url = todo.pop()
        if url in pages:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
        todo += [u for u in HREF.findall(pages[url]) if u.startswith(f"/{lang}/")]
    return pages


@pytest.fixture
def world(db):
    keyword = make_keyword(name_en="shared-keyword")
    live_issue = make_issue(published_at=past(10))
    make_article(
        issue=live_issue,
        keywords=[keyword],
        **{f"title_{c}": "Public article" for c in LANGS},
    )
    hidden = make_hidden_content(live_issue, keywords=[keyword])
    hidden.live_issue = live_issue
    hidden.shared_keyword = keyword
    return hidden


@pytest.mark.parametrize("lang", LANGS)
def test_no_canary_on_any_public_listing(client, world, lang):
    pages = crawl(client, lang)
    assert any("Public article" in html for html in pages.values())
    for url, html in pages.items():
        assert "CANARY" not in html, url


@pytest.mark.parametrize("lang", LANGS)
def test_unpublished_articles_issues_and_files_are_404(client, world, lang):
    for article in world.articles:
        if article != world.withdrawn:
            url = f"/{lang}/articles/{article.slug}/"
            assert client.get(url).status_code == 404, url
        pdf = f"/{lang}/articles/{article.slug}/pdf/en/"
        assert client.get(pdf).status_code == 404, pdf
    for issue in (world.planned_issue, world.scheduled_issue):
        assert client.get(f"/{lang}/issues/{issue.slug}/").status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_withdrawn_article_keeps_a_tombstone_with_the_reason(client, world, lang):
    response = client.get(f"/{lang}/articles/{world.withdrawn.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "CANARY-WITHDRAWN" in html
    assert WITHDRAWAL_REASON in html
    assert "CANARY-WITHDRAWN-ABSTRACT" not in html
    assert "/pdf/" not in html


def test_keyword_counts_count_public_articles_only(client, world):
    html = client.get("/en/keywords/").content.decode()
    entry = re.search(r"shared-keyword</a>\s*<span class=\"count\">(\d+)</span>", html)
    assert entry and entry.group(1) == "1"


@pytest.mark.parametrize("lang", LANGS)
def test_scheduled_work_goes_live_at_its_time_with_no_job(client, world, lang):
    scheduled = ("CANARY-SCHEDULED", "CANARY-IN-SCHEDULED-ISSUE")
    urls = [
        f"/{lang}/articles/{world.scheduled.slug}/",
        f"/{lang}/articles/{world.in_scheduled_issue.slug}/",
    ]
    with freeze_time(world.when - timedelta(seconds=1)):
        pages = crawl(client, lang)
        for token in scheduled:
            assert not any(token in html for html in pages.values()), token
        for url in urls:
            assert client.get(url).status_code == 404
    with freeze_time(world.when + timedelta(seconds=1)):
        pages = crawl(client, lang)
        assert "CANARY-IN-SCHEDULED-ISSUE" in pages[f"/{lang}/"]
        issue_url = f"/{lang}/issues/{world.scheduled_issue.slug}/"
        assert "CANARY-IN-SCHEDULED-ISSUE" in pages[issue_url]
        assert "CANARY-SCHEDULED" in pages[f"/{lang}/issues/{world.live_issue.slug}/"]
        keyword_page = pages[f"/{lang}/keywords/{world.shared_keyword.slug}/"]
        for token in scheduled:
            assert token in keyword_page, token
        for url in urls:
            assert client.get(url).status_code == 200
        for kind in ("draft", "in_review", "accepted", "in_planned_issue", "withdrawn"):
            token = canary_label(kind)
            assert not any(token in html for html in pages.values()), token
