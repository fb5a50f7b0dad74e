import hashlib
import logging

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from .cache import current_generation, page_key, store

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


class PageCacheMiddleware:
    """Serves anonymous reader pages from the shared cache, per language and URL.

    Placed high in the stack so that a hit costs about as much as a bare view. Every
    stored page carries an ETag, so ConditionalGetMiddleware answers repeat visits
    with 304 Not Modified.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        cache = store()
        try:
            key = page_key(current_generation(), request)
            hit = cache.get(key)
        except Exception:  # noqa: BLE001 - a cache outage must only cost speed
            log.warning("page cache unavailable; serving uncached", exc_info=True)
            return self.get_response(request)
        if hit is not None:
            return self._rebuild(hit)
        response = self.get_response(request)
        if cacheable_response(response):
            if not response.has_header("ETag"):
                digest = hashlib.blake2b(response.content, digest_size=16).hexdigest()
                response["ETag"] = f'"{digest}"'
            patch_cache_control(response, **BROWSER_CACHE_CONTROL)
            response["X-Page-Cache"] = "miss"
            timeout = getattr(settings, "PAGE_CACHE_SECONDS", 3600)
            try:
                cache.set(key, self._freeze(response), timeout)
            except Exception:  # noqa: BLE001 - see above
                log.warning("page cache unavailable; page not stored", exc_info=True)
        return response

    @staticmethod
    def _freeze(response):
        headers = {k: v for k, v in response.items() if k != "X-Page-Cache"}
        return (response.status_code, headers, response.content)

    @staticmethod
    def _rebuild(frozen):
        status, headers, content = frozen
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
