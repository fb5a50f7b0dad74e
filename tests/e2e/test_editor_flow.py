"""An editor writes a trilingual article in the admin; a managing editor publishes it.

Everything happens in the browser: the admin login form, modeltranslation's language
tabs, select2 autocompletes, inline rows, the workflow buttons and "Publish issue";
then an anonymous reader finds the article on the Kyrgyz home page.
"""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article, StatusChange
from articles.workflow import Role
from tests.builders import (
    make_contributor,
    make_issue,
    make_journal,
    make_keyword,
    make_section,
)
from tests.e2e.helpers import admin_login, make_staff, select2_pick, selected_texts
from tests.relations.builders import make_event

S = Article.Status

TITLES = {
    "ky": "Суу ресурстары жана чек ара: 2025-жылдагы сүйлөшүүлөр",
    "ru": "Водные ресурсы и граница: переговоры 2025 года",
    "en": "Water resources and the border: the 2025 talks",
}
ABSTRACTS = {
    "ky": "Макала Кыргызстан менен Тажикстандын суу боюнча сүйлөшүүлөрүн талдайт.",
    "ru": "Статья анализирует переговоры Киргизии и Таджикистана о воде.",
    "en": "The article analyses the Kyrgyz–Tajik negotiations on water.",
}


@pytest.fixture
def newsroom():
    journal = make_journal()
    issue = make_issue(journal=journal, year=2025, number="3", published_at=None)
    section = make_section(
        name_ky="Эл аралык мамилелер",
        name_ru="Международные отношения",
        name_en="International relations",
    )
    author = make_contributor(
        last_name_ky="Токтогулова",
        first_name_ky="Айгүл",
        last_name_ru="Токтогулова",
        first_name_ru="Айгуль",
        last_name_en="Toktogulova",
        first_name_en="Aigul",
    )
    border = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    water = make_keyword(
        name_ky="суу ресурстары", name_ru="водные ресурсы", name_en="water resources"
    )
    event = make_event(
        title_ky="Баткендеги чек ара сүйлөшүүлөрү",
        title_ru="Пограничные переговоры в Баткене",
        title_en="Border talks in Batken",
    )
    editor = make_staff("aida", Role.EDITOR)
    manager = make_staff("bakyt", Role.MANAGING_EDITOR)
    return locals()


def fill_translated(page, field, texts, shoot):
    """Fill a modeltranslation field tab by tab: click KY, RU, EN, type each text."""
    for code, text in texts.items():
        tab = page.locator(f'a[href="#tab_id_{field}_{code}"]')
        tab.click()
        box = page.locator(f"#id_{field}_{code}")
        expect(box).to_be_visible()
        box.fill(text)
    shoot(page, f"{field}-tabs", full_page=False)


