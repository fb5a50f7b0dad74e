"""Tags for the article page: machine-readable metadata and "How to cite"."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.addresses import site_root
from articles.caching import cache_get, cache_set
from articles.context_processors import AUTONYMS
from articles.languages import LANGUAGE_CODES, current_language
from articles.paths import slug_path

from ..citations import FORMATS, apa, citation_record, gost
from ..meta import article_metadata as build_metadata
from ..meta import head_html

register = template.Library()

FORMAT_LABELS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON", "enw": "EndNote"}


@register.simple_tag(takes_context=True)
def article_metadata(context, article):
    """`{% article_metadata article %}`: the canonical and hreflang links, Highwire,
    DC, OG and JSON-LD tags of the article page's <head>."""
    return head_html(build_metadata(article, context["request"], current_language()))


def formatted_citations(article, lang, request):
    """APA and GOST strings, kept in the cache until the article changes.

    citeproc-py takes tens of milliseconds per entry. The key carries the article's
    version, `updated_at` (which `articles.freshness` moves when an author, the issue
    or the journal changes) and issue, so a citation is never served stale.
    """
    key = (
        f"cite:{article.pk}:{article.version}:{article.updated_at.timestamp()}:"
        f"{article.issue.slug}:{lang}:{current_language()}:{site_root(request)}"
    )
    cached = cache_get(key)
    if cached is None:
        record = citation_record(article, lang, request)
        cached = (apa(record), gost(record))
        cache_set(key, cached, 600)
    return cached


@register.simple_tag(takes_context=True)
def how_to_cite(context, article):
    """`{% how_to_cite article as cite %}`: APA and GOST in the chosen language.

    The language comes from `?cite_lang=` (links, no JavaScript), by default the
    page's; anything else is ignored rather than breaking the article page.
    """
    if article.issue is None:  # an editor's preview of an unscheduled article
        return None
    request = context["request"]
    lang = request.GET.get("cite_lang")
    if lang not in LANGUAGE_CODES:
        lang = current_language()
    apa_text, gost_text = formatted_citations(article, lang, request)
    # The two lists as markup, written here: template loops cost more than the
    # rest of the block.
    languages = [
        format_html('<strong lang="{0}" aria-current="true">{1}</strong>', code, name)
        if code == lang
        else format_html(
            '<a href="?cite_lang={0}#how-to-cite" hreflang="{0}" lang="{0}"'
            ' rel="nofollow">{1}</a>',
            code,
            name,
        )
        for code, name in ((code, AUTONYMS[code]) for code in LANGUAGE_CODES)
    ]
    downloads = [
        format_html(
            '<a href="{}?lang={}" rel="nofollow" download>{}</a>',
            slug_path("interop:citation", article.slug, fmt=fmt),
            lang,
            FORMAT_LABELS[fmt],
        )
        for fmt in FORMATS
    ]
    return {
        "lang": lang,
        "apa": apa_text,
        "gost": gost_text,
        "languages": mark_safe(" · ".join(languages)),  # noqa: S308 - parts escaped
        "downloads": mark_safe(" · ".join(downloads)),  # noqa: S308 - parts escaped
    }
