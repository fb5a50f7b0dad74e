"""The knowledge base's demo content, loaded at the end of `python manage.py load_demo`.

`load_demo` (ops) imports this module only when the `relations` app is installed, and
calls `load()` inside its own transaction. `load()` returns the loader, whose
`report()` prints a summary. The data is in ops/demo/data/relations/ (see the README
there): countries, domains, organizations, people and keywords in one file each, and
one file per event, agreement and indicator, named by its slug.

Facts: the Kyrgyz–Tajik events, people, organization names and the 2008 trade figure
come from docs/DOMAIN-FACTS.md and the journal's demo articles (journal_content);
the multilateral agreements and the SCO founding summit come from the documents named
in their `source` field. Dates keep the precision their source gives. Descriptions and
summaries are our own words; Kyrgyz text should be read by a Kyrgyz-speaking editor
before the demo is shown to the public.

Idempotent, like the journal's loader: rows are matched by natural keys (a country's
ISO code, the slug of a domain, organization, event, agreement or indicator, a person's
English name, an observation's indicator and year, a keyword's labels). What exists is
left as it is, so a second run creates and changes nothing and an editor's changes to
demo rows survive. Links (countries, domains, people, keywords, articles, …) are written
only when their row is created.
"""

from collections import Counter
from decimal import Decimal

from articles.languages import LANGUAGE_CODES
from articles.models import Article, Keyword
from articles.services import LabelIndex, keyword_from_labels
from ops.demo.datafiles import read, read_folder
from ops.demo.journal_content import ARTICLES, ISSUES, JOURNAL
from ops.demo.journal_content import KEYWORDS as JOURNAL_KEYWORDS
from relations.models import (
    Agreement,
    Country,
    Domain,
    Event,
    Indicator,
    Observation,
    Organization,
    Person,
)

# Shown to readers as a source when an entry names no document: the facts were
# compiled by the editorial office.
DOMAIN_FACTS = "Editorial compilation of the journal (demonstration data)"


def demo_article(slug):
    """How a source names one of the journal's demo articles."""
    item = next(a for a in ARTICLES if a["slug"] == slug)
    where = JOURNAL["name_en"]
    if item.get("issue"):
        issue = ISSUES[item["issue"]]
        where = f"{where}, {issue['year']}, No. {issue['number']}"
    return f"{item['title']['en']}. {where} (demo article)"


def sources(*parts, articles=()):
    return "; ".join([*parts, *(demo_article(slug) for slug in articles)])


def chronological(entries):
    """{slug: data} of events or agreements, by date, then slug."""
    return dict(sorted(entries.items(), key=lambda item: (item[1]["date"], item[0])))


# English labels for the summary, in the order it prints them.
LABELS = {
    Country: "countries",
    Domain: "domains",
    Organization: "organizations",
    Person: "people",
    Event: "events",
    Agreement: "agreements",
    Indicator: "indicators",
    Observation: "observations",
    Keyword: "keywords",
}


def translated(field, labels):
    """{"title": {"ky": …}} → {"title_ky": …, "title_ru": …, "title_en": …}."""
    labels = labels or {}
    return {f"{field}_{lang}": labels.get(lang, "") for lang in LANGUAGE_CODES}


