#!/usr/bin/env python3
"""Rows 31 and 32 of RELIABILITY.md, database faults under a real server: `make faults`.

Serves the synthetic journal of scripts/load.py (FAULTS_DATABASE_URL, by default the
same scratch database, built on first use) with gunicorn and the production settings,
page cache off so every page needs the database, twice: through Django's connection
pool (DB_POOL=1, as in production) and with persistent connections (CONN_MAX_AGE with
health checks). Then, against both servers:

31. a page, then pg_terminate_backend on every connection to the database, then pages
    in ky, ru and en and /readyz: all 200.
32. the PostgreSQL cluster stopped: pages in ky, ru and en give a translated 503 with
    Retry-After and no traceback, /readyz 503, each within the pool timeout + 1 s;
    /healthz stays 200. The cluster started again, the same pages give 200 without a
    restart of gunicorn. The cluster is started again whatever happens (finally).

Prints every request with its status and time, and exits non-zero if any expectation
fails. Takes about a minute; PostgreSQL is down for about 15 s of it.

Environment: FAULTS_DATABASE_URL, FAULTS_PORT (8770; the second server takes the next
port), PG_CLUSTER ("15 main").
"""

import contextlib
import os
import shutil
import signal
import subprocess  # noqa: S404 - this script drives processes on purpose
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from load import (
    DEFAULT_DB,
    connect,
    db_name,
    discover,
    fetch,
    prepare,
    serve,
    server_env,
    uptime,
)

POOL_TIMEOUT = float(os.environ.get("DB_POOL_TIMEOUT", "3"))  # as config/settings.py
DOWN_LIMIT = POOL_TIMEOUT + 1  # row 32: a 503 within the pool timeout + 1 s
RECOVERY_LIMIT = 30.0  # seconds after pg_isready for every page to be 200 again
WORDS = {"ky": "жеткиликсиз", "ru": "недоступен", "en": "unavailable"}
WORKERS = 2  # gunicorn workers (WEB_CONCURRENCY) of each server
CLUSTER = os.environ.get("PG_CLUSTER", "15 main").split()


@dataclass
class Check:
    row: str
    server: str
    step: str
    path: str
    status: int
    seconds: float
    retry_after: str
    ok: bool
    note: str = ""


RESULTS = []
HEAD = "{:3} {:10} {:14} {:34} {:>6} {:>8} {:>6}  {}"


def record(check):
    RESULTS.append(check)
    print(HEAD.format(
        check.row, check.server, check.step, check.path[:34], check.status,
        f"{check.seconds:.3f}s", check.retry_after or "-",
        ("ok" if check.ok else "FAIL") + (f" ({check.note})" if check.note else ""),
    ), flush=True)  # fmt: skip


def expect_ok(row, server, step, path):
    """A request that must answer 200."""
    r = fetch(server.port, path)
    note = "" if r.status == 200 else first_line(r.text)
    retry = r.headers.get("Retry-After", "")
    ok = r.status == 200
    return Check(row, server.name, step, path, r.status, r.seconds, retry, ok, note)


def expect_down(server, path):
    """Row 32 while the database is down: a translated, quick 503, or /healthz 200."""
    r = fetch(server.port, path)
    retry = r.headers.get("Retry-After", "")
    if path == "/healthz":
        ok, note = r.status == 200 and r.seconds < 1, ""
    elif path == "/readyz":
        ok = r.status == 503 and r.seconds <= DOWN_LIMIT
        note = "" if ok else first_line(r.text)
    else:
        word = WORDS[path.split("/")[1]]
        problems = [
            f"status {r.status}" if r.status != 503 else "",
            "no Retry-After" if not retry else "",
            f"no '{word}'" if word not in r.text else "",
            "traceback in body" if "Traceback" in r.text else "",
            f"slower than {DOWN_LIMIT:.0f} s" if r.seconds > DOWN_LIMIT else "",
        ]
        note = ", ".join(p for p in problems if p) or f"'{word}'"
        ok = not any(problems)
    return Check(
        "32", server.name, "db down", path, r.status, r.seconds, retry, ok, note
    )


def first_line(text):
    return text.strip().splitlines()[0][:60] if text.strip() else ""


@dataclass
class Server:
    name: str
    port: int


