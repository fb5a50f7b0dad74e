"""Editorial integrity, tested as a hostile staff user of each role would.

Every expectation below is written out here, independently of the tables the code reads
(articles/roles.py, articles/workflow.py): changing who may do what in the code fails
these tests until they are changed too. Outcomes are checked in the database after the
request, not only by the status code.
"""

import pytest
import reversion
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Issue, Keyword, StatusChange
from articles.roles import CAPABILITIES
from articles.workflow import TRANSITIONS, Role, transition
from relations.models import Event
from tests.admin_forms import admin_form_data
from tests.builders import (
    make_article,
    make_inactive_staff,
    make_issue,
    make_keyword,
    make_staff,
)
from tests.relations.builders import make_event

pytestmark = pytest.mark.django_db

S = Article.Status
EDITOR, TRANSLATOR, MANAGER, SITE_ADMIN = (
    Role.EDITOR,
    Role.TRANSLATOR,
    Role.MANAGING_EDITOR,
    Role.SITE_ADMIN,
)
ANON, STAFF, INACTIVE = "anonymous", "staff-without-role", "inactive"
SUPER = "superuser"
WHO = [ANON, STAFF, INACTIVE, EDITOR, TRANSLATOR, MANAGER, SITE_ADMIN, SUPER]
EDITORS = {EDITOR, MANAGER, SITE_ADMIN, SUPER}
MANAGERS = {MANAGER, SITE_ADMIN, SUPER}

# Who may use each special view or action.
EXPECTED_CAPABILITIES = {
    "publish_issue": MANAGERS,
    "publish_knowledge_base": MANAGERS,
    "merge_keywords": MANAGERS,
    "restore_revision": EDITORS,
    "recover_deleted": MANAGERS,
    "import_manuscript": EDITORS,
    "manage_users": {SITE_ADMIN, SUPER},
}

# Every workflow move and who may make it; any other (from, to) pair is refused.
EXPECTED_MOVES = {
    (S.DRAFT, S.IN_REVIEW): EDITORS,
    (S.REVISIONS_REQUESTED, S.IN_REVIEW): EDITORS,
    (S.IN_REVIEW, S.REVISIONS_REQUESTED): MANAGERS,
    (S.IN_REVIEW, S.ACCEPTED): MANAGERS,
    (S.ACCEPTED, S.REVISIONS_REQUESTED): MANAGERS,
    (S.ACCEPTED, S.PUBLISHED): MANAGERS,
    (S.PUBLISHED, S.WITHDRAWN): MANAGERS,
}


def user_for(who, **fields):
    """The user behind each column of the tables above (None: not signed in)."""
    if who == ANON:
        return None
    if who == INACTIVE:
        return make_inactive_staff(Role.SITE_ADMIN, **fields)
    if who == SUPER:
        return make_staff(is_superuser=True, **fields)
    return make_staff(who if who in Role.LABELS else None, **fields)


def client_for(who):
    client = Client()
    user = user_for(who)
    if user is not None:
        client.force_login(user)
    return client, user


def admin_url(obj, view="change"):
    return f"/en/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/{view}/"


def saved_revision(obj, user=None, **fields):
    """Change `obj` and keep a revision of it, as a save in the admin does."""
    with reversion.create_revision():
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
        reversion.set_user(user)
    return Version.objects.get_for_object(obj).first()


def published_article(**fields):
    """An article that went draft → review → accepted → published by the workflow."""
    manager = user_for(MANAGER)
    issue = make_issue(published_at=None)
    article = make_article(issue=issue, status=S.DRAFT, published_at=None, **fields)
    draft_version = saved_revision(article, title_en="Draft title")
    for to in (S.IN_REVIEW, S.ACCEPTED):
        transition(article, to, by=manager)
    Issue.objects.filter(pk=issue.pk).update(published_at=timezone.now())
    transition(article, S.PUBLISHED, by=manager)
    article.refresh_from_db()
    return article, draft_version


def test_every_capability_and_move_has_a_written_expectation():
    assert set(CAPABILITIES) == set(EXPECTED_CAPABILITIES)
    assert set(TRANSITIONS) == set(EXPECTED_MOVES)


