"""Names for the rows Django creates to link two models (`Event.articles.through`).

Such a row is shown in the admin (an inline of the article form, the delete
confirmation, the history) as "Event_articles object (14)" under a column head
"EVENT". `name_link_rows()` gives each end its model's translated name and the row
both ends ("Event 1 — Article"), without touching its table, content type or the
model name stored in revisions. Called from the apps' `ready()`.
"""

from django.utils.translation import gettext_lazy as _


def _link_str(self):
    return " — ".join(str(getattr(self, name)) for name in self.link_ends)


def name_link_rows(models, names=None):
    """Name the auto-created link rows of `models`' many-to-many fields.

    `names` maps a (model, field name) to the row's (verbose_name, plural); other
    rows are a "link" / "links".
    """
    names = names or {}
    for model in models:
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            if not through._meta.auto_created:
                continue
            ends = [f for f in through._meta.fields if f.is_relation]
            through.link_ends = [f.name for f in ends]
            through.__str__ = _link_str
            for end in ends:
                end.verbose_name = end.related_model._meta.verbose_name
            singular, plural = names.get((model, field.name), (_("link"), _("links")))
            through._meta.verbose_name = singular
            through._meta.verbose_name_plural = plural
