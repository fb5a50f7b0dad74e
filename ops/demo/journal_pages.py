"""The demo journal's own pages, editorial board and online ISSN, from TOML files.

`ops/demo/data/pages/*.toml` (one page a file), `ops/demo/data/board/members.toml`
and `ops/demo/data/identity/journal.toml`. Like the other demo loaders it never
changes what exists: a page is matched by its slug, a board member by the English
name, and a journal field is filled only while it is empty, so editors' changes
survive a second run. Called by `load_demo` inside its transaction.
"""

import tomllib
from collections import Counter
from pathlib import Path

from articles.languages import LANGUAGE_CODES
from journalpages.models import BoardMember, Page

DATA = Path(__file__).parent / "data"
PAGE_FIELDS = ("order", "in_navigation", "in_footer", "shows_board")


def _read(path):
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _translated(data, *names):
    """{"title": {"ky": …}} → {"title_ky": …}, for each of `names`."""
    return {
        f"{name}_{code}": data.get(name, {}).get(code, "").strip()
        for name in names
        for code in LANGUAGE_CODES
    }


class JournalPagesLoader:
    def __init__(self, data=DATA):
        self.data = data
        self.created = Counter()

    def load(self, journal):
        for path in sorted((self.data / "pages").glob("*.toml")):
            self.page(_read(path))
        for member in _read(self.data / "board" / "members.toml")["member"]:
            self.member(member)
        self.identity(journal, _read(self.data / "identity" / "journal.toml"))
        return self

    def page(self, data):
        if Page.objects.filter(slug=data["slug"]).exists():
            return
        fields = {name: data[name] for name in PAGE_FIELDS if name in data}
        Page.objects.create(
            slug=data["slug"],
            is_published=data.get("is_published", True),
            **fields,
            **_translated(data, "title", "body"),
        )
        self.created["journal pages"] += 1

    def member(self, data):
        if BoardMember.objects.filter(name_en=data["name"]["en"]).exists():
            return
        BoardMember.objects.create(
            order=data.get("order", 0),
            orcid=data.get("orcid", ""),
            **_translated(data, "name", "role", "affiliation"),
        )
        self.created["board members"] += 1

    def identity(self, journal, data):
        empty = [name for name, value in data.items() if not getattr(journal, name)]
        for name in empty:
            setattr(journal, name, data[name])
        if empty:
            journal.full_clean()
            journal.save(update_fields=empty)
            self.created["journal fields"] += len(empty)

    def report(self, stdout, style):
        stdout.write(
            f"  journal pages: {Page.objects.count()}, "
            f"board members: {BoardMember.objects.count()}"
        )
        if self.created:
            made = ", ".join(f"{n} {what}" for what, n in sorted(self.created.items()))
            stdout.write(style.SUCCESS(f"Created now: {made}."))
