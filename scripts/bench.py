#!/usr/bin/env python3
"""The page benchmark: `make bench`.

Builds a synthetic journal (100 issues, one of 300 articles, 3,000 articles, 1,000
events) in a scratch PostgreSQL database reached through Django's connection pool, as in
production (SQLite when PostgreSQL is not running, or BENCH_DATABASE_URL), serves it
with gunicorn and the production settings (DEBUG off), and measures each page with
wrk, cached, uncached (page cache off) and cold (for the article page: its kept
main part off too), against the site's own /healthz and the reference page of
PERFORMANCE.md (/bench/naive/: five ORM queries and a 50-item template) in the same
run. Prints requests per second, median and 99th-percentile latency, both ratios,
worker memory (RSS), the single-request latency of the 300-article issue uncached, a
304 check, and a soak run at the cached rate that must see no errors.

Then the table of issue 16: each page's uncached throughput as a ratio to /healthz
beside its target, and the 300-article issue's single-request p50 beside its own.

Environment: BENCH_SECONDS (default 8), BENCH_RUNS (default 3), BENCH_CONNECTIONS
(16), BENCH_SOAK_SECONDS (60), BENCH_REUSE=1 to keep an already generated database,
BENCH_PORT (8765). Exits non-zero if any request failed or timed out, or a target
is missed.
"""

import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess  # noqa: S404 - this script drives processes on purpose
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "60"))
REUSE = os.environ.get("BENCH_REUSE") == "1"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
SQLITE_URL = "sqlite:////tmp/journal-bench.sqlite3"
# The settings refuse to run with DEBUG off and no key. A run signs nothing that
# outlives it, so without DJANGO_SECRET_KEY it gets a random key of its own.
RUN_SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50)


def postgres_up():
    probe = shutil.which("pg_isready")
    if not probe:
        return False
    return subprocess.run([probe, "-h", "127.0.0.1", "-q"]).returncode == 0  # noqa: S603


DB_URL = os.environ.get("BENCH_DATABASE_URL") or (
    f"{PG_SERVER}/journal_bench" if postgres_up() else SQLITE_URL
)

PAGES = {
    "healthz": "/healthz",
    "home": "/en/",
    "issue (300 articles)": "/en/issues/2024-4/",
    "article": "/en/articles/synthetic-article-5/",
    "keyword": "/en/keywords/keyword-3/",
    "timeline": "/en/relations/timeline/",
    "search": "/en/search/?q=energy",
    "naive reference": "/bench/naive/",
}
ISSUE = PAGES["issue (300 articles)"]
SOAK_PAGE = PAGES["article"]


# Three servers in turn: the production set-up; the page cache off (an article page
# is then built around its kept main part); and everything rendered afresh.
MODES = {
    "CACHED": {"PAGE_CACHE_ENABLED": "1", "ARTICLE_MAIN_CACHE": "1"},
    "UNCACHED (page cache off)": {"PAGE_CACHE_ENABLED": "0", "ARTICLE_MAIN_CACHE": "1"},
    "COLD (page cache and kept article parts off)": {
        "PAGE_CACHE_ENABLED": "0",
        "ARTICLE_MAIN_CACHE": "0",
    },
}
COLD_PAGES = ("healthz", "article", "naive reference")

UNCACHED = "UNCACHED (page cache off)"
COLD = "COLD (page cache and kept article parts off)"
# Issue 16: (row, mode, page, least ratio to /healthz in the same run).
TARGETS = [
    ("home (300-article current issue)", UNCACHED, "home", 0.10),
    ("issue, 300 articles", UNCACHED, "issue (300 articles)", 0.10),
    ("article (kept main part)", UNCACHED, "article", 0.40),
    ("article, cold (kept part off)", COLD, "article", 0.15),
    ("keyword page", UNCACHED, "keyword", 0.10),
    ("timeline, 1,000 events", UNCACHED, "timeline", 0.10),
    ("search", UNCACHED, "search", 0.10),
]
# One request at a time, the 300-article issue uncached (p50, milliseconds).
ISSUE_P50_TARGET = 50


def env(mode=UNCACHED):
    return {
        **os.environ,
        "DATABASE_URL": DB_URL,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": RUN_SECRET_KEY,
        "DJANGO_STATIC_MANIFEST": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "AXES_ENABLED": "0",
        "DB_POOL": "1",
        "BENCH_VIEWS": "1",
        "BIND": f"127.0.0.1:{PORT}",
        **MODES[mode],
    }


def manage(*args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env(), check=True)  # noqa: S603


def prepare():
    if REUSE:
        manage("collectstatic", "--noinput", "-v0")
        return
    if DB_URL.startswith("sqlite:////"):
        Path(DB_URL.removeprefix("sqlite:///")).unlink(missing_ok=True)
    elif DB_URL.startswith("postgres"):
        server, name = DB_URL.rsplit("/", 1)
        for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
            subprocess.run(  # noqa: S603
                [shutil.which("psql"), f"{server}/postgres", "-qc", sql], check=True
            )
    manage("migrate", "--noinput", "-v0")
    manage("generate_journal")
    try:
        manage("rebuild_search_index")
    except subprocess.CalledProcessError:
        print("(no search index command; search is measured as it is)")
    manage("collectstatic", "--noinput", "-v0")
    if DB_URL.startswith("postgres"):
        # A settled database, as autovacuum leaves one: statistics for the planner
        # and the visibility map index-only scans need (a fresh bulk load has neither).
        vacuum = [shutil.which("psql"), DB_URL, "-qc", "VACUUM ANALYZE"]
        subprocess.run(vacuum, check=True)  # noqa: S603


