"""The README's role table is the code's."""

from pathlib import Path

import pytest
from django.conf import settings

from articles.management.commands.roles_table import roles_table


@pytest.mark.django_db
def test_readme_role_table_is_made_from_the_code():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    assert roles_table() in readme, "run `manage.py roles_table` and paste it"
