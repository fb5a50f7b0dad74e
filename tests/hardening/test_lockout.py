"""Row 28 of RELIABILITY.md: who a run of wrong passwords locks out, and from where.

Five failures for an account lock that account from that client address only; twenty
from one address lock the address for every account. Behind the HTTPS proxy the
client address is the entry the proxy appended to X-Forwarded-For; without a proxy
the header is ignored, so forging it changes nothing.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

LOGIN = "/en/admin/login/"
PASSWORD = "a-strong-pass-phrase-1"
PROXY = "10.0.0.2"
ATTACKER = "198.51.100.7"
EDITOR_HOME = "203.0.113.9"

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def sign_in(username, password, *, remote=PROXY, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return Client().post(
        LOGIN,
        {"username": username, "password": password, "next": "/en/admin/"},
        **headers,
    )


def fail_five_times(**where):
    statuses = [sign_in("editor", "wrong", **where).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


def test_behind_the_proxy_a_guesser_is_locked_and_the_editor_is_not(
    editor, behind_proxy
):
    # The proxy appends the address it saw; the client may have sent anything before.
    fail_five_times(forwarded=f"{EDITOR_HOME}, {ATTACKER}")
    assert sign_in("editor", PASSWORD, forwarded=ATTACKER).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    response = sign_in("editor", PASSWORD, forwarded=EDITOR_HOME)
    assert response.status_code == 302
    assert response["Location"] == "/en/admin/"


def test_one_address_trying_many_accounts_is_locked_at_twenty(editor, behind_proxy):
    # Four guesses on each of five accounts: no account-and-address pair reaches five.
    statuses = [
        sign_in(f"guess{n}", "wrong", forwarded=ATTACKER).status_code
        for n in range(5)
        for _ in range(4)
    ]
    assert statuses == [200] * 19 + [429]
    # Locked for every account, the right password included...
    assert sign_in("someone-new", "wrong", forwarded=ATTACKER).status_code == 429
    assert sign_in("editor", PASSWORD, forwarded=ATTACKER).status_code == 429
    # ...and only that address.
    assert sign_in("editor", PASSWORD, forwarded=EDITOR_HOME).status_code == 302


def test_without_a_proxy_a_forged_forwarded_for_is_ignored(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [
        sign_in(
            "editor", "wrong", remote=ATTACKER, forwarded=f"192.0.2.{n}"
        ).status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    # Claiming to be the editor's address does not help either.
    locked = sign_in("editor", PASSWORD, remote=ATTACKER, forwarded=EDITOR_HOME)
    assert locked.status_code == 429
    assert sign_in("editor", PASSWORD, remote=EDITOR_HOME).status_code == 302


def test_garbage_in_the_proxy_header_falls_back_to_the_proxy_address(
    editor, behind_proxy
):
    fail_five_times(forwarded="not-an-address")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}


def test_the_lock_ends_after_the_cool_off(editor, behind_proxy):
    fail_five_times(forwarded=ATTACKER)
    assert sign_in("editor", PASSWORD, forwarded=ATTACKER).status_code == 429
    with freeze_time(timezone.now() + timedelta(minutes=16)):
        assert sign_in("editor", PASSWORD, forwarded=ATTACKER).status_code == 302
