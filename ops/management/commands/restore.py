from django.core.management.base import CommandError

from articles.commands import OneLanguageCommand
from ops.backup import restore, verify


class Command(OneLanguageCommand):
    help = "Restore a backup made by `backup`: replaces the database and the media."

    def add_arguments(self, parser):
        parser.add_argument("source", help="the backup folder")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask before replacing everything"
        )

    def handle(self, source, yes=False, **options):
        if not yes:
            answer = input("This replaces the database and all uploaded files. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("Nothing was changed.")
        manifest = restore(source)
        problems = verify(manifest)
        if problems:
            raise CommandError("Restored, but it differs: " + "; ".join(problems))
        self.stdout.write(self.style.SUCCESS("Restored; rows and files match."))
