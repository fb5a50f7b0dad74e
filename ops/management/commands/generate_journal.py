"""A synthetic journal for benchmarks only: issues, articles, keywords, events.

    manage.py generate_journal --articles 3000 --big-issue 300 --events 1000

Rows are bulk-inserted (fast, no signals), so run `rebuild_search_index` afterwards if
the search app is installed. Never run it on a real journal's database.
"""

import random
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone

from articles.commands import OneLanguageCommand
from articles.models import (
    Article,
    ArticleSection,
    Authorship,
    Contributor,
    Issue,
    Journal,
    Keyword,
    Section,
    TaggedItem,
)
from articles.workflow import seed_status

WORDS = {
    "ky": "мамиле чек ара суу энергетика соода кызматташтык саммит келишим маданият "
    "миграция коопсуздук региондук өнүгүү тарых саясат экономика жамаат уюм".split(),
    "ru": "отношения граница вода энергетика торговля сотрудничество саммит договор "
    "культура миграция безопасность регион развитие история политика экономика".split(),
    "en": "relations border water energy trade cooperation summit treaty culture "
    "migration security region development history policy economy".split(),
}


def sentence(rng, lang, n):
    return " ".join(rng.choice(WORDS[lang]) for _ in range(n)).capitalize()


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
        rng = random.Random(opts["seed"])  # noqa: S311 - synthetic data, not secrets
        journal = Journal.objects.create(
            name_ky="Синтетикалык журнал", name_ru="Синтетический журнал",
            name_en="Synthetic Journal", issn_print="1694-5344",
        )  # fmt: skip
        sections = [
            Section.objects.create(
                name_en=f"Section {i}", name_ru=f"Раздел {i}", order=i
            )
            for i in range(5)
        ]
        issues = self._issues(journal, opts["issues"])
        keywords = self._keywords(rng, opts["keywords"])
        people = Contributor.objects.bulk_create(
            Contributor(
                last_name_ru=f"Автор{i}",
                first_name_ru="Имя",
                last_name_en=f"Author{i}",
                first_name_en="Name",
                affiliation_en="University",
            )  # fmt: skip
            for i in range(300)
        )
        articles = self._articles(rng, issues, sections, opts)
        self._parts(rng, articles, people, keywords)
        events = self._events(rng, opts["events"], keywords)
        # Fresh bulk inserts have no planner statistics (nor does a server with
        # autovacuum off); without them a sitemap query took minutes.
        transaction.on_commit(analyze)
        self.stdout.write(
            f"{len(issues)} issues, {len(articles)} articles, "
            f"{len(keywords)} keywords, {events} events."
        )

    def _issues(self, journal, count):
        start = timezone.now() - timedelta(days=30 * count)
        return Issue.objects.bulk_create(
            Issue(
                journal=journal,
                year=2000 + i // 4,
                number=str(i % 4 + 1),
                slug=f"{2000 + i // 4}-{i % 4 + 1}",
                number_sort=i % 4 + 1,
                published_at=start + timedelta(days=30 * i),
            )
            for i in range(count)
        )

    def _keywords(self, rng, count):
        return Keyword.objects.bulk_create(
            Keyword(
                name=f"keyword {i}",
                name_en=f"keyword {i}",
                name_ru=f"ключевое слово {i}",
                name_ky=f"ачкыч сөз {i}",
                slug=f"keyword-{i}",
            )
            for i in range(count)
        )

    def _articles(self, rng, issues, sections, opts):
        big = issues[-1]
        rows = []
        for i in range(opts["articles"]):
            issue = big if i < opts["big_issue"] else rng.choice(issues[:-1])
            lang = rng.choice(["ky", "ru", "en"])
            rows.append(
                Article(
                    issue=issue,
                    section=rng.choice(sections),
                    slug=f"synthetic-article-{i}",
                    original_language=lang,
                    status=Article.Status.DRAFT,
                    published_at=issue.published_at,
                    first_page=i % 500 + 1,
                    last_page=i % 500 + 9,
                    **{
                        f"{field}_{code}": sentence(rng, code, n)
                        for code in ("ky", "ru", "en")
                        for field, n in (("title", 8), ("abstract", 60))
                    },
                )
            )
        articles = Article.objects.bulk_create(rows, batch_size=500)
        # Published through the workflow (log rows); the index is rebuilt afterwards.
        seed_status(articles, Article.Status.PUBLISHED, announce=False)
        return articles

    def _parts(self, rng, articles, people, keywords):
        article_type = ContentType.objects.get_for_model(Article)
        Authorship.objects.bulk_create(
            (
                Authorship(article=a, contributor=p, order=n)
                for a in articles
                for n, p in enumerate(rng.sample(people, 2))
            ),
            batch_size=1000,
        )
        ArticleSection.objects.bulk_create(
            (
                ArticleSection(
                    article=a,
                    order=n,
                    heading_ru=sentence(rng, "ru", 3),
                    text_ru=sentence(rng, "ru", 200),
                )
                for a in articles
                for n in range(3)
            ),
            batch_size=1000,
        )
        TaggedItem.objects.bulk_create(
            (
                TaggedItem(content_type=article_type, object_id=a.pk, tag=k)
                for a in articles
                for k in rng.sample(keywords, 4)
            ),
            batch_size=1000,
        )

    def _events(self, rng, count, keywords):
        try:
            from relations.models import Event
        except ImportError:
            return 0
        Event.objects.bulk_create(
            (
                Event(
                    slug=f"synthetic-event-{i}",
                    title_ru=sentence(rng, "ru", 6),
                    title_en=sentence(rng, "en", 6),
                    date=date(1992, 1, 1) + timedelta(days=rng.randrange(12000)),
                    date_precision=rng.choice(["year", "month", "day"]),
                    kind=rng.choice(["visit", "summit", "negotiation", "other"]),
                    is_published=True,
                )
                for i in range(count)
            ),
            batch_size=500,
        )
        return count
