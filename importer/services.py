"""Turn a parsed manuscript into a draft article: one transaction, or nothing.

The admin import page and the `import_manuscripts` command both call
`import_manuscript()`; keywords are found or created only through
`articles.services.keyword_from_labels`, never through taggit's names.
"""

import re
from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from articles.languages import LANGUAGE_CODES, value_in
from articles.models import (
    DOI_VALIDATOR,
    Article,
    ArticleSection,
    Authorship,
    Contributor,
    Keyword,
    Reference,
)
from articles.services import LabelIndex, keyword_from_labels

from .models import ImportAction, ManuscriptImport
from .parser import LANGUAGE_NAMES
from .parser.patterns import NAME_LINE

TITLE_MAX = Article._meta.get_field("title").max_length
HEADING_MAX = ArticleSection._meta.get_field("heading").max_length
URL_MAX = Reference._meta.get_field("url").max_length


class ImportRefused(Exception):
    """The manuscript cannot become an article; the message is for the editor."""


@dataclass
class ImportResult:
    article: Article
    record: ManuscriptImport
    created: bool
    keyword_notes: list = field(default_factory=list)
    new_keywords: int = 0


def can_update(article, user):
    """Re-importing may refresh only a draft, and only for someone who may edit it.

    `user` None is the batch command run from a shell, which may refresh any draft.
    """
    if article is None or article.status != Article.Status.DRAFT:
        return False
    return user is None or user.has_perm("articles.change_article")


def import_manuscript(
    manuscript,
    *,
    user,
    file_name,
    file_format,
    issue=None,
    section=None,
    authors=(),
    update=None,
):
    """Create a draft article from `manuscript` (or refresh the draft `update`).

    Titles, abstracts, body sections, references and keywords come from the
    manuscript; issue, section and authors (contributors in byline order) from the
    editor. Everything is written in one transaction, with one revision, and the
    import is recorded by content hash so that importing it again is noticed.
    """
    if not manuscript.has_title:
        raise ImportRefused(
            _("No title was recognised, so there is no article to create.")
        )
    with transaction.atomic(), reversion.create_revision():
        article, created = _article_for(update, user)
        _fill_article(article, manuscript, issue, section)
        article.save()
        _replace_parts(article, manuscript, authors, replace=not created)
        keywords, notes, new = resolve_keywords(manuscript.keywords)
        article.keywords.set(keywords)
        record = ManuscriptImport.objects.create(
            article=article,
            content_hash=manuscript.content_hash,
            file_name=file_name[:255],
            file_format=file_format,
            action=ImportAction.CREATED if created else ImportAction.UPDATED,
            original_titles={
                code: block.title_original
                for code, block in manuscript.blocks.items()
                if block.title_original
            },
            warning_count=len(manuscript.warnings),
            imported_by=user,
        )
        # Saved last, so the revision holds the new sections, references and authors.
        reversion.add_to_revision(article)
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(
            _("Imported from the manuscript file %(file)s.") % {"file": file_name}
        )
    return ImportResult(article, record, created, notes, new)


def _article_for(update, user):
    if update is None:
        return Article(created_by=user), True
    article = Article.objects.select_for_update().get(pk=update.pk)
    if not can_update(article, user):
        raise ImportRefused(
            _(
                "The earlier article is no longer a draft you may edit; import the "
                "manuscript as a new article instead."
            )
        )
    article.version += 1
    return article, False


def _fill_article(article, manuscript, issue, section):
    for code, block in manuscript.blocks.items():
        if block.title:
            setattr(article, f"title_{code}", block.title[:TITLE_MAX])
        if block.abstract:
            setattr(article, f"abstract_{code}", block.abstract)
    article.original_language = manuscript.original_language
    article.issue = issue
    article.section = section


