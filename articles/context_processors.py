from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from . import extensions
from .addresses import absolute_url
from .languages import LANGUAGE_CODES, current_language
from .models import Journal

# Each language is offered in its own name, as readers look for it.
AUTONYMS = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}


def _in_language(path, code):
    """`path` in language `code`; an address no view answers (a 404 page) cannot be
    translated by resolving it, so its language prefix is swapped instead."""
    url = translate_url(path, code)
    if url != path:
        return url
    first, _, rest = path.lstrip("/").partition("/")
    if first in LANGUAGE_CODES:
        return f"/{code}/{rest}"
    return path


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
    """The journal (lazily, kept between requests) and the language links."""
    return {
        "journal": SimpleLazyObject(current_journal),
        "language_alternates": SimpleLazyObject(lambda: _alternates(request)),
    }
