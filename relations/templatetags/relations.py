"""The knowledge base's list rows, rendered in Python: a timeline page of 50 events
through template includes cost more than the rest of the page."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles.languages import current_language, localized
from articles.templatetags.journal import loc_markup

from ..models import EventKind

register = template.Library()

KIND_LABELS = dict(EventKind.choices)
SLUG = "SLUG"  # stands for the slug in a reversed URL (slugs are [-a-zA-Z0-9_])


@lru_cache(maxsize=64)
def _url_pattern(name, language, prefix):
    # The key holds what reverse() depends on here: the language prefix and the
    # script prefix, both active while it runs.
    return reverse(name, kwargs={"slug": SLUG})


def url_by_slug(name, slug):
    """reverse(name, slug=slug) at the cost of a string replacement: a list of 50
    rows would otherwise reverse a hundred URLs."""
    return url_pattern(name).replace(SLUG, slug)


def url_pattern(name):
    """The URL of `name` with SLUG standing for the slug."""
    return _url_pattern(name, get_language(), get_script_prefix())


def _time(when, lang):
    # The ISO date is digits and dashes: only the written date needs escaping.
    return f'<time datetime="{when.iso()}">{escape(when.format(lang))}</time>'


def byline(event):
    """Domains (linked) · countries, from the rows `for_listing()` loaded."""
    domains = getattr(event, "listed_domains", None)
    if domains is None:
        domains = event.domains.all()
    countries = getattr(event, "listed_countries", None)
    if countries is None:
        countries = event.countries.all()
    url = url_pattern("relations:domain")
    linked = ", ".join(
        f'<a href="{url.replace(SLUG, d.slug)}">{escape(str(d))}</a>' for d in domains
    )
    named = ", ".join(escape(str(country)) for country in countries)
    between = " · " if domains and countries else ""
    return f'<p class="byline">{linked}{between}{named}</p>'


@register.simple_tag
def event_item(event, level=3, show_tags=False):
    """One event in a list: its date (and end), kind and title, and with `show_tags`
    its domains and countries. Escaped here, field by field; slugs, ISO dates and
    the level need none."""
    lang = current_language()
    until = event.until
    end = f" – {_time(until, lang)}" if until else ""
    kind = escape(KIND_LABELS.get(event.kind, event.kind))
    url = url_by_slug("relations:event", event.slug)
    title = loc_markup(localized(event, "title", lang))
    tags = byline(event) if show_tags else ""
    return mark_safe(  # noqa: S308 - every value escaped above
        '<article class="item event-item">\n'
        f'  <p class="meta">{_time(event.when, lang)}{end} · {kind}</p>\n'
        f'  <h{level} class="item-title"><a href="{url}">{title}</a></h{level}>\n'
        f"  {tags}\n"
        "</article>\n"
    )
