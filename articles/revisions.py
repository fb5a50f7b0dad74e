"""What a revision of an article or issue contains (django-reversion).

Imported by articles/admin.py before any VersionAdmin is built (VersionAdmin registers
an unregistered model itself, following every inline, the workflow log among them), and
from `ArticlesConfig.ready()`; both come after modeltranslation has added the
`_ky/_ru/_en` columns, so every revision keeps all three languages.

An article's revision holds its own row, body sections, authorships, references, PDF
galleys and keyword uses, plus the rows other apps add with `follow_with_articles()`
(the knowledge base's links), but never the workflow log: a revision is content, and
restoring one must not touch the log.
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

ARTICLE_FOLLOW = ("sections", "authorships", "references", "galleys", "tagged_items")

for model in (ArticleSection, Authorship, Reference, Galley, TaggedItem):
    if not reversion.is_registered(model):
        reversion.register(model)

if not reversion.is_registered(Article):
    reversion.register(Article, follow=ARTICLE_FOLLOW)
if not reversion.is_registered(Issue):
    reversion.register(Issue)


def follow_with_articles(name, rows):
    """Keep, in every article revision, the rows `rows(article)` returns (a QuerySet).

    For apps above the journal whose rows the article page shows (the knowledge base's
    links to an article): the article gets a read-only attribute `name`, the rows'
    model is registered, and restoring a revision brings those rows back too.
    """
    if not reversion.is_registered(rows_model := rows(Article()).model):
        reversion.register(rows_model)
    if not hasattr(Article, name):
        setattr(Article, name, property(rows))
    follow = reversion.revisions._get_options(Article).follow
    if name not in follow:
        reversion.unregister(Article)
        reversion.register(Article, follow=(*follow, name))
