"""The reader mix of the load drill (scripts/load.py, row 34 of RELIABILITY.md).

70% article, issue and list pages, 15% search, 10% feeds and sitemaps, 5% OAI-PMH,
over real URLs that load.py discovered (LOAD_URLS, a JSON file). A response that is
not 2xx/3xx, a feed or sitemap that is not XML, or an OAI-PMH <error> is a failure.
At the end the per-group and per-kind figures go to LOAD_RESULT (JSON) and the exit
code is 1 when anything failed.
"""

import json
import os
import random
import re
import statistics
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

from locust import HttpUser, between, events, task

URLS = json.loads(Path(os.environ["LOAD_URLS"]).read_text())
WAIT = [float(s) for s in os.environ.get("LOAD_WAIT", "0.5-1.5").split("-")]
# Within the 70% of pages: what readers and crawlers ask for most.
PAGE_WEIGHTS = {
    "article": 40,
    "issue": 12,
    "home": 10,
    "keyword": 12,
    "archive": 6,
    "event": 8,
    "keywords": 6,
    "timeline": 6,
}
OAI_VERBS = ["Identify", "ListRecords", "GetRecord", "ListIdentifiers"]
TOKEN = re.compile(rb"<resumptionToken[^>]*>([^<]+)</resumptionToken>")
TIMES = defaultdict(list)
FAILURES = Counter()
ERRORS = Counter()
CLOCK = {}
SLOW_MS = 1000
PER_SECOND = Counter()  # requests, and requests slower than SLOW_MS, by second
SLOW = Counter()


class Reader(HttpUser):
    wait_time = between(*WAIT)

    def get(self, name, path, check=None):
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code >= 400 or response.status_code == 0:
                response.failure(f"HTTP {response.status_code}")
            elif check and (problem := check(response)):
                response.failure(problem)
            return response

    @task(70)
    def page(self):
        kinds = [k for k in PAGE_WEIGHTS if URLS["pages"].get(k)]
        kind = random.choices(kinds, [PAGE_WEIGHTS[k] for k in kinds])[0]  # noqa: S311
        self.get(f"pages:{kind}", random.choice(URLS["pages"][kind]))  # noqa: S311

    @task(15)
    def search(self):
        path = random.choice(URLS["search"])  # noqa: S311
        kind = "facet" if path.count("=") > 1 else "query"
        self.get(f"search:{kind}", path)

    @task(7)
    def feed(self):
        path = random.choice(URLS["feeds"])  # noqa: S311
        self.get(f"feeds:{path.rsplit('.', 1)[1]}", path, check=xml)

    @task(3)
    def sitemap(self):
        path = random.choice(URLS["sitemaps"])  # noqa: S311
        self.get("feeds:sitemap", path, check=None if "robots" in path else xml)

    @task(5)
    def oai(self):
        verb = random.choice(OAI_VERBS)  # noqa: S311
        if verb == "Identify":
            self.get("oai:Identify", "/oai/?verb=Identify", check=oai_ok)
        elif verb == "ListRecords":
            path = "/oai/?verb=ListRecords&metadataPrefix=oai_dc"
            self.get("oai:ListRecords", path, check=oai_ok)
        elif verb == "GetRecord":
            pk = random.choice(URLS["oai_ids"])  # noqa: S311
            identifier = urllib.parse.quote(f"oai:127.0.0.1:article/{pk}")
            path = f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier}"
            self.get("oai:GetRecord", path, check=oai_ok)
        else:
            self.list_identifiers()

    def list_identifiers(self):
        path = "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc"
        first = self.get("oai:ListIdentifiers", path, check=oai_ok)
        found = TOKEN.search(first.content or b"")
        if not found:
            return  # the first page failed, or the list fitted in one page
        token = urllib.parse.quote(found.group(1).decode())
        path = f"/oai/?verb=ListIdentifiers&resumptionToken={token}"
        self.get("oai:ListIdentifiers+token", path, check=oai_ok)


def xml(response):
    if not response.content.lstrip().startswith(b"<?xml"):
        return "not XML"
    return None


def oai_ok(response):
    if problem := xml(response):
        return problem
    if b"<error " in response.content:
        code = re.search(rb'<error code="(\w+)"', response.content)
        return f"OAI-PMH error {code.group(1).decode() if code else '?'}"
    return None


@events.test_start.add_listener
def started(**kwargs):
    CLOCK["start"] = time.monotonic()


@events.request.add_listener
def record(name, response_time, exception, **kwargs):
    TIMES[name].append(response_time)
    second = int(time.monotonic() - CLOCK.get("start", time.monotonic()))
    PER_SECOND[second] += 1
    if response_time > SLOW_MS:
        SLOW[second] += 1
    if exception:
        FAILURES[name] += 1
        ERRORS[name, str(exception)[:200]] += 1


def summary(times, failures):
    ordered = sorted(times)

    def percentile(p):
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))]

    return {
        "count": len(ordered),
        "failures": failures,
        "p50": statistics.median(ordered),
        "p95": percentile(0.95),
        "p99": percentile(0.99),
        "max": ordered[-1],
    }


@events.quitting.add_listener
def report(environment, **kwargs):
    seconds = time.monotonic() - CLOCK.get("start", time.monotonic())
    groups = defaultdict(list)
    for name, times in TIMES.items():
        groups[name.split(":")[0]].extend(times)
    group_failures = Counter()
    for name, count in FAILURES.items():
        group_failures[name.split(":")[0]] += count
    every = [t for times in TIMES.values() for t in times]
    result = {
        "seconds": seconds,
        "failures": sum(FAILURES.values()),
        "groups": {
            **{g: summary(t, group_failures[g]) for g, t in sorted(groups.items())},
            "all": summary(every or [0], sum(FAILURES.values())),
        },
        "names": {n: summary(t, FAILURES[n]) for n, t in sorted(TIMES.items())},
        "per_second": [[t, PER_SECOND[t], SLOW[t]] for t in sorted(PER_SECOND)],
        "errors": [
            {"name": n, "error": e, "count": c} for (n, e), c in ERRORS.most_common(20)
        ],
    }
    Path(os.environ["LOAD_RESULT"]).write_text(json.dumps(result, indent=1))
    environment.process_exit_code = 1 if result["failures"] or not every else 0
