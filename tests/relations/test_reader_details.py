"""What readers of the knowledge base notice (issue 18, section 4): sources marked with
their language, agreement kinds that match the titles, filters, the timeline's marks
and numbers, an indicator of one or two figures as a sentence."""

import re
from datetime import date

import pytest

from relations.models import Agreement, Event, Observation
from tests.helpers import parse, url_in
from tests.relations.builders import (
    knowledge_base,
    make_agreement,
    make_event,
    make_indicator,
)

pytestmark = pytest.mark.django_db
LANGS = ["ky", "ru", "en"]
SOURCE_NOTES = {"ky": "англис тилинде", "ru": "на английском"}


@pytest.fixture
def kb():
    return knowledge_base()


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_an_english_source_is_marked_as_english_on_other_pages(client, kb, lang):
    doc = parse(client.get(url_in(lang, kb.summit)))

    source = doc.find("p", class_="source")
    marked = source.find("span", lang="en")
    assert marked is not None and marked.text == "Kabar news agency"
    note = source.find("span", class_="fallback-note")
    assert note is not None and note.text.strip("()") != ""


def test_an_english_source_is_plain_on_english_pages(client, kb):
    doc = parse(client.get(url_in("en", kb.summit)))

    source = doc.find("p", class_="source")
    assert "Kabar news agency" in source.text
    assert source.find_all("span", lang="en") == []
    assert source.find_all("span", class_="fallback-note") == []


def test_a_russian_source_is_marked_on_the_kyrgyz_page_only(client, kb):
    Agreement.objects.filter(pk=kb.treaty.pk).update(
        source="Дипломатический вестник", source_language="ru"
    )
    ky = parse(client.get(url_in("ky", kb.treaty))).find("p", class_="source")
    ru = parse(client.get(url_in("ru", kb.treaty))).find("p", class_="source")

    assert ky.find("span", lang="ru").text == "Дипломатический вестник"
    assert ru.find_all("span", lang="ru") == []
    assert "Дипломатический вестник" in ru.text


def test_observation_source_and_note_carry_their_language(client, kb):
    Observation.objects.filter(indicator=kb.indicator, year=2020).update(
        source="National Statistical Committee",
        note="Preliminary figure.",
        source_language="en",
    )
    doc = parse(client.get(url_in("ky", kb.indicator)))

    marked = [span.text for span in doc.find_all("span", lang="en")]
    assert "National Statistical Committee" in marked
    assert "Preliminary figure." in marked


@pytest.mark.parametrize(
    "lang, kind, label",
    [
        ("ky", Agreement.Kind.TREATY, "келишим"),
        ("ky", Agreement.Kind.AGREEMENT, "макулдашуу"),
        ("ky", Agreement.Kind.CHARTER, "хартия"),
        ("ru", Agreement.Kind.TREATY, "договор"),
        ("ru", Agreement.Kind.CHARTER, "хартия"),
    ],
)
def test_agreement_kinds_match_the_titles(client, lang, kind, label):
    agreement = make_agreement(kind=kind)

    doc = parse(client.get(url_in(lang, agreement)))

    kind_row = next(dt for dt in doc.find_all("dt") if dt.text in ("Түрү", "Вид"))
    shown = kind_row.parent.text.split(kind_row.text, 1)[1].split()[0]
    assert shown == label.capitalize()


@pytest.mark.parametrize("page", ["relations:timeline", "relations:agreements"])
@pytest.mark.parametrize("lang", LANGS)
def test_filter_labels_are_capitalised_without_colons(client, kb, page, lang):
    doc = parse(client.get(url_in(lang, page)))

    labels = [
        label.text for label in doc.find("form", class_="filters").find_all("label")
    ]
    assert len(labels) >= 4
    for text in labels:
        assert text[0].isupper(), labels
        assert not text.endswith(":"), labels


def test_timeline_marks_carry_the_numbers_of_the_list(client):
    make_event(date=date(2007, 9, 1), date_precision="month", title_en="Month event")
    make_event(date=date(2001, 1, 1), date_precision="year", title_en="Year event")
    make_event(date=date(2009, 4, 28), date_precision="day", title_en="Day event")

    doc = parse(client.get(url_in("en", "relations:timeline")))

    items = doc.find("ol", class_="timeline-list").find_all("li")
    assert [li.find("a").text for li in items] == [
        "Day event",
        "Month event",
        "Year event",
    ]
    numbers = {
        a.attrs["href"]: a.find("text").text for a in doc.find("svg").find_all("a")
    }
    for n, li in enumerate(items, start=1):
        assert numbers[li.find("a").attrs["href"]] == str(n)


def test_a_month_is_drawn_wide_enough_to_see(client):
    make_event(date=date(1992, 1, 1), date_precision="day")
    make_event(date=date(2024, 5, 1), date_precision="month")

    doc = parse(client.get(url_in("en", "relations:timeline")))

    (bar,) = doc.find("svg").find_all("rect", rx="3")
    assert float(bar.attrs["width"]) >= 8
    assert float(bar.attrs["fill-opacity"]) >= 0.8


@pytest.mark.parametrize(
    "lang, sentence",
    [
        ("ky", "2019-жылы: 41,5; 2020-жылы: 38 (млн АКШ доллары)."),
        ("ru", "В 2019 г.: 41,5; в 2020 г.: 38 (млн долларов США)."),
        ("en", "In 2019: 41.5; in 2020: 38 (USD million)."),
    ],
)
def test_two_figures_are_a_sentence_not_a_chart(client, lang, sentence):
    indicator = make_indicator(observations=[(2019, "41.5"), (2020, "38")])

    doc = parse(client.get(url_in(lang, indicator)))

    assert doc.find_all("svg") == []
    assert doc.find("p", class_="figures-sentence").text == sentence


def test_three_figures_are_a_chart(client):
    indicator = make_indicator(observations=[(2019, 1), (2020, 2), (2021, 3)])

    doc = parse(client.get(url_in("en", indicator)))

    assert len(doc.find_all("svg")) == 1
    assert doc.find_all("p", class_="figures-sentence") == []


def test_source_language_is_checked_by_the_database():
    from django.db import IntegrityError, transaction

    event = make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(source_language="de")
    assert re.fullmatch(r"[a-z]{2}", Event.objects.get(pk=event.pk).source_language)
