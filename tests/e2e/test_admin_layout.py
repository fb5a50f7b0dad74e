"""The admin at a 1366 px wide window: no page is wider than the window.

Every admin page the walk of tests/admin_language visits, as a superuser in Russian
(the longest labels), plus the article form in Kyrgyz and Russian with long
references, a long event title and a Russian-only text; the article form is
screenshotted in both languages (artifacts/e2e/).
"""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from articles.models import Article
from tests.admin_language.pages import admin_pages, make_admin_content
from tests.builders import add_reference, make_article
from tests.e2e.helpers import PASSWORD, admin_login
from tests.relations.builders import make_event

pytestmark = pytest.mark.django_db(transaction=True)

WINDOW = {"width": 1366, "height": 900}
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"

LONG_REFERENCE = (
    "Абдрахманов Т. А. Кыргыз-тажик чек арасындагы суу ресурстарын бөлүштүрүү "
    "маселелери жана аларды чечүүнүн укуктук механизмдери // Борбор Азия жана "
    "Кавказ. 2019. Т. 22, № 3. С. 45–67. "
    "https://example.org/a-very-long-address/that/does/not/break/anywhere/at/all"
)


def russian_only_article():
    article = make_article(
        status=Article.Status.DRAFT,
        original_language="ru",
        title_ky="",
        title_en="",
        abstract_ky="",
        abstract_en="",
        title_ru="Пограничные переговоры Кыргызстана и Таджикистана в 2021–2023 годах",
        abstract_ru="Статья описывает ход переговоров о делимитации границы.",
        doi="10.12345/journal.2024.04.001-long-suffix",
    )
    for n in range(3):
        add_reference(article, order=n, text=LONG_REFERENCE, doi=f"10.1000/{n}")
    make_event(
        articles=[article],
        title_ru="Встреча председателей правительственных делегаций по делимитации "
        "и демаркации государственной границы в Баткене",
    )
    return article


@pytest.fixture
def superuser_page(new_context):
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    page = new_context(viewport=WINDOW).new_page()
    admin_login(page, User.objects.get(username="root"), lang="ru")
    return page


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_article_form_fits_the_window(superuser_page, shoot, lang):
    article = russian_only_article()
    page = superuser_page
    with translation.override(lang):
        page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    page.wait_for_selector(".mt-mark", state="attached")
    shoot(page, f"article-form-{lang}")
    assert page.evaluate(OVERFLOW) <= 0
    # A Russian-only article opens on its Russian text, whatever the admin's language,
    # and the tabs say which languages are empty.
    expect(page.locator("#id_title_ru")).to_be_visible()
    expect(page.locator("#id_title_ky")).to_be_hidden()
    tab = page.locator('a[href="#tab_id_title_ky"]').locator("..")
    expect(tab).to_have_class(re.compile(r"\bmt-empty\b"))
    tab = page.locator('a[href="#tab_id_title_ru"]').locator("..")
    expect(tab).to_have_class(re.compile(r"\bmt-filled\b"))


def test_no_admin_page_is_wider_than_the_window(superuser_page):
    content = make_admin_content()
    russian_only_article()
    with translation.override("ru"):
        pages = admin_pages(content)
    too_wide = {}
    for url in pages:
        response = superuser_page.goto(url)
        if response.status != 200:
            continue
        if (overflow := superuser_page.evaluate(OVERFLOW)) > 0:
            too_wide[url] = overflow
    assert not too_wide, too_wide
