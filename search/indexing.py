"""Writing the index: the documents of one object, or of everything.

Signals `mark()` changed objects; `flush()` re-indexes them once, when the
transaction commits or before a search. Every write path ends in `store()`: delete
the objects' documents, insert the new ones, remember their words for "did you
mean". `rebuild_search_index` uses the same functions for everything, in batches.

The "did you mean" dictionary holds words of public documents only. Each document
records when its object becomes public (`public_from`; None while it is not
published), and each word the earliest such time, so scheduled publication needs no
job. A document that stops being public (withdrawn, unpublished, rescheduled later,
deleted) has its old words counted again from the documents that remain.
"""

from datetime import UTC, datetime

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import F, Prefetch
from django.db.models.functions import Substr

from articles.languages import LANGUAGE_CODES, value_in
from articles.models import Article, Authorship
from relations.models import Agreement, Event

from .backends import update_vectors
from .models import Kind, SearchDocument, SearchTerm, SearchText
from .text import MAX_WORD_CHARS, clean, fold, words

MIN_TERM_CHARS = 3
BATCH = 500
# Published knowledge-base entries have no publication time: public since always.
ALWAYS = datetime(1970, 1, 1, tzinfo=UTC)


def _text(*parts):
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _names(values):
    return "; ".join(dict.fromkeys(v for v in values if v))


def document(kind, pk, lang, *, title, keywords, names, abstract, body, public_from):
    """An unsaved SearchDocument with its SearchText (`.content`); None when the
    language has no text of its own."""
    if not (title or abstract or body or keywords):
        return None
    abstract = clean(abstract)
    text = abstract + ("\n\n" + clean(body) if body else "")
    doc = SearchDocument(
        kind=kind, object_id=pk, language=lang, public_from=public_from
    )
    doc.content = SearchText(
        title_f=fold(title),
        keywords_f=fold(keywords),
        names_f=fold(names),
        text=text,
        text_f=fold(text),
        abstract_length=len(abstract),
    )
    return doc


def _keywords(obj, lang):
    return ", ".join(
        value_in(k, "name", lang)
        for k in obj.keywords.all()
        if value_in(k, "name", lang)
    )


def article_documents(article):
    """Documents of an article loaded with `indexable_articles()`."""
    public_from = article.public_from
    names = _names(
        c.full_name(lang).text for c in article.authors() for lang in LANGUAGE_CODES
    )
    sections = list(article.sections.all())
    for lang in LANGUAGE_CODES:
        body = _text(
            *(
                _text(value_in(s, "heading", lang), value_in(s, "text", lang))
                for s in sections
            )
        )
        doc = document(
            Kind.ARTICLE,
            article.pk,
            lang,
            title=_text(
                value_in(article, "title", lang), value_in(article, "subtitle", lang)
            ),
            keywords=_keywords(article, lang),
            names=names,
            abstract=value_in(article, "abstract", lang),
            body=body,
            public_from=public_from,
        )
        if doc:
            yield doc


def _entry_names(entry, lang):
    related = list(entry.countries.all()) + list(entry.organizations.all())
    if isinstance(entry, Event):
        related += list(entry.people.all())
    values = []
    for obj in related:
        for field in ("name", "acronym"):
            values.append(value_in(obj, field, lang))
    return _names(values)


def entry_documents(entry):
    """Documents of an event or agreement loaded with `indexable_entries()`."""
    kind = Kind.EVENT if isinstance(entry, Event) else Kind.AGREEMENT
    summary = "description" if kind == Kind.EVENT else "summary"
    for lang in LANGUAGE_CODES:
        doc = document(
            kind,
            entry.pk,
            lang,
            title=value_in(entry, "title", lang),
            keywords=_keywords(entry, lang),
            names=_entry_names(entry, lang),
            abstract=value_in(entry, summary, lang),
            body=value_in(entry, "place", lang),
            public_from=ALWAYS if entry.is_published else None,
        )
        if doc:
            yield doc


def indexable_articles():
    """Articles with what their documents need, whatever their status."""
    return Article.objects.select_related("issue").prefetch_related(
        "sections",
        "keywords",
        Prefetch(
            "authorships",
            queryset=Authorship.objects.select_related("contributor").order_by("order"),
        ),
    )


def indexable_entries(model):
    links = ["keywords", "countries", "organizations"]
    if model is Event:
        links.append("people")
    return model.objects.prefetch_related(*links)


SOURCES = {
    Kind.ARTICLE: (indexable_articles, article_documents),
    Kind.EVENT: (lambda: indexable_entries(Event), entry_documents),
    Kind.AGREEMENT: (lambda: indexable_entries(Agreement), entry_documents),
}


def _term_words(*texts):
    found = set()
    for text in texts:
        found.update(words(text))
    return {w for w in found if MIN_TERM_CHARS <= len(w) <= MAX_WORD_CHARS}


def terms(docs):
    """Words for "did you mean": from titles, keywords, names and abstracts."""
    found = set()
    for doc in docs:
        content = doc.content
        found |= _term_words(
            content.title_f,
            content.keywords_f,
            content.names_f,
            content.text_f[: content.abstract_length],
        )
    return found


def _stored_words(texts):
    """(public_from, words) of stored SearchText rows, abstract only of the text."""
    rows = texts.annotate(
        abstract_f=Substr("text_f", 1, F("abstract_length"))
    ).values_list(
        "document__public_from", "title_f", "keywords_f", "names_f", "abstract_f"
    )
    for public_from, *parts in rows.iterator(chunk_size=BATCH):
        yield public_from, _term_words(*parts)


