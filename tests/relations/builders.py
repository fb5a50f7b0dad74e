"""Builders for the relations knowledge base: `make_event(**overrides)` and friends.

Entries are published by default; pass `is_published=False` for a draft.
"""

import itertools
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

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

_seq = itertools.count(1)

COUNTRIES = {
    "KG": ("Кыргызстан", "Киргизия", "Kyrgyzstan", "kyrgyzstan"),
    "TJ": ("Тажикстан", "Таджикистан", "Tajikistan", "tajikistan"),
    "KZ": ("Казакстан", "Казахстан", "Kazakhstan", "kazakhstan"),
    "UZ": ("Өзбекстан", "Узбекистан", "Uzbekistan", "uzbekistan"),
}


def make_country(iso_code="KG", **overrides):
    """A country by ISO code; the four neighbours get their real names."""
    ky, ru, en, slug = COUNTRIES.get(
        iso_code, (f"Өлкө {iso_code}", f"Страна {iso_code}", f"Country {iso_code}", "")
    )
    fields = {
        "iso_code": iso_code,
        "name_ky": ky,
        "name_ru": ru,
        "name_en": en,
        "slug": slug or iso_code.lower(),
    }
    fields.update(overrides)
    return Country.objects.create(**fields)


def country(iso_code):
    """The country with `iso_code`, created on first use."""
    return Country.objects.filter(iso_code=iso_code).first() or make_country(iso_code)


def make_domain(**overrides):
    n = next(_seq)
    fields = {
        "slug": f"domain-{n}",
        "name_ky": f"Тармак {n}",
        "name_ru": f"Сфера {n}",
        "name_en": f"Domain {n}",
        "order": n,
    }
    fields.update(overrides)
    return Domain.objects.create(**fields)


def make_organization(members=(), **overrides):
    n = next(_seq)
    fields = {
        "slug": f"org-{n}",
        "acronym_ky": f"ШКУ{n}",
        "acronym_ru": f"ШОС{n}",
        "acronym_en": f"SCO{n}",
        "name_ky": f"Шанхай кызматташтык уюму {n}",
        "name_ru": f"Шанхайская организация сотрудничества {n}",
        "name_en": f"Shanghai Cooperation Organisation {n}",
    }
    fields.update(overrides)
    org = Organization.objects.create(**fields)
    org.members.set(members)
    return org


def make_person(**overrides):
    n = next(_seq)
    fields = {
        "name_ky": f"Адам {n}",
        "name_ru": f"Человек {n}",
        "name_en": f"Person {n}",
    }
    fields.update(overrides)
    return Person.objects.create(**fields)


def _link(entry, **relations):
    for name, values in relations.items():
        if values:
            getattr(entry, name).set(list(values))


def make_event(
    countries=(),
    domains=(),
    people=(),
    organizations=(),
    keywords=(),
    articles=(),
    **overrides,
):
    """A published day-precision event; links are given as lists of objects."""
    n = next(_seq)
    fields = {
        "title_ky": f"Окуя {n}",
        "title_ru": f"Событие {n}",
        "title_en": f"Event {n}",
        "date": date(2000 + n % 20, 1 + n % 12, 1 + n % 28),
        "date_precision": "day",
        "kind": Event.Kind.VISIT,
        "is_published": True,
    }
    fields.update(overrides)
    event = Event.objects.create(**fields)
    _link(
        event,
        countries=countries,
        domains=domains,
        people=people,
        organizations=organizations,
        keywords=keywords,
        articles=articles,
    )
    return event


def make_agreement(
    countries=(),
    organizations=(),
    domains=(),
    keywords=(),
    events=(),
    articles=(),
    **overrides,
):
    """A published day-precision agreement in force."""
    n = next(_seq)
    fields = {
        "title_ky": f"Келишим {n}",
        "title_ru": f"Соглашение {n}",
        "title_en": f"Agreement {n}",
        "date": date(2000 + n % 20, 1 + n % 12, 1 + n % 28),
        "date_precision": "day",
        "kind": Agreement.Kind.AGREEMENT,
        "status": Agreement.Status.IN_FORCE,
        "is_published": True,
    }
    fields.update(overrides)
    agreement = Agreement.objects.create(**fields)
    _link(
        agreement,
        countries=countries,
        organizations=organizations,
        domains=domains,
        keywords=keywords,
        events=events,
        articles=articles,
    )
    return agreement


def make_indicator(observations=(), countries=(), **overrides):
    """A published indicator; `observations` are (year, value) pairs."""
    n = next(_seq)
    fields = {
        "slug": f"indicator-{n}",
        "name_ky": f"Көрсөткүч {n}",
        "name_ru": f"Показатель {n}",
        "name_en": f"Indicator {n}",
        "unit_ky": "млн АКШ доллары",
        "unit_ru": "млн долларов США",
        "unit_en": "USD million",
        "is_published": True,
    }
    fields.update(overrides)
    indicator = Indicator.objects.create(**fields)
    indicator.countries.set(countries)
    for year, value in observations:
        Observation.objects.create(
            indicator=indicator, year=year, value=Decimal(str(value))
        )
    return indicator


