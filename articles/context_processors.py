from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from . import extensions
from .addresses import absolute_url
from .languages import LANGUAGE_CODES, current_language
from .models import Journal

# Each language is offered in its own name, as readers look for it.
AUTONYMS = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}


def _in_language(path, code):
    """`path` in language `code`. Reader addresses differ between languages only by
    their prefix (no path is translated), so the prefix is swapped: the same result
    as resolving and reversing the path (translate_url, which cost more than the rest
    of a kept page), and it also holds for an address no view answers (a 404)."""
    first, _, rest = path.lstrip("/").partition("/")
    if first in LANGUAGE_CODES:
        return f"/{code}/{rest}"
    return translate_url(path, code)


def _alternate(request, path, code, current):
    url = _in_language(path, code)
    return {
        "code": code,
        "name": AUTONYMS[code],
        "url": url,
        "href": absolute_url(url, request),  # hreflang links: on SITE_URL
        "current": code == current,
    }


def _alternates(request):
    path = request.get_full_path()
    current = current_language()
    return [_alternate(request, path, code, current) for code in LANGUAGE_CODES]


def _page_links(request, alternates):
    """The page's canonical link (itself, in its language) and its hreflang set: the
    three languages and x-default, the unprefixed address that sends readers to their
    language, as the sitemap lists them. The article page gives its own (interop)."""
    hreflang = [(alt["code"], alt["href"]) for alt in alternates]
    default = settings.LANGUAGE_CODE
    path = _in_language(request.get_full_path(), default)
    hreflang.append(
        ("x-default", absolute_url(path.replace(f"/{default}/", "/", 1), request))
    )
    canonical = next(alt["href"] for alt in alternates if alt["current"])
    return {"canonical": canonical, "hreflang": hreflang}


# (generation, journal): the journal is kept by each worker until content changes.
_kept = [None, None]


def current_journal():
    """The journal, read again only after a content change (extensions.content_version:
    the page cache's generation); read every time when nothing provides one."""
    if extensions.content_version is None:
        return Journal.objects.order_by("pk").first()
    try:
        generation = extensions.content_version()
    except Exception:  # noqa: BLE001 - the cache is down: read it every time
        return Journal.objects.order_by("pk").first()
    if _kept[0] != generation:
        _kept[:] = [generation, Journal.objects.order_by("pk").first()]
    return _kept[1]


def forget_journal():
    _kept[:] = [None, None]


def site(request):
    """The journal (lazily, kept between requests), the language links and the
    page's canonical and hreflang links."""
    alternates = SimpleLazyObject(lambda: _alternates(request))
    return {
        "journal": SimpleLazyObject(current_journal),
        "language_alternates": alternates,
        "page_links": SimpleLazyObject(lambda: _page_links(request, alternates)),
    }
