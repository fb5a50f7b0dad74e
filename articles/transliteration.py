"""Authors' names in Latin script, from the Cyrillic (Russian or Kyrgyz) spelling.

Names are romanised with BGN/PCGN (the US and UK boards on geographic names), the
system English-language libraries and indexes know: the Russian table through
`iuliia`'s schema; a Kyrgyz spelling as in the BGN/PCGN romanization of Kyrgyz
(1979), which differs from the Russian table in four letters: Ж j, Ң ng, Ө ö, Ү ü
("Жалал-Абад" Jalal-Abad, "Ысык-Көл" Ysyk-Köl). Editors may enter or correct
the Latin spelling an author uses (a passport's, an ORCID record's); a transliteration
only ever fills an empty field.
"""

import iuliia

from .languages import value_in

# BGN/PCGN for Kyrgyz where it differs from the Russian table.
KYRGYZ_LETTERS = str.maketrans(
    {"Ж": "J", "ж": "j", "Ң": "Ng", "ң": "ng", "Ө": "Ö", "ө": "ö", "Ү": "Ü", "ү": "ü"}
)
# iuliia keeps "ё" inside "yё"; BGN/PCGN writes it "ë".
YO = str.maketrans({"Ё": "Ë", "ё": "ë"})


def latin(text, lang="ru"):
    """`text`, a name spelled in `lang` ("ru" or "ky"), in BGN/PCGN Latin script."""
    if not text:
        return ""
    if lang == "ky":
        text = text.translate(KYRGYZ_LETTERS)
    return iuliia.BGN_PCGN.translate(text).translate(YO)


def latin_name(contributor):
    """{field: Latin text} for the contributor's empty English name fields, from
    the Russian name, else the Kyrgyz one (the patronymic is not used in English)."""
    for source in ("ru", "ky"):
        if value_in(contributor, "last_name", source).strip():
            break
    else:
        return {}
    filled = {}
    for field in ("last_name", "first_name"):
        if not value_in(contributor, field, "en").strip():
            spelled = value_in(contributor, field, source).strip()
            if text := latin(spelled, source):
                filled[f"{field}_en"] = text
    return filled
