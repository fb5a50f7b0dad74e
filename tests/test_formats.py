"""One way to write dates and numbers per language: every page type, the feeds and
the admin lists, in ky, ru and en (config/formats/ and relations.dates)."""

import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.formats import date_format

from articles.numbers import format_number
from relations.models import Observation
from tests.helpers import url_in
from tests.test_alternates import CASES, kb  # noqa: F401 - the fixture is used

LANGS = ["ky", "ru", "en"]
BISHKEK = ZoneInfo("Asia/Bishkek")
PUBLISHED = datetime(2025, 3, 28, 10, 30, tzinfo=BISHKEK)
DAY = {"ky": "2025-жылдын 28-марты", "ru": "28 марта 2025 г.", "en": "28 March 2025"}
AGREEMENT_DAY = {
    "ky": "2009-жылдын 28-апрели",
    "ru": "28 апреля 2009 г.",
    "en": "28 April 2009",
}
YEAR = {"ky": "1992-жыл", "ru": "1992 г.", "en": "1992"}
NNBSP = "\u202f"
BIG = {"ky": f"12{NNBSP}345,5", "ru": f"12{NNBSP}345,5", "en": f"12{NNBSP}345.5"}
SMALL = {"ky": "41,5", "ru": "41,5", "en": "41.5"}

# The forms that must not come back: abbreviated English months ("Dec."), month
# names capitalised inside a date ("28 Март"), the abbreviated Kyrgyz year ("2025 ж.").
MONTHS_CAPITALISED = (
    "Январь|Февраль|Март|Апрель|Май|Июнь|Июль|Август|Сентябрь|Октябрь|Ноябрь|Декабрь"
)
FORBIDDEN = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
    rf"|\d\s(?:{MONTHS_CAPITALISED})\b"
    r"|\d[\s-]?ж\.(?!\w)"
)
# Where each page type shows a date or a number we can predict.
EXPECTED = {
    "articles:article": [DAY],
    "articles:issue": [DAY],
    "relations:event": [AGREEMENT_DAY],
    "relations:agreement": [AGREEMENT_DAY],
    "relations:agreements": [AGREEMENT_DAY],
    "relations:timeline": [AGREEMENT_DAY, YEAR],
    "event only in Russian": [YEAR],
    "relations:indicator": [BIG, SMALL],
}


@pytest.fixture
def dated(kb):  # noqa: F811 - pytest's fixture by name
    kb.article.issue.published_at = PUBLISHED
    kb.article.issue.save()
    kb.article.published_at = PUBLISHED
    kb.article.save()
    Observation.objects.create(indicator=kb.indicator, year=2022, value="12345.5")
    return kb


@pytest.mark.parametrize(
    "value, fmt, texts",
    [
        (PUBLISHED, "DATE_FORMAT", DAY),
        (
            PUBLISHED,
            "DATETIME_FORMAT",
            {
                "ky": "2025-жылдын 28-марты, 10:30",
                "ru": "28 марта 2025 г., 10:30",
                "en": "28 March 2025, 10:30",
            },
        ),
        (
            date(2007, 9, 1),
            "YEAR_MONTH_FORMAT",
            {
                "ky": "2007-жылдын сентябры",
                "ru": "сентябрь 2007 г.",
                "en": "September 2007",
            },
        ),
    ],
    ids=["date", "datetime", "month"],
)
@pytest.mark.parametrize("lang", LANGS)
def test_the_format_modules_write_dates_in_full(value, fmt, texts, lang):
    with translation.override(lang):
        assert date_format(value, fmt) == texts[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_have_the_language_decimal_sign_and_narrow_grouping(lang):
    with translation.override(lang):
        assert format_number(Decimal("12345.50")) == BIG[lang]
        assert format_number("41.5") == SMALL[lang]
        assert format_number(1500000) == f"1{NNBSP}500{NNBSP}000"
        assert format_number("not a number") == "not a number"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(CASES))
def test_every_page_type_writes_dates_and_numbers_one_way(client, dated, case, lang):
    name, build, query = CASES[case]
    url = url_in(lang, name, **build(dated)) + query

    html = client.get(url).content.decode()

    assert not FORBIDDEN.findall(html), url
    for texts in EXPECTED.get(case, EXPECTED.get(name, []) if case == name else []):
        assert texts[lang] in html, (url, texts[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_feeds_write_dates_one_way(client, dated, lang):
    events = client.get(f"/{lang}/feeds/domains/{dated.domain.slug}.atom")
    articles = client.get(f"/{lang}/feeds/articles.rss")

    for response in (events, articles):
        assert response.status_code == 200
        assert not FORBIDDEN.findall(response.content.decode())
    assert AGREEMENT_DAY[lang] in events.content.decode()
    assert YEAR[lang] in events.content.decode()


@pytest.mark.parametrize("lang", LANGS)
def test_admin_lists_write_dates_one_way(admin_client, dated, lang):
    lists = {
        "articles/article": DAY[lang],
        "articles/issue": DAY[lang],
        "relations/event": AGREEMENT_DAY[lang],
        "relations/agreement": AGREEMENT_DAY[lang],
    }
    for path, expected in lists.items():
        html = admin_client.get(f"/{lang}/admin/{path}/").content.decode()
        assert expected in html, (path, lang)
        assert not FORBIDDEN.findall(html), (path, lang)
