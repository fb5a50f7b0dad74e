"""`manage.py load_demo`: the knowledge base's demo content (ops.demo)."""

import ast
from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import translator

from articles.models import Article, Keyword, TaggedItem
from relations.models import (
    Agreement,
    Country,
    Domain,
    Event,
    Indicator,
    Observation,
    Organization,
    Person,
)

pytestmark = pytest.mark.django_db

LANGS = ("ky", "ru", "en")
KB_MODELS = [
    Country,
    Domain,
    Organization,
    Person,
    Event,
    Agreement,
    Indicator,
    Observation,
]


def load(**options):
    out = StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def demo():
    load(verbosity=0)


def through_tables():
    """Every many-to-many table of the relations app (keywords: TaggedItem)."""
    tables = []
    for model in apps.get_app_config("relations").get_models():
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through not in tables:
                tables.append(through)
    return tables


def snapshot():
    """Every row of every knowledge-base table, its links and the keyword tables."""
    models = [*KB_MODELS, *through_tables(), Keyword, TaggedItem]
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in models
    }


def url(obj, lang="en"):
    with translation.override(lang):
        return obj.get_absolute_url()


# -- what is created -------------------------------------------------------------------


def test_countries(demo):
    codes = set(Country.objects.values_list("iso_code", flat=True))
    assert codes >= {"KG", "TJ", "KZ", "UZ", "RU", "CN", "AM", "BY", "AF", "PK"}
    assert Country.objects.get(iso_code="KG").slug == "kyrgyzstan"
    kyrgyz = dict(Country.objects.values_list("iso_code", "name_ky"))
    assert [kyrgyz[c] for c in ("KG", "TJ", "KZ", "UZ", "RU")] == [
        "Кыргызстан",
        "Тажикстан",
        "Казакстан",
        "Өзбекстан",
        "Россия",
    ]
    assert [kyrgyz[c] for c in ("CN", "AM", "BY", "AF", "PK")] == [
        "Кытай",
        "Армения",
        "Беларусь",
        "Афганистан",
        "Пакистан",
    ]


def test_domains_in_order(demo):
    assert list(Domain.objects.values_list("slug", "order")) == [
        ("water-energy", 1),
        ("border", 2),
        ("cultural-humanitarian", 3),
        ("diplomatic", 4),
        ("trade-economic", 5),
        ("transport", 6),
        ("migration", 7),
        ("security", 8),
    ]


def test_organizations_as_in_domain_facts(demo):
    table = {
        "sco": (
            ("ШКУ", "ШОС", "SCO"),
            (
                "Шанхай кызматташтык уюму",
                "Шанхайская организация сотрудничества",
                "Shanghai Cooperation Organisation",
            ),
        ),
        "csto": (
            ("ЖККУ", "ОДКБ", "CSTO"),
            (
                "Жамааттык коопсуздук жөнүндө келишим уюму",
                "Организация Договора о коллективной безопасности",
                "Collective Security Treaty Organization",
            ),
        ),
        "eurasec": (
            ("ЕврАзЭС", "ЕврАзЭС", "EurAsEC"),
            (
                "Евразиялык экономикалык коомдоштук",
                "Евразийское экономическое сообщество",
                "Eurasian Economic Community",
            ),
        ),
        "cis": (
            ("КМШ", "СНГ", "CIS"),
            (
                "Көз карандысыз мамлекеттердин шериктештиги",
                "Содружество Независимых Государств",
                "Commonwealth of Independent States",
            ),
        ),
    }
    for slug, (acronyms, names) in table.items():
        org = Organization.objects.get(slug=slug)
        assert tuple(getattr(org, f"acronym_{lang}") for lang in LANGS) == acronyms
        assert tuple(getattr(org, f"name_{lang}") for lang in LANGS) == names
        assert org.members.filter(iso_code__in=["KG", "TJ"]).count() == 2, slug
    sco = Organization.objects.get(slug="sco")
    founders = {"CN", "KZ", "KG", "RU", "TJ", "UZ"}
    assert set(sco.members.values_list("iso_code", flat=True)) >= founders


