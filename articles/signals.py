"""Signals of the journal app.

`content_changed` is sent when public content may have changed by a bulk update that
sends no model signals (workflow transitions, publishing an issue, publishing
knowledge-base entries). Page caches listen to it.
"""

from django.dispatch import Signal

content_changed = Signal()
