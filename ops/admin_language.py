"""The admin in good Kyrgyz and Russian, for every app it shows, our own or not.

Django builds the page titles "Select %s to change", "Add %s", "Change %s" from a
model's `verbose_name` in the nominative ("Изменить статья"); Russian needs the
accusative ("Изменить статью") and Kyrgyz an indefinite object after "кошуу" and a
definite one after "өзгөртүү" ("макала кошуу", "макаланы өзгөртүү"). `install()`
gives every registered ModelAdmin titles built from the forms below (msgctxt
"accusative" and "new object"), and translates django-otp's model, which has no
message catalogue: its English names are kept as msgids, so the migration state is
unchanged (makemigrations compares them untranslated).
"""

from django.contrib import admin
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

# {app_label.model_name: (accusative, object of "Add")}: the forms the titles use.
FORMS = {
    "articles.journal": (
        pgettext_lazy("accusative", "journal"),
        pgettext_lazy("new object", "journal"),
    ),
    "articles.issue": (
        pgettext_lazy("accusative", "issue"),
        pgettext_lazy("new object", "issue"),
    ),
    "articles.section": (
        pgettext_lazy("accusative", "rubric"),
        pgettext_lazy("new object", "rubric"),
    ),
    "articles.article": (
        pgettext_lazy("accusative", "article"),
        pgettext_lazy("new object", "article"),
    ),
    "articles.contributor": (
        pgettext_lazy("accusative", "author"),
        pgettext_lazy("new object", "author"),
    ),
    "articles.keyword": (
        pgettext_lazy("accusative", "keyword"),
        pgettext_lazy("new object", "keyword"),
    ),
    "relations.country": (
        pgettext_lazy("accusative", "country"),
        pgettext_lazy("new object", "country"),
    ),
    "relations.domain": (
        pgettext_lazy("accusative", "relation domain"),
        pgettext_lazy("new object", "relation domain"),
    ),
    "relations.organization": (
        pgettext_lazy("accusative", "international organization"),
        pgettext_lazy("new object", "international organization"),
    ),
    "relations.person": (
        pgettext_lazy("accusative", "person"),
        pgettext_lazy("new object", "person"),
    ),
    "relations.event": (
        pgettext_lazy("accusative", "event"),
        pgettext_lazy("new object", "event"),
    ),
    "relations.agreement": (
        pgettext_lazy("accusative", "agreement"),
        pgettext_lazy("new object", "agreement"),
    ),
    "relations.indicator": (
        pgettext_lazy("accusative", "indicator"),
        pgettext_lazy("new object", "indicator"),
    ),
    "importer.manuscriptimport": (
        pgettext_lazy("accusative", "manuscript import"),
        pgettext_lazy("new object", "manuscript import"),
    ),
    "auth.user": (
        pgettext_lazy("accusative", "user"),
        pgettext_lazy("new object", "user"),
    ),
    "auth.group": (
        pgettext_lazy("accusative", "group"),
        pgettext_lazy("new object", "group"),
    ),
    "axes.accessattempt": (
        pgettext_lazy("accusative", "access attempt"),
        pgettext_lazy("new object", "access attempt"),
    ),
    "axes.accessfailurelog": (
        pgettext_lazy("accusative", "access failure"),
        pgettext_lazy("new object", "access failure"),
    ),
    "axes.accesslog": (
        pgettext_lazy("accusative", "access log"),
        pgettext_lazy("new object", "access log"),
    ),
    "otp_totp.totpdevice": (
        pgettext_lazy("accusative", "TOTP device"),
        pgettext_lazy("new object", "TOTP device"),
    ),
}

