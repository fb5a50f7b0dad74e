"""Sign-in throttling (django-axes): whose failures count, and how many lock.

The rule (see AXES_* in settings and the README's sign-in paragraph):

- five failures for one account from one client address lock that account *from
  that address* for the cool-off: a password-guesser is stopped, while the editor,
  signing in from anywhere else, is not locked out by a stranger;
- twenty failures from one client address, whatever the accounts, lock that
  address: one address cannot try a few passwords on every account instead.

A guesser spread over many addresses is slowed to a few guesses per address per
cool-off; locking the account itself would stop it but would let anyone lock any
editor out at will, so that is left to the password rules and two-factor sign-in.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def client_ip(request):
    """The client's address: REMOTE_ADDR, or behind our HTTPS proxy (DJANGO_HTTPS,
    `TRUSTED_PROXY_COUNT` proxies) the entry our nearest proxy appended to
    X-Forwarded-For. Entries further left are the client's to write, so a forged
    header changes nothing; without a proxy the header is ignored altogether."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(hops) < count or not hops[-count]:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


class LockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler with a higher limit for an address alone.

    axes compares one number with AXES_FAILURE_LIMIT: the most failures among the
    AXES_LOCKOUT_PARAMETERS groups. The address-only count is scaled so that it
    reaches that limit at AXES_IP_FAILURE_LIMIT.
    """

    def get_failures(self, request, credentials=None):
        account_and_address, address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        scaled = address * settings.AXES_FAILURE_LIMIT // settings.AXES_IP_FAILURE_LIMIT
        return max(account_and_address, scaled)
