"""Plain builder functions for tests: `make_article(**overrides)` and friends."""

import itertools
from datetime import date, timedelta
from types import SimpleNamespace

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
from articles.workflow import Role, publish_issue, transition

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


# --- Hidden content: the canaries of the leak tests ---------------------------

CANARY = "CANARY"
LANGUAGES = ("ky", "ru", "en")
HIDDEN_ARTICLES = (
    "draft",
    "in_review",
    "accepted",
    "scheduled",
    "in_planned_issue",
    "in_scheduled_issue",
    "withdrawn",
)
WITHDRAWAL_REASON = "Duplicate publication"


def canary_label(kind, token=CANARY):
    """The token of one kind of hidden content: `CANARY-IN-REVIEW`."""
    return f"{token}-{kind.upper().replace('_', '-')}"


def canary_texts(kind, token=CANARY, words=None, fields=("title", "abstract")):
    """Text fields in ky, ru and en, each carrying the kind's token.

    `words` (per language) are added to every text, so a canary can share the words
    of public content (search tests). Abstracts get the token plus `-ABSTRACT`, so a
    test can tell a title from an abstract.
    """
    label = canary_label(kind, token)
    words = words or {}
    texts = {}
    for code in LANGUAGES:
        extra = f" {words[code]}" if words.get(code) else ""
        for n, field in enumerate(fields):
            suffix = "" if n == 0 else f"-{field.upper()}"
            texts[f"{field}_{code}"] = f"{label}{suffix} {code}{extra}"
    return texts


def make_hidden_content(
    issue=None,
    *,
    token=CANARY,
    words=None,
    keywords=(),
    section="canary",
    domains=(),
    knowledge_base=True,
    entry_links=None,
):
    """One of every kind of content readers must not see, for the leak tests.

    Articles, each in `issue` (default: a public issue) unless said otherwise:
    draft; in review; accepted (not yet published); scheduled (published, its time
    tomorrow); published in a planned issue (no publication date); published with a
    scheduled issue (issue and article tomorrow, through `publish_issue`); withdrawn
    (published, then withdrawn through the workflow with WITHDRAWAL_REASON). With
    `knowledge_base`, an unpublished event, agreement and indicator too; the event and
    agreement are also linked through `entry_links` (countries, organizations,
    articles), the indicator to the first domain and the countries.

    Every title, abstract and the canary keyword carry `token` in ky, ru and en
    (`canary_label(kind)`), the two issues carry it in their titles, each article has
    an English PDF galley. `keywords`, `section` (default: a canary section) and
    `domains` link the canaries to public content, so that a leak shows up as a hit
    or a wrong count; the withdrawn article, which keeps a public tombstone, has
    `keywords` but neither the canary keyword nor the section. Returns a namespace:
    one attribute per kind, `articles`, `keyword`, `section`, `planned_issue`,
    `scheduled_issue`, `when` (the scheduled time), and `event`, `agreement`,
    `indicator`, `entries` for the knowledge base.
    """
    if issue is None:
        issue = Issue.objects.public().first() or make_issue(published_at=past(10))
    hidden = SimpleNamespace(when=timezone.now() + timedelta(days=1))
    hidden.keyword = make_keyword(
        **{f"name_{c}": f"{token} keyword {c}" for c in LANGUAGES}
    )
    if section == "canary":
        section = make_section(
            **{f"name_{c}": f"{token} section {c}" for c in LANGUAGES}
        )
    hidden.section = section
    manager = make_staff(Role.MANAGING_EDITOR)

    def article(kind, **fields):
        fields.setdefault("issue", issue)
        fields.setdefault("section", section)
        fields.setdefault("keywords", [hidden.keyword, *keywords])
        created = make_article(**canary_texts(kind, token, words), **fields)
        add_galley(created, "en", name=f"{token}-{kind}.pdf")
        return created

    unpublished = {"status": Article.Status.DRAFT, "published_at": None}
    hidden.draft = article("draft", **unpublished)
    hidden.in_review = transition(
        article("in_review", **unpublished), Article.Status.IN_REVIEW, by=manager
    )
    hidden.accepted = transition(
        article("accepted", status=Article.Status.IN_REVIEW, published_at=None),
        Article.Status.ACCEPTED,
        by=manager,
    )
    hidden.scheduled = article("scheduled", published_at=hidden.when)
    hidden.planned_issue = make_issue(
        journal=issue.journal,
        published_at=None,
        **canary_texts("issue_planned", token, fields=("title",)),
    )
    hidden.in_planned_issue = article("in_planned_issue", issue=hidden.planned_issue)
    hidden.scheduled_issue = make_issue(
        journal=issue.journal,
        published_at=None,
        **canary_texts("issue_tomorrow", token, fields=("title",)),
    )
    hidden.in_scheduled_issue = article(
        "in_scheduled_issue",
        issue=hidden.scheduled_issue,
        status=Article.Status.ACCEPTED,
        published_at=None,
    )
    publish_issue(hidden.scheduled_issue, by=manager, at=hidden.when)
    hidden.in_scheduled_issue.refresh_from_db()
    # A withdrawn article keeps a public tombstone (and an OAI "deleted" record), so
    # it carries the token only in its own texts, not the canary keyword or section.
    hidden.withdrawn = transition(
        article("withdrawn", section=None, keywords=list(keywords)),
        Article.Status.WITHDRAWN,
        by=manager,
        note=WITHDRAWAL_REASON,
    )
    hidden.articles = [getattr(hidden, kind) for kind in HIDDEN_ARTICLES]
    hidden.entries = []
    if knowledge_base:
        _hidden_knowledge_base(hidden, token, words, domains, keywords, entry_links)
    return hidden


def _hidden_knowledge_base(hidden, token, words, domains, keywords, entry_links):
    from tests.relations.builders import make_agreement, make_event, make_indicator

    entry_links = entry_links or {}
    links = {"domains": domains, "keywords": [hidden.keyword, *keywords], **entry_links}
    hidden.event = make_event(
        date=date(2023, 6, 1),
        is_published=False,
        **links,
        **canary_texts("event", token, words, fields=("title", "description")),
    )
    hidden.agreement = make_agreement(
        date=date(2023, 7, 1),
        is_published=False,
        **links,
        **canary_texts("agreement", token, words, fields=("title", "summary")),
    )
    hidden.indicator = make_indicator(
        slug=f"{token.lower()}-indicator",
        is_published=False,
        domain=domains[0] if domains else None,
        countries=entry_links.get("countries", ()),
        observations=[(2020, 1)],
        **canary_texts("indicator", token, fields=("name",)),
    )
    hidden.entries = [hidden.event, hidden.agreement, hidden.indicator]
