"""Dates shown at their precision, in each language, and never with a made-up day."""

from datetime import date

import pytest
from django.utils import translation

from relations.dates import PartialDate
from tests.helpers import parse, url_in
from tests.relations.builders import make_agreement, make_event

pytestmark = pytest.mark.django_db

CASES = [
    # value, precision, ISO, {lang: text}
    (
        date(1992, 1, 1),
        "year",
        "1992",
        {"en": "1992", "ru": "1992 г.", "ky": "1992-жыл"},
    ),
    (
        date(2007, 9, 1),
        "month",
        "2007-09",
        {
            "en": "September 2007",
            "ru": "сентябрь 2007 г.",
            "ky": "2007-жылдын сентябры",
        },
    ),
    (
        date(2009, 4, 28),
        "day",
        "2009-04-28",
        {
            "en": "28 April 2009",
            "ru": "28 апреля 2009 г.",
            "ky": "2009-жылдын 28-апрели",
        },
    ),
]
IDS = ["year", "month", "day"]
LANGUAGES = ["ky", "ru", "en"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("value, precision, iso, texts", CASES, ids=IDS)
def test_partial_date_format(value, precision, iso, texts, lang):
    partial = PartialDate(value, precision)
    assert partial.format(lang) == texts[lang]
    with translation.override(lang):
        assert str(partial) == texts[lang]
    assert partial.iso() == iso


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("value, precision, iso, texts", CASES, ids=IDS)
def test_event_page_shows_the_date_at_its_precision(
    client, value, precision, iso, texts, lang
):
    event = make_event(date=value, date_precision=precision)
    doc = parse(client.get(url_in(lang, event)))
    when = doc.find("dl", class_="article-meta").find("time")
    assert when.attrs["datetime"] == iso
    assert when.text == texts[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_page_shows_start_and_end_each_at_its_precision(client, lang):
    event = make_event(
        date=date(2007, 9, 1),
        date_precision="month",
        end_date=date(2009, 4, 28),
        end_precision="day",
    )
    doc = parse(client.get(url_in(lang, event)))
    times = doc.find("dl", class_="article-meta").find_all("time")
    assert [(t.attrs["datetime"], t.text) for t in times] == [
        ("2007-09", CASES[1][3][lang]),
        ("2009-04-28", CASES[2][3][lang]),
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_registry_and_listings_use_the_same_precision(client, lang):
    event = make_event(date=date(1992, 1, 1), date_precision="year")
    make_agreement(date=date(2007, 9, 1), date_precision="month", events=[event])
    registry = parse(client.get(url_in(lang, "relations:agreements")))
    assert [
        (t.attrs["datetime"], t.text) for t in registry.find("table").find_all("time")
    ] == [("2007-09", CASES[1][3][lang])]
    timeline = parse(client.get(url_in(lang, "relations:timeline")))
    (item,) = timeline.find_all("article", class_="event-item")
    assert (item.find("time").attrs["datetime"], item.find("time").text) == (
        "1992",
        CASES[0][3][lang],
    )
