"""Publishing, merging, the keyword list, revisions and the dashboard."""

import pytest
import reversion
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Keyword
from articles.workflow import Role
from tests.builders import make_article, make_issue, make_keyword, make_staff
from tests.helpers import parse

pytestmark = pytest.mark.django_db

S = Article.Status


def url(lang, name, *args):
    with translation.override(lang):
        return reverse(name, args=args)


def test_publish_issue_lists_the_titles_going_out_and_what_they_lack(client):
    client.force_login(make_staff(Role.MANAGING_EDITOR))
    issue = make_issue(published_at=None)
    make_article(
        issue=issue, status=S.ACCEPTED, published_at=None, title_ru="Готовая статья"
    )
    make_article(
        issue=issue,
        status=S.ACCEPTED,
        published_at=None,
        title_ru="Статья без страниц",
        first_page=None,
        last_page=None,
    )
    make_article(issue=issue, status=S.IN_REVIEW, title_ru="На рецензии")
    doc = parse(client.get(url("ru", "admin:articles_issue_publish", issue.pk)))
    items = doc.find("ol", class_="going-out").find_all("li")
    texts = [li.text for li in items]
    assert len(texts) == 2
    assert any("Готовая статья" in t and "не хватает" not in t for t in texts)
    assert any("Статья без страниц" in t and "не хватает" in t for t in texts)
    assert not any("На рецензии" in t for t in texts)


def test_merge_preselects_the_most_used_most_complete_keyword(admin_client):
    rare = make_keyword(name_ky="чек ара", name_ru="граница", name_en="")
    common = make_keyword(name_ky="чек-ара", name_ru="", name_en="border")
    make_article(keywords=[common])
    make_article(keywords=[common])
    make_article(keywords=[rare])
    response = admin_client.post(
        url("en", "admin:articles_keyword_changelist"),
        {"action": "merge_selected", "_selected_action": [rare.pk, common.pk]},
    )
    doc = parse(response)
    checked = [
        i.attrs["value"]
        for i in doc.find_all("input", type="radio")
        if "checked" in i.attrs
    ]
    assert checked == [str(common.pk)]
    previews = {
        row.find("input").attrs["value"]: row.find("td", class_="merge-preview").text
        for row in doc.find("tbody").find_all("tr")
    }
    assert previews[str(common.pk)] == "чек-ара / граница / border"
    assert previews[str(rare.pk)] == "чек ара / граница / border"
    assert Keyword.objects.count() == 2  # nothing merged yet


def test_admin_keyword_list_follows_the_kyrgyz_alphabet(admin_client):
    for name in ("үй", "өзөн", "ыр", "ун", "ормон", "нан", "ңаа"):
        make_keyword(name_ky=name, name_ru="", name_en="")
    doc = parse(admin_client.get(url("ky", "admin:articles_keyword_changelist")))
    names = [td.text for td in doc.find_all("th", class_="field-name_ky")]
    assert names == ["нан", "ңаа", "ормон", "өзөн", "ун", "үй", "ыр"]


def test_compare_with_a_single_revision_says_so_and_shows_no_table(admin_client):
    article = make_article()
    with reversion.create_revision():
        article.save()
    doc = parse(
        admin_client.get(url("ru", "admin:articles_article_compare", article.pk))
    )
    assert "только одна сохранённая версия" in doc.find("div", id="content").text
    assert not doc.find("div", id="content").find_all("table")


def test_dashboard_names_languages_and_counts_accepted_for_managers(client):
    client.force_login(make_staff(Role.MANAGING_EDITOR))
    issue = make_issue(published_at=None)
    accepted = make_article(issue=issue, status=S.ACCEPTED, published_at=None)
    doc = parse(client.get(url("ru", "admin:index")))
    dashboard = doc.find("div", class_="journal-dashboard")
    waiting = [li.text for li in dashboard.find("ul").find_all("li")]
    assert any(str(accepted) in item for item in waiting)
    heads = [th.text for th in dashboard.find_all("th", scope="col")]
    assert heads == ["Кыргызский", "Русский", "Английский"]


def test_irreversible_steps_sit_in_the_submit_row_apart_and_ask_first(client):
    client.force_login(make_staff(Role.MANAGING_EDITOR))
    accepted = make_article(status=S.ACCEPTED, published_at=None)
    doc = parse(client.get(url("ru", "admin:articles_article_change", accepted.pk)))
    row = doc.find("div", class_="submit-row")
    buttons = {b.attrs["value"]: b for b in row.find_all("button", name="workflow_to")}
    assert set(buttons) == {S.PUBLISHED, S.REVISIONS_REQUESTED}
    publish = buttons[S.PUBLISHED]
    assert "irreversible" in publish.classes
    assert publish.attrs["data-confirm"].startswith("Опубликовать статью?")
    assert "irreversible" not in buttons[S.REVISIONS_REQUESTED].classes
    assert "data-confirm" not in buttons[S.REVISIONS_REQUESTED].attrs