class KnowledgeBaseLoader:
    """Loads ops/demo/data/relations/; counts what it creates."""

    def __init__(self):
        self.created = Counter()
        self.countries = {}
        self.domains = {}
        self.organizations = {}
        self.people = {}
        self.events = {}
        self.keywords = {}
        # Keywords the journal's demo does not have; the journal's own are reused by
        # their key, with exactly the labels they have there.
        self.own_keywords = read("relations/keywords.toml")
        self.labels = None  # a LabelIndex, read when the first keyword is needed

    def _get_or_create(self, model, lookup, fields):
        """(row, created): the row matching `lookup`, else a new, validated one."""
        obj = model.objects.filter(**lookup).order_by("pk").first()
        if obj is not None:
            return obj, False
        obj = model(**lookup, **fields)
        obj.full_clean()
        obj.save()
        self.created[LABELS[model]] += 1
        return obj, True

    def load(self):
        for code, data in read("relations/countries.toml").items():
            self.countries[code], _ = self._get_or_create(
                Country,
                {"iso_code": code},
                {"slug": data["slug"], **translated("name", data["name"])},
            )
        domains = read("relations/domains.toml")
        for order, (slug, data) in enumerate(domains.items(), start=1):
            self.domains[slug], _ = self._get_or_create(
                Domain,
                {"slug": slug},
                {
                    "order": order,
                    **translated("name", data["name"]),
                    **translated("description", data["description"]),
                },
            )
        for slug, data in read("relations/organizations.toml").items():
            self.organizations[slug] = self.organization(slug, data)
        for key, data in read("relations/people.toml").items():
            self.people[key], _ = self._get_or_create(
                Person,
                {"name_en": data["name"]["en"]},
                {
                    "name_ky": data["name"]["ky"],
                    "name_ru": data["name"]["ru"],
                    **translated("office", data["office"]),
                    "country": self.countries[data["country"]],
                },
            )
        for slug, data in chronological(read_folder("relations/events")).items():
            self.events[slug] = self.event(slug, data)
        for slug, data in chronological(read_folder("relations/agreements")).items():
            self.agreement(slug, data)
        for slug, data in read_folder("relations/indicators").items():
            self.indicator(slug, data)
        return self

    def organization(self, slug, data):
        org, created = self._get_or_create(
            Organization,
            {"slug": slug},
            {
                **translated("acronym", data["acronym"]),
                **translated("name", data["name"]),
                **translated("description", data["description"]),
            },
        )
        if created:
            org.members.set(self.countries[code] for code in data["members"])
        return org

    def _dated(self, data):
        return {
            "date": data["date"],
            "date_precision": data["precision"],
            "end_date": data.get("end_date"),
            "end_precision": "day",
        }

    def _link(self, obj, data):
        """The links an event and an agreement share, written once, at creation."""
        obj.countries.set(self.countries[code] for code in data["countries"])
        obj.domains.set(self.domains[slug] for slug in data["domains"])
        obj.organizations.set(self.organizations[s] for s in data["organizations"])
        obj.keywords.set([self.keyword(key) for key in data["keywords"]])
        obj.articles.set(Article.objects.filter(slug__in=data["articles"]))

    def event(self, slug, data):
        """An event cites its source document (else the editorial compilation) and
        the demo articles it links."""
        fields = {
            **self._dated(data),
            "kind": data["kind"],
            **translated("title", data["title"]),
            **translated("description", data["description"]),
            **translated("place", data.get("place")),
            "source": sources(
                data.get("source", DOMAIN_FACTS), articles=data["articles"]
            ),
            "is_published": data.get("is_published", True),
        }
        event, created = self._get_or_create(Event, {"slug": slug}, fields)
        if created:
            self._link(event, data)
            event.people.set(self.people[key] for key in data["people"])
        return event

    def agreement(self, slug, data):
        fields = {
            **self._dated(data),
            "kind": data["kind"],
            "status": data["status"],
            **translated("title", data["title"]),
            **translated("summary", data["summary"]),
            **translated("place", data.get("place")),
            "source": data["source"],
            "is_published": data.get("is_published", True),
        }
        agreement, created = self._get_or_create(Agreement, {"slug": slug}, fields)
        if created:
            self._link(agreement, data)
            agreement.events.set(
                self.events[slug] for slug in data["events"] if slug in self.events
            )
        return agreement

    def indicator(self, slug, data):
        indicator, created = self._get_or_create(
            Indicator,
            {"slug": slug},
            {
                **translated("name", data["name"]),
                **translated("unit", data["unit"]),
                **translated("description", data["description"]),
                "domain": self.domains[data["domain"]],
                "is_published": True,
            },
        )
        if created:
            indicator.countries.set(self.countries[code] for code in data["countries"])
        for item in data["observations"]:
            self._get_or_create(
                Observation,
                {"indicator": indicator, "year": item["year"]},
                {
                    "value": Decimal(item["value"]),
                    "note": item.get("note", ""),
                    "source": sources(
                        item.get("source", DOMAIN_FACTS), articles=item["articles"]
                    ),
                },
            )
        return indicator

    def keyword(self, key):
        """A keyword by its labels: the journal's own if it has one, else a new one
        (articles.services.keyword_from_labels: empty labels filled, none taken)."""
        if key in self.keywords:
            return self.keywords[key]
        if self.labels is None:
            self.labels = LabelIndex()
        labels = JOURNAL_KEYWORDS.get(key) or self.own_keywords[key]
        match = keyword_from_labels(labels, self.labels)
        if match.created:
            self.created[LABELS[Keyword]] += 1
        self.keywords[key] = match.keyword
        return match.keyword

    def report(self, stdout, style):
        events = Event.objects.all()
        agreements = Agreement.objects.all()
        rows = [
            ("countries", Country.objects.count()),
            ("domains", Domain.objects.count()),
            ("organizations", Organization.objects.count()),
            ("people", Person.objects.count()),
            ("events", events.count()),
            ("published events", events.published().count()),
            ("agreements", agreements.count()),
            ("published agreements", agreements.published().count()),
            ("indicators", Indicator.objects.count()),
            ("observations", Observation.objects.count()),
        ]
        stdout.write("Knowledge base:")
        for label, count in rows:
            stdout.write(f"  {label}: {count}")
        if self.created:
            order = list(LABELS.values())
            made = sorted(self.created.items(), key=lambda item: order.index(item[0]))
            made = ", ".join(f"{n} {what}" for what, n in made)
            stdout.write(style.SUCCESS(f"Created now in the knowledge base: {made}."))
        else:
            stdout.write("Nothing new in the knowledge base: it was already loaded.")


def load():
    """Load the demo knowledge base (call inside a transaction); returns the loader."""
    return KnowledgeBaseLoader().load()
