import time

from django.core.management.base import CommandError
from django.db import connection

from articles.commands import OneLanguageCommand
from ops.synthetic import Synthetic
from search.indexing import rebuild


class Command(OneLanguageCommand):
    help = (
        "Insert a synthetic trilingual corpus for benchmarks (never on a real site): "
        "published articles with bodies, authors and keywords, events, agreements."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--events", type=int, default=100)
        parser.add_argument("--agreements", type=int, default=None)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--no-index", action="store_true", help="Skip rebuilding the search index."
        )

    def handle(self, *args, articles, events, agreements, seed, no_index, **options):
        from articles.models import Article

        if Article.objects.exists():
            # Synthetic published articles must never reach a real journal.
            raise CommandError("The database already has articles; use an empty one.")
        started = time.perf_counter()
        corpus = Synthetic(seed)
        corpus.articles(articles, stdout=self.stdout)
        if agreements is None:
            agreements = events // 5
        corpus.entries(events, agreements, stdout=self.stdout)
        if not no_index:
            rebuild(stdout=self.stdout)
        if connection.vendor == "postgresql":
            # Statistics for the planner, and the visibility map that lets a search
            # read result articles from an index alone (search migration 0007), as
            # autovacuum would set them on a running site. VACUUM cannot run in a
            # transaction (tests).
            vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            with connection.cursor() as cursor:
                cursor.execute(vacuum)
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Done in {seconds:.0f} s."))
