"""The workflow through the admin: buttons, publishing, lost updates, revisions."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, StatusChange
from articles.workflow import Role
from tests.admin_forms import admin_form_data
from tests.builders import make_article, make_issue, make_journal, make_staff

S = Article.Status


def login(role=None, superuser=False, **fields):
    user = make_staff(role, is_superuser=superuser, **fields)
    client = Client()
    client.force_login(user)
    return client, user


def change_url(obj, lang="en"):
    return (
        f"/{lang}"
        + reverse(f"admin:articles_{obj._meta.model_name}_change", args=[obj.pk])[3:]
    )


@pytest.mark.django_db
def test_status_button_saves_then_moves_the_article():
    client, editor = login(Role.EDITOR)
    article = make_article(issue=None, status=S.DRAFT, published_at=None)
    page = client.get(change_url(article))
    assert b'name="workflow_to" value="in_review"' in page.content
    assert b'value="accepted"' not in page.content
    data = admin_form_data(page)
    data.update(title_en="Sent for review", workflow_to="in_review")
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title_en, article.status) == ("Sent for review", S.IN_REVIEW)
    assert StatusChange.objects.get(article=article).changed_by == editor


@pytest.mark.django_db
def test_editor_cannot_change_an_accepted_article_but_sees_it():
    client, _ = login(Role.EDITOR)
    article = make_article(status=S.ACCEPTED, published_at=None)
    page = client.get(change_url(article))
    assert page.status_code == 200
    assert b'name="title_en"' not in page.content
    response = client.post(change_url(article), {"title_en": "Hijack"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title_en != "Hijack"


@pytest.mark.django_db
def test_returning_without_a_comment_is_refused_with_a_message():
    client, _ = login(Role.MANAGING_EDITOR)
    article = make_article(status=S.IN_REVIEW, published_at=None)
    data = admin_form_data(client.get(change_url(article)))
    data["workflow_to"] = "revisions_requested"
    response = client.post(change_url(article), data, follow=True)
    assert "comment" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == S.IN_REVIEW


@pytest.mark.django_db
def test_translator_edits_only_translated_fields():
    client, _ = login(Role.TRANSLATOR)
    article = make_article(status=S.PUBLISHED, first_page=5, last_page=9)
    page = client.get(change_url(article))
    assert b'name="title_ky"' in page.content
    assert b'name="first_page"' not in page.content
    data = admin_form_data(page)
    data.update(title_ky="Жаңы котормо", first_page="1")
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title_ky == "Жаңы котормо"
    assert article.first_page == 5


@pytest.mark.django_db
def test_second_save_from_a_stale_form_is_refused_and_the_first_is_kept():
    first, _ = login(superuser=True)
    second, _ = login(superuser=True)
    article = make_article(title_en="Original")
    stale_a = admin_form_data(first.get(change_url(article)))
    stale_b = admin_form_data(second.get(change_url(article)))
    stale_a["title_en"] = "First editor's title"
    assert first.post(change_url(article), stale_a).status_code == 302
    stale_b["title_en"] = "Second editor's title"
    response = second.post(change_url(article), stale_b)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Someone else saved this article" in content
    assert change_url(article)[3:] in content
    assert Article.objects.get(pk=article.pk).title_en == "First editor's title"


@pytest.mark.django_db
def test_every_save_keeps_a_revision_with_all_languages_and_restores_it():
    client, _ = login(superuser=True)
    article = make_article(title_ky="Биринчи", title_ru="Первая", title_en="First")
    data = admin_form_data(client.get(change_url(article)))
    assert client.post(change_url(article), data).status_code == 302
    data = admin_form_data(client.get(change_url(article)))
    data.update(title_ky="Экинчи", title_ru="Вторая", title_en="Second")
    assert client.post(change_url(article), data).status_code == 302
    versions = list(Version.objects.get_for_object(article))
    assert len(versions) == 2
    old = versions[1].field_dict
    assert (old["title_ky"], old["title_ru"], old["title_en"]) == (
        "Биринчи",
        "Первая",
        "First",
    )
    compare = client.get(
        change_url(article).replace("/change/", "/compare/")
        + f"?a={versions[1].pk}&b={versions[0].pk}"
    )
    assert compare.status_code == 200
    assert "<del>Первая</del>" in compare.content.decode()
    assert "<ins>Вторая</ins>" in compare.content.decode()
    revert_url = f"/en/admin/articles/article/{article.pk}/history/{versions[1].pk}/"
    revert_data = admin_form_data(client.get(revert_url))
    assert client.post(revert_url, revert_data).status_code == 302
    article.refresh_from_db()
    assert (article.title_ky, article.title_ru, article.title_en) == (
        "Биринчи",
        "Первая",
        "First",
    )


@pytest.mark.django_db
def test_publish_issue_page_publishes_or_names_what_is_missing():
    client, _ = login(Role.MANAGING_EDITOR)
    issue = make_issue(
        journal=make_journal(required_languages="ky,ru"), published_at=None
    )
    ready = make_article(issue=issue, status=S.ACCEPTED, published_at=None)
    lacking = make_article(
        issue=issue, status=S.ACCEPTED, published_at=None, title_ky="", abstract_ky=""
    )
    url = f"/en/admin/articles/issue/{issue.pk}/publish/"
    page = client.get(url)
    assert page.status_code == 200
    when = page.context["form"]["publish_at"].value().strftime("%Y-%m-%dT%H:%M")
    response = client.post(url, {"publish_at": when})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nothing was published" in content
    assert "no title in Kyrgyz" in content
    issue.refresh_from_db()
    assert issue.published_at is None
    lacking.title_ky, lacking.abstract_ky = "Аталыш", "Аннотация"
    lacking.save()
    assert client.post(url, {"publish_at": when}).status_code == 302
    assert set(Article.objects.values_list("status", flat=True)) == {S.PUBLISHED}
    assert Article.objects.get(pk=ready.pk).is_public


@pytest.mark.django_db
def test_dashboard_shows_counts_and_waiting_articles():
    client, _ = login(Role.MANAGING_EDITOR)
    make_article(title_en="Waiting for review", status=S.IN_REVIEW, published_at=None)
    content = client.get("/en/admin/").content.decode()
    assert "Editorial dashboard" in content
    assert "Waiting for review" in content
