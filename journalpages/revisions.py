"""Every save of a journal page or a board member keeps a revision (django-reversion).

Imported from `JournalPagesConfig.ready()` and by the admin, after modeltranslation
has added the `_ky/_ru/_en` columns, so each revision keeps all three languages.
"""

import reversion

from .models import BoardMember, Page

for model in (Page, BoardMember):
    if not reversion.is_registered(model):
        reversion.register(model)
