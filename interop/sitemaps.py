"""Sitemaps and robots.txt (being written)."""

from django.http import Http404

SITEMAPS = {}


def robots_txt(request):
    raise Http404("Not available yet")
