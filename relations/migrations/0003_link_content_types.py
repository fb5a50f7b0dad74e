"""Content types for the article links of events and agreements.

Article revisions keep these link rows (relations/apps.py), so reversion needs their
content types. Django's migrate does not create content types for auto-created
many-to-many tables; made on the fly inside the revision page's rolled-back
transaction, the row would vanish while its id stayed in the content-type cache, and
the next save in that process would fail. Here they exist from the start.
"""

from django.db import migrations

LINK_TABLES = ("event_articles", "agreement_articles")


def create(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in LINK_TABLES:
        content_types.objects.using(schema_editor.connection.alias).get_or_create(
            app_label="relations", model=model
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("relations", "0002_agreement_precision_check"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
