"""The anonymous page cache: what is cached, under which key, and when it goes stale.

Every cached page's key carries a *generation*. Any change to public content (a model
save or delete in the content apps, or `articles.signals.content_changed` after a bulk
update) bumps the generation, so no page ever outlives the content it shows. Scheduled
publication needs no job either: the time of the next scheduled issue or article is kept
beside the generation, and the first request after it bumps the generation.

The generation lives in the shared cache (Redis in production), so every worker and
every server sees the same one.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.db.models import Min
from django.utils import timezone

GENERATION_KEY = "pagecache:generation"
NEXT_CHANGE_KEY = "pagecache:next-change"
NEVER = 2**40


def store():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def next_scheduled_change():
    """Seconds since the epoch of the next scheduled publication, or NEVER."""
    from articles.models import Article, Issue

    now = timezone.now()
    times = [
        Issue.objects.filter(published_at__gt=now).aggregate(t=Min("published_at"))[
            "t"
        ],
        Article.objects.filter(
            status=Article.Status.PUBLISHED, published_at__gt=now
        ).aggregate(t=Min("published_at"))["t"],
    ]
    times = [t for t in times if t is not None]
    return min(times).timestamp() if times else NEVER


def bump(**kwargs):
    """Make every cached page stale (content or the schedule changed)."""
    cache = store()
    generation = time.time_ns()
    cache.set_many(
        {GENERATION_KEY: generation, NEXT_CHANGE_KEY: next_scheduled_change()},
        timeout=None,
    )
    return generation


def current_generation():
    """The generation to key pages with; bumps it first if a scheduled time passed."""
    values = store().get_many([GENERATION_KEY, NEXT_CHANGE_KEY])
    generation = values.get(GENERATION_KEY)
    next_change = values.get(NEXT_CHANGE_KEY, NEVER)
    if generation is None or time.time() >= next_change:
        generation = bump()
    return generation


def page_key(generation, request):
    # The host is part of the key: pages and sitemaps carry absolute links built
    # from it, and one site may answer under several allowed names.
    head = request.method == "HEAD"
    return f"page:{generation}:{head}:{request.get_host()}:{request.get_full_path()}"
