from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from ..languages import localized as _localized
from ..text import render_paragraphs

register = template.Library()

FALLBACK_NOTES = {
    "ky": _("in Kyrgyz"),
    "ru": _("in Russian"),
    "en": _("in English"),
}
FULL_TEXT_NOTES = {
    "ky": _("Full text in Kyrgyz"),
    "ru": _("Full text in Russian"),
    "en": _("Full text in English"),
}
LANGUAGE_NAMES = {
    "ky": _("Kyrgyz"),
    "ru": _("Russian"),
    "en": _("English"),
}


@register.filter
def loc(obj, field):
    """`obj|loc:"title"`: the field's text in the page language, or its fallback."""
    return _localized(obj, field)


@register.simple_tag
def tr(obj, field, element="span", css="", paragraphs=False, refs=0):
    """Render a translated field; fallback text gets its own `lang` and a visible note.

    `{% tr article "title" "h1" %}`,
    `{% tr article "abstract" "div" paragraphs=True %}`.
    """
    value = obj if hasattr(obj, "is_fallback") else _localized(obj, field)
    if not value:
        return ""
    body = render_paragraphs(value.text, refs) if paragraphs else value.text
    if not value.is_fallback:
        if css:
            return format_html('<{0} class="{1}">{2}</{0}>', element, css, body)
        return format_html("<{0}>{1}</{0}>", element, body)
    note = format_html(
        ' <span class="fallback-note" lang="{0}">({1})</span>',
        value.requested,
        FALLBACK_NOTES[value.lang],
    )
    return format_html(
        '<{0} lang="{1}" class="{2} fallback">{3}{4}</{0}>',
        element,
        value.lang,
        css,
        body,
        note,
    )


@register.filter
def language_name(code):
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def full_text_note(code):
    return FULL_TEXT_NOTES.get(code, "")


@register.filter
def label(issue):
    """The issue label in the page language ("2024, № 4/1")."""
    return issue.label()


@register.filter
def fallback_note(code):
    return FALLBACK_NOTES.get(code, "")


@register.filter
def byline(article):
    """Authors' names in the page language's script; another script gets its `lang`."""
    names = [c.full_name() for c in article.authors()]
    return format_html_join(
        ", ",
        "<span{}>{}</span>",
        (
            (format_html(' lang="{}"', n.lang) if n.is_fallback else "", n.text)
            for n in names
        ),
    )


@register.filter
def body(section, refs):
    """The section text in the article's body language (already chosen by the view)."""
    return render_paragraphs(section.body_text, refs)
