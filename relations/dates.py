"""Dates known to a year, a month or a day, as the sources give them.

A `PartialDate` is stored as a date plus a precision; the date's unknown parts are 1.
It is shown at its precision in each language ("September 2007", "сентябрь 2007 г.",
"2007-жылдын сентябры") and never with a made-up day.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.db import models
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from articles.languages import current_language


class Precision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


# The format of each precision, from the language's format module (config/formats/):
# the same formats every other date on the site is written in.
FORMAT_NAMES = {
    "year": "YEAR_FORMAT",
    "month": "YEAR_MONTH_FORMAT",
    "day": "DATE_FORMAT",
}

PATTERNS = [
    (re.compile(r"^(\d{4})$"), ("y",), Precision.YEAR),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), ("y", "m"), Precision.MONTH),
    (re.compile(r"^(\d{1,2})[./](\d{4})$"), ("m", "y"), Precision.MONTH),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d"), Precision.DAY),
    (
        re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$"),
        ("d", "m", "y"),
        Precision.DAY,
    ),
]


@dataclass(frozen=True)
class PartialDate:
    value: date
    precision: str

    def __str__(self):
        return self.format()

    def format(self, lang=None):
        return _formatted(self.value, self.precision, lang or current_language())

    def iso(self):
        """ISO 8601 at the precision: 2007, 2007-09, 2007-09-28 (<time datetime>)."""
        full = self.value.isoformat()
        return {"year": full[:4], "month": full[:7]}.get(self.precision, full)

    def first_day(self):
        return self.value

    def last_day(self):
        """The last day the date could mean (end of the year or month)."""
        if self.precision == Precision.YEAR:
            return date(self.value.year, 12, 31)
        if self.precision == Precision.MONTH:
            days = calendar.monthrange(self.value.year, self.value.month)[1]
            return date(self.value.year, self.value.month, days)
        return self.value


@lru_cache(maxsize=8192)
def _formatted(value, precision, lang):
    # Kept per process: a list of a hundred dates would otherwise switch the
    # language and look its formats up a hundred times.
    with translation.override(lang):
        return date_format(value, FORMAT_NAMES[precision])


def parse_partial_date(text):
    """ "2007", "2007-09", "09.2007", "2009-04-28", "28.04.2009" → PartialDate.

    Raises ValueError for anything else, including impossible dates.
    """
    text = (text or "").strip()
    for pattern, parts, precision in PATTERNS:
        match = pattern.match(text)
        if match:
            values = dict(zip(parts, map(int, match.groups()), strict=True))
            value = date(values["y"], values.get("m", 1), values.get("d", 1))
            return PartialDate(value, precision)
    raise ValueError(text)