def _replace_parts(article, manuscript, authors, replace):
    if replace:
        article.sections.all().delete()
        article.references.all().delete()
        article.authorships.all().delete()
    language = manuscript.body_language or manuscript.original_language
    ArticleSection.objects.bulk_create(
        ArticleSection(
            article=article,
            order=order,
            **{
                f"heading_{language}": part.heading[:HEADING_MAX],
                f"text_{language}": part.text,
            },
        )
        for order, part in enumerate(manuscript.sections, start=1)
    )
    Reference.objects.bulk_create(
        Reference(
            article=article,
            order=entry.number,
            text=entry.text,
            doi=_valid_doi(entry.doi),
            url=_valid_url(entry.url),
        )
        for entry in manuscript.references
    )
    Authorship.objects.bulk_create(
        Authorship(
            article=article, contributor=contributor, order=order, corresponding=corr
        )
        for order, (contributor, corr) in enumerate(authors)
    )


def _valid_doi(doi):
    try:
        DOI_VALIDATOR(doi)
    except ValidationError:
        return ""
    return doi if len(doi) <= Reference._meta.get_field("doi").max_length else ""


def _valid_url(url):
    if not url or len(url) > URL_MAX:
        return ""
    try:
        URLValidator()(url)
    except ValidationError:
        return ""
    return url


# --- keywords ---


def keyword_statuses(plans):
    """For the preview: per planned keyword, whether it already exists (read only)."""
    index = LabelIndex()
    return [
        any(index.owner(code, label) for code, label in plan.label_list())
        for plan in plans
    ]


def resolve_keywords(plans):
    """The Keyword objects for planned keywords: existing ones reused, none doubled.

    Each plan goes through articles.services.keyword_from_labels (found by a label
    some keyword has, else created; given the labels it lacks). A label another
    keyword has attaches that keyword too, with a note for the editor, as does a
    label the keyword keeps in its own wording. Returns (keywords, notes, new count).
    """
    index = LabelIndex()
    keywords, notes, new = [], [], 0
    for plan in plans:
        labels = dict(plan.label_list())
        if not labels:
            continue
        match = keyword_from_labels(labels, index)
        new += match.created
        extra = _left_out_labels(match, notes)
        for item in [match.keyword, *extra]:
            if item not in keywords:
                keywords.append(item)
    return keywords, notes, new


def _left_out_labels(match, notes):
    """Notes on the labels a keyword did not take; other owners are attached too."""
    keyword, extra = match.keyword, []
    for code, label, owner in match.left_out:
        current = value_in(keyword, "name", code)
        if owner is not None:
            notes.append(
                _(
                    "“%(label)s” (%(language)s) is already another keyword; both are "
                    "attached. Merge them in the keyword admin if they are one concept."
                )
                % {"label": label, "language": LANGUAGE_NAMES[code]}
            )
            if not current:
                extra.append(Keyword.objects.get(pk=owner))
        else:
            notes.append(
                _(
                    "The keyword “%(keyword)s” keeps its %(language)s label "
                    "“%(current)s”; the manuscript says “%(label)s”."
                )
                % {
                    "keyword": keyword,
                    "language": LANGUAGE_NAMES[code],
                    "current": current,
                    "label": label,
                }
            )
    return extra


def byline_contributors(manuscript):
    """Existing authors named in the manuscript's bylines, in byline order.

    A byline ("Асанов Б.А.", "B. Asanov", "Асанов Бакыт Асанович") is matched by
    its surname against the authors' surnames in any language; the confirm form
    starts with them chosen, and the editor can change them.
    """
    words = []
    for text in manuscript.leftovers:
        for match in NAME_LINE.finditer(text):
            for word in re.findall(r"[^\W\d_][\w’'-]+", match.group(0)):
                if len(word) > 2 and word[0].isupper() and word not in words:
                    words.append(word)
    if not words:
        return []
    found = Contributor.objects.filter(
        Q(last_name_ky__in=words)
        | Q(last_name_ru__in=words)
        | Q(last_name_en__in=words)
    )

    def position(contributor):
        names = {value_in(contributor, "last_name", code) for code in LANGUAGE_CODES}
        return min(words.index(w) for w in words if w in names)

    return sorted(found, key=position)