def test_people(demo):
    people = {p.name_en: p for p in Person.objects.select_related("country")}
    assert set(people) >= {
        "Emomali Rahmon",
        "Kurmanbek Bakiyev",
        "Hikmat Rahmat",
        "J. Rustenbekov",
    }
    assert people["Emomali Rahmon"].name_ru == "Эмомали Рахмон"
    assert people["Kurmanbek Bakiyev"].name_ky == "Курманбек Бакиев"
    assert people["Emomali Rahmon"].country.iso_code == "TJ"
    assert people["J. Rustenbekov"].country.iso_code == "KG"
    assert "Union of Writers of Tajikistan" in people["Hikmat Rahmat"].office_en


def test_every_translated_field_is_in_three_languages(demo):
    """Set per language (title_ky, …); only an event's place may be absent."""
    registered = set(translator.get_registered_models())
    assert {Country, Domain, Event, Agreement, Indicator} <= registered
    for model in [m for m in KB_MODELS if m in registered]:
        options = translator.get_options_for_model(model)
        for obj in model.objects.all():
            for field in options.fields:
                values = [getattr(obj, f"{field}_{lang}") for lang in LANGS]
                if model is Event and field == "place" and not any(values):
                    continue
                assert all(values), (model.__name__, obj.pk, field)


# The DOMAIN-FACTS events table: date at its precision, kind, domain, people.
FACT_EVENTS = [
    (date(1992, 1, 1), "year", "other", "diplomatic", set()),
    (date(2007, 9, 1), "month", "visit", "diplomatic", {"Emomali Rahmon"}),
    (date(2008, 5, 1), "month", "visit", "diplomatic", {"Kurmanbek Bakiyev"}),
    (date(2009, 3, 1), "month", "negotiation", "border", set()),
    (
        date(2009, 4, 28),
        "day",
        "summit",
        "diplomatic",
        {"Emomali Rahmon", "Kurmanbek Bakiyev"},
    ),
    (date(2010, 12, 2), "day", "summit", "diplomatic", {"Emomali Rahmon"}),
    (
        date(2018, 12, 27),
        "day",
        "cultural",
        "cultural-humanitarian",
        {"Hikmat Rahmat", "J. Rustenbekov"},
    ),
]


@pytest.mark.parametrize(("day", "precision", "kind", "domain", "people"), FACT_EVENTS)
def test_domain_facts_events(demo, day, precision, kind, domain, people):
    event = Event.objects.get(
        date=day, date_precision=precision, countries__iso_code="TJ"
    )
    assert event.is_published
    assert event.kind == kind
    assert set(event.countries.values_list("iso_code", flat=True)) == {"KG", "TJ"}
    assert event.domains.filter(slug=domain).exists()
    assert set(event.people.values_list("name_en", flat=True)) == people
    assert event.keywords.exists()
    assert event.articles.filter(status=Article.Status.PUBLISHED).exists()
    assert event.source
    for lang in LANGS:
        sentences = getattr(event, f"description_{lang}").count(".")
        assert sentences >= 2, (event.slug, lang)


def test_all_precisions_and_kinds_present(demo):
    published = Event.objects.published()
    precisions = set(published.values_list("date_precision", flat=True))
    assert precisions == {"year", "month", "day"}
    kinds = set(published.values_list("kind", flat=True))
    assert kinds >= {"visit", "summit", "negotiation", "cultural", "signing", "other"}
    established = Event.objects.get(date_precision="year", is_published=True)
    assert established.when.format("en") == "1992"
    september = Event.objects.get(date=date(2007, 9, 1))
    assert september.when.format("en") == "September 2007"
    assert september.when.format("ru") == "сентябрь 2007 г."


def test_places_translated(demo):
    library = Event.objects.get(date=date(2018, 12, 27))
    assert library.place_en == "National Library of Tajikistan, Dushanbe"
    assert "Душанбе" in library.place_ru and "Душанбе" in library.place_ky
    almaty = Event.objects.get(date=date(2009, 4, 28))
    assert (almaty.place_ky, almaty.place_ru, almaty.place_en) == (
        "Алматы",
        "Алматы",
        "Almaty",
    )


