"""Every admin page and form, as each role, in Kyrgyz and Russian.

Fails on a row named "… object (…)" and on any visible text that is the English
source string of a message catalogue in effect (the project's or an installed app's):
such text was left untranslated on a Kyrgyz or Russian page.
"""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation

from articles.workflow import Role
from tests.builders import make_staff
from tests.helpers import parse

from .msgids import untranslated
from .pages import admin_pages, make_admin_content

pytestmark = pytest.mark.django_db

ROLES = [
    Role.EDITOR,
    Role.TRANSLATOR,
    Role.MANAGING_EDITOR,
    Role.SITE_ADMIN,
    "superuser",
]
LANGUAGES = ["ky", "ru"]
HIDDEN = {"script", "style", "template", "noscript"}


def visible_texts(response):
    """Text nodes, button labels and placeholders: what a reader of the page sees."""
    texts = []

    def walk(element):
        if element.tag in HIDDEN:
            return
        if element.tag == "input" and element.attrs.get("type") in ("submit", "button"):
            texts.append(element.attrs.get("value", ""))
        if element.attrs.get("placeholder"):
            texts.append(element.attrs["placeholder"])
        for child in element.children:
            if isinstance(child, str):
                if child.strip():
                    texts.append(child)
            else:
                walk(child)

    walk(parse(response))
    return texts


@pytest.fixture
def content():
    return make_admin_content()


def problems_on(response):
    texts = visible_texts(response)
    found = [f"“{t.strip()}”" for t in texts if "object (" in t]
    found += [f"untranslated “{t}”" for t in untranslated(texts)]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_speaks_the_language(client, content, role, lang):
    if role == "superuser":
        client.force_login(User.objects.create_superuser("root", "r@example.org", "pw"))
    else:
        client.force_login(make_staff(role))
    problems, seen = {}, 0
    with translation.override(lang):
        pages = admin_pages(content)
    for url in pages:
        response = client.get(url)
        if response.status_code != 200:
            continue
        seen += 1
        if found := problems_on(response):
            problems[url] = found
    merge = client.post(
        f"/{lang}/admin/articles/keyword/",
        {"action": "merge_selected", "_selected_action": [k.pk for k in content["kw"]]},
    )
    if merge.status_code == 200:
        seen += 1
        if found := problems_on(merge):
            problems["keyword merge"] = found
    # Every role reaches at least the article list and form.
    assert seen >= 10
    assert not problems, "\n".join(f"{u}: {', '.join(p)}" for u, p in problems.items())


def test_the_walk_notices_english_and_object_names(client, content):
    """The check itself: Django's untranslated English and a nameless row are caught."""
    client.force_login(User.objects.create_superuser("root", "r@example.org", "pw"))
    with translation.override("en"):
        response = client.get(reverse("admin:articles_article_changelist"))
    assert any("untranslated" in p for p in problems_on(response))
    assert untranslated(["Event_articles object (14)", "Show counts"]) == [
        "Show counts"
    ]