def _chunks(items, size=BATCH):
    items = sorted(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def add_public_terms(docs):
    """Remember the words of the public (or scheduled) documents among `docs`, each
    with the earliest time one of them becomes public."""
    wanted = {}
    for doc in docs:
        if doc.public_from is None:
            continue
        for word in terms([doc]):
            if word not in wanted or doc.public_from < wanted[word]:
                wanted[word] = doc.public_from
    _set_times(wanted, only_earlier=True)


def recount_terms(candidates):
    """Set each candidate word's time from the public documents that hold it now,
    and forget the words none holds. Reads the documents' short fields once; only
    needed when a document stops being public, which is rare."""
    if not candidates:
        return
    earliest = {}
    public = SearchText.objects.filter(document__public_from__isnull=False)
    for public_from, found in _stored_words(public):
        for word in found & candidates:
            if word not in earliest or public_from < earliest[word]:
                earliest[word] = public_from
    for chunk in _chunks(candidates - set(earliest)):
        SearchTerm.objects.filter(word__in=chunk).delete()
    _set_times(earliest, only_earlier=False)


def _set_times(wanted, *, only_earlier):
    """Store {word: public_from}: new words are added; a known word's time is
    replaced (or, with `only_earlier`, only moved earlier)."""
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=w, public_from=t) for w, t in sorted(wanted.items())],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    changed = []
    for chunk in _chunks(wanted):
        for term in SearchTerm.objects.filter(word__in=chunk):
            at = wanted[term.word]
            if at < term.public_from or (at != term.public_from and not only_earlier):
                term.public_from = at
                changed.append(term)
    SearchTerm.objects.bulk_update(changed, ["public_from"], batch_size=BATCH)


def _withdrawn_words(old, docs):
    """Words of the old documents of objects that stop being public, or become
    public later than before: the words to count again."""
    before = {}
    for object_id, public_from in old.values_list("object_id", "public_from"):
        if public_from is not None:
            before[object_id] = public_from
    after = {doc.object_id: doc.public_from for doc in docs}
    later = [
        object_id
        for object_id, was in before.items()
        if after.get(object_id) is None or after[object_id] > was
    ]
    if not later:
        return set()
    texts = SearchText.objects.filter(document__in=old.filter(object_id__in=later))
    found = set()
    for _public_from, words_ in _stored_words(texts):
        found |= words_
    return found


def store(kind, ids, docs):
    """Replace the documents of objects `ids` of `kind` with `docs`."""
    with transaction.atomic():
        old = SearchDocument.objects.filter(kind=kind, object_id__in=ids)
        recount = _withdrawn_words(old, docs)
        SearchText.objects.filter(document__in=old).delete()
        old.delete()
        SearchDocument.objects.bulk_create(docs, batch_size=BATCH)
        texts = []
        for doc in docs:
            doc.content.document = doc
            texts.append(doc.content)
        SearchText.objects.bulk_create(texts, batch_size=BATCH)
        update_vectors([doc.pk for doc in docs])
        add_public_terms(docs)
        recount_terms(recount)


def _pending():
    """{kind: {ids}} changed on this thread's connection and not yet re-indexed."""
    wrapper = connections[DEFAULT_DB_ALIAS]
    if not hasattr(wrapper, "search_pending"):
        wrapper.search_pending = {}
    return wrapper.search_pending


def mark(kind, ids):
    """Re-index objects `ids` of `kind` when the transaction commits (at once when
    there is none). Re-indexing reads the objects as they are then, so a change that
    was rolled back costs a re-index and changes nothing."""
    _pending().setdefault(kind, set()).update(ids)
    transaction.on_commit(flush, robust=True)


def flush():
    """Re-index every marked object. Also called before a search, so that a search
    in the transaction that changed the content sees the change."""
    pending = _pending()
    while pending:
        kind, ids = pending.popitem()
        ids = sorted(ids)
        for start in range(0, len(ids), BATCH):
            reindex(kind, ids[start : start + BATCH])


def reindex(kind, ids):
    """Re-read objects `ids` of `kind` and store their documents (gone ones: none)."""
    ids = list(ids)
    if not ids:
        return
    queryset, documents = SOURCES[kind]
    docs = [d for obj in queryset().filter(pk__in=ids) for d in documents(obj)]
    store(kind, ids, docs)


def rebuild(batch=BATCH, stdout=None):
    """Index everything afresh; returns {kind: number of documents}."""
    counts = {}
    _pending().clear()
    with transaction.atomic():
        SearchText.objects.all().delete()
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        for kind, (queryset, documents) in SOURCES.items():
            counts[kind] = 0
            ids = list(queryset().order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), batch):
                chunk = ids[start : start + batch]
                docs = [
                    d for obj in queryset().filter(pk__in=chunk) for d in documents(obj)
                ]
                store(kind, chunk, docs)
                counts[kind] += len(docs)
            if stdout:
                stdout.write(f"{kind}: {counts[kind]} documents")
    analyze()
    return counts


def analyze():
    """Fresh planner statistics after a bulk load (PostgreSQL); autovacuum would get
    there too, later."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (SearchDocument, SearchText, SearchTerm):
                cursor.execute(
                    f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}"
                )


def build_if_empty(using="default", **kwargs):
    """After `migrate`: a site that has content but no index yet gets one, and so
    does an index without suggestion words (migration 0008 forgot the old ones,
    which included words of drafts; a site with drafts only rebuilds its few
    documents each time, at no real cost)."""
    if SearchDocument.objects.using(using).exists():
        if not SearchTerm.objects.using(using).exists():
            rebuild()
        return
    if any(
        model.objects.using(using).exists() for model in (Article, Event, Agreement)
    ):
        rebuild()
