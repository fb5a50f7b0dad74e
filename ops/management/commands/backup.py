from articles.commands import OneLanguageCommand
from ops.backup import backup


class Command(OneLanguageCommand):
    help = "Back up the database (pg_dump or SQLite copy) and the uploaded files."

    def add_arguments(self, parser):
        parser.add_argument("target", help="folder to write the backup into")

    def handle(self, target, **options):
        manifest = backup(target)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {sum(manifest['rows'].values())} rows and "
                f"{len(manifest['media'])} files to {target}."
            )
        )
