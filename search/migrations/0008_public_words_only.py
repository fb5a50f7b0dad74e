"""Suggestion words come from public documents only.

The old dictionary held words of drafts too: it is emptied here, and the next
`migrate` (`search.indexing.build_if_empty`) or `rebuild_search_index` fills it from
public documents.
"""

import django.utils.timezone
from django.db import migrations, models


def forget_words(apps, schema_editor):
    apps.get_model("search", "SearchTerm").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0007_postgres_result_articles")]

    operations = [
        migrations.RunPython(forget_words, migrations.RunPython.noop),
        migrations.AddField(
            model_name="searchdocument",
            name="public_from",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="public from"
            ),
        ),
        migrations.AddField(
            model_name="searchterm",
            name="public_from",
            field=models.DateTimeField(
                db_index=True,
                default=django.utils.timezone.now,
                verbose_name="public from",
            ),
            preserve_default=False,
        ),
    ]
