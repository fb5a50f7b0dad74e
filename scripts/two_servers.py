#!/usr/bin/env python3
"""Two app servers, one site: the drill behind README's "Several app servers".

Builds a scratch PostgreSQL database (TWO_SERVERS_DATABASE_URL, by default
journal_scale_drill on 127.0.0.1, dropped and made anew), loads the demo content, and
starts two gunicorn servers, A and B, on two local ports with the production settings:
DEBUG off, one DJANGO_SECRET_KEY generated here and given to both, the same
DATABASE_URL, the page cache on in the same Redis (TWO_SERVERS_CACHE_URL, by default
redis://127.0.0.1:6379/12, emptied first). Every request carries the same Host, as a
load balancer in front of both would send. Then:

a. a public article page is cached through A and served from the cache by B; its title
   saved through A's admin change form (signed in as a staff user made here, with the
   form's CSRF token, as a browser would) is on B's page at once, then cached again.
b. the session made by signing in on A opens the admin on B.

Prints each check with PASS or FAIL and its time, exits 1 on any failure, and stops
both servers whatever happens. About a minute and a half, bounded by
TWO_SERVERS_TIMEOUT (300 s).
"""

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess  # noqa: S404 - this script drives processes on purpose
import sys
import tempfile
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DB_URL = os.environ.get(
    "TWO_SERVERS_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/journal_scale_drill",
)
CACHE_URL = os.environ.get("TWO_SERVERS_CACHE_URL", "redis://127.0.0.1:6379/12")
TIMEOUT = int(os.environ.get("TWO_SERVERS_TIMEOUT", "300"))
HOST = "localhost"  # what the load balancer passes on to every server
STAFF = ("drill-staff", "drill-" + secrets.token_urlsafe(12))
RESULTS = []


def check(name, ok, started, note=""):
    seconds = time.perf_counter() - started
    RESULTS.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}  {seconds * 1000:7.0f} ms  {name}"
          + (f"  ({note})" if note else ""), flush=True)  # fmt: skip


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def scratch_database():
    import psycopg
    from psycopg import sql

    name = urllib.parse.urlsplit(DB_URL).path.lstrip("/")
    with psycopg.connect(DB_URL, dbname="postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)
        ))  # fmt: skip
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def empty_cache():
    import redis

    redis.Redis.from_url(CACHE_URL, socket_connect_timeout=2).flushdb()


def server_env(port, secret_key):
    return {
        **os.environ,
        "DATABASE_URL": DB_URL,
        "DB_POOL": "1",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DJANGO_STATIC_MANIFEST": "1",
        "CACHE_URL": CACHE_URL,
        "PAGE_CACHE_ENABLED": "1",
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "1"),
        "BIND": f"127.0.0.1:{port}",
    }


def manage(env, *args):
    subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, timeout=TIMEOUT,
    )  # fmt: skip


def prepare(env):
    started = time.perf_counter()
    scratch_database()
    empty_cache()
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": STAFF[1]},
        "createsuperuser", "--noinput", "--username", STAFF[0],
        "--email", "drill@example.org",
    )  # fmt: skip
    print(f"prepared {DB_URL} in {time.perf_counter() - started:.1f} s", flush=True)


def start(env, log):
    return subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
        [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True,
    )  # fmt: skip


def wait_until_up(port, process):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(requests.RequestException):
            if get(requests, port, "/healthz").status_code == 200:
                return
        time.sleep(0.2)
    raise SystemExit(f"gunicorn on :{port} did not start")


def stop(process):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def get(client, port, path):
    return client.get(
        f"http://127.0.0.1:{port}{path}",
        headers={"Host": HOST}, allow_redirects=False, timeout=30,
    )  # fmt: skip


def post(client, port, path, data):
    return client.post(
        f"http://127.0.0.1:{port}{path}",
        data=data, headers={"Host": HOST}, allow_redirects=False, timeout=30,
    )  # fmt: skip


