"""The anonymous page cache: what is cached, under which key, and when it goes stale.

Every cached page carries the *generation* it was rendered under. Any change to public
content (a model save or delete in the watched content apps, or the content apps'
"content changed" signal after a bulk update; see pagecache/apps.py) bumps the
generation, so no page outlives the content it shows. Scheduled publication needs no
job either: the time of the next scheduled publication (asked of the
`scheduled_sources` the content apps are wired to) is kept beside the generation, and
the first request after it bumps the generation.

After a bump, one request renders a page again (it takes a lock in the cache) while
the others are served the previous version, for STALE_SECONDS at most
(stale-while-revalidate; pagecache/middleware.py): after an edit, readers and crawlers
never all render at once. A change that removes content from public view (a
withdrawal, un-publishing, a delete) is *strict*: it also moves the *removal epoch*,
and a page rendered under an older epoch is never served again, not for a second.

The generation and the epoch must be the same for every worker. With a shared cache
(Redis, through CACHE_URL) they live there, for every worker of every server. With the
default local memory cache each worker has its own cache, so the generation and the
next scheduled time live in a small file instead (PAGE_CACHE_STATE_FILE, the epoch in
another beside it), read at each request: a save in one worker makes every worker's
pages stale at once.
"""

import functools
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
EPOCH_KEY = "pagecache:removal-epoch"
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
    return _state_file(
        configured, settings.BASE_DIR, settings.DATABASES["default"]["NAME"]
    )


@functools.lru_cache(maxsize=8)
def _state_file(configured, base_dir, database):
    # Read twice a request or more: the path is worked out once per setting.
    if configured:
        return Path(configured)
    digest = hashlib.blake2b(f"{base_dir}|{database}".encode(), digest_size=8)
    name = f"journal-page-generation-{digest.hexdigest()}"
    return Path(tempfile.gettempdir()) / name


def epoch_file():
    """The removal epoch, in a file of its own: a bump that does not move it never
    rewrites it, so it can never put back an epoch older than one written meanwhile."""
    path = state_file()
    return path.with_name(f"{path.name}.epoch")


def _write(path, text):
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    temporary.write_text(text)
    os.replace(temporary, path)  # atomic: a reader sees the old or the new state


def _read_state():
    try:
        generation, next_change = state_file().read_text().split()
        return generation, float(next_change)
    except (OSError, ValueError):
        return None, NEVER


def _read_epoch():
    try:
        return epoch_file().read_text().strip() or None
    except OSError:
        return None


def _token():
    # Unique even under a frozen clock (tests) or two bumps in one nanosecond.
    return f"{time.time_ns():x}{os.urandom(4).hex()}"


def bump(strict=False, **kwargs):
    """Make every cached page stale (content or the schedule changed).

    `strict`: the change removed content from public view, so no page rendered
    before it may be served again, not even while it is being rendered anew.
    """
    return _bump(strict)[0]


def _bump(strict):
    generation, epoch = _token(), _token() if strict else None
    next_change = next_scheduled_change()
    cache = store()
    if isinstance(cache, LocMemCache):
        if strict:
            _write(epoch_file(), epoch)
        _write(state_file(), f"{generation} {next_change}")
    else:
        values = {GENERATION_KEY: generation, NEXT_CHANGE_KEY: next_change}
        if strict:
            values[EPOCH_KEY] = epoch
        cache.set_many(values, timeout=None)
    return generation, epoch


def current_state():
    """(generation, removal epoch) of the content now; bumps the generation first
    if a scheduled time passed."""
    cache = store()
    if isinstance(cache, LocMemCache):
        generation, next_change = _read_state()
        epoch = _read_epoch()
    else:
        values = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY, EPOCH_KEY])
        generation = values.get(GENERATION_KEY)
        next_change = values.get(NEXT_CHANGE_KEY, NEVER)
        epoch = values.get(EPOCH_KEY)
    if epoch is None:
        # A new cache, or one that lost its keys: nothing kept before may be served.
        epoch = _new_epoch(cache)
    if generation is None or time.time() >= next_change:
        generation = bump()
    return generation, epoch


def _new_epoch(cache):
    epoch = _token()
    if isinstance(cache, LocMemCache):
        _write(epoch_file(), epoch)
        return epoch
    cache.add(EPOCH_KEY, epoch, timeout=None)  # the first worker's is everyone's
    return cache.get(EPOCH_KEY) or epoch


def current_generation():
    """A token that moves whenever public content changes (the content version)."""
    return current_state()[0]


def page_key(request):
    # The host is part of the key: pages and sitemaps carry absolute links built
    # from it, and one site may answer under several allowed names.
    head = request.method == "HEAD"
    return f"page:{head}:{request.get_host()}:{request.get_full_path()}"
