"""The admin's grammar in Kyrgyz and Russian: titles, counts, link rows, roles."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from articles.workflow import Role
from tests.builders import make_article, make_keyword, make_staff
from tests.helpers import parse
from tests.relations.builders import make_event

pytestmark = pytest.mark.django_db


def url(lang, name, *args):
    with translation.override(lang):
        return reverse(name, args=args)


def heading(response):
    return parse(response).find("h1").text


@pytest.mark.parametrize(
    ("lang", "list_title", "add_title", "change_title"),
    [
        (
            "ru",
            "Выберите статью для изменения",
            "Добавить статью",
            "Изменить статью",
        ),
        ("ky", "Өзгөртүү үчүн макаланы тандаңыз", "Макала кошуу", "Макаланы өзгөртүү"),
        ("en", "Select article to change", "Add article", "Change article"),
    ],
)
def test_titles_use_the_right_case_of_the_model_name(
    admin_client, lang, list_title, add_title, change_title
):
    article = make_article()
    changelist = admin_client.get(url(lang, "admin:articles_article_changelist"))
    assert heading(changelist) == list_title
    tools = parse(changelist).find("ul", class_="object-tools")
    tools = tools.find("a", class_="addlink").text
    assert tools == add_title
    add = admin_client.get(url(lang, "admin:articles_article_add"))
    assert heading(add) == add_title
    change = admin_client.get(url(lang, "admin:articles_article_change", article.pk))
    assert heading(change) == change_title


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("ru", 1, "1 запись"),
        ("ru", 3, "3 записи"),
        ("ru", 5, "5 записей"),
        ("ky", 3, "3 жазуу"),
    ],
)
def test_list_counts_agree_with_the_numeral(admin_client, lang, count, expected):
    for _ in range(count):
        make_keyword()
    response = admin_client.get(url(lang, "admin:articles_keyword_changelist"))
    assert expected in parse(response).find("p", class_="paginator").text


def test_kyrgyz_selection_counter_keeps_its_spaces(admin_client):
    catalogue = admin_client.get("/ky/admin/jsi18n/").content.decode()
    catalogue = catalogue.encode().decode("unicode_escape")
    assert "%(cnt)s ичинен %(sel)s тандалды" in catalogue


def test_event_rows_on_the_article_form_are_named(admin_client):
    article = make_article()
    event = make_event(articles=[article])
    response = admin_client.get(url("ru", "admin:articles_article_change", article.pk))
    doc = parse(response)
    text = doc.text
    assert "object (" not in text
    assert f"{event.title_ru} — {article.title_ru}" in text
    heads = [th.text for th in doc.find_all("th", class_="column-event")]
    assert heads == ["Событие"]


@pytest.mark.parametrize(
    ("lang", "label"), [("ru", "Ответственный секретарь"), ("ky", "Жооптуу катчы")]
)
def test_roles_are_named_as_journals_name_them(admin_client, lang, label):
    user = make_staff(Role.MANAGING_EDITOR)
    response = admin_client.get(url(lang, "admin:auth_user_change", user.pk))
    group = Group.objects.get(name=Role.MANAGING_EDITOR)
    option = parse(response).find("option", value=str(group.pk))
    assert option.text == label
