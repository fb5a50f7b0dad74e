from django.db import connection

from articles.commands import OneLanguageCommand
from articles.models import Article
from search.benchmark import QUERIES, run
from search.models import SearchDocument


class Command(OneLanguageCommand):
    help = (
        "Time the 50 fixed searches of search.benchmark through the Django test "
        "client; prints the median and the 95th percentile in milliseconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5)

    def handle(self, *args, rounds, **options):
        self.stdout.write(
            f"{connection.vendor}: {Article.objects.public().count()} public "
            f"articles, {SearchDocument.objects.count()} documents, "
            f"{len(QUERIES)} queries x {rounds} rounds"
        )
        result = run(rounds)
        self.stdout.write(
            f"median {result['median']:.1f} ms, p95 {result['p95']:.1f} ms, "
            f"max {result['max']:.1f} ms over {result['requests']} requests"
        )
        for url, median in result["slowest"]:
            self.stdout.write(f"  slow: {median:.1f} ms  {url}")
        for url, median in result["floor"].items():
            self.stdout.write(f"  floor: {median:.1f} ms  {url}")
