from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index (documents and suggestion words) from scratch."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args, batch, **options):
        counts = rebuild(batch=batch, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {sum(counts.values())} documents.")
        )
