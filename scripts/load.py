#!/usr/bin/env python3
"""Row 34 of RELIABILITY.md, the mixed-load drill: `make load`.

Builds (or reuses) a synthetic journal in a scratch PostgreSQL database, serves it with
gunicorn under the production settings (DEBUG off, page cache on, connection pool),
discovers real URLs from the database and checks each kind once, then runs locust
headless (scripts/locustfile.py): 50 users for LOAD_SECONDS, 70% article, issue and
list pages, 15% search, 10% feeds and sitemaps, 5% OAI-PMH, in /ky/, /ru/ and /en/.
Any response that is not 2xx/3xx (or an OAI-PMH error) is a failure. Then 60 s of wrk
on the cached home page, which must give no errors either. Prints requests, req/s,
median, p95, p99 and failures per group, the wrk figures and worker memory (RSS);
exits non-zero on any failure.

wrk2 (constant rate) is not in Debian, so that part of row 34 is left out.

Environment: LOAD_DATABASE_URL (postgres://postgres@127.0.0.1:5432/journal_load),
LOAD_REBUILD=1 (drop and rebuild it), LOAD_SECONDS (600), LOAD_USERS (50),
LOAD_SPAWN_RATE (10 a second), LOAD_WAIT (think time per user, "0.5-1.5" s),
LOAD_CACHE_URL (redis://127.0.0.1:6379/9 when Redis answers, else locmem://),
LOAD_WRK_SECONDS (60), LOAD_PORT (8766).
"""

import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess  # noqa: S404 - this script drives processes on purpose
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench import RUN_SECRET_KEY, rss_mb, to_ms

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PY = str(BIN / "python")
LANGS = ("ky", "ru", "en")
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/journal_load"
SEARCHES = {
    "ky": ["энергетика", "чек ара", "суу соода", "кызматташтык"],
    "ru": ["граница", "сотрудничество", "договор безопасность", "энергетика"],
    "en": ["water", "trade policy", "security", "border cooperation"],
}


def uptime():
    return subprocess.run(  # noqa: S603
        [shutil.which("uptime")], capture_output=True, text=True, check=False
    ).stdout.strip()


def server_env(db_url, port, *, cached, pool=True, cache_url="locmem://"):
    """The production settings, as `make serve` runs them, on a scratch database."""
    return {
        **os.environ,
        "DATABASE_URL": db_url,
        "DB_POOL": "1" if pool else "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": RUN_SECRET_KEY,
        "DJANGO_STATIC_MANIFEST": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PAGE_CACHE_ENABLED": "1" if cached else "0",
        "CACHE_URL": cache_url,
        "BIND": f"127.0.0.1:{port}",
    }


def connect(db_url, dbname=None):
    """An autocommit psycopg connection to the database (or another one on it)."""
    import psycopg

    extra = {"dbname": dbname} if dbname else {}
    return psycopg.connect(db_url, autocommit=True, connect_timeout=5, **extra)


def db_name(db_url):
    return urllib.parse.urlsplit(db_url).path.lstrip("/")


