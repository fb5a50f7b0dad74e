"""The search page: `/<lang>/search/?q=…&type=…&year=…&page=…`."""

import re
from array import array

from django.conf import settings
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.kept_pages import digest, kept_response, page_key

from .engine import Search
from .facets import active_filters, build_facets, page_url, search_url, type_tabs
from .forms import FILTERS, SearchForm
from .models import Kind
from .text import MAX_QUERY_CHARS, MAX_WORDS, Query

PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")
MAX_QUERY_STRING = 4096
# The parameters a kept page of results may carry (any other: rendered, not kept).
KEPT_PARAMS = ("q", *FILTERS, "trimmed", "page")


def parameters(request):
    """The query string, of which only the first few kilobytes are read: a megabyte
    of query costs a second to decode, and only its first words are searched."""
    raw = request.META.get("QUERY_STRING", "")
    if len(raw) <= MAX_QUERY_STRING:
        return request.GET
    return QueryDict(raw[:MAX_QUERY_STRING])


def page_number(params):
    """`?page=` as a positive ASCII number of up to six digits; anything else is 404."""
    value = params.get("page")
    if value is None:
        return 1
    if not PAGE_NUMBER.fullmatch(value):
        raise Http404("Not a page number")
    return int(value)


def corrected(engine, context):
    """The search for "did you mean" when `engine` found nothing, if that finds
    something; else `engine`. Only words that lead to public results are offered."""
    suggestion = engine.suggestion()
    if suggestion:
        alternative = Search(suggestion, engine.filters).run()
        if alternative.total:
            context["corrected"] = suggestion
            return alternative
    return engine


def search(request):
    params = parameters(request)
    raw = params.get("q", "")
    query = Query.parse(raw)
    filters = SearchForm(params).filters()
    number = page_number(params)
    oversize = len(raw) > MAX_QUERY_CHARS or params is not request.GET
    if oversize and not params.get("trimmed"):
        # The capped query gets its own short URL: pages repeat their URL (language
        # links), and a shared link should show what was searched.
        state = {"q": query.text, **filters, "trimmed": 1}
        return redirect(reverse("search:search") + search_url(state))
    context = {"query": query, "filters": filters, "max_query_chars": MAX_QUERY_CHARS}
    if query.truncated or params.get("trimmed"):
        context["notice"] = _(
            "Only the first %(chars)s characters and %(words)s words of your query "
            "were searched."
        ) % {"chars": MAX_QUERY_CHARS, "words": MAX_WORDS}
    if not query:
        if raw.strip():
            context["message"] = _("Your query has no letters or digits to search for.")
        elif "q" in params:
            context["message"] = _("Type one or more words to search.")
        return render(request, "search/search.html", context)
    engine = Search(query, filters).run()
    return kept_response(
        kept_key(request, engine, number),
        lambda: render(
            request, "search/search.html", results(engine, filters, number, context)
        ),
    )


def kept_key(request, engine, number):
    """The key a page of results is kept under, or None: render it afresh.

    The search itself runs on every request, through the visibility rule, so a
    result taken out of public view leaves the page at once. A page is kept when its
    results are all articles: what it shows of them (rows, snippets, facets) moves
    their `updated_at` when it changes (articles.freshness), so the fingerprint is
    each result's id, `updated_at` and best document with its rank. Pages with
    knowledge-base entries render afresh (agreements record no time of change), and
    so do empty ones (their "did you mean" looks further).
    """
    if not settings.KEPT_PAGES or not engine.total:
        return None
    if engine.ids.get(Kind.EVENT) or engine.ids.get(Kind.AGREEMENT):
        return None
    found, updated = engine.matched[Kind.ARTICLE], engine.updated
    # As numbers: a repr of hundreds of times and tuples costs more than the search.
    values = array("d")
    for pk in engine.ids[Kind.ARTICLE]:
        rank, document, _ = found[pk]
        values.extend((pk, updated[pk].timestamp(), document, rank))
    fingerprint = (number, digest(values.tobytes()))
    return page_key(request, "kept-page:search", fingerprint, KEPT_PARAMS)


def results(engine, filters, number, context):
    """The context of a page of results (404 past the last page)."""
    if engine.total == 0:
        engine = corrected(engine, context)
    size = settings.PAGE_SIZE
    if number > 1 and (number - 1) * size >= engine.total:
        raise Http404("No such page")
    page = engine.page(number, size)
    state = {"q": engine.query.text, **filters}
    facets = build_facets(engine.facets(), state) if engine.total else []
    context.update(
        shown_query=engine.query,
        page=page,
        total=engine.total,
        tabs=type_tabs(engine.type_counts, state),
        facets=facets,
        active=active_filters(facets, state),
        previous_url=page_url(state, number - 1) if page.has_previous else "",
        next_url=page_url(state, number + 1) if page.has_next else "",
    )
    return context
