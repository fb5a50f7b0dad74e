"""Plain builder functions for tests: `make_article(**overrides)` and friends."""

import itertools
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import (
    Article,
    ArticleSection,
    Authorship,
    Contributor,
    Galley,
    Issue,
    Journal,
    Keyword,
    Reference,
    Section,
)
from articles.workflow import Role

_seq = itertools.count(1)

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def past(days=1):
    return timezone.now() - timedelta(days=days)


def future(days=1):
    return timezone.now() + timedelta(days=days)


def make_journal(**overrides):
    fields = {
        "name_ky": "Эл аралык мамилелер журналы",
        "name_ru": "Журнал международных отношений",
        "name_en": "Journal of International Relations",
        "issn_print": "1694-5344",
    }
    fields.update(overrides)
    return Journal.objects.create(**fields)


def make_issue(journal=None, **overrides):
    n = next(_seq)
    fields = {
        "journal": journal or Journal.objects.first() or make_journal(),
        "year": 2024,
        "number": f"{n}/1",
        "published_at": past(),
    }
    fields.update(overrides)
    return Issue.objects.create(**fields)


def make_section(**overrides):
    n = next(_seq)
    fields = {
        "name_ky": f"Бөлүм {n}",
        "name_ru": f"Раздел {n}",
        "name_en": f"Section {n}",
    }
    fields.update(overrides)
    return Section.objects.create(**fields)


def make_contributor(**overrides):
    n = next(_seq)
    fields = {
        "last_name_ky": f"Асанов{n}",
        "first_name_ky": "Бакыт",
        "last_name_ru": f"Асанов{n}",
        "first_name_ru": "Бакыт",
        "last_name_en": f"Asanov{n}",
        "first_name_en": "Bakyt",
        "affiliation_ru": "Кыргызский национальный университет",
    }
    fields.update(overrides)
    return Contributor.objects.create(**fields)


def make_keyword(**overrides):
    n = next(_seq)
    fields = {"name_ky": f"ачкыч {n}", "name_ru": f"ключ {n}", "name_en": f"key {n}"}
    fields.update(overrides)
    keyword = Keyword(**fields)
    keyword.save()
    return keyword


def make_article(issue="default", authors=1, keywords=(), **overrides):
    """A public article by default; pass status/published_at/issue to change that."""
    n = next(_seq)
    if issue == "default":
        issue = Issue.objects.public().first() or make_issue()
    fields = {
        "issue": issue,
        "title_ky": f"Макала {n}",
        "title_ru": f"Статья {n}",
        "title_en": f"Article {n}",
        "abstract_ky": "Кыскача мазмуну.",
        "abstract_ru": "Аннотация статьи.",
        "abstract_en": "The abstract.",
        "status": Article.Status.PUBLISHED,
        "published_at": past(),
        "first_page": n,
        "last_page": n + 5,
    }
    fields.update(overrides)
    article = Article.objects.create(**fields)
    for i in range(authors):
        Authorship.objects.create(
            article=article, contributor=make_contributor(), order=i
        )
    if keywords:
        article.keywords.set(list(keywords))
    return article


def add_section(article, order=0, **texts):
    return ArticleSection.objects.create(article=article, order=order, **texts)


def add_reference(article, order=0, text="Reference.", **fields):
    return Reference.objects.create(article=article, order=order, text=text, **fields)


def add_galley(article, language="ky", name="article.pdf", content=MINIMAL_PDF):
    galley = Galley(article=article, language=language)
    galley.file.save(name, ContentFile(content), save=False)
    galley.original_name = name
    galley.save()
    return galley


# --- Staff --------------------------------------------------------------------

STAFF_PASSWORD = "x-long-password-1"


def make_staff(role=None, **fields):
    """A staff user in the workflow group `role` (the groups come from `migrate`).

    `role=None` gives a staff user in no group; pass `is_active=False` for an inactive
    one, `username`, `password` or `email` to choose them.
    """
    n = next(_seq)
    fields.setdefault("username", f"{role or 'staff'}-{n}")
    fields.setdefault("email", f"{fields['username']}@example.org")
    fields.setdefault("password", STAFF_PASSWORD)
    fields.setdefault("is_staff", True)
    user = User.objects.create_user(**fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_inactive_staff(role=Role.MANAGING_EDITOR, **fields):
    """A user who once had `role` and can no longer sign in."""
    return make_staff(role, is_active=False, **fields)
