"""What an article's page shows, prepared from the prefetched article (`for_detail()`).

The page's view (articles/views.py) adds this to its context; the templates then touch
only what was loaded here.
"""

from . import extensions
from .extensions import article_page_sections, sections_for
from .languages import LANGUAGE_CODES, fallback_chain, localized, value_in
from .models import Article
from .sorting import alphabet_key


def prepare(article, lang):
    """The context of `article`'s page in language `lang` (a tombstone: its title)."""
    if article.status == Article.Status.WITHDRAWN:
        return {"title": localized(article, "title")}
    sections = list(article.sections.all())
    body_langs = article.body_languages()
    body_lang = next((c for c in fallback_chain(lang) if c in body_langs), None)
    for section in sections:
        section.body_heading = value_in(section, "heading", body_lang)
        section.body_text = value_in(section, "text", body_lang)
    keywords = sorted(
        article.keywords.all(),
        key=lambda k: alphabet_key(localized(k, "name").text, lang),
    )
    return {
        "sections": [s for s in sections if s.body_text or s.body_heading],
        "body_lang": body_lang,
        "body_langs": body_langs,
        "keywords": keywords,
        "references": list(article.references.all()),
        "ref_count": len(article.references.all()),
        "galleys": sorted(
            article.galleys.all(), key=lambda g: LANGUAGE_CODES.index(g.language)
        ),
        "translations": other_language_versions(article, lang),
        "extra_sections": sections_for(article_page_sections, article),
        "head_templates": extensions.article_head_templates,
        "end_templates": extensions.article_end_templates,
        "title": localized(article, "title"),
    }


def other_language_versions(article, lang):
    """Title and abstract in each other language that has them.

    What the page already shows as a fallback (a Russian abstract on a Kyrgyz page)
    is left out here: the same text twice would say nothing more.
    """
    shown = {}
    for field in ("title", "abstract"):
        value = localized(article, field, lang)
        if value.is_fallback:
            shown[field] = value.lang
    versions = []
    for code in LANGUAGE_CODES:
        if code == lang:
            continue
        title, abstract = (
            "" if shown.get(field) == code else value_in(article, field, code)
            for field in ("title", "abstract")
        )
        if title or abstract:
            versions.append(
                {"lang": code, "title": title or "", "abstract": abstract or ""}
            )
    return versions
