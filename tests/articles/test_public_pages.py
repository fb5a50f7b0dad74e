from types import SimpleNamespace
from urllib.parse import quote

import pytest

from articles.models import Authorship
from tests.builders import (
    MINIMAL_PDF,
    add_galley,
    add_reference,
    add_section,
    make_article,
    make_contributor,
    make_issue,
    make_journal,
    make_keyword,
    make_section,
    past,
)
from tests.helpers import parse, url_in

pytestmark = pytest.mark.django_db

LANGUAGES = ["ky", "ru", "en"]
GALLEY_NAMES = {"ky": "макала.pdf", "ru": "статья.pdf", "en": "kyrgyz-tajik.pdf"}


@pytest.fixture
def journal_content():
    """One published issue with one fully trilingual article."""
    make_journal()
    issue = make_issue(year=2024, number="4/1", published_at=past(10))
    border = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    water = make_keyword(name_ky="суу", name_ru="вода", name_en="water")
    article = make_article(
        issue=issue,
        authors=0,
        keywords=[border, water],
        section=make_section(name_ky="Тарых", name_ru="История", name_en="History"),
        title_ky="Кыргыз-тажик чек арасы",
        title_ru="Кыргызско-таджикская граница",
        title_en="The Kyrgyz-Tajik border",
        abstract_ky="Макалада чек ара маселеси каралат.",
        abstract_ru="В статье рассматривается пограничный вопрос.",
        abstract_en="The article studies the border question.",
        first_page=12,
        last_page=20,
        published_at=past(5),
    )
    author = make_contributor(
        last_name_ky="Осмонова",
        first_name_ky="Айгүл",
        patronymic_ky="Бакытовна",
        last_name_ru="Осмонова",
        first_name_ru="Айгуль",
        patronymic_ru="Бакытовна",
        last_name_en="Osmonova",
        first_name_en="Aigul",
        affiliation_ky="Кыргыз улуттук университети",
        affiliation_ru="Кыргызский национальный университет",
        affiliation_en="Kyrgyz National University",
    )
    Authorship.objects.create(article=article, contributor=author, order=0)
    add_section(
        article,
        0,
        heading_ky="Киришүү",
        text_ky="Чек ара маселеси [1] боюнча.",
        heading_ru="Введение",
        text_ru="О пограничном вопросе [1].",
        heading_en="Introduction",
        text_en="On the border question [1].",
    )
    add_section(
        article,
        1,
        heading_ky="Корутунду",
        text_ky="Жыйынтык.",
        heading_ru="Заключение",
        text_ru="Итог.",
        heading_en="Conclusion",
        text_en="Summary.",
    )
    add_reference(article, 0, text="Асанов Б. Чек ара. Бишкек, 2020.")
    add_reference(article, 1, text="Petrov P. Borders. Moscow, 2019.")
    for code, name in GALLEY_NAMES.items():
        add_galley(article, code, name=name)
    return SimpleNamespace(
        issue=issue, article=article, author=author, keywords=[border, water]
    )


def page_urls(content, lang):
    return {
        "home": url_in(lang, "articles:home"),
        "archive": url_in(lang, "articles:archive"),
        "issue": url_in(lang, content.issue),
        "article": url_in(lang, content.article),
        "keywords": url_in(lang, "articles:keywords"),
        "keyword": url_in(lang, content.keywords[0]),
    }


PAGES = ["home", "archive", "issue", "article", "keywords", "keyword"]


# --- every page, every language ---


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_is_served_in_its_language_with_alternates(
    client, journal_content, lang, page
):
    url = page_urls(journal_content, lang)[page]
    assert url.startswith(f"/{lang}/")

    response = client.get(url)

    assert response.status_code == 200
    doc = parse(response)
    assert doc.find("html").attrs["lang"] == lang
    alternates = {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in doc.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }
    switcher = {
        a.attrs["hreflang"]: a.attrs["href"]
        for a in doc.find("nav", class_="languages").find_all("a")
    }
    for code in LANGUAGES:
        same_page = page_urls(journal_content, code)[page]
        assert alternates[code] == f"http://testserver{same_page}"
        assert switcher[code] == same_page


