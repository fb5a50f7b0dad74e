"""`python manage.py load_demo`: a small, coherent demo journal to look at and click.

Idempotent: rows are matched by natural keys (the journal's print ISSN, a section's
English name, an issue's journal/year/number, a contributor's ORCID iD or Latin name,
a keyword's labels, an article's slug). What exists is left as it is, so a second run
creates nothing and changes nothing, and an editor's changes to demo rows survive.
An article's authors, keywords, body, references and PDFs are written only when the
article itself is created. The whole load is one transaction.
"""

from collections import Counter, defaultdict
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction

from articles.commands import OneLanguageCommand
from articles.languages import LANGUAGE_CODES
from articles.models import (
    Article,
    ArticleSection,
    Authorship,
    Contributor,
    Galley,
    Issue,
    Journal,
    Keyword,
    Reference,
    Section,
)
from articles.services import LabelIndex, keyword_from_labels
from articles.workflow import seed_status
from ops.demo import journal_content as demo
from ops.demo.journal_pages import JournalPagesLoader

BISHKEK = ZoneInfo("Asia/Bishkek")

# English labels for the summary (the command runs in the site's default language).
COUNT_LABELS = {
    Journal: "journal",
    Section: "sections",
    Issue: "issues",
    Contributor: "contributors",
    Keyword: "keywords",
    Article: "articles",
    Authorship: "authorships",
    ArticleSection: "body sections",
    Reference: "references",
    Galley: "PDF galleys",
}


