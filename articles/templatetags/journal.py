from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..languages import localized as _localized
from ..numbers import format_number
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


def loc_markup(value):
    """Inline HTML for a Localized value: fallback text gets `lang` and a note."""
    if not value.is_fallback:
        return conditional_escape(value.text)
    return format_html(
        '<span lang="{}">{}</span> <span class="fallback-note">({})</span>',
        value.lang,
        value.text,
        FALLBACK_NOTES[value.lang],
    )


@register.simple_tag
def loc_html(value):
    """`{% loc_html article|loc:"title" %}`: includes/loc.html without an include."""
    return loc_markup(value)


@register.simple_tag
def keyword_items(keywords):
    """The article page's keyword links, as list items (written here: a template
    loop cost more per keyword than the link)."""
    return format_html_join(
        "",
        '<li><a href="{}">{}</a></li>',
        ((k.get_absolute_url(), loc_markup(_localized(k, "name"))) for k in keywords),
    )


@register.simple_tag
def author_items(authorships):
    """The article page's authors, as list items: name, ORCID link, affiliation."""
    return mark_safe("".join(_author_item(a.contributor) for a in authorships))  # noqa: S308


def _author_item(person):
    name = person.full_name()
    orcid = ""
    if person.orcid:
        # As {% blocktranslate %} writes it: the name escaped, the sentence not.
        label = gettext("ORCID iD of %(name)s") % {"name": conditional_escape(name)}
        orcid = format_html(
            ' <a class="orcid" href="https://orcid.org/{}" aria-label="{}">ORCID</a>',
            person.orcid,
            mark_safe(label),  # noqa: S308 - the name escaped above
        )
    affiliation = _localized(person, "affiliation")
    if affiliation:
        affiliation = format_html(
            '<br><span class="affiliation">{}</span>', loc_markup(affiliation)
        )
    return format_html(
        '\n      <li>\n        <span class="author-name">{}</span>{}'
        "\n        {}\n      </li>\n      ",
        loc_markup(name),
        orcid,
        affiliation or "",
    )


@register.simple_tag
def reference_items(references):
    """The article's references, as numbered list items with their DOI or URL
    links (a template loop cost more per reference than the item; articles cite
    dozens)."""
    items = []
    for number, ref in enumerate(references, start=1):
        link = ref.doi_url if ref.doi else ref.url
        if link:
            link = format_html(' <a href="{0}">{0}</a>', link)
        items.append(
            format_html('<li id="ref-{}">{}{}</li>\n      ', number, ref.text, link)
        )
    return mark_safe("".join(items))  # noqa: S308 - each item escaped


@register.simple_tag
def article_item(article, show_issue=False, level=3):
    """One table-of-contents entry, rendered in Python: lists of 300 stay fast."""
    meta = []
    if show_issue and article.issue_id:
        meta.append(
            format_html(
                '<a href="{}">{}</a>',
                article.issue.get_absolute_url(),
                article.issue.label(),
            )
        )
    if article.pages:
        meta.append(_("pp. %(pages)s") % {"pages": article.pages})
    names = byline(article)
    joined = mark_safe(" · ".join(conditional_escape(m) for m in meta))  # noqa: S308
    return format_html(
        '<article class="item"><h{0} class="item-title"><a href="{1}">{2}</a></h{0}>'
        "{3}{4}</article>",
        level,
        article.get_absolute_url(),
        loc_markup(_localized(article, "title")),
        format_html('<p class="byline">{}</p>', names) if names else "",
        # Nothing to say before pages are set (an issue's preview): no empty line.
        format_html('<p class="meta">{}</p>', joined) if meta else "",
    )


@register.filter
def number(value):
    """A decimal in the page language's notation (1 234,5; 1 234.5): see numbers.py."""
    return format_number(value)
