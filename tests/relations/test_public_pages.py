"""Every knowledge-base page in each language: served, in its language, with content."""

import pytest

from tests.builders import make_article, make_keyword
from tests.helpers import parse, url_in
from tests.relations.builders import (
    country,
    knowledge_base,
    make_agreement,
    make_domain,
    make_event,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["ky", "ru", "en"]


@pytest.fixture
def kb():
    return knowledge_base()


def page_urls(kb, lang):
    return {
        "home": url_in(lang, "relations:home"),
        "timeline": url_in(lang, "relations:timeline"),
        "event": url_in(lang, kb.summit),
        "agreements": url_in(lang, "relations:agreements"),
        "agreement": url_in(lang, kb.treaty),
        "domain": url_in(lang, kb.domain),
        "organization": url_in(lang, kb.organization),
        "pair": url_in(lang, "relations:pair", a="kg", b="tj"),
        "indicator": url_in(lang, kb.indicator),
    }


PAGES = [
    "home",
    "timeline",
    "event",
    "agreements",
    "agreement",
    "domain",
    "organization",
    "pair",
    "indicator",
]


def text_of(obj, field, lang):
    return getattr(obj, f"{field}_{lang}")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_is_served_in_its_language(client, kb, lang, page):
    url = page_urls(kb, lang)[page]
    assert url.startswith(f"/{lang}/relations/")
    response = client.get(url)
    assert response.status_code == 200
    doc = parse(response)
    assert doc.find("html").attrs["lang"] == lang
    assert doc.find("h1").text


# Pages that list events, each with its date, title and domains.
LISTING_PAGES = ["home", "timeline", "domain", "organization", "pair"]


@pytest.mark.parametrize("page", LISTING_PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_listing_links_the_summit_with_its_title_and_date(client, kb, lang, page):
    doc = parse(client.get(page_urls(kb, lang)[page]))
    items = [
        item
        for item in doc.find_all("article", class_="event-item")
        if item.find_all("a", href=url_in(lang, kb.summit))
    ]
    (item,) = items
    assert item.find("h2" if page == "timeline" else "h3").text == text_of(
        kb.summit, "title", lang
    )
    assert item.find("time").attrs["datetime"] == "2009-04-28"
    assert item.find("a", href=url_in(lang, kb.domain)).text == text_of(
        kb.domain, "name", lang
    )


@pytest.mark.parametrize("page", ["home", "timeline", "domain", "pair"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_row_names_its_domains_in_their_order_and_countries_by_code(
    client, lang, page
):
    first, second = make_domain(slug="zz", order=1), make_domain(slug="aa", order=2)
    kg, kz, tj = country("KG"), country("KZ"), country("TJ")
    make_event(domains=[second, first], countries=[tj, kz, kg])
    url = {
        "home": url_in(lang, "relations:home"),
        "timeline": url_in(lang, "relations:timeline"),
        "domain": url_in(lang, first),
        "pair": url_in(lang, "relations:pair", a="kg", b="tj"),
    }[page]
    (byline,) = parse(client.get(url)).find_all("p", class_="byline")
    links = [(a.attrs["href"], a.text) for a in byline.find_all("a")]
    assert links == [
        (url_in(lang, d), text_of(d, "name", lang)) for d in (first, second)
    ]
    countries = ", ".join(text_of(c, "name", lang) for c in (kg, kz, tj))
    assert byline.text.endswith(f" · {countries}")


@pytest.mark.parametrize("page", ["domain", "pair", "organization"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_gathering_pages_list_agreements_and_public_articles(client, kb, lang, page):
    doc = parse(client.get(page_urls(kb, lang)[page]))
    agreements = doc.find("section", **{"aria-labelledby": "agreements-heading"})
    assert agreements.find("a", href=url_in(lang, kb.treaty)).text == text_of(
        kb.treaty, "title", lang
    )
    articles = doc.find("section", **{"aria-labelledby": "articles-heading"})
    assert articles.find("a", href=url_in(lang, kb.article)).text == text_of(
        kb.article, "title", lang
    )
    assert not articles.find_all("a", href=url_in(lang, kb.draft))
    assert text_of(kb.draft, "title", lang) not in doc.text


@pytest.mark.parametrize("page", ["domain", "pair"])
def test_domain_and_pair_pages_link_the_indicator(client, kb, page):
    doc = parse(client.get(page_urls(kb, "en")[page]))
    section = doc.find("section", **{"aria-labelledby": "indicators-heading"})
    assert section.find("a", href=url_in("en", kb.indicator)).text == "Trade turnover"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_lists_domains_with_counts_pairs_organizations_indicators(
    client, kb, lang
):
    doc = parse(client.get(url_in(lang, "relations:home")))
    domain_link = doc.find("a", href=url_in(lang, kb.domain))
    assert domain_link.text == text_of(kb.domain, "name", lang)
    count = domain_link.parent.find("span", class_="count").text
    assert count.startswith("2 ") and ", 1 " in count
    pair = doc.find("a", href=url_in(lang, "relations:pair", a="kg", b="tj"))
    assert (
        pair.text == f"{text_of(kb.kg, 'name', lang)} – {text_of(kb.tj, 'name', lang)}"
    )
    assert doc.find("a", href=url_in(lang, kb.organization)).text == text_of(
        kb.organization, "acronym", lang
    )
    assert doc.find("a", href=url_in(lang, kb.indicator)).text == text_of(
        kb.indicator, "name", lang
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_page_says_what_when_where_who(client, kb, lang):
    summit = kb.summit
    doc = parse(client.get(url_in(lang, summit)))
    assert doc.find("h1").text == text_of(summit, "title", lang)
    meta = doc.find("dl", class_="article-meta")
    values = [dd.text for dd in meta.find_all("dd")]
    when, what, where, countries, who, organizations, domains = values
    assert (
        when
        == {
            "ky": "2009-жылдын 28-апрели",
            "ru": "28 апреля 2009 г.",
            "en": "28 April 2009",
        }[lang]
    )
    assert what.lower() == {"ky": "саммит", "ru": "саммит", "en": "summit"}[lang]
    assert where == text_of(summit, "place", lang)
    assert (
        countries == f"{text_of(kb.kg, 'name', lang)}, {text_of(kb.tj, 'name', lang)}"
    )
    person = kb.person
    assert who == f"{text_of(person, 'name', lang)} ({text_of(person, 'office', lang)})"
    assert meta.find("a", href=url_in(lang, kb.organization)).text == organizations
    assert meta.find("a", href=url_in(lang, kb.domain)).text == domains
    assert text_of(summit, "description", lang) in doc.find("article").text
    assert "Kabar news agency" in doc.find("p", class_="source").text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_page_links_keywords_agreements_and_only_public_articles(
    client, kb, lang
):
    doc = parse(client.get(url_in(lang, kb.summit)))
    keywords = doc.find("section", **{"aria-labelledby": "keywords-heading"})
    assert keywords.find("a", href=url_in(lang, kb.keyword)).text == text_of(
        kb.keyword, "name", lang
    )
    agreements = doc.find("section", **{"aria-labelledby": "agreements-heading"})
    assert agreements.find("a", href=url_in(lang, kb.treaty)).text == text_of(
        kb.treaty, "title", lang
    )
    articles = doc.find("section", **{"aria-labelledby": "articles-heading"})
    titles = [h3.find("a") for h3 in articles.find_all("h3")]
    assert [(a.attrs["href"], a.text) for a in titles] == [
        (url_in(lang, kb.article), text_of(kb.article, "title", lang))
    ]
    assert text_of(kb.draft, "title", lang) not in doc.text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_agreement_page_shows_kind_status_parties_events_articles(client, kb, lang):
    treaty = kb.treaty
    doc = parse(client.get(url_in(lang, treaty)))
    assert doc.find("h1").text == text_of(treaty, "title", lang)
    meta = doc.find("dl", class_="article-meta")
    assert meta.find("time").attrs["datetime"] == "2009-04-28"
    assert meta.find("span", class_="status-in_force")
    assert text_of(kb.tj, "name", lang) in meta.text
    assert meta.find("a", href=url_in(lang, kb.organization))
    events = doc.find("section", **{"aria-labelledby": "events-heading"})
    assert events.find("a", href=url_in(lang, kb.summit)).text == text_of(
        kb.summit, "title", lang
    )
    articles = doc.find("section", **{"aria-labelledby": "articles-heading"})
    assert articles.find("a", href=url_in(lang, kb.article))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_registry_lists_the_agreement_in_a_table_row(client, kb, lang):
    doc = parse(client.get(url_in(lang, "relations:agreements")))
    (row,) = doc.find("tbody").find_all("tr")
    cells = row.find_all("td")
    assert cells[0].find("time").attrs["datetime"] == "2009-04-28"
    assert cells[1].find("a", href=url_in(lang, kb.treaty)).text == text_of(
        kb.treaty, "title", lang
    )
    assert cells[4].text == (
        f"{text_of(kb.kg, 'name', lang)}, {text_of(kb.tj, 'name', lang)}; "
        f"{text_of(kb.organization, 'acronym', lang)}"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_indicator_page_has_the_figures_as_a_table(client, kb, lang):
    doc = parse(client.get(url_in(lang, kb.indicator)))
    assert doc.find("h1").text == text_of(kb.indicator, "name", lang)
    rows = doc.find("table").find("tbody").find_all("tr")
    assert [r.find_all("td")[0].text for r in rows] == ["2019", "2020", "2021"]
    assert text_of(kb.indicator, "unit", lang) in doc.find("caption").text
    crumbs = doc.find("nav", class_="breadcrumbs")
    assert crumbs.find("a", href=url_in(lang, kb.domain))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_organization_page_names_it_and_its_members(client, kb, lang):
    doc = parse(client.get(url_in(lang, kb.organization)))
    org = kb.organization
    assert doc.find("h1").text == (
        f"{text_of(org, 'name', lang)} ({text_of(org, 'acronym', lang)})"
    )
    assert text_of(kb.tj, "name", lang) in doc.find("main").text


def test_pair_page_in_either_order_and_unknown_pairs(client, kb):
    reversed_pair = client.get("/en/relations/countries/tj/kg/")
    assert reversed_pair.status_code == 301
    assert reversed_pair["Location"] == "/en/relations/countries/kg/tj/"
    assert client.get("/en/relations/countries/kg/tj/").status_code == 200
    for path in ("kg/kg", "kg/xx", "xx/yy"):
        assert client.get(f"/en/relations/countries/{path}/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/en/relations/events/nope/",
        "/ru/relations/agreements/nope/",
        "/ky/relations/domains/nope/",
        "/en/relations/organizations/nope/",
        "/en/relations/indicators/nope/",
    ],
)
def test_unknown_slug_is_404(client, url):
    assert client.get(url).status_code == 404


# --- fallbacks ---


@pytest.mark.parametrize("lang", ["ky", "en"])
def test_title_only_in_russian_is_marked_on_the_event_page(client, kb, lang):
    doc = parse(client.get(url_in(lang, kb.visit)))
    h1 = doc.find("h1")
    assert h1.lang() == "ru"
    assert "Визит только по-русски" in h1.text
    note = h1.find(class_="fallback-note")
    assert note.lang() == lang


def test_title_in_the_page_language_is_not_marked(client, kb):
    h1 = parse(client.get(url_in("ru", kb.visit))).find("h1")
    assert "lang" not in h1.attrs
    assert not h1.find_all(class_="fallback-note")


@pytest.mark.parametrize("page", ["home", "timeline", "domain", "pair"])
@pytest.mark.parametrize("lang", ["ky", "en"])
def test_listings_mark_a_title_in_another_language(client, kb, lang, page):
    doc = parse(client.get(page_urls(kb, lang)[page]))
    items = doc.find_all("article", class_="event-item")
    (title,) = [t for i in items for t in i.containing("Визит только по-русски")]
    assert title.lang() == "ru"
    note = title.parent.find(class_="fallback-note")
    assert note.text and note.lang() == lang


# --- keyword and article pages of the journal ---


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyword_page_lists_events_and_agreements_with_it(client, kb, lang):
    doc = parse(client.get(url_in(lang, kb.keyword)))
    events = doc.find("section", **{"aria-labelledby": "related-events-heading"})
    assert events.find("a", href=url_in(lang, kb.summit)).text == text_of(
        kb.summit, "title", lang
    )
    agreements = doc.find(
        "section", **{"aria-labelledby": "related-agreements-heading"}
    )
    assert agreements.find("a", href=url_in(lang, kb.treaty))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyword_used_only_by_an_event_has_a_page(client, lang):
    keyword = make_keyword(name_en="Rogun dam", name_ru="Рогунская ГЭС")
    event = make_event(title_en="Rogun talks", keywords=[keyword])
    response = client.get(url_in(lang, keyword))
    assert response.status_code == 200
    doc = parse(response)
    assert doc.find("main").find("a", href=url_in(lang, event))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_page_lists_the_events_and_agreements_it_discusses(client, kb, lang):
    doc = parse(client.get(url_in(lang, kb.article)))
    events = doc.find("section", **{"aria-labelledby": "related-events-heading"})
    assert [a.attrs["href"] for a in events.find_all("a")] == [url_in(lang, kb.summit)]
    agreements = doc.find(
        "section", **{"aria-labelledby": "related-agreements-heading"}
    )
    assert [a.attrs["href"] for a in agreements.find_all("a")] == [
        url_in(lang, kb.treaty)
    ]


def test_article_page_without_events_has_no_such_sections(client, kb):
    make_agreement(title_en="Unrelated agreement")
    doc = parse(client.get(url_in("en", make_article())))
    assert doc.find("h1")
    for heading in ("related-events-heading", "related-agreements-heading"):
        assert not doc.find_all("section", **{"aria-labelledby": heading})
    assert "Unrelated agreement" not in doc.text


def test_home_lists_a_pair_that_shares_only_an_agreement(client):
    make_agreement(countries=[country("KZ"), country("UZ")])
    make_agreement(countries=[country("KG"), country("TJ")], is_published=False)
    doc = parse(client.get(url_in("en", "relations:home")))
    section = doc.find("section", **{"aria-labelledby": "pairs-heading"})
    assert [(a.attrs["href"], a.text) for a in section.find_all("a")] == [
        (url_in("en", "relations:pair", a="kz", b="uz"), "Kazakhstan – Uzbekistan")
    ]
