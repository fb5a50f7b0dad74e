from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    name = "relations"
    verbose_name = _("Relations knowledge base")

    def ready(self):
        from articles import extensions, freshness
        from articles.apps import connect_text_cleaning
        from articles.link_rows import name_link_rows
        from articles.revisions import follow_with_articles

        from . import freshness as event_freshness
        from . import roles, views
        from .models import Agreement, Event, Indicator, Organization

        connect_text_cleaning(self)
        # Rows linking entries (an event to an article...) under readable names.
        name_link_rows(
            (Event, Agreement, Organization, Indicator),
            {
                (Event, "articles"): (_("link to an event"), _("links to events")),
                (Agreement, "articles"): (
                    _("link to an agreement"),
                    _("links to agreements"),
                ),
            },
        )
        # Article pages list the published events and agreements linked to them.
        freshness.touch_linked(Event, "fresh-event")
        freshness.touch_linked(Agreement, "fresh-agreement")
        # The timeline keeps its page under its events' `updated_at`.
        event_freshness.connect()

        # Article revisions keep the article's links to events and agreements.
        for name, model in (("event_links", Event), ("agreement_links", Agreement)):
            through = model.articles.through
            follow_with_articles(
                name,
                lambda article, through=through: through.objects.filter(
                    article_id=article.pk
                ),
            )

        for published in (Event.objects.published, Agreement.objects.published):
            if published not in extensions.public_tagged_content:
                extensions.public_tagged_content.append(published)
        if views.keyword_section not in extensions.keyword_page_sections:
            extensions.keyword_page_sections.append(views.keyword_section)
        if views.article_section not in extensions.article_page_sections:
            extensions.article_page_sections.append(views.article_section)
        extensions.article_page_rows.update(views.ARTICLE_ROWS)
        if roles.ROLE_PERMISSIONS not in extensions.role_permissions:
            extensions.role_permissions.append(roles.ROLE_PERMISSIONS)
