"""Writes that span several models."""

from django.db import transaction

from .languages import LANGUAGE_CODES
from .models import Keyword, TaggedItem


@transaction.atomic
def merged_labels(target, sources):
    """{language: label} the target keeps after a merge, as `merge_keywords` fills it.

    Shown on the merge page before anything changes, for each possible target.
    """
    others = [k for k in sources if k.pk != target.pk]
    return {
        code: getattr(target, f"name_{code}")
        or next(
            (getattr(k, f"name_{code}") for k in others if getattr(k, f"name_{code}")),
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
            sum(1 for code in LANGUAGE_CODES if getattr(k, f"name_{code}")),
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
        if not getattr(target, f"name_{code}"):
            labels[code] = next(
                (
                    getattr(k, f"name_{code}")
                    for k in sources
                    if getattr(k, f"name_{code}")
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


def keyword_from_labels(labels, order=("en", "ru", "ky")):
    """The keyword with any of `labels` ({code: label}), else a new one; fills the
    labels it lacks. Returns (keyword, created).

    Looked up by the first label (in `order`) some keyword already has; a new keyword
    is named by the first label present (so its slug is English when there is one).
    A label another keyword already uses is left out: a unique label is never taken
    from another concept (an editor can merge the two). The demo loaders use it.
    """
    present = [code for code in order if labels.get(code)]
    code = next(
        (
            c
            for c in present
            if Keyword.objects.filter(**{f"name_{c}__iexact": labels[c]}).exists()
        ),
        present[0],
    )
    keyword, created = keyword_get_or_create(labels[code], code)
    changed = False
    for lang in LANGUAGE_CODES:
        column = f"name_{lang}"
        label = labels.get(lang)
        if not label or getattr(keyword, column):
            continue
        taken = (
            Keyword.objects.exclude(pk=keyword.pk)
            .filter(**{f"{column}__iexact": label})
            .exists()
        )
        if not taken:
            setattr(keyword, column, label)
            changed = True
    if changed:
        keyword.save()
    return keyword, created
