"""The journal's own pages in a browser: reached from the header in ky, ru and en,
marked where they fall back to another language, and screenshots of the demo's about
and editorial-board pages in Kyrgyz on a desktop and a phone
(artifacts/e2e/<test>/, git-ignored)."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.journalpages.builders import make_board_member, make_page

TITLES = {
    "ky": "Редакциялык кеңеш",
    "ru": "Редакционная коллегия",
    "en": "Editorial board",
}


@pytest.mark.django_db(transaction=True)
def test_a_reader_opens_the_board_from_the_header_in_each_language(page, shoot):
    make_page(
        slug="editorial-board",
        shows_board=True,
        in_navigation=True,
        **{f"title_{code}": title for code, title in TITLES.items()},
        body_ky="",  # the Kyrgyz text is missing: shown in Russian, marked
    )
    make_board_member(
        name_ky="Айгүл Токтогулова",
        name_ru="Айгуль Токтогулова",
        name_en="Aigul Toktogulova",
    )
    for lang, title in TITLES.items():
        page.goto(f"/{lang}/")
        page.locator(".main-nav").get_by_role("link", name=title).click()
        page.wait_for_url(f"**/{lang}/journal/editorial-board/")
        assert page.locator("h1").inner_text() == title
        assert page.locator(".main-nav [aria-current=page]").inner_text() == title
        member = page.locator(".board-member").first
        assert member.locator(".board-name").inner_text() == {
            "ky": "Айгүл Токтогулова",
            "ru": "Айгуль Токтогулова",
        }.get(lang, "Aigul Toktogulova")
        text = page.locator(".page-text")
        if lang == "ky":
            assert text.get_attribute("lang") == "ru"
            note = text.locator(".fallback-note")
            assert note.is_visible()
            assert note.get_attribute("lang") == "ky"
        else:
            assert text.get_attribute("lang") is None
        shoot(page, f"board-{lang}")
    # The favicon the browser asks for is there.
    assert page.request.get("/favicon.ico").status == 200


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("device", "width"), [("desktop", 1366), ("phone", 390)])
def test_screenshots_of_the_demo_pages_in_kyrgyz(new_context, shoot, device, width):
    call_command("load_demo", stdout=StringIO())
    context = new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for slug in ("about", "editorial-board"):
        response = page.goto(f"/ky/journal/{slug}/")
        assert response.status == 200
        # Nothing wider than the screen: no sideways scrolling on a phone.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0, f"{slug} is {overflow}px wider than {width}px"
        logo = page.locator(".site-logo")
        assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
        shoot(page, f"{slug}-ky-{width}")
