"""What OAI-PMH harvests: records, their datestamps and identifiers, and the sets."""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Greatest
from django.utils import translation
from django.utils.text import capfirst

from articles.languages import LANGUAGE_CODES, localized, value_in
from articles.models import Article, Issue, Journal, Section
from relations.models import Agreement, Domain, Event

PK = "[1-9][0-9]{0,17}"  # fits a bigint, as every database takes it
IDENTIFIER = re.compile(rf"^oai:(?P<host>[^:]+):article/(?P<pk>{PK})$")
SET_PARENTS = ("issue", "section", "domain")


def harvestable():
    """Public articles, and the tombstones of withdrawn ones (deleted records).

    `oai_datestamp` is the last change a harvester can see: an edit, or the moment
    the article (or its issue) went public, so scheduled articles are not missed by
    incremental harvests made before their publication time. Headers name the
    issue (its set), so it comes along.
    """
    records = Article.objects.public() | Article.objects.tombstones()
    return (
        records.select_related("issue")
        .annotate(
            oai_datestamp=Greatest("updated_at", "published_at", "issue__published_at")
        )
        .order_by("pk")
    )


def is_deleted(article):
    return article.status == Article.Status.WITHDRAWN


def with_metadata(records, prefix):
    """`records` with everything the format's metadata shows, in a fixed query count."""
    if prefix == "jats":
        return records.for_detail()
    return (
        records.for_listing()
        .select_related("issue__journal")
        .prefetch_related("keywords", "galleys")
    )


def make_identifier(host, pk):
    return f"oai:{host}:article/{pk}"


def record_pk(identifier, host):
    """The article pk named by an identifier of this repository, else None."""
    match = IDENTIFIER.match(identifier)
    if match is None or match["host"].lower() != host.lower():
        return None
    return int(match["pk"])


# Sets: journal; issue:{slug}; section:{pk}; domain:{slug}. A record of `issue:x`
# is also in `issue`, as OAI-PMH set hierarchies require.


def _domain_links(domain_filter):
    events = Event.objects.published().filter(articles=OuterRef("pk"), **domain_filter)
    agreements = Agreement.objects.published().filter(
        articles=OuterRef("pk"), **domain_filter
    )
    return Q(Exists(events)) | Q(Exists(agreements))


def in_set(records, spec):
    """`records` in the set `spec`; none for a set that does not exist."""
    head, _, tail = spec.partition(":")
    if spec == "journal":
        return records
    if head == "issue":
        return records.filter(issue__slug=tail) if tail else records
    if head == "section":
        if not tail:
            return records.filter(section__isnull=False)
        if re.fullmatch(PK, tail):
            return records.filter(section_id=int(tail))
        return records.none()
    if head == "domain":
        domain_filter = {"domains__slug": tail} if tail else {"domains__isnull": False}
        return records.filter(_domain_links(domain_filter))
    return records.none()


def domain_specs(article_ids):
    """{article pk: ["domain:slug", …]} through published events and agreements."""
    specs = {}
    for model, owner in ((Event, "event"), (Agreement, "agreement")):
        rows = model.articles.through.objects.filter(
            article_id__in=article_ids,
            **{f"{owner}__in": model.objects.published()},
        ).values_list("article_id", f"{owner}__domains__slug")
        for article_id, slug in rows:
            if slug:
                specs.setdefault(article_id, set()).add(f"domain:{slug}")
    return {pk: sorted(values) for pk, values in specs.items()}


def set_specs(article, domains):
    specs = ["journal", f"issue:{article.issue.slug}"]
    if article.section_id:
        specs.append(f"section:{article.section_id}")
    return specs + domains.get(article.pk, [])


@dataclass
class OaiSet:
    spec: str
    name: str
    titles: dict = field(default_factory=dict)  # {lang: title}
    descriptions: dict = field(default_factory=dict)  # {lang: text}


def _translated(obj, name):
    return {
        code: value
        for code in LANGUAGE_CODES
        if (value := value_in(obj, name, code).strip())
    }


def _parent_set(spec, model):
    titles = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            titles[code] = capfirst(str(model._meta.verbose_name_plural))
    return OaiSet(spec, titles[settings.LANGUAGE_CODE], titles)


def _issue_set(issue):
    titles = {}
    for code in LANGUAGE_CODES:
        title = value_in(issue, "title", code).strip()
        label = issue.label(code)
        titles[code] = f"{label}: {title}" if title else label
    return OaiSet(
        f"issue:{issue.slug}",
        titles[settings.LANGUAGE_CODE],
        titles,
        _translated(issue, "description"),
    )


def _named_set(spec, obj, fallback):
    name = localized(obj, "name", settings.LANGUAGE_CODE).text or fallback
    return OaiSet(spec, name, _translated(obj, "name"), _translated(obj, "description"))


def all_sets():
    """Every set that holds at least one record (the journal set always), in order."""
    records = harvestable()
    journal = Journal.objects.order_by("pk").first()
    sets = [
        _named_set("journal", journal, "journal")
        if journal
        else OaiSet("journal", "journal")
    ]
    issues = Issue.objects.filter(pk__in=records.values("issue_id")).order_by(
        "-year", "-number_sort", "number", "pk"
    )
    sections = Section.objects.filter(pk__in=records.values("section_id"))
    domains = Domain.objects.filter(
        Q(
            Exists(
                Event.objects.published().filter(
                    domains=OuterRef("pk"), articles__in=records.values("pk")
                )
            )
        )
        | Q(
            Exists(
                Agreement.objects.published().filter(
                    domains=OuterRef("pk"), articles__in=records.values("pk")
                )
            )
        )
    )
    for spec, model, children in (
        ("issue", Issue, [_issue_set(issue) for issue in issues]),
        (
            "section",
            Section,
            [_named_set(f"section:{s.pk}", s, f"section {s.pk}") for s in sections],
        ),
        (
            "domain",
            Domain,
            [_named_set(f"domain:{d.slug}", d, d.slug) for d in domains],
        ),
    ):
        if children:
            sets.append(_parent_set(spec, model))
            sets.extend(children)
    return sets
