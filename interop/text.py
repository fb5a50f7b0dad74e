"""Plain text made safe for the XML we hand to machines (feeds, OAI-PMH, JATS, …).

Editors paste titles from PDFs and word processors; a stray vertical tab makes
Django's feed generator raise, U+FFFE makes the output unparseable, and a bidi
override (which nh3 keeps) silently reorders a title in every feed reader.
"""

import re

from django.utils.functional import Promise

# Not allowed in XML 1.0: C0 controls other than tab, LF and CR; lone surrogates;
# U+FFFE and U+FFFF. Discouraged (and never meaningful in our titles): DEL, C1
# controls and the other non-characters. Invisible or reordering: zero-width space,
# bidi embeddings, overrides and isolates, and a stray byte-order mark.
_PLANE_ENDS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
    for plane in range(17)
)
UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    "\u200b\u202a-\u202e\u2066-\u2069\ufeff" + _PLANE_ENDS + "]"
)


def xml_text(value):
    """`value` as a string without the characters XML outputs must not carry."""
    if value is None:
        return ""
    return UNSAFE.sub("", str(value))


def xml_safe(value):
    """Like `xml_text` for strings (lazy ones too), inside lists and tuples; other
    values (dates, numbers, None, enclosures) pass through unchanged."""
    if isinstance(value, (str, Promise)):
        return xml_text(value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_safe(v) for v in value)
    return value
