"""`python manage.py roles_table`: the README's role table, made from the code's.

Reads the three parts of the role table (articles/roles.py: model permissions,
capabilities, limits; articles/workflow.py: moves) and prints one Markdown row per
role, in English; a test checks that the README holds exactly this output.
"""

from django.apps import apps
from django.utils import translation

from articles.roles import (
    CAPABILITIES,
    CAPABILITY_LABELS,
    LIMITS,
    ROLE_PERMISSIONS,
    WRITTEN_BY_CODE,
    role_permissions,
)
from articles.workflow import TRANSITIONS

from ...commands import OneLanguageCommand

HEADINGS = [
    ("add", "add"),
    ("change", "change"),
    ("delete", "delete"),
    ("view", "view only"),
]


def model_rights(role):
    """{'add': [names], 'change': [...], 'delete': [...], 'view': [...]} for a role."""
    rights = {action: [] for action, _label in HEADINGS}
    for app_label, models in role_permissions()[role].items():
        config = apps.get_app_config(app_label)
        if models == "__all__":
            models = {
                m._meta.model_name: ("add", "change", "delete", "view")
                for m in config.get_models()
            }
        for model_name, actions in models.items():
            if (app_label, model_name) in WRITTEN_BY_CODE:
                actions = ("view",)
            name = str(config.get_model(model_name)._meta.verbose_name_plural)
            edits = [a for a in actions if a != "view"]
            for action in edits:
                rights[action].append(name)
            if not edits:
                rights["view"].append(name)
    return rights


def role_row(role):
    parts = []
    rights = model_rights(role)
    for action, label in HEADINGS:
        if rights[action]:
            parts.append(f"**{label}**: {', '.join(sorted(rights[action]))}")
    moves = [
        f"{frm.label} → {to.label}"
        for (frm, to), roles in TRANSITIONS.items()
        if role in roles
    ]
    if moves:
        parts.append(f"**workflow**: {'; '.join(moves)}")
    special = [
        str(CAPABILITY_LABELS[name])
        for name, roles in CAPABILITIES.items()
        if role in roles
    ]
    if special:
        parts.append(f"**also**: {'; '.join(special)}")
    parts.append(f"**limits**: {LIMITS[role]}")
    return f"| `{role}` | {'. '.join(parts)}. |"


def roles_table():
    with translation.override("en"):
        rows = [role_row(role) for role in ROLE_PERMISSIONS]
    return "\n".join(["| role (group) | may |", "|---|---|", *rows])


class Command(OneLanguageCommand):
    help = "Print the README's table of editorial roles, made from the code's."

    def handle(self, *args, **options):
        self.stdout.write(roles_table())
