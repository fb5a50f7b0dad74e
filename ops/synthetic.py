"""Synthetic content for benchmarks and scale tests only: never on a real site.

One generator for both benchmarks: `generate_journal` (the page benchmark and the
query counts at scale: `Synthetic.journal()`, a fixed layout of issues, articles and
keywords with stable slugs) and `generate_corpus` (the search benchmark:
`Synthetic.articles()` and `Synthetic.entries()`).

Text is drawn from real Kyrgyz, Russian and English words of the journal's field, in
several inflected forms, plus a long tail of made-up words, with Zipf-like
frequencies: a few words are everywhere, most are rare, as in real text. Rows are
bulk-inserted (fast, no signals); articles are created as drafts and published
through the workflow (`articles.workflow.seed_status`, one log row per step), so run
`rebuild_search_index` afterwards (`generate_corpus` does).
"""

import itertools
import random
from bisect import bisect
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

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
from relations.models import Agreement, Country, Domain, Event

# The most frequent words of running text: they take the top of the Zipf curve, so
# that the field's words below them occur in some documents, not in nearly all.
FUNCTION_WORDS = {
    "ky": """
        жана менен үчүн да деп бул ал ошол болуп келет эле бир эки ар бардык биз
        алар анын аны мен дагы же болсо болгон болот турат керек мүмкүн андан кийин
        чейин аркылуу тууралуу боюнча катары ошондой бирок ушул тарабынан ичинде
        арасында жөнүндө көп аз жаңы эски ошону мындай андай кандай качан кайда
    """,
    "ru": """
        и в не на что с по к а как это о из у за от для так же но все она он они
        мы бы ли если или только уже был была были быть его ее их при до после
        между также может этот эта эти который которые которая того чем где когда
        более во со над под без через однако поэтому есть нет свой своих году
    """,
    "en": """
        the of and to in a is that for on with as by it be are was this from at or
        an which not have has were been their its but also can more these other
        such between into than may after over both each all its most some only new
        first two there when who while under they we would should
    """,
}
WORDS = {
    "ky": """
        мамиле мамилелер мамилеси мамилелерди мамилелердин чек ара чек арасы чек
        аралар чек арадагы өлкө өлкөлөр өлкөнүн өлкөлөрдүн мамлекет мамлекеттер
        мамлекеттин мамлекеттик суу суунун суулар суу ресурстары энергетика
        энергиясы дарыя дарыялар дарыясы келишим келишимдер келишимдин келишимге
        сүйлөшүү сүйлөшүүлөр сүйлөшүүлөрдү кызматташтык кызматташтыгы соода
        сооданын экономика экономикасы эл аралык тарых тарыхы тарыхый маданият
        маданияты маданий миграция мигранттар эмгек эмгекчилер коопсуздук
        коопсуздугу чыр-чатак жаңжал жаңжалдар аймак аймактар аймагы калк калкы
        тил тили тилдер адабият адабияты илим илимий изилдөө изилдөөлөр талдоо
        саясат саясаты саясий башкаруу бийлик өкмөт өкмөтү президент министр
        министрлиги жолугушуу сапар сапары саммит уюм уюму бирикме шайлоо мыйзам
        мыйзамдар укук укуктары эркиндик өнүгүү өнүктүрүү инвестиция инвестициялар
        айыл чарба жер жерлер жайыт тоо тоолор өрөөн Фергана Баткен Ош Жалал-Абад
        Бишкек Душанбе Ташкент анклав анклавдар жол жолдор транспорт темир жол
        көпүрө курулуш долбоор долбоорлор каражат бюджет салык бажы бажысы товар
        товарлар экспорт импорт жүгүртүү көрсөткүч маалымат булак булактар окуя
        окуялар мезгил жыл жылдар кылым совет советтик эгемендүүлүк көз карандысыз
        чечим чечимдер комиссия делимитация демаркация кошуна кошуналар достук
        ынтымак тынчтык тынчтыгы чогулуш кеңеш кеңешме жыйынтык натыйжа маселе
        маселелер маселеси көйгөй көйгөйлөр үлгү үй-бүлө жаштар билим берүү
        университет окуу китеп журнал макала макалалар автор
    """,
    "ru": """
        граница границы границе границу границей граничный пограничный государство
        государства государственный государств страна страны стран странами
        отношения отношений отношениях межгосударственный вода воды водный водные
        ресурсы ресурсов водохранилище река реки рек энергетика энергетический
        энергии электроэнергия соглашение соглашения соглашений договор договора
        договоров протокол переговоры переговоров сотрудничество сотрудничества
        торговля торговли торговый товарооборот экономика экономический
        экономического международный международных история истории исторический
        культура культуры культурный миграция мигрантов трудовой трудовых
        безопасность безопасности конфликт конфликты конфликтов инцидент регион
        региона региональный население населения язык языка литература наука
        научный исследование исследования анализ политика политики политический
        управление власть правительство президент министр министерство встреча
        визит саммит организация организации союз выборы закон законы право
        права свобода развитие развития инвестиции сельское хозяйство земля земли
        пастбища горы долина Ферганская Баткен Ош Бишкек Душанбе Ташкент анклав
        анклавы дорога дороги транспорт железная мост строительство проект
        проекты средства бюджет налог таможня таможенный товары экспорт импорт
        показатель данные источник источники событие события период год годы век
        советский суверенитет независимость решение решения комиссия делимитация
        демаркация соседи соседних дружба мир совещание итоги результат вопрос
        вопросы проблема проблемы семья молодежь образование университет книга
        журнал статья статьи автор
    """,
    "en": """
        border borders bordering boundary state states statehood country countries
        relations relationship interstate water waters resources reservoir river
        rivers energy power electricity agreement agreements treaty treaties
        protocol negotiation negotiations cooperation cooperative trade trading
        turnover economy economic economics international history historical
        culture cultural migration migrants migrant labour labor security conflict
        conflicts incident incidents region regions regional population language
        languages literature science scientific research study studies analysis
        policy policies political governance government governments president
        minister ministry meeting visit visits summit organization organisations
        union election elections law laws rights freedom development investment
        investments agriculture land pastures mountains valley Fergana Batken Osh
        Bishkek Dushanbe Tashkent enclave enclaves road roads transport railway
        bridge construction project projects funds budget tax customs goods
        export exports import imports indicator data source sources event events
        period year years century soviet sovereignty independence decision
        decisions commission delimitation demarcation neighbours neighboring
        friendship peace council outcome result question questions problem
        problems family youth education university book journal article articles
        author
    """,
}
SYLLABLES = {
    "ky": "ка ба са ту кө бү жа ар ыл ың өр ла те ми но ды чы шо ру зу ак",
    "ru": "ка ро ва ни ст ле по на ко то ри де ли ме ра ва пе ба сло ть ен",
    "en": "ca ro va ni st le po na co to ri de li me ra ve pe ba lo ter en",
}
TAIL_WORDS = 20000
DOMAINS = [
    (
        "water-energy",
        "Суу-энергетика",
        "Водно-энергетическая сфера",
        "Water and energy",
    ),
    ("border", "Чек ара", "Граница", "Border"),
    ("culture", "Маданият", "Культура", "Culture"),
    ("diplomacy", "Дипломатия", "Дипломатия", "Diplomacy"),
    ("trade", "Соода-экономика", "Торговля и экономика", "Trade and economy"),
    ("transport", "Транспорт", "Транспорт", "Transport"),
    ("migration", "Миграция", "Миграция", "Migration"),
    ("security", "Коопсуздук", "Безопасность", "Security"),
]
NAMES = [
    ("Асанов", "Asanov"),
    ("Токтогулов", "Toktogulov"),
    ("Сыдыкова", "Sydykova"),
    ("Рахимов", "Rakhimov"),
    ("Иванова", "Ivanova"),
    ("Мамытова", "Mamytova"),
    ("Үсөнбаев", "Usenbaev"),
    ("Өмүрбеков", "Omurbekov"),
    ("Каримов", "Karimov"),
    ("Шарипова", "Sharipova"),
]


