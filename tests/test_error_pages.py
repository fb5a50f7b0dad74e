"""The 404 page's language links, and a 500 page with the site's look that never
touches the database."""

import pytest
from django.test import RequestFactory

from config.errors import server_error
from tests.helpers import parse

MESSAGES = {
    "ky": "Ката кетти",
    "ru": "Произошла ошибка",
    "en": "Something went wrong",
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_404_page_links_each_language_to_the_same_address(client, lang):
    response = client.get(f"/{lang}/no/such/page/?q=1")

    assert response.status_code == 404
    links = {
        a.attrs["hreflang"]: a.attrs["href"]
        for a in parse(response).find("nav", class_="languages").find_all("a")
    }
    assert links == {
        "ky": "/ky/no/such/page/?q=1",
        "ru": "/ru/no/such/page/?q=1",
        "en": "/en/no/such/page/?q=1",
    }


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_500_page_has_the_site_look_in_the_address_language(lang):
    """No database for this test: any query would raise, not pass."""
    response = server_error(RequestFactory().get(f"/{lang}/articles/broken/"))

    assert response.status_code == 500
    doc = parse(response)
    assert doc.find("html").attrs["lang"] == lang
    assert doc.find("h1").text == MESSAGES[lang]
    assert doc.find("link", rel="stylesheet").attrs["href"].endswith("site.css")
    assert doc.find("a", class_="site-name").attrs["href"] == f"/{lang}/"
    links = {
        a.attrs["hreflang"]: a.attrs["href"] for a in doc.find("nav").find_all("a")
    }
    assert links == {"ky": "/ky/", "ru": "/ru/", "en": "/en/"}


def test_the_500_page_of_an_address_without_a_language_is_kyrgyz():
    response = server_error(RequestFactory().get("/favicon-broken"))

    assert parse(response).find("h1").text == MESSAGES["ky"]