@pytest.mark.parametrize("who", WHO)
def test_every_workflow_move_for_every_role(who):
    """All (from, to) pairs: allowed moves happen with one log row; others change
    nothing."""
    user = user_for(who)
    failures = []
    for frm in S.values:
        for to in S.values:
            issue = make_issue(published_at=timezone.now())
            article = make_article(issue=issue, status=frm, published_at=None)
            allowed = who in EXPECTED_MOVES.get((frm, to), set())
            try:
                transition(article, to, by=user, note="a comment")
            except Exception:  # noqa: S110 - refused moves are checked below
                pass
            article.refresh_from_db()
            moved = article.status == to and frm != to
            logged = StatusChange.objects.filter(article=article).count()
            if (moved, logged) != ((True, 1) if allowed else (False, 0)):
                failures.append(f"{frm}→{to}: status {article.status}, {logged} log")
    assert not failures


def merge_through_the_list(client, keep, drop):
    """The keyword list's merge action, confirmed with `keep` as the one to keep."""
    client.post(
        "/en/admin/articles/keyword/",
        {
            "action": "merge_selected",
            "_selected_action": [keep.pk, drop.pk],
            "confirm": "1",
            "target": keep.pk,
        },
    )


def exercise(capability, client, user):
    """Use `capability` through its real admin URL; return whether it took effect
    (read from the database)."""
    if capability == "publish_issue":
        issue = make_issue(published_at=None)
        make_article(issue=issue, status=S.ACCEPTED, published_at=None)
        client.post(
            admin_url(issue, "publish"),
            {"publish_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")},
        )
        return Issue.objects.get(pk=issue.pk).published_at is not None
    if capability == "publish_knowledge_base":
        event = make_event(is_published=False)
        client.post(
            "/en/admin/relations/event/",
            {"action": "publish", "_selected_action": [event.pk]},
        )
        return Event.objects.get(pk=event.pk).is_published
    if capability == "merge_keywords":
        keep, drop = make_keyword(), make_keyword(name_ky="", name_en="")
        article = make_article(keywords=[drop])
        merge_through_the_list(client, keep, drop)
        merged = not Keyword.objects.filter(pk=drop.pk).exists()
        assert merged == (list(article.keywords.all()) == [keep])
        return merged
    if capability == "restore_revision":
        article = make_article(issue=None, status=S.DRAFT, published_at=None)
        old = saved_revision(article, title_en="Old title")
        saved_revision(article, title_en="New title")
        url = f"/en/admin/articles/article/{article.pk}/history/{old.pk}/"
        page = client.get(url)
        if page.status_code == 200:
            client.post(url, admin_form_data(page))
        return Article.objects.get(pk=article.pk).title_en == "Old title"
    if capability == "recover_deleted":
        article = make_article(issue=None, status=S.DRAFT, published_at=None)
        version = saved_revision(article, title_en="Deleted by mistake")
        pk = article.pk
        article.delete()
        url = f"/en/admin/articles/article/recover/{version.pk}/"
        page = client.get(url)
        if page.status_code == 200:
            client.post(url, admin_form_data(page))
        return Article.objects.filter(pk=pk).exists()
    if capability == "import_manuscript":
        page = client.get("/en/admin/importer/manuscriptimport/add/")
        return page.status_code == 200 and b'type="file"' in page.content
    if capability == "manage_users":
        client.post(
            "/en/admin/auth/user/add/",
            {
                "username": "newcomer",
                "password1": "a-long-password-2026",
                "password2": "a-long-password-2026",
                "usable_password": "true",
            },
        )
        return User.objects.filter(username="newcomer").exists()
    raise AssertionError(f"no exercise for {capability}")


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("capability", sorted(EXPECTED_CAPABILITIES))
def test_every_special_view_and_action_for_every_role(capability, who):
    client, user = client_for(who)
    assert exercise(capability, client, user) == (
        who in EXPECTED_CAPABILITIES[capability]
    )


# 1. Restoring a revision: content only, after the permission check.


