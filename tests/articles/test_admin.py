"""The editors' admin, in each of its three languages."""

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import (
    Article,
    ArticleSection,
    Authorship,
    Keyword,
    Reference,
)
from tests.builders import (
    add_section,
    make_article,
    make_contributor,
    make_issue,
    make_keyword,
    make_section,
)
from tests.helpers import form_values, parse

pytestmark = pytest.mark.django_db

LANGUAGES = ["ky", "ru", "en"]
JQUERY_UI = "/static/vendor/jquery-ui/jquery-ui.min.js"


def admin_url(lang, path):
    return f"/{lang}/admin/articles/{path}"


def inline_prefixes(response):
    """{inline model: formset prefix} as the add or change form uses them."""
    return {
        inline.formset.model: inline.formset.prefix
        for inline in response.context["inline_admin_formsets"]
    }


def article_form_data(response):
    return form_values(parse(response).find("form", id="article_form"))


# --- the add form ---


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_add_form_has_translation_tabs_and_local_jquery_ui(admin_client, lang):
    response = admin_client.get(admin_url(lang, "article/add/"))

    assert response.status_code == 200
    doc = parse(response)
    assert doc.find("html").attrs["lang"] == lang
    for field in ("title", "abstract"):
        for code in LANGUAGES:
            widget = doc.find(id=f"id_{field}_{code}")
            assert f"mt-field-{field}-{code}" in widget.classes
    scripts = [s.attrs["src"] for s in doc.find_all("script") if "src" in s.attrs]
    assert JQUERY_UI in scripts
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in scripts
    assert scripts.index(JQUERY_UI) < scripts.index(
        "/static/modeltranslation/js/tabbed_translation_fields.js"
    )
    assert not [s for s in scripts if "jquery-ui" in s and s != JQUERY_UI]
    assert finders.find("vendor/jquery-ui/jquery-ui.min.js")


@pytest.fixture
def choices():
    issue = make_issue()
    border = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    water = make_keyword(name_ky="суу", name_ru="вода", name_en="water")
    make_keyword(name_ky="тоо", name_ru="горы", name_en="mountains")
    author = make_contributor()
    return issue, [border, water], author


def new_article_data(response, issue, keywords, author):
    data = article_form_data(response)
    prefix = inline_prefixes(response)
    authors, body, refs = prefix[Authorship], prefix[ArticleSection], prefix[Reference]
    data.update(
        {
            "title_ky": "Кыргыз-тажик чек арасы",
            "title_ru": "Кыргызско-таджикская граница",
            "title_en": "The Kyrgyz-Tajik border",
            "abstract_ky": "Макалада чек ара маселеси каралат.",
            "abstract_ru": "В статье рассматривается пограничный вопрос.",
            "abstract_en": "The article studies the border question.",
            "keywords": [str(k.pk) for k in keywords],
            "issue": str(issue.pk),
            "first_page": "12",
            "last_page": "20",
            f"{authors}-TOTAL_FORMS": "1",
            f"{authors}-0-order": "0",
            f"{authors}-0-contributor": str(author.pk),
            f"{authors}-0-corresponding": "on",
            f"{body}-TOTAL_FORMS": "1",
            f"{body}-0-order": "0",
            f"{body}-0-heading_ru": "Введение",
            f"{body}-0-text_ru": "О пограничном вопросе [1].",
            f"{refs}-TOTAL_FORMS": "1",
            f"{refs}-0-order": "0",
            f"{refs}-0-text": "Асанов Б. Чек ара. Бишкек, 2020.",
        }
    )
    return data