def terminate_backends(db_url):
    with connect(db_url, "postgres") as conn:
        return len(conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [db_name(db_url)],
        ).fetchall())  # fmt: skip


def cluster(action):
    start = time.perf_counter()
    subprocess.run(  # noqa: S603
        [shutil.which("pg_ctlcluster"), "--skip-systemctl-redirect", *CLUSTER, action],
        check=action == "stop",
        capture_output=True,
    )
    return time.perf_counter() - start


def pg_ready():
    return subprocess.run(  # noqa: S603
        [shutil.which("pg_isready"), "-h", "127.0.0.1", "-q"], check=False
    ).returncode == 0  # fmt: skip


def wait_for_postgres(limit=60):
    deadline = time.monotonic() + limit
    while not pg_ready():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def row31(servers, pages, db_url):
    for server in servers:
        record(expect_ok("31", server, "before", pages[0]))
        print(f"    pg_terminate_backend: {terminate_backends(db_url)} connections")
        for path in [*pages, "/readyz"]:
            record(expect_ok("31", server, "after kill", path))


def row32(servers, pages):
    print(f"    stopping PostgreSQL ({' '.join(CLUSTER)}) …", flush=True)
    stopped = time.monotonic()
    try:
        print(f"    stopped in {cluster('stop'):.1f} s", flush=True)
        with ThreadPoolExecutor(max_workers=len(servers)) as pool:
            jobs = [pool.submit(while_down, server, pages) for server in servers]
            for job in jobs:
                for check in job.result():
                    record(check)
    finally:
        started = cluster("start")
        ready = wait_for_postgres()
        down = time.monotonic() - stopped
        print(f"    started in {started:.1f} s; pg_isready {'yes' if ready else 'NO'}; "
              f"PostgreSQL was down {down:.1f} s", flush=True)  # fmt: skip
    up = time.monotonic()
    for server in servers:
        for path in [*pages, "/readyz"]:
            record(recover(server, path, up))


def while_down(server, pages):
    """Two requests at a time, one per worker, so that none waits in gunicorn's queue
    behind another that is waiting for the database; /healthz last, on a free worker."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        checks = list(
            pool.map(lambda path: expect_down(server, path), [*pages, "/readyz"])
        )
    return [*checks, expect_down(server, "/healthz")]


def recover(server, path, up):
    """The first 200 after PostgreSQL is back, without restarting gunicorn."""
    while True:
        check = expect_ok("32", server, "db back", path)
        waited = time.monotonic() - up
        if check.ok or waited > RECOVERY_LIMIT:
            check.note = check.note or f"200 after {waited:.1f} s"
            return check
        time.sleep(0.2)


def main():
    # A kill of this script still runs the `finally` that starts PostgreSQL again.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    db_url = os.environ.get("FAULTS_DATABASE_URL", DEFAULT_DB)
    port = int(os.environ.get("FAULTS_PORT", "8770"))
    print(f"uptime: {uptime()}")
    prepare(db_url)
    urls = discover(db_url, sample=3)["pages"]
    pages = [
        next(p for p in urls["article"] if p.startswith("/ky/")),
        next(p for p in urls["issue"] if p.startswith("/ru/")),
        next(p for p in urls["keyword"] if p.startswith("/en/")),
    ]
    servers = [Server("pool", port), Server("persistent", port + 1)]
    work = Path(tempfile.mkdtemp(prefix="journal-faults-"))
    with contextlib.ExitStack() as stack:
        for server in servers:
            pool = server.name == "pool"
            env = server_env(db_url, server.port, cached=False, pool=pool)
            env["WEB_CONCURRENCY"] = str(WORKERS)
            stack.enter_context(serve(env, work / f"gunicorn-{server.name}.log"))
        print(f"gunicorn, DEBUG off, page cache off: pool on :{servers[0].port}, "
              f"persistent connections on :{servers[1].port}\n")  # fmt: skip
        print(HEAD.format("row", "server", "step", "request", "status", "time",
                          "Retry", "check"))  # fmt: skip
        row31(servers, pages, db_url)
        row32(servers, pages)
    failed = [c for c in RESULTS if not c.ok]
    print(f"\nuptime: {uptime()}")
    print(f"logs: {work}")
    print(f"FAULT DRILL {'FAILED' if failed else 'PASSED'}: "
          f"{len(RESULTS) - len(failed)} of {len(RESULTS)} checks passed")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
