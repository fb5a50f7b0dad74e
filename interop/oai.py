"""OAI-PMH 2.0 endpoint (being written)."""

from django.http import Http404


def endpoint(request):
    raise Http404("Not available yet")
