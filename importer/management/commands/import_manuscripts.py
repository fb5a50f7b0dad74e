"""manage.py import_manuscripts FILES… [--issue SLUG] [--section ID] [--dry-run]

Batch import of back issues: each file becomes a draft article (in its own
transaction), with a progress bar while it runs and a summary table at the end. A file
imported before is skipped unless --update is given, which refreshes its draft.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from articles.commands import OneLanguageCommand
from articles.models import Issue, Section
from articles.roles import may
from importer.extract import ExtractionError, check_size, extract_text
from importer.models import ManuscriptImport
from importer.parser import parse_manuscript
from importer.services import ImportRefused, can_update, import_manuscript

BAR_WIDTH = 30


@dataclass
class Row:
    """One line of the summary table."""

    file: str
    result: str = ""
    article: str = ""
    languages: str = ""
    sections: int | str = ""
    references: int | str = ""
    keywords: int | str = ""
    warnings: list = field(default_factory=list)
    failed: bool = False


class Command(OneLanguageCommand):
    translated = True

    @property
    def help(self):
        return _("Import manuscripts (.txt, .docx, .pdf) as draft articles.")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--issue",
            metavar="SLUG",
            help=_("Put the articles in this issue."),
        )
        parser.add_argument(
            "--section",
            type=int,
            metavar="ID",
            help=_("Put the articles in this section."),
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help=_("Record this user as the articles' creator."),
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help=_("Refresh the draft of a manuscript imported before."),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Read and recognise the files, save nothing."),
        )

    def handle(self, *args, files, **options):
        context = self.context(options)
        rows = []
        for n, name in enumerate(files, start=1):
            self.progress(n - 1, len(files), name)
            rows.append(self.import_one(Path(name), context, options))
        self.progress(len(files), len(files), "")
        self.stderr.write("")
        self.summary(rows, options["dry_run"])
        failed = sum(1 for row in rows if row.failed)
        if failed:
            raise CommandError(
                _("%(failed)d of %(total)d files could not be imported.")
                % {"failed": failed, "total": len(rows)}
            )

    def context(self, options):
        issue = section = user = None
        if options["issue"]:
            issue = Issue.objects.filter(slug=options["issue"]).first()
            if issue is None:
                raise CommandError(
                    _("There is no issue with the slug “%(slug)s”.")
                    % {"slug": options["issue"]}
                )
        if options["section"]:
            section = Section.objects.filter(pk=options["section"]).first()
            if section is None:
                raise CommandError(_("There is no section with that id."))
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(
                    _("There is no user “%(name)s”.") % {"name": options["user"]}
                )
            if not may(user, "import_manuscript"):
                raise CommandError(
                    _("The user “%(name)s” may not import manuscripts.")
                    % {"name": options["user"]}
                )
        return {"issue": issue, "section": section, "user": user}

    def import_one(self, path, context, options):
        row = Row(path.name)
        try:
            check_size(os.stat(path).st_size)  # before reading a byte
            extracted = extract_text(path.read_bytes())
        except OSError as exc:
            return self.failure(row, exc.strerror or str(exc))
        except ExtractionError as exc:
            return self.failure(row, str(exc))
        manuscript = parse_manuscript(extracted.text)
        row.languages = ",".join(manuscript.languages) or "—"
        row.sections = len(manuscript.sections)
        row.references = len(manuscript.references)
        row.keywords = len(manuscript.keywords)
        row.warnings = list(manuscript.warnings)
        previous = ManuscriptImport.objects.previous(manuscript.content_hash)
        update = None
        if previous is not None:
            row.article = f"#{previous.article_id}"
            if not options["update"]:
                row.result = _("imported before")
                return row
            if not can_update(previous.article, context["user"]):
                row.result = _("imported before, not a draft")
                return row
            update = previous.article
        if not manuscript.has_title:
            return self.failure(row, _("no title recognised"))
        if options["dry_run"]:
            row.result = _("would update") if update else _("would create")
            return row
        try:
            result = import_manuscript(
                manuscript,
                user=context["user"],
                file_name=path.name,
                file_format=extracted.format,
                issue=context["issue"],
                section=context["section"],
                update=update,
            )
        except ImportRefused as exc:
            return self.failure(row, str(exc))
        row.result = _("created") if result.created else _("updated")
        row.article = f"#{result.article.pk}"
        row.warnings += result.keyword_notes
        return row

    def failure(self, row, message):
        row.result = _("failed")
        row.warnings = [message]
        row.failed = True
        return row

    def progress(self, done, total, name):
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"[{bar}] {done}/{total} {name}"
        if self.stderr.isatty():
            self.stderr.write(f"\r{line[:100]:<100}", ending="")
        else:
            self.stderr.write(line)

    def summary(self, rows, dry_run):
        headers = [
            _("File"),
            _("Result"),
            _("Article"),
            _("Languages"),
            _("Sections"),
            _("References"),
            _("Keywords"),
            _("Warnings"),
        ]
        table = [
            [
                row.file,
                row.result,
                row.article,
                row.languages,
                str(row.sections),
                str(row.references),
                str(row.keywords),
                str(len(row.warnings)),
            ]
            for row in rows
        ]
        widths = [
            max(len(line[i]) for line in [headers, *table]) for i in range(len(headers))
        ]
        rule = "  ".join("-" * w for w in widths)
        self.stdout.write(
            "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
        )
        self.stdout.write(rule)
        for line in table:
            self.stdout.write(
                "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True))
            )
        self.stdout.write(rule)
        for row in rows:
            for warning in row.warnings:
                self.stdout.write(f"{row.file}: {warning}")
        if dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))
