"""One way to write dates and numbers in each language (FORMAT_MODULE_PATH).

Django looks here before its own locale formats, so only what differs is set: dates
written out in full ("2025-жылдын 28-марты", "28 марта 2025 г.", "28 March 2025"),
a decimal comma in Kyrgyz and Russian, and thousands grouped with a narrow no-break
space in all three. `YEAR_FORMAT` is ours: the precision-aware dates of the knowledge
base (`relations.dates.PartialDate`) use it with `YEAR_MONTH_FORMAT` and `DATE_FORMAT`.

The month names come from the message catalogues. The Kyrgyz "alt. month" forms (the
`E` of a format) are the possessive ones a date needs ("марты", "апрели"), and the
Russian nominative ones (`F`) are lower case, as they are inside a sentence; naming
them here keeps their entries in locale/*/django.po when makemessages runs.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

MONTH_NAMES = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
MONTH_NAMES_IN_DATES = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
