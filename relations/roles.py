"""The knowledge base's part of the role table (articles/roles.py merges it)."""

from articles.roles import ALL, EDIT, VIEW
from articles.workflow import Role

ENTRIES = ("country", "domain", "organization", "person", "event", "agreement")

ROLE_PERMISSIONS = {
    Role.EDITOR: {
        "relations": {
            **dict.fromkeys(ENTRIES, EDIT),
            "indicator": EDIT,
            "observation": ALL,
        },
    },
    Role.TRANSLATOR: {
        "relations": {
            **dict.fromkeys(ENTRIES, ("change", "view")),
            "indicator": ("change", "view"),
            "observation": VIEW,
        },
    },
    Role.MANAGING_EDITOR: {"relations": "__all__"},
    Role.SITE_ADMIN: {"relations": "__all__"},
}
