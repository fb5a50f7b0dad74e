"""The leak matrix: unpublished work never reaches a public page, in any language.

Canary tokens sit in a draft, an accepted article of an unpublished issue, an article
scheduled with its issue for tomorrow, and a withdrawn article. Every public channel is
crawled in ky, ru and en. At the scheduled time the scheduled one appears everywhere,
with no job run (time travel, no cron).
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from freezegun import freeze_time

from articles.models import Article
from articles.workflow import Role, transition
from tests.builders import add_galley, make_article, make_issue, make_keyword, past

S = Article.Status
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
    draft = make_article(
        issue=live_issue,
        status=S.DRAFT,
        published_at=None,
        keywords=[keyword],
        **{f"title_{c}": "CANARY-DRAFT" for c in LANGS},
    )
    add_galley(draft, "en")
    planned = make_issue(published_at=None)
    accepted = make_article(
        issue=planned,
        status=S.ACCEPTED,
        published_at=None,
        keywords=[keyword],
        **{f"title_{c}": "CANARY-ACCEPTED" for c in LANGS},
    )
    when = timezone.now() + timedelta(days=1)
    scheduled_issue = make_issue(published_at=when)
    scheduled = make_article(
        issue=scheduled_issue,
        published_at=when,
        keywords=[keyword],
        **{f"title_{c}": "CANARY-SCHEDULED" for c in LANGS},
    )
    withdrawn = make_article(
        issue=live_issue,
        keywords=[keyword],
        abstract_en="CANARY-WITHDRAWN-ABSTRACT",
        **{f"title_{c}": "CANARY-WITHDRAWN" for c in LANGS},
    )
    add_galley(withdrawn, "en")
    manager = User.objects.create_user("manager", password="x-long-password-1")
    manager.groups.add(Group.objects.get(name=Role.MANAGING_EDITOR))
    transition(withdrawn, S.WITHDRAWN, by=manager, note="Duplicate publication")
    return {
        "draft": draft,
        "accepted": accepted,
        "scheduled": scheduled,
        "withdrawn": withdrawn,
        "when": when,
        "keyword": keyword,
        "planned": planned,
        "scheduled_issue": scheduled_issue,
    }


@pytest.mark.parametrize("lang", LANGS)
def test_no_canary_on_any_public_listing(client, world, lang):
    pages = crawl(client, lang)
    assert any("Public article" in html for html in pages.values())
    for url, html in pages.items():
        assert "CANARY" not in html, url


@pytest.mark.parametrize("lang", LANGS)
def test_unpublished_articles_issues_and_files_are_404(client, world, lang):
    for name in ("draft", "accepted", "scheduled"):
        article = world[name]
        assert client.get(f"/{lang}/articles/{article.slug}/").status_code == 404
        assert client.get(f"/{lang}/articles/{article.slug}/pdf/en/").status_code == 404
    for issue in (world["planned"], world["scheduled_issue"]):
        assert client.get(f"/{lang}/issues/{issue.slug}/").status_code == 404
    slug = world["withdrawn"].slug
    assert client.get(f"/{lang}/articles/{slug}/pdf/en/").status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_withdrawn_article_keeps_a_tombstone_with_the_reason(client, world, lang):
    response = client.get(f"/{lang}/articles/{world['withdrawn'].slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "CANARY-WITHDRAWN" in html
    assert "Duplicate publication" in html
    assert "CANARY-WITHDRAWN-ABSTRACT" not in html
    assert "/pdf/" not in html


def test_keyword_counts_count_public_articles_only(client, world):
    html = client.get("/en/keywords/").content.decode()
    entry = re.search(r"shared-keyword</a>\s*<span class=\"count\">(\d+)</span>", html)
    assert entry and entry.group(1) == "1"


@pytest.mark.parametrize("lang", LANGS)
def test_scheduled_issue_goes_live_at_its_time_with_no_job(client, world, lang):
    with freeze_time(world["when"] - timedelta(seconds=1)):
        pages = crawl(client, lang)
        assert not any("CANARY-SCHEDULED" in html for html in pages.values())
        url = f"/{lang}/articles/{world['scheduled'].slug}/"
        assert client.get(url).status_code == 404
    with freeze_time(world["when"] + timedelta(seconds=1)):
        pages = crawl(client, lang)
        home = pages[f"/{lang}/"]
        assert "CANARY-SCHEDULED" in home
        issue_url = f"/{lang}/issues/{world['scheduled_issue'].slug}/"
        assert "CANARY-SCHEDULED" in pages[issue_url]
        keyword_url = f"/{lang}/keywords/{world['keyword'].slug}/"
        assert "CANARY-SCHEDULED" in pages[keyword_url]
        assert client.get(url).status_code == 200
        for other in ("CANARY-DRAFT", "CANARY-ACCEPTED", "CANARY-WITHDRAWN"):
            assert not any(other in html for html in pages.values())
