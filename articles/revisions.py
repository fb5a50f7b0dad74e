"""What a revision of an article or issue contains (django-reversion).

Imported from `ArticlesConfig.ready()`, after modeltranslation has added the
`_ky/_ru/_en` columns, so every revision keeps all three languages.
"""

import reversion

from .models import (
    Article,
    ArticleSection,
    Authorship,
    Galley,
    Issue,
    Reference,
    TaggedItem,
)

for model in (ArticleSection, Authorship, Reference, Galley, TaggedItem):
    if not reversion.is_registered(model):
        reversion.register(model)

if not reversion.is_registered(Article):
    reversion.register(
        Article,
        follow=("sections", "authorships", "references", "galleys", "tagged_items"),
    )
if not reversion.is_registered(Issue):
    reversion.register(Issue)