def knowledge_base():
    """A small trilingual knowledge base around one public and one draft article.

    The summit is discussed by both articles; readers may see only the public one.
    """
    from articles.models import Article
    from tests.builders import make_article, make_journal, make_keyword

    make_journal()
    article = make_article(
        title_ky="Суу-энергетика маселеси",
        title_ru="Водно-энергетический вопрос",
        title_en="The water-energy question",
    )
    draft = make_article(
        title_ky="Долбоор макала",
        title_ru="Черновик статьи",
        title_en="Draft article",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    kg, tj = make_country("KG"), make_country("TJ")
    water = make_domain(
        slug="water-energy",
        name_ky="Суу-энергетика",
        name_ru="Водно-энергетическая сфера",
        name_en="Water and energy",
        description_en="Rivers, reservoirs and power.",
    )
    sco = make_organization(
        slug="sco",
        acronym_ky="ШКУ",
        acronym_ru="ШОС",
        acronym_en="SCO",
        name_ky="Шанхай кызматташтык уюму",
        name_ru="Шанхайская организация сотрудничества",
        name_en="Shanghai Cooperation Organisation",
        members=[kg, tj],
    )
    president = make_person(
        name_ky="Алмазбек Атамбаев",
        name_ru="Алмазбек Атамбаев",
        name_en="Almazbek Atambayev",
        office_ky="Кыргыз Республикасынын Президенти",
        office_ru="Президент Кыргызской Республики",
        office_en="President of the Kyrgyz Republic",
        country=kg,
    )
    keyword = make_keyword(
        name_ky="суу ресурстары", name_ru="водные ресурсы", name_en="water resources"
    )
    summit = make_event(
        title_ky="Душанбедеги суу саммити",
        title_ru="Водный саммит в Душанбе",
        title_en="Water summit in Dushanbe",
        description_ky="Суу боюнча сүйлөшүүлөр.",
        description_ru="Переговоры о воде.",
        description_en="Talks on water.",
        place_ky="Душанбе",
        place_ru="Душанбе",
        place_en="Dushanbe",
        date=date(2009, 4, 28),
        kind=Event.Kind.SUMMIT,
        countries=[kg, tj],
        domains=[water],
        people=[president],
        organizations=[sco],
        keywords=[keyword],
        articles=[article, draft],
        source="Kabar news agency",
    )
    visit = make_event(
        title_ky="",
        title_ru="Визит только по-русски",
        title_en="",
        date=date(1992, 1, 1),
        date_precision="year",
        countries=[kg, tj],
        domains=[water],
    )
    treaty = make_agreement(
        title_ky="Суу ресурстары боюнча келишим",
        title_ru="Соглашение о водных ресурсах",
        title_en="Agreement on water resources",
        summary_en="Sharing of the rivers.",
        date=date(2009, 4, 28),
        kind=Agreement.Kind.TREATY,
        countries=[kg, tj],
        organizations=[sco],
        domains=[water],
        keywords=[keyword],
        events=[summit],
        articles=[article],
    )
    trade = make_indicator(
        slug="kg-tj-trade",
        name_ky="Соода жүгүртүү",
        name_ru="Товарооборот",
        name_en="Trade turnover",
        domain=water,
        countries=[kg, tj],
        observations=[(2019, "41.5"), (2020, "38"), (2021, "57.25")],
    )
    return SimpleNamespace(
        article=article,
        draft=draft,
        kg=kg,
        tj=tj,
        domain=water,
        organization=sco,
        person=president,
        keyword=keyword,
        summit=summit,
        visit=visit,
        treaty=treaty,
        indicator=trade,
    )


def bulk_events(n, domains=(), countries=(), **overrides):
    """`n` published events in three queries per link, for size tests (no save())."""
    start = Event.objects.count()
    events = Event.objects.bulk_create(
        Event(
            slug=f"bulk-event-{start + i}",
            title_ky=f"Окуя {start + i}",
            title_ru=f"Событие {start + i}",
            title_en=f"Event {start + i}",
            date=date(1990 + i % 35, 1 + i % 12, 1 + i % 28),
            date_precision=("day", "month", "year")[i % 3],
            kind=Event.Kind.VISIT,
            is_published=True,
            **overrides,
        )
        for i in range(n)
    )
    _bulk_link(Event.domains.through, "event", events, "domain", domains)
    _bulk_link(Event.countries.through, "event", events, "country", countries)
    return events


def bulk_agreements(n, domains=(), countries=(), **overrides):
    """`n` published agreements, like `bulk_events`."""
    start = Agreement.objects.count()
    agreements = Agreement.objects.bulk_create(
        Agreement(
            slug=f"bulk-agreement-{start + i}",
            title_en=f"Agreement {start + i}",
            date=date(1990 + i % 35, 1 + i % 12, 1 + i % 28),
            kind=Agreement.Kind.AGREEMENT,
            status=Agreement.Status.IN_FORCE,
            is_published=True,
            **overrides,
        )
        for i in range(n)
    )
    _bulk_link(Agreement.domains.through, "agreement", agreements, "domain", domains)
    _bulk_link(
        Agreement.countries.through, "agreement", agreements, "country", countries
    )
    return agreements


def _bulk_link(through, side, entries, other, targets):
    through.objects.bulk_create(
        through(**{f"{side}_id": entry.pk, f"{other}_id": target.pk})
        for entry in entries
        for target in targets
    )
