"""`manage.py export_crossref --article SLUG | --issue SLUG [--output FILE]`."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.models import Issue

from ...crossref import build_deposit, issue_articles, public_articles


class Command(BaseCommand):
    help = (
        "Write the Crossref 5.4.0 deposit XML of a public article or of the public "
        "articles of an issue. Articles without a DOI are left out with a warning."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--article", metavar="SLUG")
        target.add_argument("--issue", metavar="SLUG")
        parser.add_argument("--output", metavar="FILE", help="Default: stdout.")
        parser.add_argument(
            "--base-url",
            help="Site address for the resource URLs, e.g. https://journal.example.kg "
            "(default: the SITE_URL setting).",
        )

    def handle(self, *args, **options):
        base_url = (options["base_url"] or settings.SITE_URL).rstrip("/")
        if not base_url:
            raise CommandError(
                _(
                    "The site's address for the resource URLs is missing: set the "
                    "SITE_URL environment variable (e.g. https://journal.example.kg) "
                    "or give --base-url."
                )
            )
        if not base_url.startswith(("http://", "https://")):
            raise CommandError(
                _(
                    "--base-url must start with https:// or http:// "
                    "(e.g. https://journal.example.kg)."
                )
            )
        if options["article"]:
            name = options["article"]
            articles = public_articles().filter(slug=name)
            if not articles:
                raise CommandError(f"No public article with slug {name!r}.")
        else:
            name = options["issue"]
            issue = Issue.objects.filter(slug=name).first()
            if issue is None:
                raise CommandError(f"No issue with slug {name!r}.")
            articles = issue_articles([issue])
        if not settings.CROSSREF_DEPOSITOR_EMAIL:
            self.stderr.write(
                self.style.WARNING(
                    "CROSSREF_DEPOSITOR_EMAIL is not set; the depositor address is "
                    f"DEFAULT_FROM_EMAIL ({settings.DEFAULT_FROM_EMAIL})."
                )
            )
        deposit = build_deposit(articles, name, base_url=base_url)
        for article, reason in deposit.skipped:
            self.stderr.write(self.style.WARNING(f"Skipped {article.slug}: {reason}"))
        if not deposit.articles:
            raise CommandError("Nothing to deposit: no public article with a DOI.")
        if options["output"]:
            Path(options["output"]).write_bytes(deposit.xml)
            self.stderr.write(
                f"Wrote {len(deposit.articles)} article(s) to {options['output']}."
            )
        else:
            self.stdout.write(deposit.xml.decode("utf-8"), ending="")