# django-otp's TOTP device, which has no catalogue: the same English, as msgids.
TOTP_NAMES = {
    "verbose_name": gettext_lazy("TOTP device"),
    "verbose_name_plural": gettext_lazy("TOTP devices"),
}
TOTP_FIELDS = {
    "user": (
        gettext_lazy("user"),
        gettext_lazy("The user that this device belongs to."),
    ),
    "name": (
        gettext_lazy("name"),
        gettext_lazy("The human-readable name of this device."),
    ),
    "confirmed": (
        gettext_lazy("confirmed"),
        gettext_lazy("Is this device ready for use?"),
    ),
    "key": (
        gettext_lazy("key"),
        gettext_lazy("A hex-encoded secret key of up to 40 bytes."),
    ),
    "step": (gettext_lazy("step"), gettext_lazy("The time step in seconds.")),
    "t0": (
        gettext_lazy("t0"),
        gettext_lazy("The Unix time at which to begin counting steps."),
    ),
    "digits": (
        gettext_lazy("digits"),
        gettext_lazy("The number of digits to expect in a token."),
    ),
    "tolerance": (
        gettext_lazy("tolerance"),
        gettext_lazy("The number of time steps in the past or future to allow."),
    ),
    "drift": (
        gettext_lazy("drift"),
        gettext_lazy(
            "The number of time steps the prover is known to deviate from our clock."
        ),
    ),
    "last_t": (
        gettext_lazy("last t"),
        gettext_lazy(
            "The t value of the latest verified token. The next token must be at a "
            "higher time step."
        ),
    ),
    "created_at": (
        gettext_lazy("created at"),
        gettext_lazy(
            "The date and time when this device was initially created in the system."
        ),
    ),
    "last_used_at": (
        gettext_lazy("last used at"),
        gettext_lazy("The most recent date and time this device was used."),
    ),
    "throttling_failure_timestamp": (
        gettext_lazy("throttling failure timestamp"),
        gettext_lazy(
            "A timestamp of the last failed verification attempt. Null if last "
            "attempt succeeded."
        ),
    ),
    "throttling_failure_count": (
        gettext_lazy("throttling failure count"),
        gettext_lazy("Number of successive failed attempts."),
    ),
}


# Headings and columns the third-party admins leave untranslatable.
TOTP_FIELDSETS = {
    "Identity": gettext_lazy("Identity"),
    "Timestamps": gettext_lazy("Timestamps"),
    "Configuration": gettext_lazy("Configuration"),
    "State": pgettext_lazy("clock state", "State"),
    "Throttling": gettext_lazy("Throttling"),
}
AXES_STRINGS = [
    gettext_lazy("Locked Out"),
    gettext_lazy("Attempt Remaining"),
    gettext_lazy("Not set"),
    gettext_lazy("Expires At"),
]


def _translated_fieldsets(get_fieldsets):
    def wrapped(request, obj=None):
        return [
            (TOTP_FIELDSETS.get(title, title), options)
            for title, options in get_fieldsets(request, obj)
        ]

    return wrapped


def translate_third_party_admins(site):
    from axes.models import AccessAttempt
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if site.is_registered(TOTPDevice):
        model_admin = site.get_model_admin(TOTPDevice)
        model_admin.get_fieldsets = _translated_fieldsets(model_admin.get_fieldsets)
    if site.is_registered(AccessAttempt):
        # axes' "status" column has no heading of its own (it shows "Status").
        status = type(site.get_model_admin(AccessAttempt)).status
        status.short_description = gettext_lazy("state of the lock")


def titles(opts):
    """{Django's title: ours} for a model's pages, in the active language."""
    accusative, new = FORMS.get(
        opts.label_lower, (opts.verbose_name, opts.verbose_name)
    )
    name = opts.verbose_name
    pairs = [
        ("Select %s to change", accusative),
        ("Select %s to view", accusative),
        ("Add %s", new),
        ("Change %s", accusative),
        ("View %s", accusative),
    ]
    # Kyrgyz puts the name first ("%s кошуу"): a title still starts with a capital.
    return {_(msgid) % name: capfirst(_(msgid) % form) for msgid, form in pairs}


def retitle(model_admin, response):
    """Put our title on a page that still has Django's (not one a view chose)."""
    context = getattr(response, "context_data", None)
    if context is None or "title" not in context:
        return response
    ours = titles(model_admin.opts)
    context["title"] = ours.get(str(context["title"]), context["title"])
    accusative, new = FORMS.get(model_admin.opts.label_lower, (None, None))
    context["add_title"] = capfirst(
        _("Add %s") % (new or model_admin.opts.verbose_name)
    )
    return response


def _wrap(model_admin, view):
    def wrapped(*args, **kwargs):
        return retitle(model_admin, view(*args, **kwargs))

    return wrapped


def translate_totp_device():
    try:
        from django_otp.plugins.otp_totp.models import TOTPDevice
    except ImportError:  # pragma: no cover - two-factor sign-in is not installed
        return
    for name, value in TOTP_NAMES.items():
        setattr(TOTPDevice._meta, name, value)
    for name, (label, help_text) in TOTP_FIELDS.items():
        field = TOTPDevice._meta.get_field(name)
        field.verbose_name = label
        field.help_text = help_text


def install(site=admin.site):
    """Grammatical titles on every registered model's pages; django-otp translated."""
    translate_totp_device()
    translate_third_party_admins(site)
    for model_admin in site._registry.values():
        if getattr(model_admin, "_titled", False):
            continue
        model_admin.changelist_view = _wrap(model_admin, model_admin.changelist_view)
        model_admin.render_change_form = _wrap(
            model_admin, model_admin.render_change_form
        )
        model_admin._titled = True
