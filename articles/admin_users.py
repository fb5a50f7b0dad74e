"""User accounts in the admin, without a way up.

A site administrator (the `manage_users` capability) manages accounts and their roles,
but cannot make anyone a superuser, hand out single permissions, put anyone in a group
with rights they do not hold themselves, or touch a superuser's account (its password,
groups or status). Only a superuser can.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .roles import may
from .workflow import Role

User = get_user_model()


def _group_str(group):
    """A role's group under the role's name in the admin's language ("Редактор")."""
    label = Role.LABELS.get(group.name)
    return str(label) if label else group.name


# The role groups are named by stable slugs ("managing_editor"); everywhere the admin
# shows a group (the account form, the list filter, the group list) it shows its role.
Group.__str__ = _group_str

SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")


def grantable_groups(user):
    """Groups whose every permission `user` holds: the roles they may hand out."""
    if user.is_superuser:
        return Group.objects.all()
    held = user.get_all_permissions()
    return Group.objects.filter(
        pk__in=[
            group.pk
            for group in Group.objects.prefetch_related("permissions__content_type")
            if all(
                f"{p.content_type.app_label}.{p.codename}" in held
                for p in group.permissions.all()
            )
        ]
    )


class AccountAdmin(UserAdmin):
    def _may_manage(self, request, obj):
        if request.user.is_superuser:
            return True
        if not may(request.user, "manage_users"):
            return False
        return obj is None or not obj.is_superuser

    def has_change_permission(self, request, obj=None):
        return self._may_manage(request, obj) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return self._may_manage(request, obj) and super().has_delete_permission(
            request, obj
        )

    def has_add_permission(self, request):
        return self._may_manage(request, None) and super().has_add_permission(request)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += [f for f in SUPERUSER_ONLY_FIELDS if f not in readonly]
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        groups = form.base_fields.get("groups")
        if groups is not None and not request.user.is_superuser:
            allowed = grantable_groups(request.user)
            if obj is not None:
                # Groups the account already has stay listed, so that a save keeps
                # them; they can be taken away, not handed out.
                allowed = allowed | obj.groups.all()
            groups.queryset = allowed.distinct()
        return form


class RoleGroupAdmin(GroupAdmin):
    """Groups are roles: shown under the role's name to those who may only look."""

    @admin.display(description=_("role"))
    def role(self, obj):
        return str(obj)

    def get_fields(self, request, obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            return ["role", "permissions"]
        return super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            return ["role", "permissions"]
        return super().get_readonly_fields(request, obj)


if admin.site.is_registered(Group):
    admin.site.unregister(Group)
admin.site.register(Group, RoleGroupAdmin)

if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, AccountAdmin)
