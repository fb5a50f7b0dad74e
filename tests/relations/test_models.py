"""Knowledge-base rows: slugs, database constraints and partial dates."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from relations.dates import PartialDate, parse_partial_date
from relations.models import Agreement, Event, Observation
from tests.relations.builders import make_agreement, make_event, make_indicator

pytestmark = pytest.mark.django_db


# --- slugs ---


def test_event_slug_is_ascii_from_year_and_title():
    event = make_event(
        title_en="Border talks in Batken", date=date(2021, 4, 28), title_ru="Переговоры"
    )
    assert event.slug == "2021-border-talks-in-batken"


@pytest.mark.parametrize("model_builder", [make_event, make_agreement])
def test_cyrillic_only_title_gives_a_transliterated_ascii_slug(model_builder):
    entry = model_builder(
        title_en="",
        title_ru="",
        title_ky="Чек ара боюнча келишим",
        date=date(2009, 1, 5),
    )
    assert entry.slug == "2009-chek-ara-boyuncha-kelishim"
    assert entry.slug.isascii()


@pytest.mark.parametrize("model_builder", [make_event, make_agreement])
def test_same_year_and_title_get_distinct_slugs(model_builder):
    fields = {"title_en": "Water summit", "date": date(2012, 5, 1)}
    slugs = [model_builder(**fields).slug for _ in range(3)]
    assert slugs == ["2012-water-summit", "2012-water-summit-2", "2012-water-summit-3"]


def test_slug_is_kept_when_the_title_changes():
    event = make_event(title_en="First name", date=date(2015, 1, 1))
    event.title_en = "Second name"
    event.save()
    event.refresh_from_db()
    assert event.slug == "2015-first-name"


# --- database constraints ---


def _refused(model, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**fields)


EVENT = {"title_en": "E", "date": date(2010, 5, 1), "kind": "visit"}
AGREEMENT = {**EVENT, "kind": "treaty", "status": "signed"}


@pytest.mark.parametrize(
    "model, fields",
    [
        (Event, {**EVENT, "end_date": date(2010, 4, 30)}),
        (Agreement, {**AGREEMENT, "end_date": date(2009, 12, 31)}),
        (Event, {**EVENT, "kind": "war"}),
        (Event, {**EVENT, "date_precision": "week"}),
        (Event, {**EVENT, "end_date": date(2011, 1, 1), "end_precision": "week"}),
        (Agreement, {**AGREEMENT, "kind": "contract"}),
        (Agreement, {**AGREEMENT, "status": "pending"}),
    ],
    ids=[
        "event-end-before-start",
        "agreement-end-before-start",
        "event-kind",
        "event-precision",
        "event-end-precision",
        "agreement-kind",
        "agreement-status",
    ],
)
def test_database_refuses_invalid_rows(model, fields):
    _refused(model, **fields)
    assert not model.objects.exists()


@pytest.mark.parametrize("model, fields", [(Event, EVENT), (Agreement, AGREEMENT)])
def test_database_accepts_an_end_on_the_start_day(model, fields):
    model.objects.create(**fields, end_date=fields["date"])
    assert model.objects.count() == 1


def test_one_observation_per_indicator_and_year():
    indicator = make_indicator(observations=[(2020, 10)])
    other = make_indicator(observations=[(2020, 5)])
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.create(indicator=indicator, year=2020, value=11)
    assert indicator.observations.get().value == 10
    assert other.observations.count() == 1


# --- Dated.clean ---


def _dated(start, start_precision, end, end_precision):
    return Event(
        title_en="E",
        kind="visit",
        date=start,
        date_precision=start_precision,
        end_date=end,
        end_precision=end_precision,
    )


def test_clean_refuses_an_end_before_the_start():
    event = _dated(date(2010, 5, 10), "day", date(2010, 5, 9), "day")
    with pytest.raises(ValidationError) as caught:
        event.clean()
    assert "end_date" in caught.value.message_dict


@pytest.mark.parametrize(
    "end, end_precision",
    [
        (date(2007, 9, 1), "month"),  # "September 2007 – September 2007"
        (date(2007, 9, 1), "day"),
        (date(2007, 9, 30), "day"),
    ],
)
def test_clean_accepts_an_end_in_the_month_of_a_month_precision_start(
    end, end_precision
):
    _dated(date(2007, 9, 1), "month", end, end_precision).clean()


def test_clean_refuses_a_coarse_end_that_the_database_would_refuse():
    """'20 September 2007 – September 2007' would be stored as an end on the 1st."""
    event = _dated(date(2007, 9, 20), "day", date(2007, 9, 1), "month")
    with pytest.raises(ValidationError):
        event.clean()


def test_clean_accepts_no_end():
    _dated(date(2007, 9, 1), "month", None, "day").clean()


# --- partial dates ---


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("2007", date(2007, 1, 1), "year"),
        ("2007-09", date(2007, 9, 1), "month"),
        ("09.2007", date(2007, 9, 1), "month"),
        ("2009-04-28", date(2009, 4, 28), "day"),
        ("28.04.2009", date(2009, 4, 28), "day"),
        (" 2007-9 ", date(2007, 9, 1), "month"),
    ],
)
def test_parse_partial_date(text, value, precision):
    assert parse_partial_date(text) == PartialDate(value, precision)


@pytest.mark.parametrize(
    "text",
    ["2009-02-30", "2009-13", "13.2009", "abc", "", None, "20077", "2009-04-28x"],
)
def test_parse_partial_date_refuses(text):
    with pytest.raises(ValueError):
        parse_partial_date(text)


@pytest.mark.parametrize(
    "precision, first, last",
    [
        ("year", date(2008, 1, 1), date(2008, 12, 31)),
        ("month", date(2008, 2, 1), date(2008, 2, 29)),
        ("day", date(2008, 2, 1), date(2008, 2, 1)),
    ],
)
def test_partial_date_spans_its_period(precision, first, last):
    value = PartialDate(first, precision)
    assert (value.first_day(), value.last_day()) == (first, last)
