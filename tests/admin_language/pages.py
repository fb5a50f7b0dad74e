"""One of everything the admin lists, and the address of every admin page."""

import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article
from tests.builders import (
    add_reference,
    add_section,
    make_article,
    make_contributor,
    make_issue,
    make_keyword,
    make_staff,
)
from tests.relations.builders import (
    make_agreement,
    make_country,
    make_domain,
    make_event,
    make_indicator,
    make_organization,
    make_person,
)


def make_admin_content():
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
