"""Row 28: optional two-factor sign-in for editors (TOTP)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

LOGIN = "/en/admin/login/"
PASSWORD = "a-strong-pass-phrase-1"


@pytest.fixture
def editor_with_device(db):
    user = User.objects.create_user("totp-editor", password=PASSWORD, is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user, device


def code(device):
    return str(
        TOTP(
            device.bin_key, device.step, device.t0, device.digits, device.drift
        ).token()
    ).zfill(device.digits)


def test_password_alone_is_not_enough_when_two_factor_is_on(editor_with_device):
    client = Client()
    response = client.post(
        LOGIN, {"username": "totp-editor", "password": PASSWORD, "next": "/en/admin/"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "authentication code" in response.content.decode().lower()


def test_password_and_code_sign_in(editor_with_device):
    user, device = editor_with_device
    client = Client()
    response = client.post(
        LOGIN,
        {
            "username": "totp-editor",
            "password": PASSWORD,
            "otp_token": code(device),
            "next": "/en/admin/",
        },
    )
    assert response.status_code == 302
    assert client.get("/en/admin/").status_code == 200


def test_a_session_without_a_verified_code_is_refused_by_the_admin(editor_with_device):
    user, _device = editor_with_device
    client = Client()
    client.force_login(user)  # a password-only session, however it was obtained
    assert client.get("/en/admin/").status_code == 302


@pytest.mark.django_db
def test_editors_without_a_device_sign_in_with_the_password():
    User.objects.create_user("plain-editor", password=PASSWORD, is_staff=True)
    client = Client()
    response = client.post(
        LOGIN, {"username": "plain-editor", "password": PASSWORD, "next": "/en/admin/"}
    )
    assert response.status_code == 302
