#!/usr/bin/env python3
"""Single-request timings of the benchmark's pages, without a server or wrk.

    DATABASE_URL=postgres://…/journal_bench .venv/bin/python scripts/page_timings.py

For each page: the median and the fastest of TIMINGS_N sequential requests through
the Django test client (page cache off, DEBUG off, after one warm-up request), the
number of queries of one request and the time they took. Steadier than wrk on a
shared machine; run it against the database `make bench` generates. Name pages
(home, issue, article, keyword, timeline, search) or paths as arguments to choose;
ARTICLE_MAIN_CACHE=0 measures the article page cold.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "/en/",
    "issue": "/en/issues/2024-4/",
    "article": "/en/articles/synthetic-article-5/",
    "keyword": "/en/keywords/keyword-3/",
    "timeline": "/en/relations/timeline/",
    "search": "/en/search/?q=energy",
}


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["PAGE_CACHE_ENABLED"] = "0"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "timings-only-" + "x" * 50)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("AXES_ENABLED", "0")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def measure(client, path, n):
    from django.db import connection

    status = client.get(path, secure=True).status_code
    if status != 200:
        raise SystemExit(f"{path}: {status}")
    queries = []

    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(time.perf_counter() - start)

    with connection.execute_wrapper(timed):
        client.get(path, secure=True)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        client.get(path, secure=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), len(queries), sum(queries) * 1000


def main():
    setup()
    from django.test import Client

    n = int(os.environ.get("TIMINGS_N", "50"))
    client = Client()
    print(f"{'page':10} {'p50 ms':>8} {'min ms':>8} {'queries':>8} {'in db ms':>9}")
    for name in sys.argv[1:] or list(PAGES):
        p50, fastest, count, db = measure(client, PAGES.get(name, name), n)
        print(f"{name:10} {p50:8.1f} {fastest:8.1f} {count:8} {db:9.1f}")


if __name__ == "__main__":
    main()
