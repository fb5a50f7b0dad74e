"""Who may open which knowledge-base admin page, per editorial role."""

import pytest
from django.test import Client

from articles.workflow import Role
from relations.models import Event
from tests.builders import make_staff
from tests.relations.builders import (
    country,
    make_agreement,
    make_domain,
    make_event,
    make_indicator,
    make_organization,
    make_person,
)

pytestmark = pytest.mark.django_db

ANON, EDITOR, TRANSLATOR, MANAGER, SITE_ADMIN = (
    "anonymous",
    Role.EDITOR,
    Role.TRANSLATOR,
    Role.MANAGING_EDITOR,
    Role.SITE_ADMIN,
)
WHO = [ANON, EDITOR, TRANSLATOR, MANAGER, SITE_ADMIN]
LOGIN = 302

LIST = [LOGIN, 200, 200, 200, 200]
ADD = [LOGIN, 200, 403, 200, 200]
CHANGE = [LOGIN, 200, 200, 200, 200]
DELETE = [LOGIN, 403, 403, 200, 200]

MODELS = ["event", "agreement", "indicator", "country", "domain", "organization"]
MODELS += ["person"]


def matrix():
    rows = {"/en/admin/relations/": LIST}
    for model in MODELS:
        base = f"/en/admin/relations/{model}/"
        rows[base] = LIST
        rows[f"{base}add/"] = ADD
        rows[f"{base}{{{model}}}/change/"] = CHANGE
        rows[f"{base}{{{model}}}/delete/"] = DELETE
    return rows


def client_for(who):
    client = Client()
    if who == ANON:
        return client
    client.force_login(make_staff(who))
    return client


@pytest.fixture
def entries():
    return {
        "event": make_event().pk,
        "agreement": make_agreement().pk,
        "indicator": make_indicator().pk,
        "country": country("KG").pk,
        "domain": make_domain().pk,
        "organization": make_organization().pk,
        "person": make_person().pk,
    }


@pytest.mark.parametrize("who", WHO)
def test_permission_matrix(who, entries):
    client = client_for(who)
    failures = []
    for template, expected in matrix().items():
        url = template.format(**entries)
        response = client.get(url)
        want = expected[WHO.index(who)]
        if response.status_code != want:
            failures.append(f"{url}: {response.status_code}, expected {want}")
        elif want == LOGIN:
            assert response["Location"].startswith("/en/admin/login/?next=")
    assert not failures


def test_editor_adds_an_event_and_translator_may_not():
    editor, translator = client_for(EDITOR), client_for(TRANSLATOR)
    data = {
        "title_en": "Editor's event",
        "when": "2007-09",
        "kind": "visit",
        "source_language": "en",
    }
    assert editor.post("/en/admin/relations/event/add/", data).status_code == 302
    assert translator.post("/en/admin/relations/event/add/", data).status_code == 403
    assert list(Event.objects.values_list("title_en", flat=True)) == ["Editor's event"]


def test_translator_changes_a_title_but_may_not_delete():
    event = make_event(title_ru="Старое название")
    translator = client_for(TRANSLATOR)
    url = f"/en/admin/relations/event/{event.pk}/"
    data = {
        "title_ru": "Новое название",
        "title_en": event.title_en,
        "title_ky": event.title_ky,
        "when": event.when.iso(),
        "kind": event.kind,
        "is_published": "on",
    }
    assert translator.post(f"{url}change/", data).status_code == 302
    event.refresh_from_db()
    assert event.title_ru == "Новое название"
    assert translator.post(f"{url}delete/", {"post": "yes"}).status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()


def test_managing_editor_deletes_an_event():
    event = make_event()
    manager = client_for(MANAGER)
    url = f"/en/admin/relations/event/{event.pk}/delete/"
    assert manager.post(url, {"post": "yes"}).status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


@pytest.mark.parametrize("who", [EDITOR, TRANSLATOR])
def test_roles_without_delete_cannot_bulk_delete_events(who):
    event = make_event()
    client_for(who).post(
        "/en/admin/relations/event/",
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert Event.objects.filter(pk=event.pk).exists()
