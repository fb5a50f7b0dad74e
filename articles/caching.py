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


def cache_get_many(keys):
    """{key: value} of the keys found; empty when the cache is unreachable."""
    if not keys:
        return {}
    try:
        return cache.get_many(keys)
    except Exception:  # noqa: BLE001 - a cache outage costs speed, not the page
        log.warning("cache unavailable; %d values computed afresh", len(keys))
        return {}


def cache_set_many(values, timeout):
    if not values:
        return
    try:
        cache.set_many(values, timeout)
    except Exception:  # noqa: BLE001 - see above
        log.warning("cache unavailable; %d values not stored", len(values))


def kept_for_content(name, compute, timeout=3600):
    """`compute()`, kept until content changes (extensions.content_version: the page
    cache's generation), for what is costly and shared by many pages (keyword counts,
    the timeline's chart). Computed every time when nothing gives a version."""
    from . import extensions

    if extensions.content_version is None:
        return compute()
    try:
        key = f"kept:{name}:{extensions.content_version()}"
    except Exception:  # noqa: BLE001 - the cache is down: compute it
        return compute()
    value = cache_get(key)
    if value is None:
        value = compute()
        cache_set(key, value, timeout)
    return value
