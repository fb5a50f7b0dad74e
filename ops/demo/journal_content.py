"""The demo journal's content, read from ops/demo/data/ by `manage.py load_demo`.

Everything there is illustrative. The facts about Kyrgyz–Tajik relations come from
docs/DOMAIN-FACTS.md; the people, their ORCID iDs, the bibliographic entries, the DOIs
(Crossref's test prefix 10.5555) and the URLs (example.org) are made up. Kyrgyz text
should be read by a Kyrgyz-speaking editor before the demo is shown to the public.

Natural keys the loader matches on: the journal's print ISSN, a section's English name,
an issue's (year, number), a contributor's ORCID iD (else Latin last and first name), a
keyword's labels, an article's slug (its file name in data/articles/).
"""

from .datafiles import read, read_folder


def orcid_check_digit(base_digits):
    """ISO 7064 MOD 11-2 check character for the first 15 digits of an ORCID iD."""
    total = 0
    for ch in base_digits:
        total = (total + int(ch)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def checked_orcid(orcid):
    """The iD as written, if its last character is its check character."""
    digits = orcid.replace("-", "")
    if len(digits) != 16 or orcid_check_digit(digits[:15]) != digits[15]:
        raise ValueError(f"Not a valid ORCID iD: {orcid!r}")
    return orcid


def contributors():
    people = read("contributors.toml")
    for fields in people.values():
        if "orcid" in fields:
            fields["orcid"] = checked_orcid(fields["orcid"])
    return people


def articles(issues):
    """The articles in table-of-contents order: by issue (in the order of
    issues.toml), then first page; articles in no issue last, by slug."""
    position = {key: index for index, key in enumerate(issues)}
    items = [{"slug": slug, **item} for slug, item in read_folder("articles").items()]
    return sorted(
        items,
        key=lambda a: (
            position.get(a.get("issue"), len(position)),
            a.get("pages", [0])[0],
            a["slug"],
        ),
    )


JOURNAL = read("journal.toml")
CC_BY = JOURNAL["license_url"]
# Keyed by an internal name; matched in the database by the English name.
SECTIONS = read("sections.toml")
# published: the day, at 10:00 in Bishkek; none for a planned issue.
ISSUES = read("issues.toml")
CONTRIBUTORS = contributors()
# One concept, up to three labels ("delimitation" is Russian-only on purpose).
KEYWORDS = read("keywords.toml")
ARTICLES = articles(ISSUES)
