"""Signals of the journal app.

`content_changed` is sent when public content may have changed by a bulk update that
sends no model signals (workflow transitions, publishing an issue, publishing
knowledge-base entries). Page caches listen to it. A sender may name the objects
whose publication changed with `pks` (ids of `sender` rows): the search index
keeps its "did you mean" words to public content by them.
"""

from django.dispatch import Signal

content_changed = Signal()