def test_editor_cannot_turn_a_published_article_back_into_a_draft_by_restoring():
    article, draft_version = published_article()
    log_rows = StatusChange.objects.filter(article=article).count()
    client, _ = client_for(EDITOR)
    url = f"/en/admin/articles/article/{article.pk}/history/{draft_version.pk}/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"title_en": "Draft title"}).status_code == 403
    after = Article.objects.get(pk=article.pk)
    assert (after.status, after.published_at, after.version) == (
        S.PUBLISHED,
        article.published_at,
        article.version,
    )
    assert StatusChange.objects.filter(article=article).count() == log_rows
    assert Client().get(f"/en/articles/{article.slug}/").status_code == 200


def test_translator_cannot_restore_a_withdrawn_article_to_public_view():
    article, draft_version = published_article(doi="10.1234/kept")
    transition(article, S.WITHDRAWN, by=user_for(MANAGER), note="Plagiarism")
    saved_revision(article, doi="10.1234/changed-later")
    client, _ = client_for(TRANSLATOR)
    url = f"/en/admin/articles/article/{article.pk}/history/{draft_version.pk}/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"doi": "10.1234/kept"}).status_code == 403
    after = Article.objects.get(pk=article.pk)
    assert (after.status, after.doi) == (S.WITHDRAWN, "10.1234/changed-later")
    page = Client().get(f"/en/articles/{article.slug}/")
    assert b"Plagiarism" in page.content


def test_manager_restores_old_content_but_never_the_workflow_state():
    keyword_then, keyword_now = make_keyword(), make_keyword()
    article, draft_version = published_article(keywords=[keyword_then])
    # The draft revision was taken with keyword_then; the article moves on.
    saved_revision(article, title_en="Published title")
    article.keywords.set([keyword_now])
    log_rows = list(StatusChange.objects.filter(article=article).values_list("pk"))
    before = Article.objects.get(pk=article.pk)
    versions_before = Version.objects.get_for_object(article).count()
    client, _ = client_for(MANAGER)
    url = f"/en/admin/articles/article/{article.pk}/history/{draft_version.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    # The form shows the restored content with the current lock value.
    data = admin_form_data(page)
    assert data["title_en"] == "Draft title"
    assert int(data["version_seen"]) == before.version
    assert data["keywords"] == [str(keyword_then.pk)]
    assert client.post(url, data).status_code == 302
    after = Article.objects.get(pk=article.pk)
    assert after.title_en == "Draft title"
    assert list(after.keywords.all()) == [keyword_then]
    assert (after.status, after.published_at, after.created_by_id) == (
        S.PUBLISHED,
        before.published_at,
        before.created_by_id,
    )
    assert after.version == before.version + 1
    assert list(StatusChange.objects.filter(article=article).values_list("pk")) == (
        log_rows
    )
    assert Version.objects.get_for_object(article).count() == versions_before + 1
    page = Client().get(f"/en/articles/{article.slug}/")
    assert page.status_code == 200
    assert b"Draft title" in page.content


def test_restore_from_a_stale_page_is_refused_like_a_stale_save():
    article, draft_version = published_article()
    client, _ = client_for(MANAGER)
    url = f"/en/admin/articles/article/{article.pk}/history/{draft_version.pk}/"
    data = admin_form_data(client.get(url))
    saved_revision(article, title_en="Saved meanwhile", version=article.version + 1)
    response = client.post(url, data)
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).title_en == "Saved meanwhile"


def test_restoring_an_issue_revision_never_unpublishes_it():
    issue = make_issue(published_at=None, title_en="Planned title")
    old = saved_revision(issue, title_en="Planned title")
    published_at = timezone.now()
    saved_revision(issue, title_en="Published title", published_at=published_at)
    client, _ = client_for(MANAGER)
    url = f"/en/admin/articles/issue/{issue.pk}/history/{old.pk}/"
    assert client.post(url, admin_form_data(client.get(url))).status_code == 302
    issue.refresh_from_db()
    assert issue.title_en == "Planned title"
    assert issue.published_at == published_at


def test_a_revision_of_another_model_cannot_be_restored_through_this_one():
    article = make_article(issue=None, status=S.DRAFT, published_at=None)
    version = saved_revision(article, title_en="Article title")
    # An issue with the same primary key: reversion's own view matches the version
    # by object id alone.
    issue = Issue.objects.filter(pk=article.pk).first() or make_issue(
        id=article.pk, published_at=None
    )
    client, _ = client_for(MANAGER)
    url = f"/en/admin/articles/issue/{issue.pk}/history/{version.pk}/"
    assert client.get(url).status_code == 404


