"""Optional two-factor sign-in for editors (django-otp, TOTP authenticator apps).

An editor who has a confirmed TOTP device (added under *TOTP devices* in the admin)
must enter a code from it at sign-in; the admin refuses a session that signed in with
the password alone. Editors without a device sign in with their password as before.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.forms import OTPAuthenticationFormMixin


class TwoFactorAdminLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
        help_text=_("Only if two-factor sign-in is on for your account."),
    )
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)

    def _chosen_device(self, user):
        """The device named in the form or, as editors have one, their only device."""
        device = super()._chosen_device(user)
        if device is None:
            devices = list(devices_for_user(user, confirmed=True, for_verify=True))
            device = devices[0] if len(devices) == 1 else None
        return device

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            self.clean_otp(user)
        return cleaned


def install(site=admin.site):
    """Use the two-factor login form and refuse unverified sessions of 2FA users."""
    site.login_form = TwoFactorAdminLoginForm
    site.login_template = "admin/login_2fa.html"
    original = site.has_permission

    def has_permission(request):
        if not original(request):
            return False
        user = request.user
        if user_has_device(user, confirmed=True):
            return bool(getattr(user, "is_verified", lambda: False)())
        return True

    site.has_permission = has_permission
