"""`manage.py export_crossref --article SLUG | --issue SLUG [--output FILE]`."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.commands import OneLanguageCommand
from articles.models import Issue

from ...crossref import build_deposit, issue_articles, public_articles


class Command(OneLanguageCommand):
    translated = True
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
                raise CommandError(
                    _("There is no public article with the slug “%(slug)s”.")
                    % {"slug": name}
                )
        else:
            name = options["issue"]
            issue = Issue.objects.filter(slug=name).first()
            if issue is None:
                raise CommandError(
                    _("There is no issue with the slug “%(slug)s”.") % {"slug": name}
                )
            articles = issue_articles([issue])
        if not settings.CROSSREF_DEPOSITOR_EMAIL:
            self.stderr.write(
                self.style.WARNING(
                    _(
                        "CROSSREF_DEPOSITOR_EMAIL is not set; the depositor address "
                        "is DEFAULT_FROM_EMAIL (%(email)s)."
                    )
                    % {"email": settings.DEFAULT_FROM_EMAIL}
                )
            )
        deposit = build_deposit(articles, name, base_url=base_url)
        for article, reason in deposit.skipped:
            self.stderr.write(
                self.style.WARNING(
                    _("Skipped %(slug)s: %(reason)s")
                    % {"slug": article.slug, "reason": reason}
                )
            )
        if not deposit.articles:
            raise CommandError(_("Nothing to export: no public article with a DOI."))
        if options["output"]:
            Path(options["output"]).write_bytes(deposit.xml)
            count = len(deposit.articles)
            self.stderr.write(
                ngettext(
                    "Wrote %(count)d article to %(file)s.",
                    "Wrote %(count)d articles to %(file)s.",
                    count,
                )
                % {"count": count, "file": options["output"]}
            )
        else:
            self.stdout.write(deposit.xml.decode("utf-8"), ending="")