def minimal_pdf(lines):
    """A valid one-page PDF (Helvetica, ASCII text), built by hand: no dependency."""

    def escape(line):
        raw = line.encode("ascii", "replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    ops = [b"BT", b"/F1 12 Tf", b"16 TL", b"72 770 Td"]
    for line in lines:
        ops.append(b"(" + escape(line) + b") Tj T*")
    ops.append(b"ET")
    stream = b"\n".join(ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def bishkek_time(day):
    return datetime.combine(day, time(10, 0), tzinfo=BISHKEK) if day else None


class DemoLoader:
    """Loads the journal's demo data (ops.demo.journal_content reads it from
    ops/demo/data/); counts what it creates and remembers the files it wrote."""

    def __init__(self):
        self.created = Counter()
        self.written_files = []
        # New articles past draft: {(status, publication time): [article, ...]}.
        self.to_move = defaultdict(list)
        # New withdrawn articles, each with the fields its withdrawal writes.
        self.withdrawals = []

    # -- helpers -------------------------------------------------------------------

    def _get_or_create(self, model, lookup, fields):
        obj = model.objects.filter(**lookup).order_by("pk").first()
        if obj is None:
            obj = model(**lookup, **fields)
            obj.save()
            self._count(model)
        return obj

    def _count(self, model, n=1):
        self.created[COUNT_LABELS[model]] += n

    # -- the parts -----------------------------------------------------------------

    def load(self):
        data = dict(demo.JOURNAL)
        journal = self._get_or_create(
            Journal, {"issn_print": data.pop("issn_print")}, data
        )
        sections = {
            key: self._get_or_create(
                Section,
                {"name_en": fields["name_en"]},
                {k: v for k, v in fields.items() if k != "name_en"},
            )
            for key, fields in demo.SECTIONS.items()
        }
        issues = {
            key: self.issue(journal, fields) for key, fields in demo.ISSUES.items()
        }
        contributors = {
            key: self.contributor(fields) for key, fields in demo.CONTRIBUTORS.items()
        }
        self.labels = LabelIndex()
        keywords = {key: self.keyword(labels) for key, labels in demo.KEYWORDS.items()}
        articles = [
            self.article(item, issues, sections, contributors, keywords)
            for item in demo.ARTICLES
        ]
        # Through the workflow, so each article's log shows how it got there.
        for (status, published_at), moving in self.to_move.items():
            when = {"published_at": published_at} if published_at else {}
            seed_status(moving, status, **when)
        for article, fields in self.withdrawals:
            seed_status([article], Article.Status.WITHDRAWN, **fields)
        return journal, articles

    def issue(self, journal, fields):
        fields = dict(fields)
        lookup = {
            "journal": journal,
            "year": fields.pop("year"),
            "number": fields.pop("number"),
        }
        fields["published_at"] = bishkek_time(fields.pop("published", None))
        return self._get_or_create(Issue, lookup, fields)

    def contributor(self, fields):
        fields = dict(fields)
        if fields.get("orcid"):
            lookup = {"orcid": fields.pop("orcid")}
        else:
            lookup = {
                "last_name_en": fields.pop("last_name_en"),
                "first_name_en": fields.pop("first_name_en"),
            }
        return self._get_or_create(Contributor, lookup, fields)

    def keyword(self, labels):
        """The keyword with any of these labels (else a new one); fills empty labels."""
        match = keyword_from_labels(labels, self.labels)
        if match.created:
            self._count(Keyword)
        return match.keyword

    def article(self, item, issues, sections, contributors, keywords):
        existing = Article.objects.filter(slug=item["slug"]).first()
        if existing is not None:
            return existing
        issue = issues[item["issue"]] if item.get("issue") else None
        first_page, last_page = item.get("pages") or (None, None)
        published = item["status"] == Article.Status.PUBLISHED
        fields = {
            "slug": item["slug"],
            "issue": issue,
            "section": sections[item["section"]],
            "status": Article.Status.DRAFT,
            "original_language": item["original_language"],
            "first_page": first_page,
            "last_page": last_page,
            "received_on": item["received_on"],
            "accepted_on": item.get("accepted_on"),
            "license_url": demo.CC_BY if item["status"] != "draft" else "",
        }
        for lang in LANGUAGE_CODES:
            fields[f"title_{lang}"] = item["title"].get(lang, "")
            fields[f"abstract_{lang}"] = item["abstract"].get(lang, "")
        article = Article(**fields)
        article.save()
        self._count(Article)

        authors = [contributors[key] for key in item["authors"]]
        for order, contributor in enumerate(authors):
            Authorship.objects.create(
                article=article,
                contributor=contributor,
                order=order,
                corresponding=order == 0,
            )
        self._count(Authorship, len(authors))

        article.keywords.set([keywords[key] for key in item["keywords"]])

        body = item["body"]
        lengths = {len(sections_) for sections_ in body.values()}
        if len(lengths) != 1:
            raise ValueError(f"{item['slug']}: body languages differ in sections")
        for index in range(lengths.pop()):
            texts = {}
            for lang, parts in body.items():
                texts[f"heading_{lang}"] = parts[index]["heading"]
                texts[f"text_{lang}"] = parts[index]["text"]
            ArticleSection.objects.create(article=article, order=index + 1, **texts)
            self._count(ArticleSection)

        for order, entry in enumerate(item["references"], start=1):
            Reference.objects.create(
                article=article,
                order=order,
                text=entry["text"],
                doi=entry.get("doi", ""),
                url=entry.get("url", ""),
            )
            self._count(Reference)

        for lang in item["galleys"]:
            if lang not in body:
                raise ValueError(f"{item['slug']}: a {lang} PDF but no {lang} body")
            self.galley(article, lang, authors[0], issue)

        if item["status"] == Article.Status.WITHDRAWN:
            # Published with its issue, then withdrawn: the reason and the day are
            # written with the last step, as a managing editor's withdrawal would.
            withdrawal = item["withdrawal"]
            self.withdrawals.append(
                (
                    article,
                    {
                        "published_at": issue.published_at,
                        "withdrawal_reason": withdrawal["reason"],
                        "withdrawn_at": bishkek_time(withdrawal["on"]),
                    },
                )
            )
        elif item["status"] != Article.Status.DRAFT:
            when = issue.published_at if published else None
            self.to_move[(item["status"], when)].append(article)
        return article

    def galley(self, article, lang, first_author, issue):
        if article.galleys.filter(language=lang).exists():
            return
        year = issue.year if issue else article.received_on.year
        name = f"{first_author.last_name_en}_{year}_{lang}.pdf"
        pdf = minimal_pdf(
            [
                demo.JOURNAL["name_en"],
                f"{issue.label('en') if issue else ''}  {article.slug} ({lang})",
                "Demo galley: the full text is on the article page.",
            ]
        )
        galley = Galley(article=article, language=lang, original_name=name)
        galley.file.save(name, ContentFile(pdf), save=False)
        self.written_files.append((galley.file.storage, galley.file.name))
        galley.save()
        self._count(Galley)

    def discard_files(self):
        """After a rollback: delete the files written, so no orphans are left."""
        for storage, name in self.written_files:
            storage.delete(name)
        self.written_files.clear()


class Command(OneLanguageCommand):
    help = (
        "Load a demo journal (issues, articles in Kyrgyz, Russian and English, "
        "keywords, authors, PDFs). Safe to run again: existing rows are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="Print nothing (same as -v 0)."
        )

    def handle(self, *args, **options):
        loader = DemoLoader()
        knowledge_base = None
        try:
            with transaction.atomic():
                journal, articles = loader.load()
                pages = JournalPagesLoader().load(journal)
                # The knowledge base is optional: loaded only when it is installed.
                if apps.is_installed("relations"):
                    from ops.demo import relations_content

                    knowledge_base = relations_content.load()
        except BaseException:
            loader.discard_files()
            raise
        if options["quiet"] or options["verbosity"] == 0:
            return
        self.report(loader, journal, articles)
        pages.report(self.stdout, self.style)
        if knowledge_base is not None:
            knowledge_base.report(self.stdout, self.style)

    def report(self, loader, journal, articles):
        ids = [a.pk for a in articles]
        in_demo = {"article__in": ids}
        authors = Contributor.objects.filter(authorships__article__in=ids).distinct()
        keywords = Keyword.objects.used_by(Article.objects.filter(pk__in=ids))
        rows = [
            ("issues", journal.issues.count()),
            ("sections", Section.objects.count()),
            ("articles", len(ids)),
            ("public articles", Article.objects.public().filter(pk__in=ids).count()),
            ("contributors", authors.count()),
            ("keywords", keywords.count()),
            ("body sections", ArticleSection.objects.filter(**in_demo).count()),
            ("references", Reference.objects.filter(**in_demo).count()),
            ("PDF galleys", Galley.objects.filter(**in_demo).count()),
        ]
        name = journal.name_en or str(journal)
        self.stdout.write(f"Demo journal: {name} (ISSN {journal.issn_print})")
        for label, count in rows:
            self.stdout.write(f"  {label}: {count}")
        if loader.created:
            made = sorted(loader.created.items())
            made = ", ".join(f"{n} {what}" for what, n in made)
            self.stdout.write(self.style.SUCCESS(f"Created now: {made}."))
        else:
            self.stdout.write("Nothing new: the demo content was already loaded.")
