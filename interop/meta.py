"""What the article page tells machines in its <head>.

An article's page exists in ky, ru and en, but it is not a version of its own in
every language. Google treats language versions as duplicates when only the
surrounding text is translated and the main content is not ("Consolidate duplicate
URLs"), and wants hreflang only between pages that are each their own canonical. So
a page is a version of its own (`page_languages()`) in the language of record, in a
language with its own PDF, and in a language with its own title and abstract (a
translation); those pages are self-canonical and form the hreflang set, here and in
the sitemap. A page whose title and abstract fall back to another language is a
duplicate of that language's page: its canonical link points there, it carries no
hreflang and is not listed in the sitemap.

Google Scholar reads Highwire `citation_*` tags and wants one record per version of
the paper: the language of record's page carries them, and a page in another
language only when it has its own PDF (its own full text). A translated abstract
without a PDF is self-canonical for search engines but has no `citation_*` tags.
Dublin Core, Open Graph and JSON-LD describe the canonical page.
"""

import html
import json

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles.addresses import absolute_url, doi_url
from articles.languages import LANGUAGE_CODES, localized

from .citations import article_path, citation_record, exact, galley_path

OG_LOCALES = {"ky": "ky_KG", "ru": "ru_RU", "en": "en_US"}
DC_SCHEMA = "http://purl.org/dc/elements/1.1/"
# Inside <script>, "</script>" or "<!--" would end or change the element; JSON lets
# these characters be written as escapes.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def one_line(text):
    return " ".join(str(text or "").split())


def page_languages(article, galley_languages):
    """The languages in which `article`'s page is a version of its own (see above).

    `galley_languages`: the languages the article has a PDF in. The abstract is
    required only of an article that has one in some language.
    """
    needs_abstract = any(exact(article, "abstract", c) for c in LANGUAGE_CODES)
    return [
        code
        for code in LANGUAGE_CODES
        if code == article.original_language
        or code in galley_languages
        or (
            exact(article, "title", code)
            and (exact(article, "abstract", code) or not needs_abstract)
        )
    ]


def canonical_language(article, page_lang, languages):
    """The language of the page that `page_lang`'s page is canonically: itself when
    it is a version of its own, else the language its title falls back to (what the
    reader is shown), else the language of record."""
    if page_lang in languages:
        return page_lang
    shown = localized(article, "title", page_lang).lang
    return shown if shown in languages else article.original_language


def hreflang_links(article, languages, request):
    """(hreflang, href) of every version of its own, and x-default as the sitemap
    gives it: the unprefixed address, which sends readers to their language, when
    the default language (where it sends the rest) is one of the versions."""
    links = [
        (code, absolute_url(article_path(article, code), request)) for code in languages
    ]
    default = settings.LANGUAGE_CODE
    if default in languages:
        path = article_path(article, default).replace(f"/{default}/", "/", 1)
        links.append(("x-default", absolute_url(path, request)))
    return links


def article_metadata(article, request, page_lang):
    """Everything `interop/article_meta.html` renders, from the prefetched article."""
    galleys = {g.language: g for g in article.galleys.all()}
    languages = page_languages(article, galleys)
    lang = canonical_language(article, page_lang, languages)
    own = lang == page_lang
    with_citation = own and (lang == article.original_language or lang in galleys)
    record = citation_record(article, lang, request)
    canonical = absolute_url(article_path(article, lang), request)
    pdf = galleys.get(lang)
    pdf_url = absolute_url(galley_path(pdf, lang), request) if pdf else ""
    return {
        "canonical": canonical,
        # A duplicate page names no alternates: it is not one of the versions.
        "hreflang": hreflang_links(article, languages, request) if own else [],
        "highwire": highwire(record, article, pdf_url) if with_citation else [],
        "dublin_core": dublin_core(record, article),
        "dc_schema": DC_SCHEMA,
        "open_graph": open_graph(article, canonical, lang),
        "json_ld": json_ld(record, canonical, pdf_url),
    }


def head_html(meta):
    """The tags of `article_metadata()`'s `meta`, one per line, as the page's <head>
    holds them. Built here rather than in template loops: an article has forty or
    so, and each loop turn of the template engine cost more than the tag itself.
    Values are escaped as the template engine escapes them (`html.escape`)."""
    tags = [f'<link rel="canonical" href="{_e(meta["canonical"])}">']
    tags += [
        f'<link rel="alternate" hreflang="{_e(code)}" href="{_e(href)}">'
        for code, href in meta["hreflang"]
    ]
    tags += [
        f'<meta name="{_e(name)}" content="{_e(content)}">'
        for name, content in meta["highwire"]
    ]
    tags.append(f'<link rel="schema.DC" href="{_e(meta["dc_schema"])}">')
    for name, content, code in meta["dublin_core"]:
        lang = f' xml:lang="{_e(code)}" lang="{_e(code)}"' if code else ""
        tags.append(f'<meta name="{_e(name)}" content="{_e(content)}"{lang}>')
    tags += [
        f'<meta property="{_e(prop)}" content="{_e(content)}">'
        for prop, content in meta["open_graph"]
    ]
    # json_ld() escaped what could end the element: safe inside <script>.
    tags.append(f'<script type="application/ld+json">{meta["json_ld"]}</script>')
    return mark_safe("\n  ".join(tags))  # noqa: S308 - each value escaped above


def _e(value):
    return html.escape(str(value))