@pytest.mark.parametrize("lang", LANGUAGES)
def test_create_and_edit_an_article_through_the_admin(admin_client, choices, lang):
    issue, keywords, author = choices
    add = admin_client.get(admin_url(lang, "article/add/"))

    response = admin_client.post(
        admin_url(lang, "article/add/"), new_article_data(add, issue, keywords, author)
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert (article.title_ky, article.title_ru, article.title_en) == (
        "Кыргыз-тажик чек арасы",
        "Кыргызско-таджикская граница",
        "The Kyrgyz-Tajik border",
    )
    assert article.abstract_ky and article.abstract_ru and article.abstract_en
    assert article.issue == issue
    assert article.slug == "kyrgyz-tazhik-chek-arasy"
    assert set(article.keywords.all()) == set(keywords)
    assert [(a.contributor, a.corresponding) for a in article.authorships.all()] == [
        (author, True)
    ]
    (section,) = article.sections.all()
    assert section.heading_ru == "Введение"
    assert section.text_ru == "О пограничном вопросе [1]."
    assert not section.text_ky and not section.text_en
    assert [r.text for r in article.references.all()] == [
        "Асанов Б. Чек ара. Бишкек, 2020."
    ]

    change_url = admin_url(lang, f"article/{article.pk}/change/")
    change = admin_client.get(change_url)
    data = article_form_data(change)
    data["title_en"] = "Kyrgyz-Tajik border relations"
    response = admin_client.post(change_url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.title_en == "Kyrgyz-Tajik border relations"
    assert article.title_ru == "Кыргызско-таджикская граница"
    assert set(article.keywords.all()) == set(keywords)
    assert article.authorships.count() == article.sections.count() == 1
    assert article.references.count() == 1


def test_article_without_a_title_is_refused(admin_client, choices):
    issue, keywords, author = choices
    add = admin_client.get(admin_url("en", "article/add/"))
    data = new_article_data(add, issue, keywords, author)
    data.update(title_ky="", title_ru="", title_en="")

    response = admin_client.post(admin_url("en", "article/add/"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not Article.objects.exists()


# --- keyword autocomplete ---


@pytest.mark.parametrize(
    ("term", "expected"),
    [("гран", {"border"}), ("чек", {"border"}), ("вод", {"water"}), ("wat", {"water"})],
)
def test_keyword_autocomplete_finds_keywords_by_any_label(
    admin_client, choices, term, expected
):
    response = admin_client.get(
        "/en/admin/autocomplete/",
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "keywords",
            "term": term,
        },
    )

    assert response.status_code == 200
    found = {int(r["id"]) for r in response.json()["results"]}
    assert found == set(
        Keyword.objects.filter(name_en__in=expected).values_list("pk", flat=True)
    )


# --- the article list ---


@pytest.fixture
def mixed_articles():
    complete = make_article(keywords=[make_keyword()])
    add_section(complete, text_ky="Текст.", text_ru="Текст.", text_en="Text.")
    no_english_abstract = make_article(abstract_en="")
    add_section(no_english_abstract, text_ru="Только по-русски.")
    no_body = make_article(abstract_en="", abstract_ru="")
    return {
        "complete": complete,
        "no_english_abstract": no_english_abstract,
        "no_body": no_body,
    }


@pytest.mark.parametrize(
    ("missing", "expected"),
    [
        ("abstract_en", {"no_english_abstract", "no_body"}),
        ("abstract_ru", {"no_body"}),
        ("abstract_ky", set()),
        ("body_ky", {"no_english_abstract", "no_body"}),
        ("body_en", {"no_english_abstract", "no_body"}),
        ("body_ru", {"no_body"}),
        ("keywords_en", {"no_english_abstract", "no_body"}),
        ("title_en", set()),
    ],
)
def test_missing_filter_lists_exactly_the_articles_lacking_it(
    admin_client, mixed_articles, missing, expected
):
    response = admin_client.get(admin_url("en", "article/"), {"missing": missing})
    assert response.status_code == 200
    listed = set(response.context["cl"].result_list)
    assert listed == {mixed_articles[name] for name in expected}


def test_article_list_shows_completeness_per_language(admin_client, mixed_articles):
    complete = mixed_articles["complete"]
    no_english_abstract = mixed_articles["no_english_abstract"]
    response = admin_client.get(admin_url("en", "article/"))
    doc = parse(response)

    cells = doc.find_all("td", class_="field-completeness")
    assert len(cells) == 3
    grid = {}
    for row in doc.find("table", id="result_list").find("tbody").find_all("tr"):
        title = row.find("th").text
        spans = row.find("td", class_="field-completeness").find_all("span")
        grid[title] = {
            span.find("b").text: (span.text.split()[-1], span.attrs["title"])
            for span in spans
            if "title" in span.attrs
        }
    filters = doc.find(id="changelist-filter")
    assert filters.find("a", href="?missing=abstract_en")
    assert filters.find("a", href="?missing=body_ky")
    assert grid[str(complete)] == dict.fromkeys(LANGUAGES, ("●●●●", "✓"))
    assert grid[str(no_english_abstract)]["en"] == ("●○○○", "abstract, keywords, body")
    assert grid[str(no_english_abstract)]["ru"] == ("●●○●", "keywords")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_list_query_count_does_not_grow(admin_client, lang):
    def count(n):
        for _ in range(n):
            article = make_article(keywords=[make_keyword()], section=make_section())
            add_section(article, text_ru="Текст.")
        admin_client.get(admin_url(lang, "article/"))
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(admin_url(lang, "article/"))
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == Article.objects.count()
        return len(queries.captured_queries)

    few = count(3)
    many = count(27)
    assert few == many


# --- keywords: list, merge, validation ---


def test_keyword_list_shows_usage_counts(admin_client):
    used = make_keyword(name_en="border")
    unused = make_keyword(name_en="water")
    make_article(keywords=[used])
    make_article(keywords=[used], status=Article.Status.DRAFT)

    doc = parse(admin_client.get(admin_url("en", "keyword/")))

    counts = {
        row.find("td", class_="field-name_en").text: row.find(
            "td", class_="field-usage_count"
        ).text
        for row in doc.find("table", id="result_list").find("tbody").find_all("tr")
    }
    assert counts == {used.name_en: "2", unused.name_en: "0"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_merge_keywords_in_the_admin(admin_client, lang):
    target = make_keyword(name_ky="чек ара", name_ru=None, name_en=None)
    source = make_keyword(name_ky=None, name_ru="граница", name_en="border")
    bystander = make_keyword()
    first = make_article(keywords=[source])
    both = make_article(keywords=[source, target, bystander])
    changelist = admin_url(lang, "keyword/")

    confirm = admin_client.post(
        changelist,
        {
            "action": "merge_selected",
            "index": "0",
            "_selected_action": [target.pk, source.pk],
        },
    )

    assert confirm.status_code == 200
    (form,) = [f for f in parse(confirm).find_all("form") if f.find_all(name="target")]
    choices = {r.attrs["value"] for r in form.find_all("input", type="radio")}
    assert choices == {str(target.pk), str(source.pk)}
    assert Keyword.objects.filter(pk=source.pk).exists()

    data = form_values(form)
    data.update(target=str(target.pk), confirm="Merge")
    response = admin_client.post(changelist, data)

    assert response.status_code == 302
    assert not Keyword.objects.filter(pk=source.pk).exists()
    assert list(first.keywords.all()) == [target]
    assert set(both.keywords.all()) == {target, bystander}
    target.refresh_from_db()
    assert (target.name_ky, target.name_ru, target.name_en) == (
        "чек ара",
        "граница",
        "border",
    )


def test_merge_needs_two_keywords(admin_client):
    only = make_keyword()
    response = admin_client.post(
        admin_url("en", "keyword/"),
        {"action": "merge_selected", "index": "0", "_selected_action": [only.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "at least two" in response.content.decode()
    assert Keyword.objects.filter(pk=only.pk).exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyword_with_a_taken_russian_label_is_a_form_error(admin_client, lang):
    make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    url = admin_url(lang, "keyword/add/")
    data = form_values(parse(admin_client.get(url)).find("form", id="keyword_form"))
    data.update(name_ky="чегара", name_ru="граница", name_en="frontier")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "name_ru" in response.context["adminform"].form.errors
    assert Keyword.objects.count() == 1


def test_keyword_with_free_labels_is_saved(admin_client):
    make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    url = admin_url("ru", "keyword/add/")
    data = form_values(parse(admin_client.get(url)).find("form", id="keyword_form"))
    data.update(name_ky="суу", name_ru="вода", name_en="")

    response = admin_client.post(url, data)

    assert response.status_code == 302
    keyword = Keyword.objects.get(name_ru="вода")
    assert (keyword.name_ky, keyword.name_en) == ("суу", None)
    assert keyword.slug == "voda"
