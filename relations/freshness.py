"""An event's `updated_at` moves whenever its row on the timeline would change.

A save moves it (auto_now); so does linking or unlinking a domain, country,
organization or person, from either side, in one UPDATE that sends no signals. The
timeline page is kept whole under the count, latest `updated_at` and ids of the events
it shows (articles.kept_pages.rows_version), so this is what makes a new link show.
Renamed or removed domains, countries and organizations change the page's filter
choices, which are part of its fingerprint too.
"""

from django.db.models.signals import m2m_changed
from django.utils import timezone

from .models import Event


def touch_events(ids):
    ids = [pk for pk in ids if pk is not None]
    if ids:
        Event.objects.filter(pk__in=ids).update(updated_at=timezone.now())


def _links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if isinstance(instance, Event):
        touch_events([instance.pk])
    elif action == "pre_clear":  # from the other side: the events it still has
        touch_events(instance.events.values_list("pk", flat=True))
    else:
        touch_events(pk_set or ())


def connect():
    for name in ("countries", "domains", "organizations", "people"):
        through = getattr(Event, name).through
        m2m_changed.connect(
            _links_changed, sender=through, dispatch_uid=f"fresh-event-{name}"
        )
