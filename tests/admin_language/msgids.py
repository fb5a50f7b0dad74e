"""The English source strings of every message catalogue the admin may show.

The project's own catalogue and those of every installed app (Django's admin, auth and
contenttypes, axes, django-otp, django-reversion, taggit...): a visible piece of text
on a Kyrgyz or Russian page that is one of these strings in English was left
untranslated.
"""

import gettext
import re
from functools import cache
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\{ *\w+ *\}\}|\{\w*\}")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")

# The same in every language: names of standards and identifiers.
SAME_IN_EVERY_LANGUAGE = {
    "doi",
    "orcid",
    "orcid id",
    "url",
    "issn",
    "pdf",
    "isbn",
    "id",
    "word (.docx)",
}


def _catalogue_files():
    folders = [Path(django.__file__).parent / "conf" / "locale"]
    folders += [Path(app.path) / "locale" for app in apps.get_app_configs()]
    folders += [Path(p) for p in settings.LOCALE_PATHS]
    for folder in folders:
        # The msgids are the same in every language: one catalogue per folder does.
        for mo in sorted(folder.glob("*/LC_MESSAGES/django.mo"))[:1]:
            yield mo


def _msgids(mo):
    with mo.open("rb") as f:
        catalogue = gettext.GNUTranslations(f)._catalog
    for key in catalogue:
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split("\x04", 1)[-1]  # drop a msgctxt
        if msgid and LATIN_WORD.search(msgid):
            yield msgid


@cache
def source_strings():
    """(exact, patterns): casefolded msgids, and regexes for those with placeholders."""
    exact, patterns = set(), []
    for mo in _catalogue_files():
        for msgid in _msgids(mo):
            if PLACEHOLDER.search(msgid):
                literal = PLACEHOLDER.sub("", msgid)
                if len(LATIN_WORD.findall(literal)) >= 2:
                    parts = PLACEHOLDER.split(" ".join(msgid.split()))
                    regex = ".+?".join(re.escape(part) for part in parts)
                    patterns.append(re.compile(regex, re.IGNORECASE | re.DOTALL))
            elif msgid.casefold() not in SAME_IN_EVERY_LANGUAGE:
                exact.add(" ".join(msgid.split()).casefold())
    return frozenset(exact), tuple(patterns)


def untranslated(texts):
    """The pieces of `texts` that are English source strings of some catalogue."""
    exact, patterns = source_strings()
    found = []
    for text in texts:
        text = " ".join(text.split())
        if not LATIN_WORD.search(text):
            continue
        folded = text.casefold().rstrip(":")
        if folded in exact or any(p.fullmatch(text) for p in patterns):
            found.append(text)
    return found
