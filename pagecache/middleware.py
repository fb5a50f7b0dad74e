import hashlib
import logging
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from .cache import current_state, page_key, store

log = logging.getLogger(__name__)
# Reader pages in each language, and the sitemaps (thousands of URLs, read by every
# crawler). OAI-PMH is not cached: each response carries its own responseDate.
CACHED_PREFIXES = ("/ky/", "/ru/", "/en/", "/sitemap")
NEVER_CACHED = ("/admin/", "/preview/")
BROWSER_CACHE_CONTROL = {"public": True, "max_age": 0, "must_revalidate": True}


def cacheable_request(request):
    """Anonymous GET/HEAD of a public reader page or sitemap."""
    if not getattr(settings, "PAGE_CACHE_ENABLED", True):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path
    if not path.startswith(CACHED_PREFIXES) or any(p in path for p in NEVER_CACHED):
        return False
    # Signed-in staff (and anyone with a session) always get a fresh page.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control


def lock_key(key):
    """Held by the one request rendering the page stored under `key` again."""
    return f"{key}:lock"


class PageCacheMiddleware:
    """Serves anonymous reader pages from the shared cache, per language and URL.

    Placed high in the stack so that a hit costs about as much as a bare view. Every
    stored page carries an ETag, so ConditionalGetMiddleware answers repeat visits
    with 304 Not Modified.

    A page whose generation has moved is rendered again by one request, which holds
    a lock in the cache (one per worker with the local memory cache, one for all with
    Redis); meanwhile the others get the previous version, marked `stale`, for
    PAGE_CACHE_STALE_SECONDS at most. Never after a strict change (pagecache.cache):
    then every request renders.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        cache = store()
        try:
            generation, epoch = current_state()
            key = page_key(request)
            kept = cache.get(key)
        except Exception:  # noqa: BLE001 - a cache outage must only cost speed
            log.warning("page cache unavailable; serving uncached", exc_info=True)
            return self.get_response(request)
        lock = None
        if kept is not None:
            kept_generation, kept_epoch, frozen = kept
            if kept_epoch == epoch:
                if kept_generation == generation:
                    return self._rebuild(frozen, "hit")
                lock = self._revalidation(cache, key, kept_generation)
                if lock is None:
                    return self._rebuild(frozen, "stale")
        try:
            return self._render(request, cache, key, (generation, epoch))
        finally:
            if lock:
                self._release(cache, lock)

    def _render(self, request, cache, key, state):
        response = self.get_response(request)
        if cacheable_response(response):
            if not response.has_header("ETag"):
                digest = hashlib.blake2b(response.content, digest_size=16).hexdigest()
                response["ETag"] = f'"{digest}"'
            patch_cache_control(response, **BROWSER_CACHE_CONTROL)
            response["X-Page-Cache"] = "miss"
            timeout = getattr(settings, "PAGE_CACHE_SECONDS", 3600)
            try:
                cache.set(key, (*state, self._freeze(response)), timeout)
            except Exception:  # noqa: BLE001 - see above
                log.warning("page cache unavailable; page not stored", exc_info=True)
        return response

    @staticmethod
    def _revalidation(cache, key, kept_generation):
        """The lock's key if this request is to render the stale page again (or
        False when it must render anyway); None when it may serve the stale page."""
        stale_for = getattr(settings, "PAGE_CACHE_STALE_SECONDS", 5)
        now = time.time()
        since_key, lock = f"{key}:stale:{kept_generation}", lock_key(key)
        try:
            # The first request to find the page stale notes when.
            cache.add(since_key, now, 4 * stale_for + 60)
            since = cache.get(since_key, now)
            if now - since > stale_for:
                return False  # stale too long (a render slower than that): render
            if cache.add(lock, now, stale_for):
                return lock
        except Exception:  # noqa: BLE001 - see above
            log.warning("page cache unavailable; rendering", exc_info=True)
            return False
        return None

    @staticmethod
    def _release(cache, lock):
        try:
            cache.delete(lock)
        except Exception:  # noqa: BLE001 - it expires by itself
            log.warning("page cache unavailable; lock left to expire", exc_info=True)

    @staticmethod
    def _freeze(response):
        headers = {k: v for k, v in response.items() if k != "X-Page-Cache"}
        return (response.status_code, headers, response.content)

    @staticmethod
    def _rebuild(frozen, how):
        status, headers, content = frozen
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        response["X-Page-Cache"] = how
        return response
