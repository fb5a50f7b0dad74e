"""Citation exports and JATS per article (being written)."""

from django.http import Http404


def citation(request, slug, fmt):
    raise Http404("Not available yet")
