"""Alphabetical order as Kyrgyz, Russian and English readers expect it.

Code-point order puts the Kyrgyz letters ң, ө, ү after я; here they follow н, о, у.
"""

import unicodedata

KYRGYZ = "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя"
LATIN = "abcdefghijklmnopqrstuvwxyz"
_RANK = {ch: i for i, ch in enumerate(LATIN)}
_RANK.update({ch: 100 + i for i, ch in enumerate(KYRGYZ)})


def _char_rank(ch):
    return _RANK.get(ch, 1000 + ord(ch))


def alphabet_key(text, lang="ky"):
    """A sort key: Latin before Cyrillic in English, Cyrillic before Latin otherwise."""
    text = unicodedata.normalize("NFC", (text or "").strip().casefold())
    script_first = 0
    if text and text[0] in _RANK:
        is_latin = _RANK[text[0]] < 100
        script_first = (
            (0 if is_latin else 1) if lang == "en" else (1 if is_latin else 0)
        )
    return (script_first, [_char_rank(ch) for ch in text])


def first_letter(text):
    text = (text or "").strip()
    return text[:1].upper() if text and text[0].isalpha() else "#"


def alphabet_rank(labels, lang="ky"):
    """An ORDER BY expression putting rows in `alphabet_key` order.

    `labels` are (pk, label) pairs. For lists the database cannot sort by a
    language's alphabet (SQLite knows no Kyrgyz, PostgreSQL's collations differ by
    machine): the admin's keyword list sorts exactly as the public index does.
    """
    from django.db.models import Case, IntegerField, Value, When

    ordered = sorted(labels, key=lambda pair: (alphabet_key(pair[1], lang), pair[0]))
    if not ordered:
        return Value(0, output_field=IntegerField())
    return Case(
        *[When(pk=pk, then=Value(rank)) for rank, (pk, _label) in enumerate(ordered)],
        default=Value(len(ordered)),
        output_field=IntegerField(),
    )