def ensure_database(db_url, rebuild=False):
    """Creates the scratch database if missing (drops it first when asked)."""
    from psycopg import sql

    name = db_name(db_url)
    with connect(db_url, "postgres") as conn:
        if rebuild:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            ))  # fmt: skip
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def manage(env, *args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def article_count(db_url):
    with connect(db_url) as conn:
        return conn.execute("SELECT count(*) FROM articles_article").fetchone()[0]


def prepare(db_url, rebuild=False):
    """Migrates the scratch database; fills it with the synthetic journal once."""
    ensure_database(db_url, rebuild)
    env = server_env(db_url, 0, cached=False, pool=False)
    manage(env, "migrate", "--noinput", "-v0")
    if article_count(db_url) == 0:
        print(f"building the synthetic journal in {db_name(db_url)} …", flush=True)
        manage(env, "generate_journal")
        manage(env, "rebuild_search_index")
    else:
        print(f"reusing the synthetic journal in {db_name(db_url)}", flush=True)
    # Planner statistics: bulk inserts leave none, and autovacuum may be off (it is
    # in CI); without them the keyword sitemap alone took over three minutes.
    with connect(db_url) as conn:
        conn.execute("ANALYZE")
    manage(env, "collectstatic", "--noinput", "-v0")


@contextlib.contextmanager
def serve(env, log_path):
    """gunicorn -c gunicorn.conf.py with `env`; yields the master process."""
    port = int(env["BIND"].rsplit(":", 1)[1])
    with open(log_path, "ab") as log:
        process = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
    try:
        for _ in range(150):
            if fetch(port, "/healthz", timeout=1).status == 200:
                break
            time.sleep(0.1)
        else:
            raise SystemExit(f"gunicorn did not start; see {log_path}")
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = (
            status, headers, body, seconds,
        )  # fmt: skip

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


def fetch(port, path, timeout=30):
    """GET without following redirects; status 0 when the server did not answer."""
    start = time.perf_counter()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:  # noqa: S310
            status, headers, body = r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, dict(error.headers), error.read()
    except OSError as error:
        status, headers, body = 0, {}, str(error).encode()
    return Response(status, headers, body, time.perf_counter() - start)


def discover(db_url, sample=500, seed=34):
    """Real public URLs from the scratch database, per kind, in every language."""
    saved = dict(os.environ)
    os.environ.update(server_env(db_url, 0, cached=False, pool=False))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    # Django set TZ for this process; the servers and `uptime` keep the machine's.
    os.environ.clear()
    os.environ.update(saved)
    time.tzset()
    from django.db import connections

    from articles.models import Article, Issue, Keyword
    from relations.models import Domain, Event

    rng = random.Random(seed)  # noqa: S311 - a reproducible sample, not a secret

    def some(queryset, field, n):
        values = list(queryset.order_by(field).values_list(field, flat=True))
        return sorted(rng.sample(values, min(n, len(values))))

    articles = list(Article.objects.public().order_by("pk").values_list("pk", "slug"))
    chosen = rng.sample(articles, min(sample, len(articles)))
    issues = some(Issue.objects.public(), "slug", 40)
    current = Issue.objects.public().order_by("-published_at").first().slug
    issues = [*issues, current] if current not in issues else issues
    keywords = some(Keyword.objects.public(), "slug", 60)
    events = some(Event.objects.published(), "slug", 60)
    domains = some(Domain.objects.all(), "slug", 10)
    years = sorted({i.split("-")[0] for i in issues})
    connections.close_all()
    per_lang = {
        "home": ["/{l}/"],
        "archive": ["/{l}/issues/"],
        "issue": [f"/{{l}}/issues/{s}/" for s in issues],
        "article": [f"/{{l}}/articles/{s}/" for _, s in chosen],
        "keywords": ["/{l}/keywords/"],
        "keyword": [f"/{{l}}/keywords/{s}/" for s in keywords],
        "timeline": ["/{l}/relations/timeline/", "/{l}/relations/"],
        "event": [f"/{{l}}/relations/events/{s}/" for s in events],
    }
    pages = {
        kind: [p.format(l=lang) for p in paths for lang in LANGS]
        for kind, paths in per_lang.items()
    }
    return {
        "pages": pages,
        "search": search_urls(keywords, issues, years, rng),
        "feeds": feed_urls(keywords, domains),
        "sitemaps": ["/sitemap.xml", "/robots.txt"],  # sections: from the index
        "oai_ids": [pk for pk, _ in chosen[:100]],
    }


def search_urls(keywords, issues, years, rng):
    urls = []
    for lang, queries in SEARCHES.items():
        for q in queries:
            urls.append(f"/{lang}/search/?" + urllib.parse.urlencode({"q": q}))
        facets = [
            {"type": "article"},
            {"language": lang},
            {"year": rng.choice(years)},
            {"keyword": rng.choice(keywords)},
            {"issue": rng.choice(issues)},
            {"type": "event"},
            {"page": 2},
        ]
        for facet in facets:
            params = {"q": rng.choice(queries), **facet}
            urls.append(f"/{lang}/search/?" + urllib.parse.urlencode(params))
    return urls


def feed_urls(keywords, domains):
    urls = []
    for lang in LANGS:
        for name in ("articles", "issues"):
            urls += [f"/{lang}/feeds/{name}.atom", f"/{lang}/feeds/{name}.rss"]
        urls += [f"/{lang}/feeds/keywords/{s}.atom" for s in keywords[:10]]
        urls += [f"/{lang}/feeds/domains/{s}.atom" for s in domains]
    return urls


def add_sitemap_sections(port, urls):
    """The sitemap sections, as the index lists them (every page of each)."""
    index = fetch(port, "/sitemap.xml")
    for loc in re.findall(r"<loc>([^<]+)</loc>", index.text):
        urls["sitemaps"].append(urllib.parse.urlsplit(loc).path)


def preflight(port, urls):
    """Every kind of URL once, and every sitemap and feed: all must be 200."""
    paths = [paths[0] for paths in urls["pages"].values()]
    paths += urls["pages"]["issue"][-3:]  # the 300-article issue, in each language
    paths += urls["search"][:2] + urls["feeds"] + urls["sitemaps"]
    paths += ["/oai/?verb=Identify", "/oai/?verb=ListRecords&metadataPrefix=oai_dc"]
    paths.append(
        f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier="
        f"oai:127.0.0.1:article/{urls['oai_ids'][0]}"
    )
    bad = []
    for path in paths:
        r = fetch(port, path)
        if r.status != 200 or b"<error " in r.body:
            bad.append(f"{r.status} {path}")
    if bad:
        raise SystemExit("URLs that do not answer 200:\n  " + "\n  ".join(bad))
    print(f"preflight: {len(paths)} URLs of every kind answered 200", flush=True)


def pick_cache_url():
    """LOAD_CACHE_URL, else a Redis database of our own (emptied), else locmem."""
    if os.environ.get("LOAD_CACHE_URL"):
        return os.environ["LOAD_CACHE_URL"]
    import redis

    url = "redis://127.0.0.1:6379/9"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except redis.RedisError:
        return "locmem://"
    return url


def run_locust(port, urls_file, result_file, seconds, log_path):
    users = os.environ.get("LOAD_USERS", "50")
    command = [
        str(BIN / "locust"), "-f", str(ROOT / "scripts" / "locustfile.py"),
        "--headless", "--only-summary", "--loglevel", "WARNING",
        "-u", users, "-r", os.environ.get("LOAD_SPAWN_RATE", "10"),
        "-t", f"{seconds}s", "--stop-timeout", "10",
        "--host", f"http://127.0.0.1:{port}", "--exit-code-on-error", "1",
    ]  # fmt: skip
    env = {**os.environ, "LOAD_URLS": str(urls_file), "LOAD_RESULT": str(result_file)}
    print(f"locust: {users} users for {seconds} s …", flush=True)
    with open(log_path, "wb") as log:
        run = subprocess.run(  # noqa: S603
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if not Path(result_file).exists():
        print(Path(log_path).read_text()[-3000:])
        raise SystemExit(f"locust failed (exit code {run.returncode}); see {log_path}")
    return run.returncode, json.loads(Path(result_file).read_text())


def print_locust(result, code):
    seconds = result["seconds"]
    head = ("", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "failed")
    line = "{:26} {:>9} {:>7} {:>8} {:>8} {:>8} {:>8} {:>6}"
    for title, rows in (("per group", result["groups"]), ("per kind", result["names"])):
        print(f"\nlocust, {title} ({seconds:.0f} s)")
        print(line.format(*head))
        for name, s in rows.items():
            print(line.format(
                name, s["count"], f"{s['count'] / seconds:.1f}", f"{s['p50']:.0f}",
                f"{s['p95']:.0f}", f"{s['p99']:.0f}", f"{s['max']:.0f}", s["failures"],
            ))  # fmt: skip
    for error in result["errors"]:
        print(f"  failure: {error['count']} x {error['name']}: {error['error']}")
    print_timeline(result)
    search = result["groups"].get("search")
    if search:
        print(f"search: p50 {search['p50']:.0f} ms, p95 {search['p95']:.0f} ms "
              "(PERFORMANCE.md budget at 10,000 articles on an idle machine: "
              "50 and 150 ms)")  # fmt: skip
    print(f"locust exit code {code}")


def print_timeline(result):
    """Requests, and those slower than 1 s, in ten windows of the run."""
    seconds = max(10, round(result["seconds"]))
    width = -(-seconds // 10)
    windows = {}
    for t, count, slow in result["per_second"]:
        total, slower = windows.get(t // width, (0, 0))
        windows[t // width] = (total + count, slower + slow)
    cells = [
        f"{w * width}-{(w + 1) * width}s {total}/{slow}"
        for w, (total, slow) in sorted(windows.items())
    ]
    print("requests/slower than 1 s by window: " + ", ".join(cells))


LOG_PROBLEMS = (
    "[ERROR]",
    "[CRITICAL]",
    "Internal Server Error:",
    "Service Unavailable:",
)


def server_log_problems(log_path):
    """Lines of the gunicorn log that name an error, a 5xx or a worker timeout."""
    text = Path(log_path).read_text(errors="replace")
    return [line for line in text.splitlines() if any(p in line for p in LOG_PROBLEMS)]


def wrk(port, path, seconds):
    out = subprocess.run(  # noqa: S603
        [shutil.which("wrk"), "-t2", "-c16", f"-d{seconds}s", "--latency",
         f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.findall(r"Non-2xx or 3xx responses: \d+|Socket errors: .*", out)
    return total, rps, to_ms(lat["50"]), to_ms(lat["99"]), errors


def main():
    db_url = os.environ.get("LOAD_DATABASE_URL", DEFAULT_DB)
    port = int(os.environ.get("LOAD_PORT", "8766"))
    seconds = int(os.environ.get("LOAD_SECONDS", "600"))
    wrk_seconds = int(os.environ.get("LOAD_WRK_SECONDS", "60"))
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    print(f"uptime: {uptime()}")
    prepare(db_url, rebuild=os.environ.get("LOAD_REBUILD") == "1")
    urls = discover(db_url)
    cache_url = pick_cache_url()
    work = Path(tempfile.mkdtemp(prefix="journal-load-"))
    env = server_env(db_url, port, cached=True, cache_url=cache_url)
    print(
        f"gunicorn on :{port}, DEBUG off, page cache on ({cache_url}), pool on",
        flush=True,
    )
    with serve(env, work / "gunicorn.log") as server:
        add_sitemap_sections(port, urls)
        preflight(port, urls)
        (work / "urls.json").write_text(json.dumps(urls))
        code, result = run_locust(
            port, work / "urls.json", work / "result.json", seconds, work / "locust.log"
        )
        print_locust(result, code)
        memory, workers = rss_mb(server)
        print(f"workers: {workers}, RSS {memory:.0f} MB in all after locust")
        home = fetch(port, "/en/")
        print(f"\nwrk -t2 -c16 -d{wrk_seconds}s /en/ (X-Page-Cache: "
              f"{home.headers.get('X-Page-Cache')}) …", flush=True)  # fmt: skip
        total, rps, p50, p99, errors = wrk(port, "/en/", wrk_seconds)
        print(f"  {total} requests, {rps:.0f} req/s, p50 {p50:.1f} ms, "
              f"p99 {p99:.1f} ms, errors: {'; '.join(errors) or 'none'}")  # fmt: skip
        memory, workers = rss_mb(server)
    problems = server_log_problems(work / "gunicorn.log")
    # gunicorn restarts a worker after 10,000 ± 1,000 requests, which wrk reaches.
    print(f"\nworkers: {workers}, RSS {memory:.0f} MB in all at the end")
    print(f"gunicorn log: {len(problems)} error or timeout lines")
    for line in problems[:10]:
        print(f"  {line}")
    print(f"uptime: {uptime()}")
    print(f"logs: {work}")
    failed = code != 0 or result["failures"] > 0 or errors or problems
    print("LOAD DRILL " + ("FAILED" if failed else "PASSED"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
