"""JATS 1.3 XML per article (being written)."""

from django.http import Http404


def download(request, slug):
    raise Http404("Not available yet")
