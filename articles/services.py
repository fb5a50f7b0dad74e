"""Writes that span several models."""

from dataclasses import dataclass, field

from django.db import transaction

from .languages import LANGUAGE_CODES, value_in
from .models import Keyword, TaggedItem


@transaction.atomic
def merged_labels(target, sources):
    """{language: label} the target keeps after a merge, as `merge_keywords` fills it.

    Shown on the merge page before anything changes, for each possible target.
    """
    others = [k for k in sources if k.pk != target.pk]
    return {
        code: value_in(target, "name", code)
        or next(
            (value_in(k, "name", code) for k in others if value_in(k, "name", code)),
            "",
        )
        for code in LANGUAGE_CODES
    }


def best_merge_target(keywords):
    """The keyword to keep by default: the most used, then the one with most labels."""
    return max(
        keywords,
        key=lambda k: (
            getattr(k, "usage_count", 0),
            sum(1 for code in LANGUAGE_CODES if value_in(k, "name", code)),
            -k.pk,
        ),
    )


def merge_keywords(target, sources):
    """Merge `sources` into `target`: every tagged item moves, nothing is lost.

    The target keeps its labels and takes over the labels it lacks from the sources
    (first source wins per language). Items already tagged with the target are not
    tagged twice. Returns how many uses were moved. Used by the keyword admin.
    """
    sources = [k for k in sources if k.pk != target.pk]
    if not sources:
        return 0
    source_ids = [k.pk for k in sources]
    target = Keyword.objects.select_for_update().get(pk=target.pk)
    already = set(
        TaggedItem.objects.filter(tag=target).values_list(
            "content_type_id", "object_id"
        )
    )
    moved = 0
    for item in TaggedItem.objects.filter(tag_id__in=source_ids).order_by("pk"):
        key = (item.content_type_id, item.object_id)
        if key in already:
            item.delete()
            continue
        already.add(key)
        item.tag = target
        item.save(update_fields=["tag"])
        moved += 1
    labels = {}
    for code in LANGUAGE_CODES:
        if not value_in(target, "name", code):
            labels[code] = next(
                (
                    value_in(k, "name", code)
                    for k in sources
                    if value_in(k, "name", code)
                ),
                None,
            )
    # Sources go first so that their labels are free for the target's unique columns.
    Keyword.objects.filter(pk__in=source_ids).delete()
    for code, label in labels.items():
        if label:
            setattr(target, f"name_{code}", label)
    target.save()
    return moved


def keyword_get_or_create(name, language):
    """The keyword whose `language` label is `name` (case-insensitively), or a new one.

    The one way services that start from text (the importer) find keywords: taggit's
    own name lookup only sees the active language and would create duplicates.
    """
    name = " ".join((name or "").split())
    if not name or language not in LANGUAGE_CODES:
        raise ValueError("A keyword needs a name and one of the site languages.")
    column = f"name_{language}"
    candidates = Keyword.objects.filter(**{f"{column}__iexact": name})
    for keyword in candidates:
        if getattr(keyword, column).casefold() == name.casefold():
            return keyword, False
    for keyword in Keyword.objects.filter(**{f"{column}__isnull": False}).only(
        "pk", column
    ):
        if (getattr(keyword, column) or "").casefold() == name.casefold():
            return Keyword.objects.get(pk=keyword.pk), False
    keyword = Keyword(**{column: name})
    keyword.save()
    return keyword, True


class LabelIndex:
    """Every keyword label, case-folded, per language: read once (one query).

    Answers "which keyword already has this label?" the way keyword_get_or_create
    compares labels (case-insensitively, Cyrillic included). A caller that finds or
    creates many keywords (an import, a demo load) keeps one and passes it on.
    """

    def __init__(self):
        self.owners = {code: {} for code in LANGUAGE_CODES}
        columns = [f"name_{code}" for code in LANGUAGE_CODES]
        for pk, *labels in Keyword.objects.values_list("pk", *columns):
            for code, label in zip(LANGUAGE_CODES, labels, strict=True):
                if label:
                    self.owners[code].setdefault(label.casefold(), pk)

    def owner(self, code, label):
        return self.owners[code].get(label.casefold())

    def remember(self, code, label, pk):
        self.owners[code][label.casefold()] = pk


@dataclass
class KeywordMatch:
    keyword: Keyword
    created: bool
    # The labels the keyword did not take, in the order given: (code, label, owner),
    # owner being the pk of the keyword that has the label, or None when the keyword
    # keeps a label of its own in that language.
    left_out: list = field(default_factory=list)


# New keywords take their slug from the first label: English reads best in a URL.
ANCHOR_ORDER = ("en", "ru", "ky")


def keyword_from_labels(labels, index=None):
    """The keyword with any of `labels` ({code: label}), else a new one; gives it the
    labels it lacks. Returns a KeywordMatch.

    Found by the first label (in the site's language order) some keyword already
    has; a new keyword is named by the first label in ANCHOR_ORDER. A label another
    keyword already has is left out: a unique label is never taken from another
    concept (an editor can merge the two). The importer and the demo loaders use it;
    `index` (a LabelIndex) saves reading every label again for each keyword.
    """
    index = index or LabelIndex()
    labels = {code: label for code, label in labels.items() if label}
    code = next(
        (c for c in LANGUAGE_CODES if c in labels and index.owner(c, labels[c])),
        next(c for c in ANCHOR_ORDER if c in labels),
    )
    keyword, created = keyword_get_or_create(labels[code], code)
    index.remember(code, labels[code], keyword.pk)
    match = KeywordMatch(keyword, created)
    changed = False
    for code, label in labels.items():
        owner = index.owner(code, label)
        if owner == keyword.pk:
            continue
        if owner is None and not value_in(keyword, "name", code):
            setattr(keyword, f"name_{code}", label)
            index.remember(code, label, keyword.pk)
            changed = True
        else:
            match.left_out.append((code, label, owner))
    if changed:
        keyword.save()
    return match
