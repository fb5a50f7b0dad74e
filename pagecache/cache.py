"""The anonymous page cache: what is cached, under which key, and when it goes stale.

Every cached page's key carries a *generation*. Any change to public content (a model
save or delete in the watched content apps, or the content apps' "content changed"
signal after a bulk update; see pagecache/apps.py) bumps the generation, so no page ever
outlives the content it shows. Scheduled publication needs no job either: the time of
the next scheduled publication (asked of the `scheduled_sources` the content apps are
wired to) is kept beside the generation, and the first request after it bumps the
generation.

The generation must be the same for every worker. With a shared cache (Redis, through
CACHE_URL) it lives there, for every worker of every server. With the default local
memory cache each worker has its own cache, so the generation and the next scheduled
time live in a small file instead (PAGE_CACHE_STATE_FILE), read at each request: a
save in one worker makes every worker's pages stale at once.
"""

import hashlib
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

GENERATION_KEY = "pagecache:generation"
NEXT_CHANGE_KEY = "pagecache:next-change"
NEVER = 2**40


def store():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


# Callables returning the next time (an aware datetime) at which content becomes public
# by itself, or None; the project wires the content apps' (ops/wiring.py).
scheduled_sources = []


def next_scheduled_change():
    """Seconds since the epoch of the next scheduled publication, or NEVER."""
    times = [t for source in scheduled_sources if (t := source()) is not None]
    return min(times).timestamp() if times else NEVER


def state_file():
    """Where workers with process-local caches share the generation."""
    configured = getattr(settings, "PAGE_CACHE_STATE_FILE", None)
    if configured:
        return Path(configured)
    site = f"{settings.BASE_DIR}|{settings.DATABASES['default']['NAME']}"
    digest = hashlib.blake2b(site.encode(), digest_size=8).hexdigest()
    return Path(tempfile.gettempdir()) / f"journal-page-generation-{digest}"


def _write_state(generation, next_change):
    path = state_file()
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    temporary.write_text(f"{generation} {next_change}")
    os.replace(temporary, path)  # atomic: a reader sees the old or the new state


def _read_state():
    try:
        generation, next_change = state_file().read_text().split()
        return generation, float(next_change)
    except (OSError, ValueError):
        return None, NEVER


def bump(**kwargs):
    """Make every cached page stale (content or the schedule changed)."""
    # Unique even under a frozen clock (tests) or two bumps in one nanosecond.
    generation = f"{time.time_ns():x}{os.urandom(4).hex()}"
    next_change = next_scheduled_change()
    cache = store()
    if isinstance(cache, LocMemCache):
        _write_state(generation, next_change)
    else:
        cache.set_many(
            {GENERATION_KEY: generation, NEXT_CHANGE_KEY: next_change}, timeout=None
        )
    return generation


def current_generation():
    """The generation to key pages with; bumps it first if a scheduled time passed."""
    cache = store()
    if isinstance(cache, LocMemCache):
        generation, next_change = _read_state()
    else:
        values = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY])
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