def test_a_recovered_article_comes_back_as_a_draft():
    article, _draft = published_article()
    version = saved_revision(article, title_en="Last words")
    pk = article.pk
    StatusChange.objects.filter(article=article).delete()
    Article.objects.filter(pk=pk).delete()
    client, _ = client_for(MANAGER)
    url = f"/en/admin/articles/article/recover/{version.pk}/"
    assert client.post(url, admin_form_data(client.get(url))).status_code == 302
    recovered = Article.objects.get(pk=pk)
    assert (recovered.status, recovered.published_at) == (S.DRAFT, None)
    assert Client().get(f"/en/articles/{recovered.slug}/").status_code == 404


def test_revisions_keep_keywords_and_never_the_workflow_log():
    keyword = make_keyword()
    article = make_article(keywords=[keyword])
    version = saved_revision(article)
    models = {v.content_type.model for v in version.revision.version_set.all()}
    assert "taggeditem" in models
    assert "statuschange" not in models


def test_restoring_brings_back_the_events_and_agreements_the_article_discussed():
    from tests.relations.builders import make_agreement

    then, later = make_event(), make_event()
    agreement = make_agreement()
    article = make_article(issue=None, status=S.DRAFT, published_at=None)
    then.articles.add(article)
    agreement.articles.add(article)
    old = saved_revision(article, title_en="With its links")
    then.articles.remove(article)
    agreement.articles.remove(article)
    later.articles.add(article)
    saved_revision(article, title_en="Links changed")
    client, _ = client_for(EDITOR)
    url = f"/en/admin/articles/article/{article.pk}/history/{old.pk}/"
    assert client.post(url, admin_form_data(client.get(url))).status_code == 302
    assert list(article.events.all()) == [then]
    assert list(article.agreements.all()) == [agreement]


# 2. Keyword merge.


@pytest.mark.parametrize("who", [TRANSLATOR, EDITOR, "view-only"])
def test_keyword_merge_is_refused_to_non_managers(who):
    if who == "view-only":
        user = user_for(STAFF)
        user.user_permissions.add(Permission.objects.get(codename="view_keyword"))
        client = Client()
        client.force_login(user)
    else:
        client, _ = client_for(who)
    keep, drop = make_keyword(), make_keyword()
    article = make_article(keywords=[drop])
    merge_through_the_list(client, keep, drop)
    assert Keyword.objects.filter(pk__in=[keep.pk, drop.pk]).count() == 2
    assert list(article.keywords.all()) == [drop]


# 3. A site administrator cannot climb.


def site_admin_form(client, user):
    page = client.get(admin_url(user))
    assert page.status_code == 200
    data = admin_form_data(page)
    # The split date and time widget, which admin_form_data leaves out.
    data.update(date_joined_0="2026-01-05", date_joined_1="09:30:00")
    return data


def test_site_admin_cannot_make_itself_superuser_or_grant_itself_permissions():
    client, me = client_for(SITE_ADMIN)
    data = site_admin_form(client, me)
    powerful = Group.objects.create(name="powerful")
    powerful.permissions.add(Permission.objects.get(codename="change_permission"))
    data.update(
        is_superuser="on",
        user_permissions=[str(Permission.objects.get(codename="delete_group").pk)],
    )
    client.post(admin_url(me), data)
    me.refresh_from_db()
    assert not me.is_superuser
    assert not me.user_permissions.exists()
    data["groups"] = [str(powerful.pk)]
    response = client.post(admin_url(me), data)
    assert response.status_code == 200  # the form names the group it may not give
    assert not me.groups.filter(pk=powerful.pk).exists()
    assert me.groups.filter(name=SITE_ADMIN).exists()


def test_site_admin_cannot_touch_a_superuser():
    client, _ = client_for(SITE_ADMIN)
    boss = user_for(SUPER, username="boss")
    password = boss.password
    assert client.get(admin_url(boss, "password")).status_code == 403
    client.post(
        admin_url(boss, "password"),
        {"password1": "taken-over-2026", "password2": "taken-over-2026"},
    )
    assert client.get(admin_url(boss)).status_code in (200, 403)
    client.post(admin_url(boss), {"username": "boss", "is_active": ""})
    client.post(admin_url(boss, "delete"), {"post": "yes"})
    boss.refresh_from_db()
    assert (boss.password, boss.is_active, boss.is_superuser) == (password, True, True)


