#!/usr/bin/env python3
"""The edit drill: an article edited every few seconds while wrk loads the site.

On the synthetic journal of `make bench` (generated unless BENCH_REUSE=1), served as
in production (gunicorn, DEBUG off, page cache on), wrk loads the home page, the
300-article issue and an article page of that issue, all at once, while this script
edits that article's title every DRILL_EDIT_SECONDS. Each edit makes every cached
page stale; with stale-while-revalidate one request per page renders it again while
the others get the previous version for a few seconds at most.

Reports, per page: requests per second, p50 and p99 latency, non-2xx responses,
socket errors and timeouts; the longest time an edit took to reach the article
page; and the workers' memory (RSS) under load. Exits non-zero on any failed or
timed-out request, or an edit that took longer than DRILL_STALE_LIMIT seconds to show.

Environment: DRILL_SECONDS (default 30), DRILL_EDIT_SECONDS (3), DRILL_CONNECTIONS
(per page, default 6), DRILL_STALE_LIMIT (10), and those of scripts/bench.py
(BENCH_REUSE, BENCH_DATABASE_URL, BENCH_PORT).
"""

import os
import re
import shutil
import signal
import subprocess  # noqa: S404 - this script drives processes on purpose
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402 - the benchmark's database, server and wrk helpers

SECONDS = int(os.environ.get("DRILL_SECONDS", "30"))
EDIT_EVERY = float(os.environ.get("DRILL_EDIT_SECONDS", "3"))
CONNECTIONS = int(os.environ.get("DRILL_CONNECTIONS", "6"))
STALE_LIMIT = float(os.environ.get("DRILL_STALE_LIMIT", "10"))
ARTICLE_SLUG = "synthetic-article-5"  # in the 300-article issue, on the home page
PAGES = {
    "home": bench.PAGES["home"],
    "issue (300 articles)": bench.ISSUE,
    "article (edited)": f"/en/articles/{ARTICLE_SLUG}/",
}


def start_wrk(path):
    return subprocess.Popen(  # noqa: S603
        [
            shutil.which("wrk"),
            "-t1",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--timeout",
            "5s",
            "--latency",
            f"http://127.0.0.1:{bench.PORT}{path}",
        ],  # fmt: skip
        stdout=subprocess.PIPE,
        text=True,
    )


def read_wrk(out):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "p50": bench.to_ms(lat["50"]),
        "p99": bench.to_ms(lat["99"]),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket": sockets.group(1) if sockets else "",
    }


def editor(stop, delays):
    """Edit the article's English title every EDIT_EVERY seconds, through the ORM as
    an admin save would (its signals make the cached pages stale), and time how long
    each new title takes to be served on its page."""
    os.environ.update(bench.env("CACHED"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(bench.ROOT))
    import django

    django.setup()
    from articles.models import Article

    url = f"http://127.0.0.1:{bench.PORT}{PAGES['article (edited)']}"
    n = 0
    while not stop.wait(EDIT_EVERY):
        n += 1
        title = f"Drill edit {n} at {time.time():.0f}"
        article = Article.objects.get(slug=ARTICLE_SLUG)
        article.title_en = title
        article.save()
        saved = time.monotonic()
        while not stop.is_set():
            body = urllib.request.urlopen(url, timeout=10).read().decode()  # noqa: S310
            if title in body:
                delays.append(time.monotonic() - saved)
                break
            if time.monotonic() - saved > 2 * STALE_LIMIT:
                delays.append(time.monotonic() - saved)
                break
            time.sleep(0.05)


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    bench.prepare()
    server = bench.serve("CACHED")
    stop, delays = threading.Event(), []
    try:
        for path in PAGES.values():  # warm up: the pages are cached, as on a live site
            urllib.request.urlopen(f"http://127.0.0.1:{bench.PORT}{path}", timeout=30)  # noqa: S310
        runs = {name: start_wrk(path) for name, path in PAGES.items()}
        edits = threading.Thread(target=editor, args=(stop, delays), daemon=True)
        edits.start()
        time.sleep(SECONDS / 2)
        memory, workers = bench.rss_mb(server)
        results = {name: read_wrk(run.communicate()[0]) for name, run in runs.items()}
        stop.set()
        edits.join(timeout=30)
    finally:
        stop.set()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return report(results, delays, memory, workers)


def report(results, delays, memory, workers):
    print(
        f"Edit drill: {SECONDS} s, an edit every {EDIT_EVERY:g} s, wrk -c{CONNECTIONS} "
        f"on each page at once; {bench.DB_URL}"
    )
    line = "{:22} {:>8} {:>8} {:>8} {:>7}  {}"
    print(line.format("page", "req/s", "p50 ms", "p99 ms", "non-2xx", "socket errors"))
    failed = False
    for name, r in results.items():
        errors = r["socket"]
        print(
            line.format(
                name, f"{r['rps']:.0f}", f"{r['p50']:.1f}", f"{r['p99']:.1f}",
                r["non2xx"], errors or "none",
            )
        )  # fmt: skip
        failed = failed or r["non2xx"] > 0 or bool(errors)
    worst = max(delays, default=float("nan"))
    print(
        f"{len(delays)} edits; an edit reached its page after at most {worst:.2f} s "
        f"(limit {STALE_LIMIT:g} s)"
    )
    print(f"workers under load: {workers}, RSS {memory:.0f} MB in all")
    if not delays or worst > STALE_LIMIT:
        failed = True
        print("An edit took too long to show (or none was made).  <-- FAILED")
    if failed:
        print("The drill FAILED (see above).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
