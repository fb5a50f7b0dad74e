"""A reader switches languages, follows a keyword, searches, downloads the PDF and
copies a citation, all in the browser."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.builders import (
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
from tests.e2e.helpers import wait_for_pdf_viewer

LANGUAGE_NAMES = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}
PDF_NAME = "Toktogulova-2024-water.pdf"


def one_page_pdf():
    """A real one-page PDF, so that the browser's viewer has something to show."""
    buffer = io.BytesIO()
    Image.new("RGB", (420, 595), "white").save(buffer, "PDF")
    return buffer.getvalue()


@pytest.fixture
def library():
    """A small published journal like the demo: one issue, two articles, keywords."""
    journal = make_journal()
    issue = make_issue(journal=journal, year=2024, number="4", published_at=past(30))
    section = make_section(
        name_ky="Эл аралык мамилелер",
        name_ru="Международные отношения",
        name_en="International relations",
    )
    water = make_keyword(
        name_ky="суу ресурстары", name_ru="водные ресурсы", name_en="water resources"
    )
    border = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    article = make_article(
        issue=issue,
        section=section,
        authors=0,
        keywords=[water, border],
        title_ky="Сырдарыя бассейниндеги суу талаштары",
        title_ru="Водные споры в бассейне Сырдарьи",
        title_en="Water disputes in the Syr Darya basin",
        abstract_en="How Kyrgyzstan and Tajikistan share the water of the Syr Darya.",
        published_at=past(30),
        first_page=5,
        last_page=19,
    )
    article.authorships.create(
        contributor=make_contributor(
            last_name_ky="Токтогулова",
            first_name_ky="Айгүл",
            last_name_ru="Токтогулова",
            first_name_ru="Айгуль",
            last_name_en="Toktogulova",
            first_name_en="Aigul",
        ),
        order=0,
    )
    add_section(
        article,
        heading_en="Introduction",
        text_en="The Syr Darya crosses the Fergana valley [1].",
        text_ru="Сырдарья пересекает Ферганскую долину [1].",
    )
    add_reference(article, text="Bichsel C. Conflict transformation in Central Asia.")
    add_galley(article, language="en", name=PDF_NAME, content=one_page_pdf())
    other = make_article(
        issue=issue,
        section=section,
        keywords=[border],
        title_en="Border demarcation after 1991",
        published_at=past(30),
    )
    return locals()


def switch_language(page, code):
    page.locator("nav.languages").get_by_role(
        "link", name=LANGUAGE_NAMES[code], exact=True
    ).click()
    page.wait_for_url(re.compile(rf"/{code}/"))
    expect(page.locator("html")).to_have_attribute("lang", code)


@pytest.mark.django_db(transaction=True)
def test_reader_switches_language_finds_downloads_and_cites(
    context, library, shoot, live_server
):
    lib = library
    article, water = lib["article"], lib["water"]
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=live_server.url
    )
    page = context.new_page()

    page.goto("/ky/")
    expect(page.locator("html")).to_have_attribute("lang", "ky")
    expect(page.locator("h1")).to_have_text(lib["journal"].name_ky)
    expect(page.locator("main")).to_contain_text(article.title_ky)
    shoot(page, "home-ky")

    # The header's switcher shows the same page in the other languages.
    switch_language(page, "ru")
    assert page.url == f"{live_server.url}/ru/"
    expect(page.locator("h1")).to_have_text(lib["journal"].name_ru)
    expect(page.locator("main")).to_contain_text(article.title_ru)
    shoot(page, "home-ru")
    switch_language(page, "en")
    assert page.url == f"{live_server.url}/en/"
    expect(page.locator("h1")).to_have_text(lib["journal"].name_en)
    expect(page.locator("main")).to_contain_text(article.title_en)
    shoot(page, "home-en")

    # A keyword on the home page leads to the keyword's page with its articles.
    page.locator("main").get_by_role("link", name="water resources", exact=True).click()
    page.wait_for_url(re.compile(rf"/en/keywords/{water.slug}/$"))
    expect(page.locator("h1")).to_have_text("water resources")
    expect(page.locator("main")).to_contain_text(article.title_en)
    expect(page.locator("main")).not_to_contain_text(lib["other"].title_en)
    shoot(page, "keyword")
    # ...and it too exists in the other languages.
    switch_language(page, "ru")
    assert page.url == f"{live_server.url}/ru/keywords/{water.slug}/"
    expect(page.locator("h1")).to_have_text("водные ресурсы")
    shoot(page, "keyword-ru")
    switch_language(page, "en")

    # The search box in the header.
    page.locator("header #site-search-q").fill("Syr Darya")
    page.locator("header #site-search-q").press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=Syr\+Darya"))
    results = page.locator(".search-results")
    expect(results.get_by_role("link", name=article.title_en)).to_be_visible()
    expect(results).not_to_contain_text(lib["other"].title_en)
    shoot(page, "search")

    results.get_by_role("link", name=article.title_en).click()
    page.wait_for_url(re.compile(rf"/en/articles/{article.slug}/$"))
    expect(page.locator("h1")).to_have_text(article.title_en)
    shoot(page, "article")

    # A click opens the PDF in the browser's viewer (it is served inline, under its
    # original name); "download link" (Alt+click in Chromium) saves it.
    pdf_link = page.locator(".galleys a", has_text="PDF")
    expect(pdf_link).to_have_count(1)
    pdf_link.click()
    page.wait_for_url(re.compile(rf"/en/articles/{article.slug}/pdf/en/$"))
    assert wait_for_pdf_viewer(page) == 1  # the viewer has the page before the shot
    shoot(page, "pdf-viewer", full_page=False)
    page.go_back()
    page.wait_for_url(re.compile(rf"/en/articles/{article.slug}/$"))
    with page.expect_download() as info:
        pdf_link.click(modifiers=["Alt"])
    download = info.value
    # Named from the article, whatever the uploaded file was called.
    assert download.suggested_filename == f"{article.slug}-en.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    shoot(page, "pdf-downloaded")

    # "How to cite": select the APA text as a reader would, and copy it.
    apa = page.locator("#how-to-cite .citation-apa")
    apa.scroll_into_view_if_needed()
    apa.click(click_count=3)
    selected = page.evaluate("() => window.getSelection().toString()")
    assert "Toktogulova" in selected
    assert "2024" in selected
    assert article.title_en in selected
    shoot(page, "citation-selected", full_page=False)
    copy_button = page.locator("#how-to-cite button")
    if copy_button.count():
        copy_button.first.click()
    else:
        page.keyboard.press("Control+C")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "Toktogulova" in copied
    assert "2024" in copied

    gost = page.locator("#how-to-cite .citation-gost")
    assert "Toktogulova" in gost.inner_text()
    assert "2024" in gost.inner_text()
