"""Management commands speak one language from the first line to the last.

Django runs a command with the site's default language (Kyrgyz) active; a command
whose own text is English then printed the apps' messages in Kyrgyz ("Skipped x:
DOI жок"). Each command that prints is run here with Kyrgyz active, as `manage.py`
would, and its whole output is checked for one script.
"""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tests.builders import make_article, make_issue, make_journal

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile("[\u0400-\u04ff]")
# Latin words of two or more letters (slugs, file names and DOIs taken out first);
# the technical terms Kyrgyz and Russian texts write in Latin letters are allowed.
LATIN_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
TERMS = {"URL", "slug", "DOI"}


def run(name, *args):
    """(stdout, stderr, error) of `manage.py name args…` with Kyrgyz active."""
    out, err = io.StringIO(), io.StringIO()
    with translation.override("ky"):
        try:
            call_command(name, *args, stdout=out, stderr=err)
        except CommandError as exc:
            return out.getvalue(), err.getvalue(), str(exc)
    return out.getvalue(), err.getvalue(), ""


def english(text):
    assert text.strip()
    assert not CYRILLIC.search(text), text


def only_cyrillic_words(text, *data):
    for value in data:
        text = text.replace(value, "")
    assert text.strip()
    assert set(LATIN_WORD.findall(text)) <= TERMS, text


@pytest.fixture
def issue(settings):
    settings.SITE_URL = "https://journal.example.kg"
    settings.CROSSREF_DEPOSITOR_EMAIL = ""
    issue = make_issue(journal=make_journal())
    issue.with_doi = make_article(issue=issue, doi="10.1234/cmd.1")
    issue.without_doi = make_article(issue=issue, doi="")
    return issue


def test_export_crossref_speaks_english_by_default(issue, tmp_path):
    out_file = tmp_path / "deposit.xml"
    _, err, error = run(
        "export_crossref", "--issue", issue.slug, "--output", str(out_file)
    )

    assert error == ""
    assert f"Skipped {issue.without_doi.slug}: no DOI" in err
    assert "Wrote 1 article to" in err
    english(err)


@pytest.mark.parametrize(
    "lang, skipped, wrote",
    [("ky", "өткөрүлүп жиберилди", "макала жазылды"), ("ru", "Пропущена", "Записана")],
)
def test_export_crossref_speaks_the_language_it_is_given(
    issue, tmp_path, lang, skipped, wrote
):
    out_file = tmp_path / "deposit.xml"
    _, err, error = run(
        "export_crossref",
        "--issue",
        issue.slug,
        "--output",
        str(out_file),
        "--language",
        lang,
    )

    assert error == ""
    assert skipped in err and wrote in err
    only_cyrillic_words(
        err,
        issue.without_doi.slug,
        str(out_file),
        "CROSSREF_DEPOSITOR_EMAIL",
        "DEFAULT_FROM_EMAIL",
        "webmaster@localhost",
    )


@pytest.mark.parametrize("lang", ["en", "ky", "ru"])
def test_export_crossref_refusals_are_in_one_language(issue, lang):
    _, _, error = run("export_crossref", "--issue", "nope", "--language", lang)
    (english if lang == "en" else only_cyrillic_words)(error.replace("nope", ""))

    issue.with_doi.delete()
    _, _, error = run("export_crossref", "--issue", issue.slug, "--language", lang)
    if lang == "en":
        assert error == "Nothing to export: no public article with a DOI."
    else:
        only_cyrillic_words(error)


def test_import_manuscripts_speaks_english_by_default_and_kyrgyz_when_asked(tmp_path):
    manuscript = tmp_path / "a.txt"
    manuscript.write_text("", encoding="utf-8")

    _, _, error = run("import_manuscripts", str(manuscript), "--issue", "nope")
    assert error == "There is no issue with the slug “nope”."

    out, err, error = run("import_manuscripts", str(manuscript), "--language", "ky")
    only_cyrillic_words(out + error, "a.txt")


def test_roles_table_is_english_with_kyrgyz_active():
    out, _, _ = run("roles_table")
    english(out)
