"""Small helpers for the XML handed to harvesters: OAI-PMH and the JATS it carries."""

from dataclasses import dataclass, field
from datetime import UTC

from django.urls import reverse
from django.utils import translation
from lxml import etree

from articles.addresses import absolute_url
from articles.languages import LANGUAGE_CODES

from .text import xml_text

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XSI_SCHEMA_LOCATION = f"{{{XSI_NS}}}schemaLocation"
XLINK_NS = "http://www.w3.org/1999/xlink"
ALI_NS = "http://www.niso.org/schemas/ali/1.0/"

UTC_SECONDS = "%Y-%m-%dT%H:%M:%SZ"


def sub(parent, tag, text=None, attrs=None, lang=None):
    """Append element `tag` to `parent`, with cleaned text, attributes and xml:lang."""
    element = etree.SubElement(parent, tag)
    for name, value in (attrs or {}).items():
        element.set(name, xml_text(value))
    if lang:
        element.set(XML_LANG, lang)
    if text is not None:
        element.text = xml_text(text)
    return element


def utc_stamp(moment):
    """A datetime as OAI-PMH writes it: UTC, to the second, with a Z."""
    return moment.astimezone(UTC).strftime(UTC_SECONDS)


def record_order(article):
    """The language of record first, then the others in site order."""
    first = article.original_language
    return [first] + [code for code in LANGUAGE_CODES if code != first]


@dataclass
class RecordUrls:
    """Absolute URLs of an article's page (language of record) and its PDF galleys."""

    article: str
    galleys: list = field(default_factory=list)  # [(language, url), …]


def record_urls(request, article):
    """The public URLs of `article`, on SITE_URL (else the request's host)."""

    def absolute(lang, name, **kwargs):
        with translation.override(lang):
            return absolute_url(reverse(name, kwargs=kwargs), request)

    galleys = sorted(
        article.galleys.all(), key=lambda g: LANGUAGE_CODES.index(g.language)
    )
    return RecordUrls(
        article=absolute(
            article.original_language, "articles:article", slug=article.slug
        ),
        galleys=[
            (
                galley.language,
                absolute(
                    galley.language,
                    "articles:galley",
                    slug=article.slug,
                    language=galley.language,
                ),
            )
            for galley in galleys
        ],
    )
