"""A small trilingual world to search, with canaries that share its words.

Every canary (each kind of hidden article of tests.builders.make_hidden_content, a
draft event, a draft agreement) carries the words, keyword, section, issue and domain
of public content, so that a leak would show up as a hit or as a wrong facet count.
"""

from datetime import date
from types import SimpleNamespace

import pytest

from tests.builders import (
    add_section,
    make_article,
    make_hidden_content,
    make_issue,
    make_journal,
    make_keyword,
    make_section,
    past,
)
from tests.relations.builders import make_agreement, make_domain, make_event


def _titles(ky, ru, en):
    return {"title_ky": ky, "title_ru": ru, "title_en": en}


@pytest.fixture
def world(db):
    make_journal()
    w = SimpleNamespace()
    w.issue_2023 = make_issue(year=2023, number="2", published_at=past(60))
    w.issue_2024 = make_issue(year=2024, number="1", published_at=past(10))
    w.politics = make_section(name_ky="Саясат", name_ru="Политика", name_en="Politics")
    w.history = make_section(name_ky="Тарых", name_ru="История", name_en="History")
    w.border = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    w.water = make_keyword(name_ky="суу", name_ru="вода", name_en="water")
    w.domain = make_domain(
        slug="border", name_ky="Чек ара", name_ru="Граница", name_en="Border"
    )
    w.title_hit = make_article(
        issue=w.issue_2023,
        section=w.politics,
        original_language="ru",
        keywords=[w.border],
        **_titles(
            "Мамлекеттер арасындагы чек ара",
            "Граница между государствами",
            "The frontier between states",
        ),
    )
    w.body_hit = make_article(
        issue=w.issue_2024,
        section=w.history,
        original_language="ru",
        keywords=[w.water],
        **_titles("Соода тарыхы", "История торговли", "A history of trade"),
    )
    add_section(
        w.body_hit,
        text_ru="Долгий спор о том, где проходит граница, мешал торговле. " * 3,
        text_en="A long dispute over where the line runs hindered trade.",
    )
    w.kyrgyz = make_article(
        issue=w.issue_2024,
        section=w.politics,
        original_language="ky",
        keywords=[w.water],
        abstract_ky="Үлкөн Өзөн суусу жана коңшу өлкөлөр жөнүндө макала.",
        **_titles(
            "Эл аралык мамилелер",
            "Международные отношения",
            "International relations",
        ),
    )
    w.unlettered = make_article(
        issue=w.issue_2024,
        section=w.history,
        original_language="ky",
        abstract_ky="Бул текст кыргыз тамгаларысыз терилген: Озон суусу, олко.",
        **_titles("Озон суусу жонундо", "О реке Озон", "On the Ozon river"),
    )
    w.english = make_article(
        issue=w.issue_2023,
        section=w.politics,
        original_language="en",
        abstract_en="The agreement on sharing water was signed in spring.",
        **_titles("Суу келишими", "Водное соглашение", "A water agreement"),
    )
    w.event = make_event(
        date=date(2023, 5, 1),
        domains=[w.domain],
        keywords=[w.border],
        **_titles(
            "Чек ара боюнча сүйлөшүүлөр",
            "Переговоры о границе",
            "Talks on the frontier",
        ),
    )
    w.agreement = make_agreement(
        date=date(2022, 3, 1),
        domains=[w.domain],
        keywords=[w.border],
        **_titles("Чек ара келишими", "Договор о линии", "Treaty on the line"),
    )
    w.public_articles = [w.title_hit, w.body_hit, w.kyrgyz, w.unlettered, w.english]
    w.canaries = canaries(w)
    return w


def canaries(w):
    """Every kind of hidden content, sharing the words, keywords, section and domain
    of public content, in every channel search reads."""
    hidden = make_hidden_content(
        w.issue_2024,
        words={
            "ky": "чек ара мамилелер",
            "ru": "граница соглашение вода",
            "en": "border agreement water",
        },
        keywords=[w.border, w.water],
        section=w.politics,
        domains=[w.domain],
    )
    return [*hidden.articles, hidden.event, hidden.agreement]
