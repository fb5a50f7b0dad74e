"""The editorial roles as Django groups with exact permissions.

`ensure_roles()` runs after every `migrate` (see apps.py), so the groups exist on a new
database and follow this table when it changes.
"""

from django.contrib.auth.models import Group, Permission

from .workflow import Role

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

KNOWLEDGE_BASE = ("country", "domain", "organization", "person", "event", "agreement")
KNOWLEDGE_BASE_EDIT = {
    **dict.fromkeys(KNOWLEDGE_BASE, EDIT),
    "indicator": EDIT,
    "observation": ALL,
}

ROLE_PERMISSIONS = {
    Role.EDITOR: {**EDITOR_PERMISSIONS, "relations": KNOWLEDGE_BASE_EDIT},
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
        "relations": {
            **dict.fromkeys(KNOWLEDGE_BASE, ("change", "view")),
            "indicator": ("change", "view"),
            "observation": VIEW,
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
        },
        "relations": "__all__",
    },
    Role.SITE_ADMIN: {
        "articles": "__all__",
        "relations": "__all__",
        "auth": {"user": ALL, "group": VIEW},
    },
}


def permissions_for(role):
    """The Permission rows a role's group holds, per ROLE_PERMISSIONS."""
    wanted = []
    for app_label, models in ROLE_PERMISSIONS[role].items():
        perms = Permission.objects.filter(content_type__app_label=app_label)
        if models == "__all__":
            wanted.extend(perms)
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
