"""The fixed benchmark: 50 searches in three languages, timed through the test client.

The words come from the synthetic corpus (ops/synthetic.py, `generate_corpus`), so
every query has hits in a generated corpus; some are inflected, typed without the
Kyrgyz letters, misspelt or filtered.
"""

import statistics
import time

from django.test import Client
from django.test.utils import override_settings

QUERIES = [
    ("ky", "мамиле"),
    ("ky", "мамилелерди"),
    ("ky", "чек ара"),
    ("ky", "өлкөлөр"),
    ("ky", "олколор"),
    ("ky", "суу ресурстары"),
    ("ky", "келишим"),
    ("ky", "сүйлөшүүлөр"),
    ("ky", "суйлошуу"),
    ("ky", "коопсуздук"),
    ("ky", "Фергана өрөөнү"),
    ("ky", "соода"),
    ("ky", "тарыхы маданият"),
    ("ky", "жаңжал"),
    ("ky", "кызматташтык"),
    ("ky", "энергетика"),
    ("ky", "келишм"),
    ("ru", "граница"),
    ("ru", "границы"),
    ("ru", "ГРАНИЦА"),
    ("ru", "водные ресурсы"),
    ("ru", "соглашение о воде"),
    ("ru", "торговля"),
    ("ru", "безопасность региона"),
    ("ru", "трудовых мигрантов"),
    ("ru", "Ферганская долина"),
    ("ru", "энергетика"),
    ("ru", "переговоры"),
    ("ru", "граныца"),
    ("ru", "история культуры"),
    ("ru", "таможня"),
    ("ru", "пограничный инцидент"),
    ("ru", "сотрудничество&type=article"),
    ("ru", "договор&page=2"),
    ("en", "border"),
    ("en", "agreements"),
    ("en", "water resources"),
    ("en", "trade turnover"),
    ("en", "security"),
    ("en", "labour migration"),
    ("en", "Fergana valley"),
    ("en", "energy"),
    ("en", "negotiations"),
    ("en", "treaty"),
    ("en", "bordr"),
    ("en", "cultural history"),
    ("en", "customs"),
    ("en", "railway&type=event"),
    ("en", "enclaves"),
    ("en", "soviet&page=2"),
]


# Measured in the same run, to read the search times against: a bare view and a
# page of the site that queries the database.
FLOOR = ["/healthz", "/en/issues/"]


def url(lang, query):
    text, _, extra = query.partition("&")
    return f"/{lang}/search/?q={text}" + (f"&{extra}" if extra else "")


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def _check(response, url):
    # A second page that a small corpus does not have is a 404, not a failure.
    if response.status_code != 200 and not (
        response.status_code == 404 and "page=" in url
    ):
        raise RuntimeError(f"{url} answered {response.status_code}")


@override_settings(PAGE_CACHE_ENABLED=False, DEBUG=False)
def run(rounds=5):
    """{"median": ms, "p95": ms, …} over `rounds` passes of the 50 queries."""
    client = Client()
    urls = [url(lang, q) for lang, q in QUERIES]
    for u in urls:  # warm-up: connections, translations, plans
        _check(client.get(u), u)
    timings = {u: [] for u in urls}
    for _ in range(rounds):
        for u in urls:
            started = time.perf_counter()
            response = client.get(u)
            timings[u].append((time.perf_counter() - started) * 1000)
            _check(response, u)
    every = [t for values in timings.values() for t in values]
    slowest = sorted(timings, key=lambda u: statistics.median(timings[u]))[-3:]
    return {
        "requests": len(every),
        "median": statistics.median(every),
        "p95": percentile(every, 0.95),
        "max": max(every),
        "slowest": [(u, statistics.median(timings[u])) for u in reversed(slowest)],
        "floor": {u: _median_time(client, u, 10 * rounds) for u in FLOOR},
    }


def _median_time(client, url, times):
    """The median of `times` requests of `url` (the machine's floor, same run)."""
    client.get(url)
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)