def highwire(record, article, pdf_url):
    """Google Scholar's tags, as (name, content) pairs in the order it documents."""
    tags = [("citation_title", record.full_title)]
    for author in record.authors:
        tags.append(("citation_author", author.inverted))
        if author.affiliation:
            tags.append(("citation_author_institution", author.affiliation))
        if author.orcid:
            tags.append(("citation_author_orcid", author.orcid_url))
    tags += [
        ("citation_publication_date", record.published.strftime("%Y/%m/%d")),
        ("citation_journal_title", record.journal),
        ("citation_journal_abbrev", record.journal_abbrev),
        ("citation_publisher", record.publisher),
    ]
    tags += [("citation_issn", issn) for _, issn in record.issns]
    tags += [
        ("citation_volume", record.volume),
        ("citation_issue", record.issue),
        ("citation_firstpage", record.first_page),
        ("citation_lastpage", record.last_page),
        ("citation_doi", record.doi),
        ("citation_pdf_url", pdf_url),
        ("citation_language", record.lang),
        ("citation_abstract", record.abstract),
    ]
    tags += [("citation_keywords", keyword) for keyword in record.keywords]
    tags += [
        ("citation_reference", reference_text(r)) for r in article.references.all()
    ]
    return [(name, one_line(value)) for name, value in tags if one_line(value)]


def reference_text(reference):
    if reference.doi:
        return f"{reference.text} {doi_url(reference.doi)}"
    return reference.text


def dublin_core(record, article):
    """(name, content, xml:lang or "") triples; translated ones in every language."""
    tags = []
    for field, name in (("title", "DC.title"), ("abstract", "DC.description")):
        for code in LANGUAGE_CODES:
            if text := exact(article, field, code):
                tags.append((name, text, code))
    for keyword in article.keywords.all():
        for code in LANGUAGE_CODES:
            if label := exact(keyword, "name", code):
                tags.append(("DC.subject", label, code))
    tags += [("DC.creator", a.inverted, a.lang) for a in record.authors]
    tags += [
        ("DC.date", record.published.isoformat(), ""),
        # The page, as in oai_dc, so an article without a DOI is identified too.
        ("DC.identifier", record.url, ""),
        ("DC.identifier", record.doi_url, ""),
        ("DC.language", record.lang, ""),
        ("DC.publisher", record.publisher or record.journal, record.lang),
        ("DC.source", record.journal, record.lang),
        ("DC.type", "Text", ""),
        ("DC.rights", record.license_url, ""),
    ]
    tags += [("DC.source.ISSN", issn, "") for _, issn in record.issns]
    return [(name, one_line(value), code) for name, value, code in tags if value]


def open_graph(article, canonical, page_lang):
    """The page as shared: the canonical page, in its language, at its address."""
    title = localized(article, "title", page_lang)
    abstract = localized(article, "abstract", page_lang)
    journal = article.issue.journal
    alternates = [
        OG_LOCALES[code]
        for code in LANGUAGE_CODES
        if code != page_lang and exact(article, "title", code)
    ]
    url = canonical
    tags = [
        ("og:type", "article"),
        ("og:title", title.text),
        ("og:description", Truncator(one_line(abstract.text)).chars(300)),
        ("og:url", url),
        ("og:site_name", localized(journal, "name", page_lang).text),
        ("og:locale", OG_LOCALES[page_lang]),
    ]
    tags += [("og:locale:alternate", code) for code in alternates]
    tags.append(("article:published_time", article.published_at.isoformat()))
    return [(prop, one_line(value)) for prop, value in tags if value]


def json_ld(record, canonical, pdf_url):
    """A schema.org ScholarlyArticle for `record`, serialised safe for <script>."""
    periodical = {
        "@type": "Periodical",
        "name": record.journal,
        "issn": [issn for _, issn in record.issns],
        "publisher": {"@type": "Organization", "name": record.publisher},
    }
    part_of = periodical
    if record.volume:
        part_of = {
            "@type": "PublicationVolume",
            "volumeNumber": record.volume,
            "isPartOf": part_of,
        }
    issue = {
        "@type": "PublicationIssue",
        "issueNumber": record.issue,
        "datePublished": str(record.year),
        "isPartOf": part_of,
    }
    data = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": canonical,
        "url": canonical,
        "headline": Truncator(record.title).chars(110),
        "name": record.full_title,
        "inLanguage": record.lang,
        "author": [person_ld(a) for a in record.authors],
        "datePublished": record.published.isoformat(),
        "abstract": record.abstract,
        "keywords": record.keywords,
        "isPartOf": issue,
        "pageStart": record.first_page,
        "pageEnd": record.last_page,
        "publisher": periodical["publisher"] if record.publisher else None,
        "license": record.license_url,
        "encoding": {"@type": "MediaObject", "contentUrl": pdf_url}
        if pdf_url
        else None,
    }
    if record.doi:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "DOI",
            "value": record.doi,
        }
        data["sameAs"] = record.doi_url
    return script_json(compact(data))


def person_ld(author):
    person = {
        "@type": "Person",
        "name": " ".join(p for p in (author.given, author.family) if p),
        "familyName": author.family,
        "givenName": author.given,
        "sameAs": author.orcid_url,
    }
    if author.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
    return compact(person)


def compact(data):
    """`data` without empty values, recursively (schema.org readers prefer absence)."""
    if isinstance(data, dict):
        cleaned = {k: compact(v) for k, v in data.items()}
        return {k: v for k, v in cleaned.items() if v not in ("", None, [], {})}
    if isinstance(data, list):
        return [compact(v) for v in data]
    return data


def script_json(data):
    """JSON text that cannot end or alter the <script> element it is written into."""
    return json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
