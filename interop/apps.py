from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    name = "interop"
    verbose_name = _("Indexing and exchange")

    def ready(self):
        from articles import extensions

        from .admin import export_crossref_xml, export_issue_crossref_xml

        # The article page's metadata tags and its "How to cite" block.
        for templates, name in (
            (extensions.article_head_templates, "interop/article_meta.html"),
            (extensions.article_end_templates, "interop/how_to_cite.html"),
        ):
            if name not in templates:
                templates.append(name)
        if export_crossref_xml not in extensions.article_admin_actions:
            extensions.article_admin_actions.append(export_crossref_xml)
        if export_issue_crossref_xml not in extensions.issue_admin_actions:
            extensions.issue_admin_actions.append(export_issue_crossref_xml)
