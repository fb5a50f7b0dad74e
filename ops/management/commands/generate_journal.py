"""A synthetic journal for benchmarks only: issues, articles, keywords, events.

    manage.py generate_journal --articles 3000 --big-issue 300 --events 1000

Made by ops/synthetic.py (shared with generate_corpus): rows are bulk-inserted (fast,
no signals), so run `rebuild_search_index` afterwards if the search app is installed.
Never run it on a real journal's database.
"""

from django.core.management.base import CommandError
from django.db import connection, transaction

from articles.commands import OneLanguageCommand
from articles.models import Article
from ops.synthetic import Synthetic


def analyze():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Command(OneLanguageCommand):
    help = "Fill the database with a synthetic journal for benchmarks (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--issues", type=int, default=100)
        parser.add_argument("--articles", type=int, default=3000)
        parser.add_argument("--big-issue", type=int, default=300)
        parser.add_argument("--events", type=int, default=1000)
        parser.add_argument("--keywords", type=int, default=500)
        parser.add_argument("--seed", type=int, default=7)

    @transaction.atomic
    def handle(self, **opts):
        if Article.objects.exists():
            raise CommandError("The database already has articles; use an empty one.")
        made = Synthetic(opts["seed"]).journal(
            issues=opts["issues"],
            articles=opts["articles"],
            big_issue=opts["big_issue"],
            events=opts["events"],
            keywords=opts["keywords"],
        )
        # Fresh bulk inserts have no planner statistics (nor does a server with
        # autovacuum off); without them a sitemap query took minutes.
        transaction.on_commit(analyze)
        self.stdout.write(
            f"{made['issues']} issues, {opts['articles']} articles, "
            f"{made['keywords']} keywords, {made['events']} events."
        )
