"""In the browser: the 404 page's language switcher, the timeline on a phone, axe-core
on the pages changed for issue 18, and screenshots of the Kyrgyz site at desktop and
phone width (artifacts/e2e/<test>/, git-ignored)."""

from datetime import date

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article
from config.errors import server_error
from relations.models import Event
from tests.e2e.test_accessibility import FAILING_IMPACTS, describe, run_axe
from tests.helpers import url_in
from tests.relations.builders import knowledge_base, make_event, make_indicator

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def serious(violations):
    return [v for v in violations if v["impact"] in FAILING_IMPACTS]


@pytest.mark.django_db(transaction=True)
def test_the_404_switcher_goes_to_each_language(new_context, live_server, shoot):
    knowledge_base()
    page = new_context(bypass_csp=True).new_page()

    response = page.goto("/ky/no/such/page/")
    assert response.status == 404
    shoot(page, "404-ky")
    assert not serious(run_axe(page)), describe(run_axe(page))

    for code, name in (("ru", "Русский"), ("en", "English"), ("ky", "Кыргызча")):
        page.locator("nav.languages").get_by_role("link", name=name).click()
        expect(page).to_have_url(f"{live_server.url}/{code}/no/such/page/")
        expect(page.locator("html")).to_have_attribute("lang", code)


@pytest.mark.django_db(transaction=True)
def test_the_500_page_has_the_site_look_and_passes_axe(new_context, live_server, shoot):
    from django.test import RequestFactory

    html = server_error(RequestFactory().get("/ru/broken/")).content.decode()
    page = new_context(bypass_csp=True).new_page()
    page.route(
        "**/ru/broken/",
        lambda route: route.fulfill(status=500, body=html, content_type="text/html"),
    )

    page.goto("/ru/broken/")

    expect(page.locator("h1")).to_have_text("Произошла ошибка")
    header_bg = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header_bg == "rgb(255, 255, 255)"  # site.css is applied
    shoot(page, "500-ru")
    violations = run_axe(page)
    assert not serious(violations), describe(violations)


@pytest.fixture
def timeline_events(db):
    kb = knowledge_base()
    make_event(
        title_ky="Айы гана белгилүү окуя",
        date=date(2007, 9, 1),
        date_precision="month",
        kind=Event.Kind.NEGOTIATION,
    )
    make_event(
        title_ky="Жылы гана белгилүү окуя",
        date=date(2001, 1, 1),
        date_precision="year",
        kind=Event.Kind.CULTURAL,
    )
    return kb


@pytest.mark.django_db(transaction=True)
def test_the_timeline_is_a_readable_vertical_list_on_a_phone(
    new_context, timeline_events, shoot
):
    page = new_context(viewport=PHONE, bypass_csp=True).new_page()
    page.goto("/ky/relations/timeline/")
    shoot(page, "timeline-ky-phone")

    expect(page.locator("figure.timeline")).to_be_hidden()
    items = page.locator("ol.timeline-list > li")
    expect(items).to_have_count(4)
    for i in range(4):
        expect(items.nth(i)).to_be_visible()
        size = (
            items.nth(i)
            .locator(".item-title")
            .evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        )
        assert size >= 16, size
    marks = page.evaluate(
        """() => Object.fromEntries(
             [...document.querySelectorAll('ol.timeline-list > li')].map(li => [
               li.className.match(/precision-(\\w+)/)[1],
               parseFloat(getComputedStyle(li, '::before').height)]))"""
    )
    assert marks["day"] < marks["month"] < marks["year"], marks
    assert marks["day"] >= 12, marks
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    violations = run_axe(page)
    assert not serious(violations), describe(violations)


@pytest.mark.django_db(transaction=True)
def test_the_timeline_on_a_desktop_numbers_its_marks(
    new_context, timeline_events, shoot
):
    page = new_context(viewport=DESKTOP, bypass_csp=True).new_page()
    page.goto("/ky/relations/timeline/")
    shoot(page, "timeline-ky-desktop")

    expect(page.locator("figure.timeline svg")).to_be_visible()
    numbers = page.locator("figure.timeline svg a text")
    expect(numbers).to_have_count(4)
    heights = numbers.evaluate_all(
        "ts => ts.map(t => t.getBoundingClientRect().height)"
    )
    assert min(heights) >= 11, heights
    bars = page.locator("figure.timeline svg a rect")
    widths = bars.evaluate_all("rs => rs.map(r => r.getBoundingClientRect().width)")
    assert min(widths) >= 8, widths
    violations = run_axe(page)
    assert not serious(violations), describe(violations)


@pytest.mark.django_db(transaction=True)
def test_an_indicator_of_two_figures_passes_axe(new_context, shoot):
    knowledge_base()
    indicator = make_indicator(observations=[(2019, "41.5"), (2020, "38")])
    page = new_context(bypass_csp=True).new_page()
    page.goto(f"/ky/relations/indicators/{indicator.slug}/")
    expect(page.locator(".figures-sentence")).to_contain_text("2019-жылы: 41,5")
    shoot(page, "indicator-ky")
    violations = run_axe(page)
    assert not serious(violations), describe(violations)


@pytest.mark.django_db(transaction=True)
def test_screenshots_of_the_kyrgyz_site(new_context, shoot):
    """Home, an article and the timeline, with the demo content, at 1366 and 390."""
    call_command("load_demo", verbosity=0)
    article = Article.objects.public().order_by("-published_at").first()
    pages = {
        "home": "/ky/",
        "article": url_in("ky", article),
        "timeline": "/ky/relations/timeline/",
    }
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = new_context(viewport=viewport).new_page()
        for name, url in pages.items():
            page.goto(url)
            page.evaluate("document.fonts.ready")
            expect(page.locator("html")).to_have_attribute("lang", "ky")
            shoot(page, f"{name}-ky-{width_name}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            )
            wide = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                     .filter(e => [...e.childNodes].some(n => {
                        const r = document.createRange(); r.selectNodeContents(n);
                        return r.getBoundingClientRect().right > innerWidth; }))
                     .slice(0, 5).map(e => e.outerHTML.slice(0, 120))"""
            )
            assert overflow <= 0, (url, width_name, overflow, wide)
