"""Whole reader pages kept in the cache under exactly what they show.

The page cache (pagecache) keys every page on one generation that any content change
moves: after an edit, every page renders again. A kept page is keyed finer, on a
*fingerprint* of what that one page shows, read with one or two small queries on each
request (an article's id and `updated_at`; an issue's fields and the count, latest
change and ids of its public articles; ...). An edit then renders again only the
pages whose fingerprint it moves, and a request for any other page costs its
fingerprint's queries and one cache read, page cache or not.

Rules that make this safe:
- The fingerprint is read through the same visibility rule as the page, on every
  request: content removed from public view changes it (the count of an issue's public
  articles drops; a withdrawn article no longer matches), so a kept page is never
  served after a removal, not for a second.
- Every change a page shows moves its fingerprint: `articles.freshness` moves an
  article's `updated_at` for everything its row and page show; a list's fingerprint
  holds its rows' count, latest `updated_at` and the sum of their ids; objects shown
  whole (the issue, the keyword, knowledge-base entries) are fingerprinted by all their
  field values.
- The frame around every page (journal record, journal pages in header and footer)
  has a fingerprint of its own (`frame_version()`), and so do the templates and static
  files of the running code (`release()`): a deploy never serves a page built by the
  code before it.
- Only addresses without a query string (or with the ones the view names, such as
  ?page=) are kept: arbitrary parameters cannot fill the cache.
"""

import hashlib
from functools import cache, partial
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max, QuerySet, Sum
from django.http import HttpResponse

from . import extensions
from .addresses import absolute_url
from .caching import cache_get, cache_set
from .languages import current_language

# A day: a kept page is only ever replaced by a newer key, never stale.
KEPT_SECONDS = 24 * 3600
# Part of every key: a change to how pages are kept must not meet pages kept before it.
FORMAT = 1


def digest(value):
    return hashlib.blake2b(repr(value).encode(), digest_size=12).hexdigest()


def field_values(obj):
    """Every stored field of `obj`: its fingerprint when a page shows it whole."""
    if obj is None:
        return None
    # Read from the instance's own dict: the translated fields' descriptors cost
    # more than the rest of a kept page's fingerprint.
    values = vars(obj)
    return tuple(values.get(f.attname) for f in obj._meta.concrete_fields)


def rows_version(queryset):
    """The fingerprint of a list of articles: how many, the latest `updated_at` and
    the sum of their ids, in one aggregate query. A row added or removed changes the
    count (or, when one leaves as another arrives, the arrival's fresh `updated_at`
    and the ids); any change a row shows moves its `updated_at`."""
    # A plain queryset with the same query: modeltranslation's rewriting is not
    # needed for an aggregate of untranslated columns.
    plain = QuerySet(model=queryset.model, query=queryset.query.chain())
    found = plain.order_by().aggregate(
        n=Count("pk"), at=Max("updated_at"), ids=Sum("pk")
    )
    return (found["n"], found["at"], found["ids"])


@cache
def release():
    """What the running code renders with: its templates and static files. A deploy
    that changes either makes new keys, even in a cache that outlives the process."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.template import engines

    stamps = [getattr(staticfiles_storage, "manifest_hash", "")]
    for engine in engines.all():
        for folder in map(Path, getattr(engine, "template_dirs", ())):
            stamps.extend(
                (str(path), path.stat().st_mtime_ns)
                for path in sorted(folder.rglob("*.html"))
            )
    return digest(stamps)


# (content version, frame fingerprint): kept by each worker until content changes.
_frame = [None, None]


def frame_version():
    """A fingerprint of what every page's frame shows: the journal record and what
    other apps register in `extensions.frame_parts` (the journal pages in the header
    and footer). None when nothing gives a content version: pages are then not kept."""
    if extensions.content_version is None:
        return None
    try:
        generation = extensions.content_version()
    except Exception:  # noqa: BLE001 - the cache is down: keep nothing
        return None
    if _frame[0] != generation:
        from .context_processors import current_journal

        parts = [field_values(current_journal())]
        parts.extend(part() for part in extensions.frame_parts)
        _frame[:] = [generation, digest(parts)]
    return _frame[1]


def forget_frame():
    _frame[:] = [None, None]


def page_key(request, name, fingerprint, params=()):
    """The key of the page `name` at this address showing `fingerprint`; None when it
    is not kept (no frame version, or a query string other than `params`)."""
    if request.method not in ("GET", "HEAD"):
        return None
    if any(param not in params for param in request.GET):
        return None
    frame = frame_version()
    if frame is None:
        return None
    # Pages hold absolute URLs (canonical, hreflang), so the site's root too.
    address = digest(absolute_url(request.get_full_path(), request))
    lang = current_language()
    return f"{name}:{FORMAT}:{release()}:{lang}:{address}:{frame}:{digest(fingerprint)}"


def kept_response(key, render):
    """The page kept under `key`, or `render()`'s response, kept under `key` when it
    is a 200. No key: rendered, not kept."""
    if key and (content := cache_get(key)) is not None:
        return HttpResponse(content)
    response = render()
    if key and response.status_code == 200:
        if hasattr(response, "render"):
            response.render()
        cache_set(key, response.content, KEPT_SECONDS)
    return response


class KeptPageMixin:
    """For a reader page's view: `page_fingerprint()` says what the page shows; the
    page is served from the cache while that holds, and rendered and kept when not.
    `kept_params`: the query parameters a kept address may carry."""

    kept_params = ()

    def page_fingerprint(self):
        """What the page shows besides the frame (a value with a stable repr), or
        None: render afresh."""
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        key = None
        fingerprint = self.page_fingerprint()
        if fingerprint is not None and settings.KEPT_PAGES:
            name = f"kept-page:{type(self).__name__}"
            key = page_key(request, name, fingerprint, self.kept_params)
        return kept_response(key, partial(super().get, request, *args, **kwargs))
