"""Strings of Django's admin and of third-party apps that the project translates itself.

Our catalogues (`LOCALE_PATHS`) take precedence over those of the installed apps, so
an entry here replaces the app's translation: Kyrgyz strings the apps lack (axes,
django-reversion, taggit have no Kyrgyz catalogue; Django's lacks newer admin
strings) and Kyrgyz and Russian ones that are wrong ("11 макалалар" after a numeral,
"Мүмкүн эмес" for "none yet", lost spaces). Nothing imports this module: it exists so
that `makemessages` keeps these msgids, which must stay exactly the apps' own.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

DJANGO_ADMIN = [
    gettext_noop("Skip to main content"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Add link"),
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    gettext_noop("None available"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Select all %(total_count)s %(module_name)s"),
    gettext_noop("%(full_result_count)s total"),
    gettext_noop("Delete multiple objects"),
    gettext_noop("Click here to select the objects across all pages"),
    gettext_noop(
        "This object doesn’t have a change history. It probably wasn’t added via "
        "this admin site."
    ),
    gettext_noop(
        "After you’ve created a user, you’ll be able to edit more user options."
    ),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Reset password"),
    gettext_noop(
        "Raw passwords are not stored, so there is no way to see the user’s password."
    ),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If "
        "disabled, they may still be able to authenticate using other backends, such "
        "as Single Sign-On or LDAP."
    ),
    ngettext_lazy("%(counter)s result", "%(counter)s results", "counter"),
    gettext_noop("0 of %(cnt)s selected"),
]

REVERSION = [
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop(
        "Choose a date from the list below to recover a deleted version of an object."
    ),
    gettext_noop(
        "Choose a date from the list below to revert to a previous version of this "
        "object."
    ),
    gettext_noop("There are no deleted objects to recover."),
    gettext_noop(
        "This object doesn't have a change history. It probably wasn't added via "
        "this admin site."
    ),
    gettext_noop("Date/time"),
    gettext_noop(
        "Press the save button below to revert to this version of the object."
    ),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Initial version."),
]

AXES = [
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("Logout Time"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
]

TAGGIT = [
    gettext_noop("%(object)s tagged with %(tag)s"),
    gettext_noop("A comma-separated list of tags."),
    pgettext_lazy("A tag name", "name"),
    pgettext_lazy("A tag slug", "slug"),
    gettext_noop("content type"),
    gettext_noop("object ID"),
]