def test_events_share_the_journal_keywords(demo):
    border = Keyword.objects.get(name_en="border")
    assert Keyword.objects.filter(name_ru="граница").count() == 1
    assert Event.objects.published().filter(keywords=border).exists()
    assert Article.objects.public().filter(keywords=border).exists()
    # The journal's Russian-only keyword is reused and stays Russian-only.
    delimitation = Keyword.objects.get(name_ru="делимитация")
    assert Event.objects.filter(keywords=delimitation).exists()
    assert not delimitation.name_en and not delimitation.name_ky
    for label in ("summit", "diplomacy", "Chingiz Aitmatov"):
        keyword = Keyword.objects.get(name_en=label)
        assert Event.objects.filter(keywords=keyword).exists(), label


def test_events_link_articles_by_slug(demo):
    aitmatov = Event.objects.get(date=date(2018, 12, 27))
    assert set(aitmatov.articles.values_list("slug", flat=True)) >= {
        "aitmatov-in-tajik-when-the-mountains-fall"
    }
    summits = Event.objects.filter(kind="summit", countries__iso_code="TJ")
    article = Article.objects.get(slug="summit-diplomacy-2007-2010")
    assert set(article.events.all()) >= set(summits.filter(date__year__gte=2009))


def test_agreements(demo):
    agreements = Agreement.objects.published()
    assert agreements.count() >= 4
    statuses = set(agreements.values_list("status", flat=True))
    assert len(statuses) >= 3
    assert statuses <= {"signed", "in_force", "expired", "terminated"}
    assert set(agreements.values_list("kind", flat=True)) <= {
        "treaty",
        "agreement",
        "protocol",
        "memorandum",
        "declaration",
        "charter",
    }
    for agreement in agreements:
        assert agreement.source, agreement.slug
        assert agreement.countries.count() >= 2, agreement.slug
        assert agreement.domains.exists(), agreement.slug
        assert agreement.keywords.exists(), agreement.slug
        assert agreement.articles.exists(), agreement.slug
        assert agreement.place_en, agreement.slug


def test_known_agreement_dates(demo):
    charter = Agreement.objects.get(title_en__startswith="Charter of the Shanghai")
    assert (charter.date, charter.date_precision) == (date(2002, 6, 7), "day")
    assert (charter.kind, charter.status) == ("charter", "in_force")
    assert charter.place_en == "Saint Petersburg"
    assert charter.organizations.filter(slug="sco").exists()
    assert set(charter.countries.values_list("iso_code", flat=True)) == {
        "CN",
        "KZ",
        "KG",
        "RU",
        "TJ",
        "UZ",
    }
    treaty = Agreement.objects.get(title_en="Collective Security Treaty")
    assert treaty.date == date(1992, 5, 15)
    assert treaty.organizations.filter(slug="csto").exists()
    eurasec = Agreement.objects.get(organizations__slug="eurasec")
    assert (eurasec.date, eurasec.status) == (date(2000, 10, 10), "terminated")
    assert (eurasec.end_date, eurasec.end_precision) == (date(2015, 1, 1), "day")
    water = Agreement.objects.get(domains__slug="water-energy")
    assert water.date == date(1992, 2, 18)
    assert set(water.countries.values_list("iso_code", flat=True)) == {
        "KG",
        "KZ",
        "TJ",
        "TM",
        "UZ",
    }
    assert water.events.filter(is_published=True).exists()


def test_pairs_beyond_kyrgyzstan_tajikistan(demo):
    """Some published agreement and event join a pair of countries other than KG–TJ."""
    for model in (Agreement, Event):
        pairs = set()
        for obj in model.objects.published().prefetch_related("countries"):
            codes = sorted(c.iso_code for c in obj.countries.all())
            pairs |= {(a, b) for a in codes for b in codes if a < b}
        assert pairs - {("KG", "TJ")}, model.__name__