class FormFields(HTMLParser):
    """The fields a browser would submit from the page's form with id `form_id`."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        kind = a.get("type", "text")
        if tag == "input" and a.get("name") and kind not in ("file", "submit"):
            if kind not in ("checkbox", "radio"):
                self.fields.append([a["name"], a.get("value") or ""])
            elif "checked" in a:
                self.fields.append([a["name"], a.get("value") or "on"])
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)
        elif tag == "select" and a.get("name"):
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append([self.select, a.get("value", "")])

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def form_fields(html, form_id):
    parser = FormFields(form_id)
    parser.feed(html)
    return parser.fields


def sign_in(port):
    client = requests.Session()
    page = get(client, port, "/en/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    response = post(client, port, "/en/admin/login/?next=/en/admin/", {
        "csrfmiddlewaretoken": token.group(1) if token else "",
        "username": STAFF[0], "password": STAFF[1], "next": "/en/admin/",
    })  # fmt: skip
    return client, response


def public_article():
    import psycopg

    with psycopg.connect(DB_URL) as conn:
        return conn.execute(
            "SELECT a.id, a.slug FROM articles_article a"
            " JOIN articles_issue i ON i.id = a.issue_id"
            " WHERE a.status = 'published' AND a.published_at <= now()"
            " AND i.published_at <= now() ORDER BY a.id LIMIT 1"
        ).fetchone()


def form_errors(response):
    errorlist = r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>'
    found = re.findall(errorlist, response.text, re.S)
    return "; ".join(re.sub(r"<[^>]+>|\s+", " ", e).strip() for e in found)[:300]


def title_on(response):
    found = re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", found.group(1)).strip() if found else ""


def drill(a, b):
    pk, slug = public_article()
    page = f"/en/articles/{slug}/"

    t = time.perf_counter()
    first = get(requests, a, page)
    check(
        f"A serves {page}",
        first.status_code == 200,
        t,
        f"{first.status_code}, X-Page-Cache {first.headers.get('X-Page-Cache')}",
    )
    t = time.perf_counter()
    shared = get(requests, b, page)
    check(
        "B serves the page A cached, from the shared cache",
        shared.status_code == 200
        and shared.headers.get("X-Page-Cache") == "hit"
        and shared.content == first.content,
        t,
        f"{shared.status_code}, X-Page-Cache {shared.headers.get('X-Page-Cache')}",
    )

    t = time.perf_counter()
    staff, response = sign_in(a)
    check(
        "staff signs in on A",
        response.status_code == 302 and "sessionid" in staff.cookies,
        t,
        f"{response.status_code}",
    )
    change = f"/en/admin/articles/article/{pk}/change/"
    form = get(staff, a, change)
    fields = form_fields(form.text, "article_form")
    title = f"Edited on A {secrets.token_hex(3)}"
    fields = [f for f in fields if f[0] != "title_en"] + [["title_en", title]]
    fields.append(["_save", "Save"])
    t = time.perf_counter()
    saved = post(staff, a, change, [tuple(f) for f in fields])
    check(
        "the title is saved through A's admin change form",
        saved.status_code == 302,
        t,
        f"{saved.status_code} {form_errors(saved)}",
    )

    t = time.perf_counter()
    fresh = get(requests, b, page)
    check(
        "B serves the new title at once",
        title in title_on(fresh) and fresh.headers.get("X-Page-Cache") == "miss",
        t,
        f"h1 {title_on(fresh)!r}, X-Page-Cache {fresh.headers.get('X-Page-Cache')}",
    )
    t = time.perf_counter()
    again = get(requests, a, page)
    check(
        "A serves B's fresh copy from the shared cache",
        title in title_on(again) and again.headers.get("X-Page-Cache") == "hit",
        t,
        f"X-Page-Cache {again.headers.get('X-Page-Cache')}",
    )

    other = requests.Session()
    other.cookies.set("sessionid", staff.cookies["sessionid"])
    t = time.perf_counter()
    admin = get(other, b, "/en/admin/")
    check(
        "A's session opens the admin on B",
        admin.status_code == 200 and STAFF[0] in admin.text,
        t,
        f"{admin.status_code}",
    )
    t = time.perf_counter()
    anonymous = get(requests, b, "/en/admin/")
    check(
        "without it B sends to the sign-in page",
        anonymous.status_code == 302,
        t,
        f"{anonymous.status_code}",
    )


def main():
    signal.signal(signal.SIGALRM, lambda *_: sys.exit("timed out"))
    signal.alarm(TIMEOUT)
    secret_key = secrets.token_urlsafe(50)
    ports = free_port(), free_port()
    envs = [server_env(port, secret_key) for port in ports]
    prepare(envs[0])
    log_path = Path(tempfile.gettempdir()) / "journal-two-servers.log"
    servers = []
    try:
        with open(log_path, "wb") as log:
            for env in envs:
                servers.append(start(env, log))
            for port, process in zip(ports, servers, strict=True):
                wait_until_up(port, process)
            print(f"A on :{ports[0]}, B on :{ports[1]}, Host: {HOST}, "
                  f"cache {CACHE_URL}; log {log_path}", flush=True)  # fmt: skip
            drill(*ports)
    finally:
        for process in servers:
            stop(process)
    failed = RESULTS.count(False)
    print(f"{len(RESULTS) - failed} passed, {failed} failed")
    return 1 if failed or not RESULTS else 0


if __name__ == "__main__":
    sys.exit(main())
