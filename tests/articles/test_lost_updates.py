"""The article form's optimistic lock: no save without the version it was made from.

A POST whose hidden version is missing, empty, malformed or old is refused with the
conflict message and changes nothing: not the row, not its revisions, not its status
(a workflow button saves the form first, so it is refused too).
"""

import pytest
from reversion.models import Version

from articles.models import Article, StatusChange
from articles.workflow import Role
from tests.admin_forms import admin_form_data
from tests.articles.test_workflow_admin import change_url, login
from tests.builders import make_article

S = Article.Status
CONFLICT = "Someone else saved this article after you opened it"

BAD_VERSIONS = {
    "missing": None,
    "empty": "",
    "blank": "   ",
    "letters": "abc",
    "negative": "-1",
    "fraction": "1.0",
    "full-width digit": "１",
    "stale": "stale",
}


def _snapshot(article):
    row = Article.objects.get(pk=article.pk)
    return (
        row.title_en,
        row.status,
        row.version,
        Version.objects.get_for_object(row).count(),
        StatusChange.objects.filter(article=row).count(),
    )


def _post_with_version(client, article, data, kind):
    value = BAD_VERSIONS[kind]
    if kind == "stale":
        value = str(article.version - 1)
    if value is None:
        data.pop("version_seen", None)
    else:
        data["version_seen"] = value
    return client.post(change_url(article), data)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", BAD_VERSIONS)
def test_save_without_a_valid_version_is_refused_and_changes_nothing(kind):
    client, _ = login(superuser=True)
    article = make_article(title_en="Original")
    Article.objects.filter(pk=article.pk).update(version=3)
    article.refresh_from_db()
    data = admin_form_data(client.get(change_url(article)))
    assert data["version_seen"] == 3
    data["title_en"] = "Overwritten"
    before = _snapshot(article)
    response = _post_with_version(client, article, data, kind)
    assert response.status_code == 200
    content = response.content.decode()
    assert CONFLICT in content
    assert "Open the newer version" in content
    assert "Hidden field" not in content
    assert _snapshot(article) == before


@pytest.mark.django_db
@pytest.mark.parametrize("kind", BAD_VERSIONS)
def test_workflow_button_without_a_valid_version_does_not_move_the_article(kind):
    client, _ = login(Role.EDITOR)
    article = make_article(issue=None, status=S.DRAFT, published_at=None)
    Article.objects.filter(pk=article.pk).update(version=2)
    article.refresh_from_db()
    data = admin_form_data(client.get(change_url(article)))
    data.update(title_en="Sent for review", workflow_to="in_review")
    before = _snapshot(article)
    response = _post_with_version(client, article, data, kind)
    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    assert _snapshot(article) == before
    assert Article.objects.get(pk=article.pk).status == S.DRAFT


@pytest.mark.django_db
def test_save_with_the_current_version_is_kept_and_moves_the_version_on():
    client, _ = login(superuser=True)
    article = make_article(title_en="Original")
    data = admin_form_data(client.get(change_url(article)))
    data["title_en"] = "Edited"
    response = client.post(change_url(article), data, follow=True)
    assert CONFLICT not in response.content.decode()
    article.refresh_from_db()
    assert (article.title_en, article.version) == ("Edited", data["version_seen"] + 1)
    # The page opened before that save is now stale.
    data["title_en"] = "Edited again"
    assert CONFLICT in client.post(change_url(article), data).content.decode()
    assert Article.objects.get(pk=article.pk).title_en == "Edited"


@pytest.mark.django_db
def test_workflow_button_with_the_current_version_saves_then_moves():
    client, _ = login(Role.EDITOR)
    article = make_article(issue=None, status=S.DRAFT, published_at=None)
    data = admin_form_data(client.get(change_url(article)))
    data.update(title_en="Sent for review", workflow_to="in_review")
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert (article.title_en, article.status) == ("Sent for review", S.IN_REVIEW)
