"""The shared cache where an outage must cost speed, not the page."""

import logging

from django.core.cache import cache

log = logging.getLogger(__name__)


def cache_get(key):
    """The cached value, or None when there is none or the cache is unreachable."""
    if not key:
        return None
    try:
        return cache.get(key)
    except Exception:  # noqa: BLE001 - a cache outage costs speed, not the page
        log.warning("cache unavailable; %s computed afresh", key, exc_info=True)
        return None


def cache_set(key, value, timeout):
    try:
        cache.set(key, value, timeout)
    except Exception:  # noqa: BLE001 - see above
        log.warning("cache unavailable; %s not stored", key, exc_info=True)
