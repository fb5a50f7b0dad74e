"""Citation downloads per article: BibTeX, RIS, CSL-JSON and EndNote."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from articles.languages import LANGUAGE_CODES
from articles.models import Article

from .citations import FORMATS, citation_record, for_citation


def citation(request, slug, fmt):
    """`/<lang>/articles/<slug>/cite.<fmt>`: the citation of a public article.

    The fields are in the language of record unless `?lang=ky|ru|en` asks for
    another; an unknown format or language is a 404, as is an article readers
    cannot see.
    """
    if fmt not in FORMATS:
        raise Http404("Unknown citation format")
    article = get_object_or_404(for_citation(Article.objects.public()), slug=slug)
    lang = request.GET.get("lang") or article.original_language
    if lang not in LANGUAGE_CODES:
        raise Http404("Unknown citation language")
    content_type, render = FORMATS[fmt]
    record = citation_record(article, lang, request)
    response = HttpResponse(render(record).encode("utf-8"), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{article.slug}-{lang}.{fmt}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
