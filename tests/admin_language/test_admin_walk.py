"""Every admin page and form, as each role, in Kyrgyz and Russian.

Fails on a row named "… object (…)" and on any visible text that is the English
source string of a message catalogue in effect (the project's or an installed app's):
such text was left untranslated on a Kyrgyz or Russian page.
"""

import pytest
import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article
from articles.workflow import Role
from tests.builders import (
    add_reference,
    add_section,
    make_article,
    make_contributor,
    make_issue,
    make_keyword,
    make_staff,
)
from tests.helpers import parse
from tests.relations.builders import (
    make_agreement,
    make_country,
    make_domain,
    make_event,
    make_indicator,
    make_organization,
    make_person,
)

from .msgids import untranslated

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
    """One of everything the admin lists, so that every change form has an object."""
    issue = make_issue(published_at=None)
    keywords = [make_keyword(), make_keyword()]
    with reversion.create_revision():
        article = make_article(
            issue=issue, status=Article.Status.DRAFT, keywords=keywords[:1]
        )
        add_section(article, heading_ky="Киришүү", text_ky="Текст.")
        add_reference(article)
    with reversion.create_revision():
        article.title_ky = "Оңдолгон аталыш"
        article.save()
    single = make_article(issue=issue, status=Article.Status.ACCEPTED)
    with reversion.create_revision():
        single.save()
    make_contributor()
    kg, tj = make_country("KG"), make_country("TJ")
    domain = make_domain()
    event = make_event(countries=[kg, tj], domains=[domain], articles=[article])
    make_agreement(countries=[kg, tj], events=[event], articles=[article])
    make_organization(members=[kg])
    make_person(country=kg)
    make_indicator(observations=[(2020, 10)], countries=[kg])
    owner = make_staff(username="device-owner")
    TOTPDevice.objects.create(user=owner, name="phone", confirmed=True)
    AccessAttempt.objects.create(
        username="x", ip_address="10.0.0.1", user_agent="ua", failures_since_start=1
    )
    AccessLog.objects.create(username="x", ip_address="10.0.0.1", user_agent="ua")
    AccessFailureLog.objects.create(
        username="x", ip_address="10.0.0.1", user_agent="ua", locked_out=False
    )
    return {"article": article, "single": single, "issue": issue, "kw": keywords}


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def admin_pages(content):
    """Every changelist, add, change, history and delete page, and the special views."""
    urls = [reverse("admin:index"), reverse("admin:password_change")]
    for model in admin.site._registry:
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append(reverse("admin:app_list", args=[model._meta.app_label]))
        urls += [_url(f"{info}_changelist"), _url(f"{info}_add")]
        urls.append(_url(f"{info}_changelist") + "?_facets=True")
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            for view in ("change", "history", "delete"):
                urls.append(_url(f"{info}_{view}", obj.pk))
        urls.append(_url(f"{info}_recoverlist"))
    article, single = content["article"], content["single"]
    urls += [
        reverse("admin:articles_article_compare", args=[article.pk]),
        reverse("admin:articles_article_compare", args=[single.pk]),
        reverse("admin:articles_issue_publish", args=[content["issue"].pk]),
        reverse("admin:importer_manuscriptimport_add"),
    ]
    return list(dict.fromkeys(u for u in urls if u))


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
