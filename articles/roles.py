"""The role table: what each editorial role may do, in one place.

Three parts, each read by the code that enforces it:
- role_permissions(): the Django model permissions of each role's group (add, change,
  delete, view per model). `ensure_roles()` runs after every `migrate` (see apps.py),
  so the groups exist on a new database and follow this table when it changes.
- CAPABILITIES: the special views and actions beyond model permissions (publishing an
  issue or knowledge-base entries, merging keywords, writing the journal's own pages,
  restoring revisions, recovering deleted articles, importing manuscripts, managing
  user accounts); `may()` answers.
- Workflow moves: `articles.workflow.TRANSITIONS` (the status module owns them).
Field-level rules (a translator edits translated fields only) use `translator_only()`.
`manage.py roles_table` prints the README's table from these.
"""

from django.contrib.auth.models import Group, Permission

from . import extensions
from .workflow import EDITORS, MANAGERS, Role, roles_of

ALL = ("add", "change", "delete", "view")
EDIT = ("add", "change", "view")
VIEW = ("view",)

EDITOR_PERMISSIONS = {
    "articles": {
        "article": EDIT,
        "articlesection": ALL,
        "authorship": ALL,
        "reference": ALL,
        "galley": ALL,
        "contributor": EDIT,
        "keyword": EDIT,
        "issue": VIEW,
        "section": VIEW,
        "journal": VIEW,
        "statuschange": VIEW,
    },
}

# The journal's own part of the table. Apps above the journal (the knowledge base) add
# theirs through `articles.extensions.role_permissions`; `role_permissions()` merges
# them.
ROLE_PERMISSIONS = {
    Role.EDITOR: EDITOR_PERMISSIONS,
    Role.TRANSLATOR: {
        "articles": {
            "article": ("change", "view"),
            "articlesection": ("change", "view"),
            "keyword": ("change", "view"),
            "contributor": VIEW,
            "authorship": VIEW,
            "reference": VIEW,
            "galley": VIEW,
            "issue": VIEW,
            "section": VIEW,
            "journal": VIEW,
            "statuschange": VIEW,
        },
    },
    Role.MANAGING_EDITOR: {
        "articles": {
            **EDITOR_PERMISSIONS["articles"],
            "article": ALL,
            "contributor": ALL,
            "keyword": ALL,
            "issue": EDIT,
            "section": ALL,
            # The journal's name, ISSNs, logo and favicon; only site administrators
            # add or delete a journal.
            "journal": ("change", "view"),
        },
    },
    Role.SITE_ADMIN: {
        "articles": "__all__",
        "auth": {"user": ALL, "group": VIEW},
    },
}


def role_permissions():
    """The whole role table: the journal's part plus every registered app's part.

    {role: {app_label: {model_name: actions} or "__all__"}}, read by `ensure_roles()`
    and `manage.py roles_table`.
    """
    table = {role: dict(apps) for role, apps in ROLE_PERMISSIONS.items()}
    for part in extensions.role_permissions:
        for role, apps in part.items():
            table[role].update(apps)
    return table


# Special views and actions, and the roles that may use them. Everything that changes
# data outside a model's own form asks `may()` (views, list actions, commands).
CAPABILITIES = {
    "publish_issue": MANAGERS,
    "publish_knowledge_base": MANAGERS,
    "merge_keywords": MANAGERS,
    "restore_revision": EDITORS,
    "recover_deleted": MANAGERS,
    "import_manuscript": EDITORS,
    "manage_journal_pages": MANAGERS,
    "manage_users": frozenset({Role.SITE_ADMIN}),
}

# How the README's table (`manage.py roles_table`) names them, in English like it.
CAPABILITY_LABELS = {
    "publish_issue": "publish issues",
    "publish_knowledge_base": "publish and unpublish knowledge-base entries",
    "merge_keywords": "merge keywords",
    "restore_revision": (
        "restore an earlier revision of what they may edit now (content only)"
    ),
    "recover_deleted": "recover deleted articles (as drafts)",
    "import_manuscript": "import manuscripts",
    "manage_journal_pages": (
        "write the journal's own pages (about, policies, contacts) and its editorial "
        "board"
    ),
    "manage_users": (
        "manage user accounts and their roles (never superusers, never more rights "
        "than their own)"
    ),
}


# What the model permissions and capabilities cannot say: rules on objects and fields,
# enforced by the admin (admin_workflow.can_edit_article, relations.admin.EntryPolicy);
# in English, for the README's table.
LIMITS = {
    Role.EDITOR: (
        "edits an article only while it is a draft or returned for revision, and a "
        "knowledge-base entry only while it is unpublished; never publishes"
    ),
    Role.TRANSLATOR: (
        "changes only translated texts (titles, subtitles, abstracts, body text, "
        "keyword labels, the texts of knowledge-base entries), of any article or "
        "entry; no links, dates, statuses or files"
    ),
    Role.MANAGING_EDITOR: "any article, in any status",
    Role.SITE_ADMIN: "any article, in any status",
}


def may(user, capability):
    """Whether `user` may use a special view or action of the CAPABILITIES table."""
    return bool(roles_of(user) & CAPABILITIES[capability])


def translator_only(user):
    """A translator with no other role: edits translated text fields, nothing else."""
    return roles_of(user) == {Role.TRANSLATOR}


# Rows only the code writes (the workflow log): no role adds, changes or deletes them,
# "__all__" included.
WRITTEN_BY_CODE = {("articles", "statuschange")}


def permissions_for(role):
    """The Permission rows a role's group holds, per ROLE_PERMISSIONS."""
    wanted = []
    for app_label, models in role_permissions()[role].items():
        perms = Permission.objects.filter(content_type__app_label=app_label)
        if models == "__all__":
            wanted.extend(
                p
                for p in perms.select_related("content_type")
                if (app_label, p.content_type.model) not in WRITTEN_BY_CODE
                or p.codename.startswith("view_")
            )
            continue
        codenames = [
            f"{a}_{model}" for model, actions in models.items() for a in actions
        ]
        wanted.extend(perms.filter(codename__in=codenames))
    return wanted


def ensure_roles(**kwargs):
    """Create or update the four role groups so their permissions match the table."""
    for role in ROLE_PERMISSIONS:
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set(permissions_for(role))
