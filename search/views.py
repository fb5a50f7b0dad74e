"""The search page: `/<lang>/search/?q=…&type=…&year=…&page=…`."""

import re

from django.conf import settings
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .engine import Search
from .facets import active_filters, build_facets, page_url, search_url, type_tabs
from .forms import SearchForm
from .text import MAX_QUERY_CHARS, MAX_WORDS, Query

PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")
MAX_QUERY_STRING = 4096


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
    return render(
        request, "search/search.html", results(query, filters, number, context)
    )


def results(query, filters, number, context):
    """The context of a page of results (404 past the last page)."""
    engine = Search(query, filters).run()
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
