"""The text moves to its own table, so that document rows stay narrow.

The index is derived data: it is emptied here and rebuilt after `migrate` by
`search.indexing.build_if_empty` (or `rebuild_search_index`).
"""

import django.db.models.deletion
from django.db import migrations, models


def empty_the_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # The generated column of 0002 reads the columns removed below.
        schema_editor.execute(
            "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector"
        )
    apps.get_model("search", "SearchDocument").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0002_postgres'),
    ]

    operations = [
        migrations.RunPython(empty_the_index, migrations.RunPython.noop),
        migrations.CreateModel(
            name='SearchText',
            fields=[
                ('document', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='content', serialize=False, to='search.searchdocument', verbose_name='search document')),
                ('title_f', models.TextField(blank=True)),
                ('keywords_f', models.TextField(blank=True)),
                ('names_f', models.TextField(blank=True)),
                ('text', models.TextField(blank=True, verbose_name='text')),
                ('text_f', models.TextField(blank=True)),
                ('abstract_length', models.PositiveIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'search text',
                'verbose_name_plural': 'search texts',
            },
        ),
        migrations.RemoveField(
            model_name='searchdocument',
            name='abstract_length',
        ),
        migrations.RemoveField(
            model_name='searchdocument',
            name='keywords_f',
        ),
        migrations.RemoveField(
            model_name='searchdocument',
            name='names_f',
        ),
        migrations.RemoveField(
            model_name='searchdocument',
            name='text',
        ),
        migrations.RemoveField(
            model_name='searchdocument',
            name='text_f',
        ),
        migrations.RemoveField(
            model_name='searchdocument',
            name='title',
        ),
        migrations.RemoveField(
            model_name='searchdocument',
            name='title_f',
        ),
    ]