class Vocabulary:
    """Words of one language, Zipf-weighted: function words first, then the
    field's words, then a long tail of made-up ones."""

    def __init__(self, lang, rng):
        real = WORDS[lang].split()
        rng.shuffle(real)
        real = FUNCTION_WORDS[lang].split() + real
        syllables = SYLLABLES[lang].split()
        tail = {
            "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
            for _ in range(TAIL_WORDS)
        }
        self.words = real + sorted(tail - set(real))
        weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng

    def word(self):
        pick = self.rng.random() * self.cumulative[-1]
        return self.words[bisect(self.cumulative, pick)]

    def sentence(self, low=6, high=16):
        words = [self.word() for _ in range(self.rng.randint(low, high))]
        return " ".join(words).capitalize() + "."

    def text(self, sentences):
        return " ".join(self.sentence() for _ in range(sentences))


class Synthetic:
    """Bulk inserts of a synthetic journal and knowledge base (no signals)."""

    def __init__(self, seed=1):
        # Reproducible test data, not secrets.
        self.rng = random.Random(seed)  # noqa: S311
        self.vocab = {lang: Vocabulary(lang, self.rng) for lang in WORDS}
        self.run = datetime.now().strftime("%H%M%S%f")

    def tri(self, field, sentences=None, low=3, high=9):
        if sentences:
            return {f"{field}_{c}": v.text(sentences) for c, v in self.vocab.items()}
        return {
            f"{field}_{c}": v.sentence(low, high).rstrip(".")
            for c, v in self.vocab.items()
        }

    # -- the page benchmark's journal (generate_journal) ------------------------------

    @transaction.atomic
    def journal(self, issues, articles, big_issue, events, keywords):
        """A journal of `issues` monthly issues up to now, the last one holding
        `big_issue` of the `articles`; stable slugs the benchmark and the scale tests
        ask for (synthetic-article-<n>, keyword-<n>, <year>-<number>)."""
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
        made = self.monthly_issues(journal, issues)
        tags = self.keywords(keywords, slug="keyword-{}")
        people = self.contributors(300)
        rows = []
        for i in range(articles):
            issue = made[-1] if i < big_issue else self.rng.choice(made[:-1])
            rows.append(
                self.article(
                    issue,
                    sections,
                    f"synthetic-article-{i}",
                    issue.published_at,
                    first_page=i % 500 + 1,
                    last_page=i % 500 + 9,
                )  # fmt: skip
            )
        self.parts(self.publish(rows), people, tags, per_article=4)
        self.plain_events(events)
        return {"issues": len(made), "keywords": len(tags), "events": events}

    def monthly_issues(self, journal, count):
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

    def plain_events(self, count):
        """Published events with no links (the timeline's load)."""
        Event.objects.bulk_create(
            (
                Event(
                    slug=f"synthetic-event-{i}",
                    date=date(1992, 1, 1) + timedelta(days=self.rng.randrange(12000)),
                    date_precision=self.rng.choice(["year", "month", "day"]),
                    kind=self.rng.choice(["visit", "summit", "negotiation", "other"]),
                    is_published=True,
                    **self.tri("title", low=3, high=8),
                )
                for i in range(count)
            ),
            batch_size=500,
        )

    # -- the search benchmark's corpus (generate_corpus) ------------------------------

    @transaction.atomic
    def articles(self, n, stdout=None):
        """`n` articles in issues of 250, every fiftieth a draft, in the first journal
        (a new one if there is none)."""
        journal = Journal.objects.first() or Journal.objects.create(
            name_en="Synthetic journal", name_ru="Синтетический журнал"
        )
        sections = Section.objects.bulk_create(
            Section(order=i, **self.tri("name", low=1, high=3)) for i in range(6)
        )
        keywords = self.keywords(300)
        contributors = self.contributors(max(50, n // 3))
        issues = self.issues(journal, max(1, n // 250))
        past = datetime.now(dt_timezone.utc) - timedelta(days=1)
        rows = [
            self.article(
                self.rng.choice(issues),
                sections,
                f"synthetic-{self.run}-{i}",
                None if i % 50 == 0 else past,
            )  # fmt: skip
            for i in range(n)
        ]
        articles = self.publish(rows)
        self.parts(articles, contributors, keywords, per_article=3)
        if stdout:
            stdout.write(f"{n} articles")
        return articles

    # -- the parts both use -----------------------------------------------------------

    def article(self, issue, sections, slug, published_at, first_page=1, last_page=10):
        """An unsaved article, a draft for now (see publish)."""
        return Article(
            issue=issue,
            section=self.rng.choice(sections),
            slug=slug,
            original_language=self.rng.choice(["ky", "ru", "en"]),
            status=Article.Status.DRAFT,
            published_at=published_at,
            first_page=first_page,
            last_page=last_page,
            **self.tri("title", low=4, high=10),
            **self.tri("abstract", sentences=4),
        )

    def publish(self, rows):
        """Insert the articles; those with a publication time are published through
        the workflow (log rows). The caller rebuilds the search index."""
        articles = Article.objects.bulk_create(rows, batch_size=1000)
        seed_status(
            [a for a in articles if a.published_at], Article.Status.PUBLISHED,
            announce=False,
        )  # fmt: skip
        return articles

    def parts(self, articles, contributors, keywords, per_article):
        """Bodies, two authors and `per_article` keywords for each article."""
        self.bodies(articles)
        Authorship.objects.bulk_create(
            (
                Authorship(article=a, contributor=c, order=k)
                for a in articles
                for k, c in enumerate(self.rng.sample(contributors, 2))
            ),
            batch_size=2000,
        )
        self.tag(articles, keywords, "articles", "article", per_article)

    def bodies(self, articles):
        rows = []
        for article in articles:
            langs = {article.original_language}
            if self.rng.random() < 0.3:
                langs.add(self.rng.choice(["ky", "ru", "en"]))
            for order in range(self.rng.randint(3, 5)):
                fields = {}
                for lang in langs:
                    vocab = self.vocab[lang]
                    fields[f"heading_{lang}"] = vocab.sentence(2, 4).rstrip(".")
                    fields[f"text_{lang}"] = vocab.text(self.rng.randint(4, 8))
                rows.append(ArticleSection(article=article, order=order, **fields))
        ArticleSection.objects.bulk_create(rows, batch_size=2000)

    def keywords(self, n, slug=None):
        """`n` keywords of two words in each language; `slug` a pattern like
        "keyword-{}" (default: unique to this run)."""
        slug = slug or f"synthetic-{self.run}-{{}}"
        made = []
        for i in range(n):
            labels = {
                f"name_{c}": f"{v.word()} {v.word()} {i}" for c, v in self.vocab.items()
            }
            made.append(Keyword(slug=slug.format(i), **labels))
        return Keyword.objects.bulk_create(made)

    def contributors(self, n):
        people = []
        for i in range(n):
            cyrillic, latin = self.rng.choice(NAMES)
            people.append(
                Contributor(
                    last_name_ky=f"{cyrillic}{i}",
                    last_name_ru=f"{cyrillic}{i}",
                    last_name_en=f"{latin}{i}",
                )
            )
        return Contributor.objects.bulk_create(people)

    def issues(self, journal, n):
        past = datetime.now(dt_timezone.utc) - timedelta(days=30)
        start = Issue.objects.filter(journal=journal).count()
        made = [
            Issue(
                journal=journal,
                year=1950 + (start + i) // 4,
                number=str((start + i) % 4 + 1),
                slug=f"synthetic-{self.run}-{i}",
                number_sort=(start + i) % 4 + 1,
                published_at=past,
            )
            for i in range(n)
        ]
        return Issue.objects.bulk_create(made)

    def tag(self, objects, keywords, app_label, model, per_object=3):
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
        TaggedItem.objects.bulk_create(
            (
                TaggedItem(content_type=content_type, object_id=obj.pk, tag=keyword)
                for obj in objects
                for keyword in self.rng.sample(keywords, per_object)
            ),
            batch_size=2000,
        )

    @transaction.atomic
    def entries(self, n_events, n_agreements, stdout=None):
        domains = [
            Domain.objects.get_or_create(
                slug=slug, defaults={"name_ky": ky, "name_ru": ru, "name_en": en}
            )[0]
            for slug, ky, ru, en in DOMAINS
        ]
        countries = [
            Country.objects.get_or_create(
                iso_code=code, defaults={"slug": code.lower(), "name_en": code}
            )[0]
            for code in ("KG", "TJ", "UZ", "KZ")
        ]
        keywords = list(Keyword.objects.all()[:300]) or self.keywords(300)
        events = Event.objects.bulk_create(
            Event(
                slug=f"synthetic-{self.run}-{i}",
                date=date(1991, 1, 1) + timedelta(days=self.rng.randint(0, 12000)),
                kind=Event.Kind.VISIT,
                is_published=i % 20 != 0,
                **self.tri("title", low=3, high=8),
                **self.tri("description", sentences=2),
            )
            for i in range(n_events)
        )
        agreements = Agreement.objects.bulk_create(
            Agreement(
                slug=f"synthetic-{self.run}-{i}",
                date=date(1991, 1, 1) + timedelta(days=self.rng.randint(0, 12000)),
                kind=Agreement.Kind.AGREEMENT,
                status=Agreement.Status.IN_FORCE,
                is_published=i % 20 != 0,
                **self.tri("title", low=3, high=8),
                **self.tri("summary", sentences=2),
            )
            for i in range(n_agreements)
        )
        for model, entries in ((Event, events), (Agreement, agreements)):
            name = model._meta.model_name
            model.domains.through.objects.bulk_create(
                model.domains.through(
                    **{f"{name}_id": e.pk, "domain_id": self.rng.choice(domains).pk}
                )
                for e in entries
            )
            model.countries.through.objects.bulk_create(
                model.countries.through(**{f"{name}_id": e.pk, "country_id": c.pk})
                for e in entries
                for c in self.rng.sample(countries, 2)
            )
            self.tag(entries, keywords, "relations", name)
        if stdout:
            stdout.write(f"{n_events} events, {n_agreements} agreements")
