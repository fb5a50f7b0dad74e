"""The shared builders make what they say."""

import pytest

from articles.workflow import Role, roles_of
from tests.builders import (
    make_inactive_staff,
    make_staff,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role", [Role.EDITOR, Role.TRANSLATOR, Role.MANAGING_EDITOR, Role.SITE_ADMIN]
)
def test_make_staff_gives_exactly_the_role(role):
    user = make_staff(role)
    assert user.is_staff and user.is_active and not user.is_superuser
    assert roles_of(user) == {role}


def test_staff_without_a_group_and_inactive_staff_have_no_role():
    assert roles_of(make_staff()) == frozenset()
    inactive = make_inactive_staff()
    assert not inactive.is_active
    assert roles_of(inactive) == frozenset()
