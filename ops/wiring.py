"""Plugs the page cache (infrastructure, which knows no content app) into the content.

The page cache must go stale whenever public content changes: on any save or delete in
the content apps, on their "content changed" signal (bulk updates that send no model
signals), and at the next scheduled publication; a change that takes content out of
public view (by the models' own visibility rules) is strict, never served stale. The
journal's site context keeps the journal until the page cache's generation moves.
"""

from django.apps import apps

CONTENT_APPS = ("articles", "relations", "journalpages")


def connect_page_cache():
    if not apps.is_installed("pagecache"):
        return
    from articles import extensions
    from articles.models import Article, Issue
    from articles.signals import content_changed
    from pagecache import cache
    from pagecache.apps import invalidate, visibility, watch_app

    content_changed.connect(invalidate, dispatch_uid="pagecache-content")
    for label in CONTENT_APPS:
        watch_app(label)
        for model in apps.get_app_config(label).get_models():
            # The visibility rule of each model readers may see or not: a save that
            # takes a row out of it is a removal (never served stale).
            manager = model._default_manager
            rule = getattr(manager, "public", None) or getattr(manager, "published", 0)
            if rule:
                visibility[model] = rule
    for source in (
        Issue.objects.next_publication_time,
        Article.objects.next_publication_time,
    ):
        if source not in cache.scheduled_sources:
            cache.scheduled_sources.append(source)
    extensions.content_version = cache.current_generation
