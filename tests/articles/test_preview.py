"""Previews work for every status, with or without an issue, in every language.

An editor's first preview is of a draft with no issue, rubric, pages or dates yet:
the page must render, say it is a preview, never be cached, and leave out the rows
for what does not exist yet rather than show a label with nothing after it.
"""

import re

import pytest
from django.test import Client

from articles.models import Article
from tests.articles.test_permissions import EDITOR, STAFF, client_for
from tests.builders import make_article, make_issue, make_section, past

S = Article.Status
LANGS = ["ky", "ru", "en"]
EMPTY_DD = re.compile(r"<dd[^>]*>\s*(<time[^>]*>\s*</time>\s*)?</dd>")


def _bare_article(status, with_issue):
    """As an editor first saves it: a title, nothing else that is optional."""
    fields = {
        "status": status,
        "published_at": None,
        "first_page": None,
        "last_page": None,
        "abstract_ky": "",
        "abstract_ru": "",
        "abstract_en": "",
        "title_ky": "АЛДЫН-АЛА КӨРҮҮ",
        "title_ru": "ПРЕДПРОСМОТР",
        "title_en": "PREVIEW-TITLE",
    }
    if status in (S.PUBLISHED, S.WITHDRAWN):
        fields["published_at"] = past()
    if status == S.WITHDRAWN:
        fields["withdrawn_at"] = past()
    issue = make_issue(published_at=None) if with_issue else None
    return make_article(issue=issue, authors=0, **fields)


def _full_article(status):
    article = _bare_article(status, with_issue=True)
    article.section = make_section()
    article.first_page, article.last_page = 3, 9
    article.received_on = past(90).date()
    article.accepted_on = past(30).date()
    article.save()
    return article


def _assert_good_preview(response, title):
    assert response.status_code == 200
    html = response.content.decode()
    assert title in html
    assert 'class="preview-banner"' in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert not EMPTY_DD.search(html), EMPTY_DD.search(html).group(0)
    return html


TITLES = {"ky": "АЛДЫН-АЛА КӨРҮҮ", "ru": "ПРЕДПРОСМОТР", "en": "PREVIEW-TITLE"}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("with_issue", [False, True], ids=["no-issue", "issue"])
@pytest.mark.parametrize("status", list(S))
def test_preview_of_a_bare_article_renders_for_every_status(status, with_issue, lang):
    article = _bare_article(status, with_issue)
    response = client_for(EDITOR).get(f"/{lang}/preview/articles/{article.pk}/")
    html = _assert_good_preview(response, TITLES[lang])
    if status == S.WITHDRAWN:
        assert "withdrawn" in html
        return
    meta = html.split('class="article-meta"')[1].split("</dl>")[0]
    # Not dated yet: no publication-date row at all.
    assert ("<time" in meta) == (article.published_at is not None)
    assert ("<dt>" in meta) and ("article-issue" not in meta or with_issue)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("status", list(S))
def test_preview_of_a_complete_article_shows_its_rows(status, lang):
    article = _full_article(status)
    response = client_for(EDITOR).get(f"/{lang}/preview/articles/{article.pk}/")
    html = _assert_good_preview(response, TITLES[lang])
    if status != S.WITHDRAWN:
        assert "3–9" in html or "3-9" in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("with_article", [False, True], ids=["empty", "article"])
def test_preview_of_a_planned_issue_has_no_empty_rows(lang, with_article):
    issue = make_issue(published_at=None)
    if with_article:
        make_article(
            issue=issue,
            authors=0,
            status=S.ACCEPTED,
            published_at=None,
            first_page=None,
            last_page=None,
            title_en="PREVIEW-TITLE",
            title_ru="ПРЕДПРОСМОТР",
            title_ky="АЛДЫН-АЛА КӨРҮҮ",
        )
    response = client_for(EDITOR).get(f"/{lang}/preview/issues/{issue.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="preview-banner"' in html
    assert "no-store" in response["Cache-Control"]
    assert (TITLES[lang] in html) == with_article
    assert "<time" not in html  # not dated yet: no publication-date line
    assert not re.search(r'<p class="meta">\s*</p>', html)
    assert not EMPTY_DD.search(html)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_preview_stays_closed_to_readers_and_staff_without_permission(lang):
    article = _bare_article(S.DRAFT, with_issue=False)
    url = f"/{lang}/preview/articles/{article.pk}/"
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]
    refused = client_for(STAFF).get(url)
    assert refused.status_code == 404
    assert "PREVIEW-TITLE" not in refused.content.decode()
