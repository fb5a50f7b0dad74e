"""'In other languages' leaves out what the page already shows as a fallback."""

import pytest

from tests.builders import make_article
from tests.helpers import parse, url_in

pytestmark = pytest.mark.django_db


def versions(response):
    """{language heading: text} of the 'In other languages' section."""
    section = parse(response).find("section", class_="other-languages")
    return {
        box.find("h3").text: box.find("div").text
        for box in section.find_all("section", class_="translation")
    }


def test_a_fallback_abstract_is_not_repeated(client):
    article = make_article(
        abstract_ky="", abstract_ru="Только по-русски.", abstract_en="In English."
    )

    response = client.get(url_in("ky", article))
    main = parse(response).find("main").text

    assert main.count("Только по-русски.") == 1
    shown = versions(response)
    russian = next(text for name, text in shown.items() if "орус" in name.lower())
    assert article.title_ru in russian
    assert "Только по-русски." not in russian
    english = next(text for name, text in shown.items() if "англис" in name.lower())
    assert "In English." in english


def test_a_fallback_title_and_abstract_leave_no_empty_version(client):
    article = make_article(
        title_ky="", abstract_ky="", title_en="", abstract_en="", abstract_ru="Текст."
    )

    doc = parse(client.get(url_in("en", article)))

    assert doc.find("main").text.count("Текст.") == 1
    assert doc.find_all("section", class_="other-languages") == []


def test_translations_are_all_listed_when_nothing_falls_back(client):
    article = make_article()

    shown = versions(client.get(url_in("ru", article)))

    assert len(shown) == 2
    assert any("Кыскача мазмуну." in text for text in shown.values())
    assert any("The abstract." in text for text in shown.values())
