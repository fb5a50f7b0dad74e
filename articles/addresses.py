"""Absolute addresses that outside systems keep, on the site's canonical address.

Harvesters, search engines, feed readers, Crossref and reference managers store the
URLs and OAI-PMH identifiers we give them. They must name settings.SITE_URL, never
whatever Host header a request arrived with (a mirror, an internal name behind the
proxy, a forged header), or the same article gets a second identity. Without
SITE_URL (development) the request's own scheme and host are used.

Every channel builds such URLs here: pages (canonical, hreflang), `interop` (meta
tags, citations, feeds, sitemaps, OAI-PMH, JATS, Crossref).
"""

from urllib.parse import quote, urlsplit

from django.conf import settings
from django.http.request import split_domain_port
from django.utils.encoding import iri_to_uri


def site_root(request=None, base_url=None):
    """The scheme and host absolute URLs start with, as "https://host".

    `base_url` (a command's explicit choice) first, then SITE_URL, then the
    request's scheme and host; "" when there is none of them.
    """
    root = (base_url or settings.SITE_URL or "").rstrip("/")
    if not root and request is not None:
        root = f"{request.scheme}://{request.get_host()}"
    return root


def absolute_url(path, request=None, base_url=None):
    """`path` (from reverse() or get_absolute_url()) as an absolute URL on the site.

    With no SITE_URL, `base_url` or request, `path` comes back as is, for callers
    that let Django add the request's host (feeds, sitemaps) in development.
    """
    return iri_to_uri(f"{site_root(request, base_url)}{path}")


def doi_url(doi):
    """The https://doi.org/ link of `doi`, percent-encoded as the DOI Handbook asks
    ("" without a DOI). Validated DOIs need no escaping; older ones may."""
    return f"https://doi.org/{quote(doi, safe='/:;()._-')}" if doi else ""


def site_host(request=None):
    """The host name (no port) of the site: OAI-PMH's repository identifier."""
    if settings.SITE_URL:
        return urlsplit(settings.SITE_URL).hostname or ""
    if request is not None:
        return split_domain_port(request.get_host())[0]
    return ""


def site_scheme_and_domain():
    """(scheme, host[:port]) of SITE_URL, or None without it: for Django's sitemaps,
    which take the two apart."""
    if not settings.SITE_URL:
        return None
    parts = urlsplit(settings.SITE_URL)
    return parts.scheme, parts.netloc