def test_site_admin_still_manages_editors_accounts():
    client, _ = client_for(SITE_ADMIN)
    editor = user_for(EDITOR)
    data = site_admin_form(client, editor)
    data["groups"] = [str(Group.objects.get(name=MANAGER).pk)]
    assert client.post(admin_url(editor), data).status_code == 302
    assert list(editor.groups.values_list("name", flat=True)) == [MANAGER]


# 4. The knowledge base: translators translate, editors do not publish.


def test_translator_changes_only_the_translations_of_an_event():
    event = make_event(is_published=False, source="Original source")
    client, _ = client_for(TRANSLATOR)
    page = client.get(admin_url(event))
    assert page.status_code == 200
    data = admin_form_data(page)
    assert "when" not in data and "is_published" not in data
    data.update(
        title_en="Translated title",
        is_published="on",
        when="1999",
        source="Forged",
    )
    assert client.post(admin_url(event), data).status_code == 302
    after = Event.objects.get(pk=event.pk)
    assert after.title_en == "Translated title"
    assert (after.is_published, after.date, after.source) == (
        False,
        event.date,
        "Original source",
    )


@pytest.mark.parametrize("who", [TRANSLATOR, EDITOR])
def test_non_managers_cannot_publish_knowledge_base_entries(who):
    event = make_event(is_published=False)
    client, _ = client_for(who)
    client.post(
        "/en/admin/relations/event/",
        {"action": "publish", "_selected_action": [event.pk]},
    )
    if who == EDITOR:
        data = admin_form_data(client.get(admin_url(event)))
        data["is_published"] = "on"
        client.post(admin_url(event), data)
    assert not Event.objects.get(pk=event.pk).is_published
    assert Client().get(event.get_absolute_url()).status_code == 404


def test_editor_cannot_change_a_published_event():
    event = make_event(is_published=True, source="Kept")
    client, _ = client_for(EDITOR)
    page = client.get(admin_url(event))
    assert page.status_code == 200  # a view-only page
    assert b'name="_save"' not in page.content
    client.post(admin_url(event), {"source": "Changed", "when": "1999"})
    assert Event.objects.get(pk=event.pk).source == "Kept"


def test_translator_cannot_link_articles_to_events_from_the_article_form():
    article = make_article(issue=None, status=S.DRAFT, published_at=None)
    event = make_event()
    client, _ = client_for(TRANSLATOR)
    data = admin_form_data(client.get(admin_url(article)))
    prefix = "Event_articles-"
    data.update(
        {
            f"{prefix}TOTAL_FORMS": "1",
            f"{prefix}INITIAL_FORMS": "0",
            f"{prefix}0-event": str(event.pk),
        }
    )
    client.post(admin_url(article), data)
    assert not event.articles.filter(pk=article.pk).exists()


# Every admin URL of every registered model, per role (GET; nothing changes).

ALL_RIGHTS, EDIT_RIGHTS = "acdv", "acv"
KNOWLEDGE_BASE = {EDITOR: EDIT_RIGHTS, TRANSLATOR: "cv", MANAGER: ALL_RIGHTS}
EXPECTED_ADMIN = {
    "articles.article": {EDITOR: EDIT_RIGHTS, TRANSLATOR: "cv", MANAGER: ALL_RIGHTS},
    "articles.contributor": {EDITOR: EDIT_RIGHTS, TRANSLATOR: "v", MANAGER: ALL_RIGHTS},
    "articles.issue": {EDITOR: "v", TRANSLATOR: "v", MANAGER: EDIT_RIGHTS},
    "articles.journal": {EDITOR: "v", TRANSLATOR: "v", MANAGER: "v"},
    "articles.keyword": {EDITOR: EDIT_RIGHTS, TRANSLATOR: "cv", MANAGER: ALL_RIGHTS},
    "articles.section": {EDITOR: "v", TRANSLATOR: "v", MANAGER: ALL_RIGHTS},
    "auth.group": {SITE_ADMIN: "v"},
    "auth.user": {SITE_ADMIN: ALL_RIGHTS},
    "axes.accessattempt": {},
    "axes.accessfailurelog": {},
    "axes.accesslog": {},
    "importer.manuscriptimport": {EDITOR: "av", MANAGER: "av", SITE_ADMIN: "av"},
    "otp_totp.totpdevice": {},
    **{
        f"relations.{model}": KNOWLEDGE_BASE
        for model in (
            "agreement",
            "country",
            "domain",
            "event",
            "indicator",
            "organization",
            "person",
        )
    },
}
# A site administrator has every right on the journal and the knowledge base; a
# superuser on everything, except what only the code writes: the import history and
# the sign-in logs are never added (or, for imports, changed) by hand.
for label, rights in EXPECTED_ADMIN.items():
    if label.startswith(("articles.", "relations.")):
        rights.setdefault(SITE_ADMIN, ALL_RIGHTS)
    rights[SUPER] = ALL_RIGHTS
