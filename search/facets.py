"""Facet options, type tabs and links for the search page, from the engine's counts.

Every link keeps the query and the other filters in the URL (results can be shared),
and drops the page number: a new filter starts at page one.
"""

from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import quote_plus, urlencode

from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.languages import (
    LANGUAGE_CHOICES,
    Localized,
    current_language,
    localized,
)
from articles.models import Issue
from articles.templatetags.journal import loc_markup

from .forms import FILTERS
from .models import Kind

FACET_TITLES = {
    "year": _("Year"),
    "issue": _("Issue"),
    "section": _("Section"),
    "keyword": _("Keyword"),
    "domain": _("Domain"),
    "language": _("Language of record"),
}
TYPE_LABELS = {
    None: _("All"),
    Kind.ARTICLE: _("Articles"),
    Kind.EVENT: _("Events"),
    Kind.AGREEMENT: _("Agreements"),
}
# In the order they appear in a URL.
PARAMETERS = ("q", *FILTERS, "trimmed", "page")
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
LANGUAGES = tuple(LANGUAGE_NAMES)


@dataclass
class Option:
    value: str
    label: object
    count: int
    url: str
    selected: bool = False


@dataclass
class Facet:
    name: str
    title: str
    options: list = field(default_factory=list)

    @property
    def items(self):
        """The options as list items, joined in Python: a template loop with an
        include per option cost more than the rest of the page (issues alone can
        offer a hundred options)."""
        return mark_safe("".join(map(_item, self.options)))  # noqa: S308 - escaped


def _item(option):
    current = ' aria-current="true"' if option.selected else ""
    url = conditional_escape(option.url)
    # Below a thousand no notation groups digits; localize() costs a lookup of
    # the language's formats per call.
    count = option.count
    count = str(count) if 0 <= count < 1000 else conditional_escape(localize(count))
    return (
        f'<li><a href="{url}"{current}>{loc_markup(option.label)}</a>'
        f' <span class="count">{count}</span></li>\n      '
    )


def search_url(state, **changes):
    """`?q=…&…` for the search state with some parameters changed (None removes)."""
    params = {**state, **changes}
    return "?" + urlencode(
        [
            (name, str(params[name]))
            for name in PARAMETERS
            if params.get(name) not in (None, "")
        ]
    )


class Links:
    """`search_url(state, name=value)` for many values of one parameter at a time:
    the state's other parameters are encoded once, not once per option."""

    def __init__(self, state):
        self.encoded = {
            name: urlencode([(name, str(state[name]))])
            for name in PARAMETERS
            if state.get(name) not in (None, "")
        }

    def url(self, name, value):
        changed = {**self.encoded, name: f"{name}={quote_plus(str(value))}"}
        if value in (None, ""):
            del changed[name]
        return "?" + "&".join(changed[n] for n in PARAMETERS if n in changed)


def page_url(state, number):
    return search_url(state, page=number if number > 1 else None)


def _plain(text, lang=None):
    lang = lang or current_language()
    return Localized(str(text), lang, lang)


def _label(name, row, lang=None):
    """The option's text as a `Localized` (facet names may be fallbacks)."""
    lang = lang or current_language()
    if name == "year":
        return _plain(row["value"], lang)
    if name == "issue":
        # The issue's own label ("2024, № 4/1"), without building an Issue.
        return _plain(Issue.label(SimpleNamespace(**row), lang), lang)
    if name == "language":
        return _plain(LANGUAGE_NAMES.get(row["value"], row["value"]), lang)
    names = SimpleNamespace(
        **{f"name_{code}": row[f"name_{code}"] for code in LANGUAGES}
    )
    return localized(names, "name", lang)


def build_facets(counts, state):
    """[Facet…] in page order, each option linking to the results with it toggled."""
    facets = []
    links = Links(state)
    lang = current_language()
    for name, title in FACET_TITLES.items():
        rows = counts.get(name) or []
        facet = Facet(name, title)
        for row in rows:
            value = str(row["value"])
            selected = str(state.get(name, "")) == value
            facet.options.append(
                Option(
                    value=value,
                    label=_label(name, row, lang),
                    count=row["n"],
                    url=links.url(name, None if selected else value),
                    selected=selected,
                )
            )
        if facet.options:
            facets.append(facet)
    return facets


def type_tabs(counts, state):
    """The All / Articles / Events / Agreements tabs with their result counts."""
    chosen = state.get("type")
    tabs = []
    for kind, label in TYPE_LABELS.items():
        count = sum(counts.values()) if kind is None else counts.get(kind, 0)
        tabs.append(
            Option(
                value=kind or "",
                label=label,
                count=count,
                url=search_url(state, type=kind),
                selected=chosen == kind,
            )
        )
    return tabs


def active_filters(facets, state):
    """The chosen filters (not the type), each with a link that removes it."""
    labels = {
        (facet.name, option.value): option.label
        for facet in facets
        for option in facet.options
    }
    return [
        SimpleNamespace(
            title=title,
            label=labels.get((name, str(state[name]))) or _plain(state[name]),
            url=search_url(state, **{name: None}),
        )
        for name, title in FACET_TITLES.items()
        if name in state
    ]
