"""Contributors saved without a Latin name get one transliterated (BGN/PCGN), as
Contributor.save() now does for new ones."""

from django.db import migrations
from django.db.models import Q

from articles.transliteration import latin_name


def fill_latin_names(apps, schema_editor):
    Contributor = apps.get_model("articles", "Contributor")
    unnamed = Q(last_name_en="") | Q(last_name_en__isnull=True)
    for contributor in Contributor.objects.filter(unnamed):
        filled = latin_name(contributor)
        if filled:
            Contributor.objects.filter(pk=contributor.pk).update(**filled)


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_doi_crossref_pattern")]

    operations = [migrations.RunPython(fill_latin_names, migrations.RunPython.noop)]
