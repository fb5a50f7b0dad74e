"""The search page (being written)."""

from django.http import Http404


def search(request):
    raise Http404("Not available yet")