@pytest.mark.parametrize("page", ["home", "issue", "keyword"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_listings_show_the_article_title_in_the_page_language(
    client, journal_content, lang, page
):
    article = journal_content.article
    doc = parse(client.get(page_urls(journal_content, lang)[page]))
    links = doc.find_all("a", href=url_in(lang, article))
    assert links, "the article is not linked"
    assert getattr(article, f"title_{lang}") in [a.text for a in links]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_archive_lists_the_issue_with_its_label(client, journal_content, lang):
    issue = journal_content.issue
    doc = parse(client.get(url_in(lang, "articles:archive")))
    link = doc.find("a", href=url_in(lang, issue))
    assert link.text == issue.label(lang)
    assert link.parent.find("span", class_="count").text.startswith("1")


# --- the article page ---


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_page_shows_the_article(client, journal_content, lang):
    article, author = journal_content.article, journal_content.author
    doc = parse(client.get(url_in(lang, article)))

    h1 = doc.find("h1")
    assert h1.text == getattr(article, f"title_{lang}")
    assert h1.lang() == lang
    authors = doc.find("ul", class_="authors").text
    assert author.full_name(lang).text in authors
    assert getattr(author, f"affiliation_{lang}") in authors
    assert (
        getattr(article, f"abstract_{lang}")
        in doc.find("section", class_="abstract").text
    )

    keyword_links = {
        a.attrs["href"]: a.text
        for a in doc.find("section", class_="keywords").find_all("a")
    }
    assert keyword_links == {
        url_in(lang, k): getattr(k, f"name_{lang}") for k in journal_content.keywords
    }

    body = doc.find("div", class_="body-text")
    assert body.lang() == lang
    headings = [h.text for h in body.find_all("h3")]
    assert headings == [
        getattr(s, f"heading_{lang}") for s in article.sections.order_by("order")
    ]
    citation = body.find("a", class_="cite")
    assert (citation.attrs["href"], citation.text) == ("#ref-1", "1")
    assert doc.find("li", id="ref-1").text == "Асанов Б. Чек ара. Бишкек, 2020."
    assert doc.find("li", id="ref-2").text == "Petrov P. Borders. Moscow, 2019."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_page_shows_issue_pages_and_galleys(client, journal_content, lang):
    article, issue = journal_content.article, journal_content.issue
    doc = parse(client.get(url_in(lang, article)))

    meta = doc.find("dl", class_="article-meta")
    issue_link = meta.find("a", href=url_in(lang, issue))
    assert issue_link.text == issue.label(lang)
    assert "12–20" in meta.text
    galleys = doc.find("ul", class_="galleys").find_all("a")
    assert {(a.attrs["hreflang"], a.attrs["href"]) for a in galleys} == {
        (code, url_in(lang, "articles:galley", slug=article.slug, language=code))
        for code in LANGUAGES
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_page_gives_title_and_abstract_in_the_other_languages(
    client, journal_content, lang
):
    article = journal_content.article
    doc = parse(client.get(url_in(lang, article)))
    section = doc.find("section", class_="other-languages")
    for code in LANGUAGES:
        title = getattr(article, f"title_{code}")
        abstract = getattr(article, f"abstract_{code}")
        if code == lang:
            assert title not in section.text
            continue
        (title_el,) = section.containing(title)
        (abstract_el,) = section.containing(abstract)
        assert title_el.lang() == code
        assert abstract_el.lang() == code


@pytest.mark.parametrize("code", LANGUAGES)
def test_galley_download_returns_the_pdf_named_from_the_article(
    client, journal_content, code
):
    article = journal_content.article
    response = client.get(
        url_in("en", "articles:galley", slug=article.slug, language=code)
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    disposition = response["Content-Disposition"]
    assert f'filename="{article.slug}-{code}.pdf"' in disposition
    assert quote(GALLEY_NAMES[code]) not in disposition


def test_galley_uploaded_under_another_extension_downloads_as_pdf(client):
    article = make_article()
    add_galley(article, "ru", name="x.html")
    response = client.get(
        url_in("ru", "articles:galley", slug=article.slug, language="ru")
    )
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.endswith(f'filename="{article.slug}-ru.pdf"')
    assert "html" not in disposition


def test_galley_in_a_language_without_a_file_is_404(client):
    article = make_article()
    add_galley(article, "ru")
    for language, status in (("ru", 200), ("ky", 404), ("xx", 404)):
        url = url_in("ru", "articles:galley", slug=article.slug, language=language)
        assert client.get(url).status_code == status


# --- fallbacks ---


def test_title_in_another_language_is_marked_as_such(client):
    article = make_article(title_ky="", title_ru="Только по-русски", title_en="")

    doc = parse(client.get(url_in("en", article)))

    h1 = doc.find("h1")
    assert h1.attrs.get("lang") == "ru"
    assert "Только по-русски" in h1.text
    note = h1.find(class_="fallback-note")
    assert note.text == "(in Russian)"
    assert note.lang() == "en"


def test_title_in_the_page_language_has_no_fallback_marker(client):
    article = make_article(title_ky="", title_ru="Только по-русски", title_en="")
    h1 = parse(client.get(url_in("ru", article))).find("h1")
    assert "lang" not in h1.attrs
    assert not h1.find_all(class_="fallback-note")


@pytest.mark.parametrize("page", ["home", "issue"])
def test_listing_marks_a_title_in_another_language(client, page):
    article = make_article(title_ky="", title_ru="Только по-русски", title_en="")
    url = (
        url_in("en", "articles:home") if page == "home" else url_in("en", article.issue)
    )
    doc = parse(client.get(url))
    titles = doc.containing("Только по-русски")
    assert titles
    for title in titles:
        assert title.lang() == "ru"
        assert title.parent.find(class_="fallback-note").text == "(in Russian)"


def test_body_only_in_kyrgyz_is_marked_on_the_russian_page(client):
    article = make_article()
    add_section(article, heading_ky="Киришүү", text_ky="Текст кыргызча гана.")

    doc = parse(client.get(url_in("ru", article)))

    body = doc.find("section", class_="body")
    (text,) = body.containing("Текст кыргызча гана.")
    assert text.lang() == "ky"
    assert body.find("p", class_="fallback-note")


def test_body_only_in_kyrgyz_says_so_in_english(client):
    article = make_article()
    add_section(article, text_ky="Текст кыргызча гана.")
    body = parse(client.get(url_in("en", article))).find("section", class_="body")
    assert "Full text in Kyrgyz" in body.find("p", class_="fallback-note").text


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_body_in_the_page_language_has_no_fallback_note(client, lang):
    article = make_article()
    add_section(article, text_ky="Кыргызча текст.", text_ru="Русский текст.")
    body = parse(client.get(url_in(lang, article))).find("section", class_="body")
    assert not body.find_all(class_="fallback-note")
    assert body.find("div", class_="body-text").lang() == lang


# --- language prefixes ---


@pytest.mark.parametrize("path", ["/xx/", "/xx/issues/", "/de/keywords/"])
def test_unknown_language_prefix_is_404(client, path):
    assert client.get(path).status_code == 404


def test_root_redirects_to_the_default_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ky/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_root_redirects_to_the_browsers_language(client, lang):
    response = client.get("/", headers={"accept-language": lang})
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/"


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("ky", "Осмонова Айгүл: ORCID iD"),
        ("ru", "ORCID iD: Осмонова Айгүл"),
        ("en", "ORCID iD of Aigul Osmonova"),
    ],
)
def test_authors_and_references_are_listed_with_their_links(client, lang, label):
    make_journal()
    article = make_article(authors=0)
    person = make_contributor(
        last_name_ky="Осмонова",
        first_name_ky="Айгүл",
        last_name_ru="Осмонова",
        first_name_ru="Айгүл",
        last_name_en="Osmonova",
        first_name_en="Aigul",
        orcid="0000-0002-1825-0097",
    )
    Authorship.objects.create(article=article, contributor=person, order=0)
    add_reference(article, 0, text='Trade <and> "borders" & more.', doi="10.1/x")
    add_reference(article, 1, text="Second.", url="https://example.org/?a=1&b=2")
    add_reference(article, 2, text="Third.")
    doc = parse(client.get(url_in(lang, article)))
    orcid = doc.find("a", class_="orcid")
    assert orcid.attrs["href"] == "https://orcid.org/0000-0002-1825-0097"
    assert orcid.attrs["aria-label"] == label
    items = doc.find("section", class_="references").find_all("li")
    assert [li.attrs["id"] for li in items] == ["ref-1", "ref-2", "ref-3"]
    assert items[0].text == 'Trade <and> "borders" & more. https://doi.org/10.1/x'
    assert [a.attrs["href"] for li in items for a in li.find_all("a")] == [
        "https://doi.org/10.1/x",
        "https://example.org/?a=1&b=2",
    ]
