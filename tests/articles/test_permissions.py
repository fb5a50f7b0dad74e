"""Who may open what: admin URLs, workflow screens and previews, per role."""

import pytest
from django.test import Client

from articles.models import Article
from articles.workflow import Role
from tests.builders import make_article, make_inactive_staff, make_issue, make_staff

S = Article.Status
ANON, EDITOR, TRANSLATOR, MANAGER, SITE_ADMIN, INACTIVE, STAFF = (
    "anonymous",
    Role.EDITOR,
    Role.TRANSLATOR,
    Role.MANAGING_EDITOR,
    Role.SITE_ADMIN,
    "inactive",
    "staff-without-role",
)
WHO = [ANON, EDITOR, TRANSLATOR, MANAGER, SITE_ADMIN, INACTIVE, STAFF]
LOGIN = 302

# URL template: expected status for each of WHO, in order.
MATRIX = {
    "/en/admin/": [LOGIN, 200, 200, 200, 200, LOGIN, 200],
    "/en/admin/articles/article/": [LOGIN, 200, 200, 200, 200, LOGIN, 403],
    "/en/admin/articles/article/add/": [LOGIN, 200, 403, 200, 200, LOGIN, 403],
    "/en/admin/articles/article/{draft}/change/": [
        LOGIN,
        200,
        200,
        200,
        200,
        LOGIN,
        403,
    ],
    "/en/admin/articles/article/{draft}/delete/": [
        LOGIN,
        403,
        403,
        200,
        200,
        LOGIN,
        403,
    ],
    "/en/admin/articles/article/{draft}/compare/": [
        LOGIN,
        200,
        200,
        200,
        200,
        LOGIN,
        403,
    ],
    "/en/admin/articles/article/{draft}/history/": [
        LOGIN,
        200,
        200,
        200,
        200,
        LOGIN,
        403,
    ],
    "/en/admin/articles/issue/": [LOGIN, 200, 200, 200, 200, LOGIN, 403],
    "/en/admin/articles/issue/add/": [LOGIN, 403, 403, 200, 200, LOGIN, 403],
    "/en/admin/articles/issue/{planned}/change/": [
        LOGIN,
        200,
        200,
        200,
        200,
        LOGIN,
        403,
    ],
    "/en/admin/articles/issue/{planned}/publish/": [
        LOGIN,
        403,
        403,
        200,
        200,
        LOGIN,
        403,
    ],
    "/en/admin/articles/keyword/": [LOGIN, 200, 200, 200, 200, LOGIN, 403],
    "/en/admin/articles/keyword/add/": [LOGIN, 200, 403, 200, 200, LOGIN, 403],
    "/en/admin/articles/journal/add/": [LOGIN, 403, 403, 403, 200, LOGIN, 403],
    "/en/admin/articles/section/add/": [LOGIN, 403, 403, 200, 200, LOGIN, 403],
    "/en/admin/auth/user/": [LOGIN, 403, 403, 403, 200, LOGIN, 403],
    "/en/preview/articles/{draft}/": [LOGIN, 200, 200, 200, 200, LOGIN, 404],
    "/en/preview/issues/{planned}/": [LOGIN, 200, 200, 200, 200, LOGIN, 404],
}


def client_for(who):
    client = Client()
    if who == ANON:
        return client
    if who == INACTIVE:
        user = make_inactive_staff(Role.MANAGING_EDITOR)
    else:
        user = make_staff(who if who in Role.LABELS else None)
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("who", WHO)
def test_permission_matrix(who):
    planned = make_issue(published_at=None)
    draft = make_article(issue=planned, status=S.DRAFT, published_at=None)
    client = client_for(who)
    failures = []
    for template, expected in MATRIX.items():
        url = template.format(draft=draft.pk, planned=planned.pk)
        status = client.get(url).status_code
        if status != expected[WHO.index(who)]:
            failures.append(f"{url}: {status}, expected {expected[WHO.index(who)]}")
    assert not failures


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_preview_shows_a_draft_to_editors_only_and_is_never_cached(lang):
    draft = make_article(
        issue=make_issue(published_at=None),
        status=S.DRAFT,
        published_at=None,
        **{f"title_{c}": "PREVIEW-ONLY" for c in ("ky", "ru", "en")},
    )
    editor = client_for(EDITOR)
    response = editor.get(f"/{lang}/preview/articles/{draft.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "PREVIEW-ONLY" in html
    assert 'class="preview-banner"' in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    anonymous = Client()
    assert anonymous.get(f"/{lang}/articles/{draft.slug}/").status_code == 404
    assert "PREVIEW-ONLY" not in anonymous.get(f"/{lang}/").content.decode()


@pytest.mark.django_db
def test_editor_downloads_a_draft_pdf_privately_and_readers_get_404():
    from tests.builders import add_galley

    draft = make_article(status=S.DRAFT, published_at=None)
    add_galley(draft, "ru", name="draft.pdf")
    url = f"/ru/articles/{draft.slug}/pdf/ru/"
    assert Client().get(url).status_code == 404
    response = client_for(EDITOR).get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who, action, start, expected",
    [
        (EDITOR, "send_to_review", S.DRAFT, S.IN_REVIEW),
        (EDITOR, "accept", S.IN_REVIEW, S.IN_REVIEW),
        (TRANSLATOR, "send_to_review", S.DRAFT, S.DRAFT),
        (TRANSLATOR, "accept", S.IN_REVIEW, S.IN_REVIEW),
        (MANAGER, "accept", S.IN_REVIEW, S.ACCEPTED),
        (MANAGER, "send_to_review", S.DRAFT, S.IN_REVIEW),
        (SITE_ADMIN, "accept", S.IN_REVIEW, S.ACCEPTED),
    ],
)
def test_changelist_actions_follow_the_roles(who, action, start, expected):
    article = make_article(status=start, published_at=None)
    client = client_for(who)
    client.post(
        "/en/admin/articles/article/",
        {"action": action, "_selected_action": [article.pk]},
    )
    assert Article.objects.get(pk=article.pk).status == expected


@pytest.mark.django_db
@pytest.mark.parametrize("who", [EDITOR, TRANSLATOR])
def test_roles_without_delete_cannot_bulk_delete(who):
    article = make_article(status=S.DRAFT, published_at=None)
    client = client_for(who)
    client.post(
        "/en/admin/articles/article/",
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert Article.objects.filter(pk=article.pk).exists()
