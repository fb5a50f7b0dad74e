"""The knowledge base in the editors' admin, in each of its three languages."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from relations.models import Agreement, Event, Indicator, Observation
from tests.admin_forms import admin_form_data
from tests.builders import make_article, make_keyword
from tests.helpers import parse
from tests.relations import builders
from tests.relations.builders import make_agreement, make_event

pytestmark = pytest.mark.django_db

LANGUAGES = ["ky", "ru", "en"]


def admin_url(lang, path):
    return f"/{lang}/admin/{path}"


def event_data(response, **fields):
    data = admin_form_data(response)
    data.update(
        title_ky="Суу саммити",
        title_ru="Водный саммит",
        title_en="Water summit",
        kind="summit",
    )
    data.update(fields)
    return data


def when_errors(response):
    return response.context["adminform"].form.errors


# --- adding an event ---


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "typed, stored, precision",
    [
        ("2007-09", date(2007, 9, 1), "month"),
        ("28.04.2009", date(2009, 4, 28), "day"),
        ("1992", date(1992, 1, 1), "year"),
        ("09.2007", date(2007, 9, 1), "month"),
    ],
)
def test_add_event_with_a_date_at_its_precision(
    admin_client, lang, typed, stored, precision
):
    url = admin_url(lang, "relations/event/add/")
    page = admin_client.get(url)
    assert page.status_code == 200
    assert parse(page).find("html").attrs["lang"] == lang

    response = admin_client.post(url, event_data(page, when=typed))

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.date, event.date_precision) == (stored, precision)
    assert (event.title_ky, event.title_ru, event.title_en) == (
        "Суу саммити",
        "Водный саммит",
        "Water summit",
    )
    assert event.slug == f"{stored.year}-water-summit"
    assert event.end_date is None
    assert not event.is_published


def test_add_event_with_an_end_date(admin_client):
    url = admin_url("en", "relations/event/add/")
    data = event_data(admin_client.get(url), when="2007-09", until="2007-09-30")
    assert admin_client.post(url, data).status_code == 302
    event = Event.objects.get()
    assert (event.end_date, event.end_precision) == (date(2007, 9, 30), "day")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("typed", ["2009-13", "2009-02-30", "abc", "20077", ""])
def test_bad_date_is_a_form_error(admin_client, lang, typed):
    url = admin_url(lang, "relations/event/add/")
    response = admin_client.post(url, event_data(admin_client.get(url), when=typed))
    assert response.status_code == 200
    assert "when" in when_errors(response)
    field = parse(response).find(class_="field-when")
    assert field.find("ul", class_="errorlist").text
    assert not Event.objects.exists()


def test_bad_date_message_says_what_to_type(admin_client):
    url = admin_url("en", "relations/event/add/")
    response = admin_client.post(url, event_data(admin_client.get(url), when="2009-13"))
    assert when_errors(response)["when"] == [
        "Enter a year, a month or a day: 2007, 2007-09 or 2009-04-28."
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "when, until",
    [
        ("2009-04-28", "2009-04-27"),
        ("2009", "2008"),
        ("2009-04", "2009-03-31"),
        # The end is stored as 2009-04-01, before the start: refused, not a 500.
        ("2009-04-28", "2009-04"),
    ],
)
def test_end_before_start_is_a_form_error(admin_client, lang, when, until):
    url = admin_url(lang, "relations/event/add/")
    data = event_data(admin_client.get(url), when=when, until=until)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "until" in when_errors(response)
    assert not Event.objects.exists()


def test_end_in_the_month_of_a_month_start_is_accepted(admin_client):
    url = admin_url("en", "relations/event/add/")
    data = event_data(admin_client.get(url), when="2009-04", until="2009-04")
    assert admin_client.post(url, data).status_code == 302
    event = Event.objects.get()
    assert (event.end_date, event.end_precision) == (date(2009, 4, 1), "month")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_change_form_shows_dates_as_typed(admin_client, lang):
    event = make_event(
        date=date(2007, 9, 1),
        date_precision="month",
        end_date=date(2008, 1, 1),
        end_precision="year",
    )
    page = admin_client.get(admin_url(lang, f"relations/event/{event.pk}/change/"))
    form = parse(page).find("form", id="event_form")
    assert form.find("input", name="when").attrs["value"] == "2007-09"
    assert form.find("input", name="until").attrs["value"] == "2008"


@pytest.mark.parametrize(
    "when, until",
    [("2010", "2009"), ("2009-13", "2009"), ("2010", "2009-13"), ("", "2009")],
)
def test_bad_dates_on_the_change_form_are_form_errors(admin_client, when, until):
    """The event already has an end; a bad change must not reach the database."""
    event = make_event(
        date=date(2007, 9, 1),
        date_precision="month",
        end_date=date(2008, 1, 1),
        end_precision="year",
    )
    url = admin_url("en", f"relations/event/{event.pk}/change/")
    data = admin_form_data(admin_client.get(url))
    data.update(when=when, until=until)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert when_errors(response)
    event.refresh_from_db()
    assert (event.date, event.end_date) == (date(2007, 9, 1), date(2008, 1, 1))


def test_change_form_saves_unchanged(admin_client):
    event = make_event(date=date(2007, 9, 1), date_precision="month", title_en="Kept")
    url = admin_url("en", f"relations/event/{event.pk}/change/")
    data = admin_form_data(admin_client.get(url))
    assert admin_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert (event.date, event.date_precision, event.title_en) == (
        date(2007, 9, 1),
        "month",
        "Kept",
    )


def test_agreement_form_takes_dates_the_same_way(admin_client):
    url = admin_url("ru", "relations/agreement/add/")
    data = admin_form_data(admin_client.get(url))
    data.update(
        title_ru="Договор о границе",
        kind="treaty",
        status="in_force",
        when="05.2002",
        until="2012",
    )
    assert admin_client.post(url, data).status_code == 302
    agreement = Agreement.objects.get()
    assert (agreement.date, agreement.date_precision) == (date(2002, 5, 1), "month")
    assert (agreement.end_date, agreement.end_precision) == (date(2012, 1, 1), "year")
    assert agreement.slug == "2002-dogovor-o-granitse"


# --- keywords and articles ---


@pytest.mark.parametrize("model", ["event", "agreement"])
def test_keywords_field_is_an_autocomplete(admin_client, model):
    doc = parse(admin_client.get(admin_url("en", f"relations/{model}/add/")))
    select = doc.find("select", name="keywords")
    assert "admin-autocomplete" in select.classes
    assert "multiple" in select.attrs
    assert select.attrs["data-ajax--url"] == "/en/admin/autocomplete/"
    assert select.attrs["data-model-name"] == model


def test_keywords_autocomplete_finds_a_keyword_by_all_its_labels(admin_client):
    keyword = make_keyword(name_en="water resources")
    response = admin_client.get(
        "/en/admin/autocomplete/",
        {
            "term": "water",
            "app_label": "relations",
            "model_name": "event",
            "field_name": "keywords",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [
        f"{keyword.name_ky} / {keyword.name_ru} / water resources"
    ]


def test_event_form_saves_keywords_and_articles(admin_client):
    keyword = make_keyword(name_en="water")
    article = make_article(title_en="On water")
    url = admin_url("en", "relations/event/add/")
    data = event_data(
        admin_client.get(url),
        when="2009",
        keywords=[str(keyword.pk)],
        articles=[str(article.pk)],
    )
    assert admin_client.post(url, data).status_code == 302
    event = Event.objects.get()
    assert list(event.keywords.all()) == [keyword]
    assert list(article.events.all()) == [event]


def article_change_url(article, lang="en"):
    return admin_url(lang, f"articles/article/{article.pk}/change/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_form_has_inlines_for_events_and_agreements(admin_client, lang):
    article = make_article()
    event = make_event(articles=[article])
    make_agreement(articles=[article])
    page = admin_client.get(article_change_url(article, lang))
    assert page.status_code == 200
    inlines = {
        inline.formset.model._meta.model_name: inline.formset
        for inline in page.context["inline_admin_formsets"]
    }
    assert inlines["event_articles"].initial_form_count() == 1
    assert inlines["agreement_articles"].initial_form_count() == 1
    doc = parse(page)
    (chosen,) = [
        select
        for select in doc.find_all("select")
        if select.attrs.get("name", "").endswith("-0-event")
    ]
    assert chosen.find("option", selected="").attrs["value"] == str(event.pk)


def test_saving_the_article_form_links_a_new_event(admin_client):
    article = make_article()
    old = make_event(articles=[article])
    new = make_event()
    url = article_change_url(article)
    data = admin_form_data(admin_client.get(url))
    prefix = next(k for k in data if k.endswith("-0-event")).removesuffix("-0-event")
    data[f"{prefix}-TOTAL_FORMS"] = 2
    data[f"{prefix}-1-event"] = new.pk
    data[f"{prefix}-1-article"] = article.pk
    assert admin_client.post(url, data).status_code == 302
    assert set(article.events.all()) == {old, new}
    assert list(new.articles.all()) == [article]


def test_article_form_links_an_agreement(admin_client):
    article = make_article()
    agreement = make_agreement()
    url = article_change_url(article)
    page = admin_client.get(url)
    data = admin_form_data(page)
    prefix = next(
        inline.formset.prefix
        for inline in page.context["inline_admin_formsets"]
        if inline.formset.model._meta.model_name == "agreement_articles"
    )
    data[f"{prefix}-TOTAL_FORMS"] = 1
    data[f"{prefix}-0-agreement"] = agreement.pk
    data[f"{prefix}-0-article"] = article.pk
    assert admin_client.post(url, data).status_code == 302
    assert list(agreement.articles.all()) == [article]


# --- changelist actions ---


@pytest.mark.parametrize("model", ["event", "agreement", "indicator"])
def test_publish_and_unpublish_actions(admin_client, model):
    make = getattr(builders, f"make_{model}")
    drafts = [make(is_published=False) for _ in range(2)]
    other = make(is_published=False)
    url = admin_url("en", f"relations/{model}/")
    selected = [d.pk for d in drafts]

    response = admin_client.post(
        url, {"action": "publish", "_selected_action": selected}, follow=True
    )
    assert "2 entries published." in response.content.decode()
    assert [type(d).objects.get(pk=d.pk).is_published for d in drafts] == [True, True]
    assert not type(other).objects.get(pk=other.pk).is_published

    admin_client.post(url, {"action": "unpublish", "_selected_action": selected[:1]})
    assert [type(d).objects.get(pk=d.pk).is_published for d in drafts] == [
        False,
        True,
    ]


def test_a_user_who_may_only_view_events_cannot_publish_them():
    user = User.objects.create_user(
        "viewer", password="x-long-password-1", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="view_event"))
    client = Client()
    client.force_login(user)
    event = make_event(is_published=False)
    changelist = client.get("/en/admin/relations/event/")
    assert changelist.status_code == 200
    assert b'value="publish"' not in changelist.content
    client.post(
        "/en/admin/relations/event/",
        {"action": "publish", "_selected_action": [event.pk]},
    )
    event.refresh_from_db()
    assert not event.is_published


# --- indicators ---


def test_indicator_with_observations_saves(admin_client):
    url = admin_url("en", "relations/indicator/add/")
    data = admin_form_data(admin_client.get(url))
    data.update(
        {
            "slug": "trade",
            "name_en": "Trade turnover",
            "is_published": "on",
            "observations-TOTAL_FORMS": 2,
            "observations-0-year": 2020,
            "observations-0-value": "41.5",
            "observations-0-source": "National Statistical Committee",
            "observations-0-source_language": "en",
            "observations-1-year": 2021,
            "observations-1-value": "57",
            "observations-1-source_language": "en",
        }
    )
    assert admin_client.post(url, data).status_code == 302
    indicator = Indicator.objects.get()
    assert [(o.year, o.value) for o in indicator.observations.order_by("year")] == [
        (2020, Decimal("41.5")),
        (2021, Decimal("57")),
    ]


def test_two_observations_of_one_year_are_a_form_error(admin_client):
    url = admin_url("en", "relations/indicator/add/")
    data = admin_form_data(admin_client.get(url))
    data.update(
        {
            "slug": "trade",
            "name_en": "Trade",
            "observations-TOTAL_FORMS": 2,
            "observations-0-year": 2020,
            "observations-0-value": "1",
            "observations-1-year": 2020,
            "observations-1-value": "2",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not Indicator.objects.exists()
    assert not Observation.objects.exists()