EXPECTED_ADMIN["importer.manuscriptimport"][SUPER] = "av"
for label in ("axes.accessattempt", "axes.accessfailurelog", "axes.accesslog"):
    EXPECTED_ADMIN[label][SUPER] = "cdv"


def admin_objects():
    """One object per model whose change and delete pages are checked: the kind
    every role with the right may edit (a draft article, unpublished entries)."""
    from tests.builders import make_contributor, make_journal, make_section
    from tests.relations.builders import (
        country,
        make_agreement,
        make_domain,
        make_indicator,
        make_organization,
        make_person,
    )

    journal = make_journal()
    return {
        "articles.article": make_article(issue=None, status=S.DRAFT, published_at=None),
        "articles.contributor": make_contributor(),
        "articles.issue": make_issue(journal=journal, published_at=None),
        "articles.journal": journal,
        "articles.keyword": make_keyword(),
        "articles.section": make_section(),
        "auth.group": Group.objects.get(name=EDITOR),
        "auth.user": user_for(EDITOR),
        "relations.agreement": make_agreement(is_published=False),
        "relations.country": country("KG"),
        "relations.domain": make_domain(),
        "relations.event": make_event(is_published=False),
        "relations.indicator": make_indicator(is_published=False),
        "relations.organization": make_organization(),
        "relations.person": make_person(),
    }


def expected_status(who, rights, view):
    if who in (ANON, INACTIVE):
        return 302
    needed = {"list": "cv", "add": "a", "change": "cv", "delete": "d"}[view]
    return 200 if set(needed) & set(rights) else 403


def test_every_registered_admin_model_has_a_written_expectation():
    from django.contrib import admin

    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == set(EXPECTED_ADMIN)


@pytest.mark.parametrize("who", WHO)
def test_every_admin_url_for_every_role(who):
    objects = admin_objects()
    client, _ = client_for(who)
    failures = []
    for label, rights_by_role in EXPECTED_ADMIN.items():
        rights = rights_by_role.get(who, "")
        app, model = label.split(".")
        base = f"/en/admin/{app}/{model}/"
        urls = {"list": base, "add": f"{base}add/"}
        if label in objects:
            urls["change"] = admin_url(objects[label])
            urls["delete"] = admin_url(objects[label], "delete")
        for view, url in urls.items():
            status = client.get(url).status_code
            if status != expected_status(who, rights, view):
                failures.append(f"{url}: {status}")
    assert not failures


@pytest.mark.parametrize("status", [S.IN_REVIEW, S.ACCEPTED, S.PUBLISHED, S.WITHDRAWN])
def test_bulk_delete_never_removes_an_article_past_draft(status):
    article = make_article(status=status, published_at=None)
    client, _ = client_for(SITE_ADMIN)
    client.post(
        "/en/admin/articles/article/",
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert Article.objects.filter(pk=article.pk).exists()


def test_the_link_tables_in_revisions_have_content_types_from_migrate():
    """Made on the fly inside the revision page's rolled-back transaction, they would
    leave a cached id that breaks the next save in the same process."""
    from django.contrib.contenttypes.models import ContentType

    assert (
        ContentType.objects.filter(
            app_label="relations", model__in=["event_articles", "agreement_articles"]
        ).count()
        == 2
    )