def test_trade_indicator_has_only_the_sourced_year(demo):
    indicator = Indicator.objects.get(slug="kg-tj-trade-turnover")
    assert indicator.is_published
    assert indicator.name_en == "Kyrgyz–Tajik trade turnover"
    assert indicator.name_ky and indicator.name_ru
    assert indicator.unit_en == "million (currency not stated in the source)"
    assert indicator.unit_ky and indicator.unit_ru
    assert indicator.domain.slug == "trade-economic"
    assert set(indicator.countries.values_list("iso_code", flat=True)) == {"KG", "TJ"}
    observations = list(indicator.observations.values_list("year", "value"))
    assert observations == [(2008, Decimal("40"))]
    assert indicator.observations.get().source


# -- the unpublished entry -------------------------------------------------------------


def test_draft_event_is_never_public(demo, client):
    draft = Event.objects.get(title_en__contains="KBDRAFT")
    assert not draft.is_published
    assert all("KBDRAFT" in getattr(draft, f"title_{lang}") for lang in LANGS)
    assert not Event.objects.published().filter(pk=draft.pk).exists()
    assert client.get(url(draft)).status_code == 404
    water = Domain.objects.get(slug="water-energy")
    keyword = Keyword.objects.get(name_en="electricity export")
    article = Article.objects.get(slug="water-energy-cooperation")
    for lang in LANGS:
        with translation.override(lang):
            pages = [
                reverse("relations:home"),
                reverse("relations:timeline"),
                reverse("relations:domain", kwargs={"slug": water.slug}),
                reverse("relations:pair", kwargs={"a": "kg", "b": "tj"}),
                reverse("relations:pair", kwargs={"a": "af", "b": "pk"}),
                keyword.get_absolute_url(),
                article.get_absolute_url(),
            ]
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, page
            assert "KBDRAFT" not in response.content.decode(), page


# -- pages -----------------------------------------------------------------------------


def test_pages_show_the_demo(demo, client):
    charter = Agreement.objects.get(title_en__startswith="Charter of the Shanghai")
    response = client.get(url(charter))
    assert response.status_code == 200
    assert charter.title_en in response.content.decode()
    with translation.override("ru"):
        pair = reverse("relations:pair", kwargs={"a": "kz", "b": "ru"})
    assert charter.title_ru in client.get(pair).content.decode()
    visit = Event.objects.get(date=date(2007, 9, 1))
    page = client.get(url(visit)).content.decode()
    assert "September 2007" in page and "1 September 2007" not in page
    indicator = Indicator.objects.get(slug="kg-tj-trade-turnover")
    assert client.get(url(indicator, "ky")).status_code == 200


# -- idempotency and the command -------------------------------------------------------


def test_through_tables_are_counted():
    names = {t._meta.label for t in through_tables()}
    assert TaggedItem._meta.label in names
    assert Event.countries.through._meta.label in names
    assert Agreement.events.through._meta.label in names
    assert Organization.members.through._meta.label in names


def test_second_run_creates_and_changes_nothing(demo):
    before = snapshot()
    counts = {label: len(rows) for label, rows in before.items()}
    assert all(counts[m._meta.label] for m in KB_MODELS), counts
    assert all(counts[t._meta.label] for t in through_tables()), counts
    output = load()
    assert snapshot() == before
    assert "Nothing new in the knowledge base" in output
    assert "Knowledge base:" in output


def test_first_run_reports_what_it_created():
    output = load()
    assert "Created now in the knowledge base:" in output
    assert load(quiet=True) == ""
    assert load(verbosity=0) == ""


def test_without_the_relations_app_the_journal_loads_alone(monkeypatch):
    installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name != "relations" and installed(name)
    )
    output = load()
    assert Article.objects.exists()
    assert not any(model.objects.exists() for model in KB_MODELS)
    assert "Knowledge base" not in output


def test_the_journal_never_imports_relations_at_module_level():
    """Dependency rule: relations imports articles, never the reverse."""
    root = Path(settings.BASE_DIR) / "articles"
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(
                n == "relations" or n.startswith("relations.") for n in names
            ), path
