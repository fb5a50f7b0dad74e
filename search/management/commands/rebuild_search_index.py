from articles.commands import OneLanguageCommand
from search.indexing import rebuild


class Command(OneLanguageCommand):
    help = "Rebuild the search index (documents and suggestion words) from scratch."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args, batch, **options):
        counts = rebuild(batch=batch, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {sum(counts.values())} documents.")
        )
