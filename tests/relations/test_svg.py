"""The SVG drawings are well-formed, accessible, precise about dates, and escaped."""

import re
import xml.etree.ElementTree as ET  # noqa: S405 - parses our own output in tests
from datetime import date

import pytest

from relations.charts import MIN_BAR
from tests.helpers import url_in
from tests.relations.builders import make_event, make_indicator

pytestmark = pytest.mark.django_db

NS = "{http://www.w3.org/2000/svg}"
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
LANGUAGES = ["ky", "ru", "en"]


def svgs(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [
        ET.fromstring(text)  # noqa: S314 - our own markup
        for text in SVG.findall(response.content.decode())
    ]


def assert_accessible(svg):
    assert svg.tag == f"{NS}svg"
    # A chart is an image; the timeline, whose marks are links, is a labelled group.
    has_links = svg.find(f".//{NS}a") is not None
    assert svg.attrib["role"] == ("group" if has_links else "img")
    assert svg.attrib["aria-labelledby"]
    title, desc = svg.find(f"{NS}title"), svg.find(f"{NS}desc")
    assert title is not None and title.text.strip()
    assert desc is not None and desc.text.strip()
    labelled_by = svg.attrib["aria-labelledby"].split()
    assert labelled_by == [title.attrib["id"], desc.attrib["id"]]


def marks(svg):
    """{link: (shape tag, title text)} for each event drawn on a timeline."""
    return {
        a.attrib["href"]: (
            next(c.tag.removeprefix(NS) for c in a if c.tag != f"{NS}title"),
            a.find(f"{NS}title").text,
        )
        for a in svg.iter(f"{NS}a")
    }


@pytest.fixture
def events():
    return {
        "year": make_event(
            title_en="Known to the year", date=date(1992, 1, 1), date_precision="year"
        ),
        "month": make_event(
            title_en="Known to the month", date=date(2007, 9, 1), date_precision="month"
        ),
        "day": make_event(
            title_en="Known to the day", date=date(2009, 4, 28), date_precision="day"
        ),
    }


@pytest.mark.parametrize("page", ["relations:home", "relations:timeline"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_svg_is_accessible_xml(client, events, page, lang):
    (svg,) = svgs(client, url_in(lang, page))
    assert_accessible(svg)
    assert "1992" in svg.find(f"{NS}desc").text
    assert "2009" in svg.find(f"{NS}desc").text


@pytest.mark.parametrize("page", ["relations:home", "relations:timeline"])
def test_a_period_is_a_bar_and_a_day_is_a_dot(client, events, page):
    (svg,) = svgs(client, url_in("en", page))
    drawn = marks(svg)
    assert drawn == {
        url_in("en", events["year"]): ("rect", "1992: Known to the year"),
        url_in("en", events["month"]): ("rect", "September 2007: Known to the month"),
        url_in("en", events["day"]): ("circle", "28 April 2009: Known to the day"),
    }


def test_a_year_bar_is_twelve_months_wide_and_a_month_stays_visible(client, events):
    """A month is a twelfth of a year's width, but never thinner than MIN_BAR: over
    these eighteen years a twelfth would be about 3 pixels, a sliver."""
    (svg,) = svgs(client, url_in("en", "relations:timeline"))
    widths = {
        a.attrib["href"]: float(a.find(f"{NS}rect").attrib["width"])
        for a in svg.iter(f"{NS}a")
        if a.find(f"{NS}rect") is not None
    }
    year = widths[url_in("en", events["year"])]
    month = widths[url_in("en", events["month"])]
    assert year / 12 < MIN_BAR
    assert month == pytest.approx(MIN_BAR)
    assert year > 4 * month


def test_over_a_short_span_a_year_is_twelve_months(client):
    year = make_event(date=date(2020, 1, 1), date_precision="year")
    month = make_event(date=date(2021, 6, 1), date_precision="month")
    (svg,) = svgs(client, url_in("en", "relations:timeline"))
    widths = {
        a.attrib["href"]: float(a.find(f"{NS}rect").attrib["width"])
        for a in svg.iter(f"{NS}a")
    }
    assert widths[url_in("en", year)] == pytest.approx(
        12 * widths[url_in("en", month)], rel=0.03
    )  # widths are rounded to 0.1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_labels_follow_the_page_language(client, events, lang):
    (svg,) = svgs(client, url_in(lang, "relations:timeline"))
    label = marks(svg)[url_in(lang, events["month"])][1]
    assert label.startswith(
        {
            "ky": "2007-жылдын сентябры",
            "ru": "сентябрь 2007 г.",
            "en": "September 2007",
        }[lang]
    )


HOSTILE = '<script>alert("x")</script> & Co'


@pytest.mark.parametrize("page", ["relations:home", "relations:timeline"])
def test_markup_in_a_title_is_escaped(client, page):
    event = make_event(title_en=HOSTILE, date=date(2001, 1, 1), date_precision="year")
    (svg,) = svgs(client, url_in("en", page))
    assert not list(svg.iter(f"{NS}script"))
    assert not list(svg.iter("script"))
    assert marks(svg)[url_in("en", event)] == ("rect", f"2001: {HOSTILE}")


def test_indicator_chart_is_accessible_with_a_bar_per_year(client):
    indicator = make_indicator(
        name_en="Trade turnover", observations=[(2019, "41.5"), (2020, 0), (2021, 57)]
    )
    (svg,) = svgs(client, url_in("en", indicator))
    assert_accessible(svg)
    assert svg.find(f"{NS}title").text == "Trade turnover"
    assert svg.find(f"{NS}desc").text == "2019: 41.5; 2020: 0; 2021: 57"
    bars = [rect.find(f"{NS}title").text for rect in svg.iter(f"{NS}rect")]
    assert bars == ["2019: 41.5", "2020: 0", "2021: 57"]
    heights = [float(rect.attrib["height"]) for rect in svg.iter(f"{NS}rect")]
    assert heights[1] == 0 and heights[2] > heights[0] > 0


def test_indicator_name_with_markup_is_escaped(client):
    indicator = make_indicator(
        name_en=HOSTILE, observations=[(2020, 1), (2021, 2), (2022, 3)]
    )
    (svg,) = svgs(client, url_in("en", indicator))
    assert svg.find(f"{NS}title").text == HOSTILE
    assert not list(svg.iter(f"{NS}script"))


def test_indicator_without_figures_has_no_chart(client):
    indicator = make_indicator()
    assert svgs(client, url_in("en", indicator)) == []


def test_no_events_no_timeline(client):
    assert svgs(client, url_in("en", "relations:timeline")) == []