@pytest.mark.django_db(transaction=True)
def test_editor_writes_an_article_and_a_managing_editor_publishes_its_issue(
    new_context, newsroom, shoot, live_server
):
    n = newsroom
    # --- The editor: log in, write the article, send it to review.
    page = new_context().new_page()
    admin_login(page, n["editor"], shoot=shoot)
    shoot(page, "editor-dashboard")
    page.goto("/ru/admin/articles/article/add/")
    expect(page.locator("#id_title_ru")).to_be_visible()
    fill_translated(page, "title", TITLES, shoot)
    fill_translated(page, "abstract", ABSTRACTS, shoot)
    # Each tab shows only its own language's box.
    page.locator('a[href="#tab_id_title_ky"]').click()
    expect(page.locator("#id_title_ky")).to_be_visible()
    expect(page.locator("#id_title_en")).to_be_hidden()

    select2_pick(page, "id_keywords", "гран", "граница")
    select2_pick(page, "id_keywords", "water", "водные ресурсы")
    # Each keyword is shown with its three labels, whatever the admin's language.
    assert selected_texts(page, "id_keywords") == [
        "чек ара / граница / border",
        "суу ресурстары / водные ресурсы / water resources",
    ]
    select2_pick(page, "id_issue", "2025", "2025")
    select2_pick(page, "id_section", "Междун", "Международные отношения")
    page.fill("#id_first_page", "11")
    page.fill("#id_last_page", "24")
    shoot(page, "keywords-issue-pages")

    page.locator("#authorships-group .add-row a").click()
    select2_pick(page, "id_authorships-0-contributor", "Токто", "Токтогулова")
    page.locator("#Event_articles-group .add-row a").click()
    select2_pick(page, "id_Event_articles-0-event", "Батк", "Пограничные переговоры")
    shoot(page, "author-and-event")

    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    shoot(page, "saved")
    article = Article.objects.get(title_en=TITLES["en"])
    assert page.url.endswith(f"/ru/admin/articles/article/{article.pk}/change/")
    assert (article.title_ky, article.title_ru) == (TITLES["ky"], TITLES["ru"])
    assert (article.abstract_ky, article.abstract_en) == (
        ABSTRACTS["ky"],
        ABSTRACTS["en"],
    )
    assert (article.issue, article.section) == (n["issue"], n["section"])
    assert (article.first_page, article.last_page) == (11, 24)
    assert set(article.keywords.all()) == {n["border"], n["water"]}
    assert [a.contributor for a in article.authorships.all()] == [n["author"]]
    assert list(article.events.all()) == [n["event"]]
    assert article.status == S.DRAFT
    assert article.created_by == n["editor"]

    page.locator('button[name=workflow_to][value="in_review"]').click()
    expect(page.locator(".messagelist .success")).to_contain_text("На рецензии")
    shoot(page, "sent-to-review")
    article.refresh_from_db()
    assert article.status == S.IN_REVIEW
    # The editor may no longer change it, nor accept it.
    expect(page.locator('button[value="accepted"]')).to_have_count(0)

    # --- The managing editor: accept from the dashboard, then publish the issue.
    page = new_context().new_page()
    admin_login(page, n["manager"], shoot=shoot)
    shoot(page, "manager-dashboard")
    page.locator(".journal-dashboard a", has_text=TITLES["ru"]).click()
    page.wait_for_url(re.compile(rf"/articles/article/{article.pk}/change/"))
    page.locator('button[name=workflow_to][value="accepted"]').click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    shoot(page, "accepted")
    article.refresh_from_db()
    assert article.status == S.ACCEPTED
    assert list(
        StatusChange.objects.filter(article=article)
        .order_by("id")
        .values_list("to_status", "changed_by__username")
    ) == [(S.IN_REVIEW, "aida"), (S.ACCEPTED, "bakyt")]

    page.goto("/ru/admin/")
    issue_link = (
        f'.journal-dashboard a[href$="/articles/issue/{n["issue"].pk}/change/"]'
    )
    page.locator(issue_link).click()
    page.wait_for_url(re.compile(rf"/articles/issue/{n['issue'].pk}/change/"))
    shoot(page, "issue")
    page.locator(f'a[href$="/issue/{n["issue"].pk}/publish/"]').click()
    # One accepted article goes out with the issue, listed by title, and nothing is
    # missing.
    expect(page.locator("#content p").first).to_contain_text("1")
    expect(page.locator(".going-out li")).to_have_count(1)
    expect(page.locator(".going-out li")).to_contain_text(TITLES["ru"])
    expect(page.locator(".going-out .not-ready")).to_have_count(0)
    expect(page.locator("#content .errornote")).to_have_count(0)
    shoot(page, "publish-issue")
    page.locator("#content form [type=submit]").click()
    page.wait_for_url(re.compile(rf"/articles/issue/{n['issue'].pk}/change/"))
    expect(page.locator(".messagelist .success")).to_be_visible()
    shoot(page, "issue-published")
    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    assert article.is_public

    # --- A reader, not signed in, finds it on the Kyrgyz home page.
    page = new_context().new_page()
    page.goto("/ky/")
    link = page.locator("main a", has_text=TITLES["ky"]).first
    expect(link).to_be_visible()
    shoot(page, "reader-home")
    link.click()
    page.wait_for_url(re.compile(rf"/ky/articles/{article.slug}/$"))
    expect(page.locator("h1")).to_have_text(TITLES["ky"])
    expect(page.locator(".authors")).to_contain_text("Токтогулова")
    expect(page.locator(".keywords")).to_contain_text("чек ара")
    expect(page.locator("main")).to_contain_text(n["event"].title_ky)
    shoot(page, "reader-article")