def serve(mode):
    process = subprocess.Popen(  # noqa: S603
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env(mode),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(600):  # a minute: a busy machine starts workers slowly
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start")


def wrk(path, connections=CONNECTIONS, seconds=SECONDS):
    out = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk"),
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            f"http://127.0.0.1:{PORT}{path}",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    errors = re.findall(r"Non-2xx or 3xx responses: \d+|Socket errors: .*", out)
    return rps, to_ms(lat["50"]), to_ms(lat["99"]), "; ".join(errors)


def to_ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def rss_mb(process):
    children = subprocess.run(  # noqa: S603
        [shutil.which("pgrep"), "-P", str(process.pid)], capture_output=True, text=True
    ).stdout.split()
    total = 0
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return total / 1024, len(children)


def measure(mode):
    process = serve(mode)
    pages = {
        name: path
        for name, path in PAGES.items()
        if not mode.startswith("COLD") or name in COLD_PAGES
    }
    try:
        for path in pages.values():  # warm up (and fill the caches)
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=30).read()  # noqa: S310
        results = {}
        for name, path in pages.items():
            runs = [wrk(path) for _ in range(RUNS)]
            results[name] = (
                statistics.median(r[0] for r in runs),
                statistics.median(r[1] for r in runs),
                statistics.median(r[2] for r in runs),
                min(r[0] for r in runs),
                max(r[0] for r in runs),
                "; ".join(r[3] for r in runs if r[3]),
            )
        if mode == "CACHED":
            extra = conditional_and_soak()
        elif mode.startswith("UNCACHED"):
            extra = single_request(ISSUE)
        else:
            extra = []
        memory = rss_mb(process)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    return results, memory, extra


def single_request(path):
    """One connection at a time: the latency of the page itself, without queueing."""
    _, p50, p99, errors = wrk(path, connections=1)
    line = (
        f"{path} one request at a time: p50 {p50:.1f} ms (target < "
        f"{ISSUE_P50_TARGET} ms), p99 {p99:.1f} ms"
    )
    return [(f"{line} {errors}", not errors and p50 < ISSUE_P50_TARGET)]


def ratio(rps, floor):
    """`rps` over the floor's; 0 when the floor itself got nothing through."""
    return rps / floor if floor else 0.0


def targets_table(measured):
    """The issue's table: each page's uncached rate against /healthz and its target.
    Returns whether every target was met."""
    print("\nTARGETS (issue 16), ratios to /healthz in the same run")
    line = "{:34} {:>8} {:>10} {:>8}  {}"
    print(line.format("page", "req/s", "x healthz", "target", ""))
    floor = measured[UNCACHED]["healthz"][0]
    print(line.format("healthz", f"{floor:.0f}", "1.00", "", ""))
    met = True
    for row, mode, page, target in TARGETS:
        floor = measured[mode]["healthz"][0]
        rps, errors = measured[mode][page][0], measured[mode][page][5]
        ok = ratio(rps, floor) >= target and not errors
        met = met and ok
        verdict = "ok" if ok else "MISSED" + (f" ({errors})" if errors else "")
        shown, least = f"{ratio(rps, floor):.2f}", f">= {target:.2f}"
        print(line.format(row, f"{rps:.0f}", shown, least, verdict))
    return met


def conditional_and_soak():
    """A repeat visit with the page's ETag gets 304; then SOAK_SECONDS of load."""
    url = f"http://127.0.0.1:{PORT}{SOAK_PAGE}"
    etag = urllib.request.urlopen(url, timeout=30).headers["ETag"]  # noqa: S310
    request = urllib.request.Request(url, headers={"If-None-Match": etag})  # noqa: S310
    try:
        status = urllib.request.urlopen(request, timeout=30).status  # noqa: S310
    except urllib.error.HTTPError as answer:  # urllib treats 304 as an error
        status = answer.code
    rps, p50, p99, errors = wrk(SOAK_PAGE, seconds=SOAK_SECONDS)
    return [
        (
            f"If-None-Match {etag} on {SOAK_PAGE}: {status} (expected 304)",
            status == 304,
        ),
        (
            f"soak {SOAK_SECONDS} s on {SOAK_PAGE}: {rps:.0f} req/s, p50 {p50:.1f} ms, "
            f"p99 {p99:.1f} ms, errors: {errors or 'none'}",
            not errors,
        ),
    ]


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    prepare()
    print(f"wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, median of {RUNS} runs; {DB_URL}")
    failed = False
    measured = {}
    for mode in MODES:
        results, (memory, workers), extra = measure(mode)
        measured[mode] = results
        floor = results["healthz"][0]
        naive = results["naive reference"][0]
        print(f"\n{mode} ({workers} workers, RSS {memory:.0f} MB)")
        head = ("page", "req/s", "range", "p50 ms", "p99 ms", "x healthz", "x naive")
        print("{:22} {:>8} {:>15} {:>8} {:>8} {:>9} {:>8}".format(*head))
        for name, (rps, p50, p99, low, high, errors) in results.items():
            print(
                f"{name:22} {rps:8.0f} {f'{low:.0f}-{high:.0f}':>15} {p50:8.1f} "
                f"{p99:8.1f} {ratio(rps, floor):9.2f} {ratio(rps, naive):8.2f} {errors}"
            )
            failed = failed or bool(errors)
        for line, ok in extra:
            print(line if ok else f"{line}  <-- FAILED")
            failed = failed or not ok
    met = targets_table(measured)
    if failed:
        print("\nSome requests failed or a check missed (see above).")
    if not met:
        print("\nSome targets were missed (see above).")
    return 1 if failed or not met else 0


if __name__ == "__main__":
    sys.exit(main())
