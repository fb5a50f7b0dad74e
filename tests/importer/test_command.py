"""manage.py import_manuscripts: batches with a progress bar and a summary table."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.utils import translation

from articles.models import Article, Keyword
from importer.models import ManuscriptImport
from tests.builders import make_issue, make_section
from tests.importer.documents import docx_bytes, pdf_bytes, sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def files(tmp_path):
    """The three samples as .txt, .docx and .pdf, and one bad file."""
    paths = {
        "a.txt": sample("ky_ru_en_pdf_damage.txt").encode("cp1251", "replace"),
        "b.docx": docx_bytes(sample("en_ru_ky_word.txt")),
        "c.pdf": pdf_bytes(sample("ru_en_ky_missing_parts.txt")),
        "d.txt": b"",
    }
    for name, data in paths.items():
        (tmp_path / name).write_bytes(data)
    return {name: str(tmp_path / name) for name in paths}


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        try:
            call_command("import_manuscripts", *args, stdout=out, stderr=err)
        except CommandError as exc:
            return out.getvalue(), err.getvalue(), str(exc)
    return out.getvalue(), err.getvalue(), None


def table(out):
    """The summary table's rows as lists of cells (split on runs of spaces)."""
    lines = out.splitlines()
    rule = [i for i, line in enumerate(lines) if set(line) <= {"-", " "} and line]
    return [
        [cell for cell in line.split("  ") if cell.strip()]
        for line in lines[rule[0] + 1 : rule[1]]
    ]


def test_dry_run_reads_everything_and_saves_nothing(files):
    out, err, error = run(files["b.docx"], files["c.pdf"], "--dry-run")

    assert error is None
    assert Article.objects.count() == Keyword.objects.count() == 0
    assert ManuscriptImport.objects.count() == 0
    rows = table(out)
    assert [[c.strip() for c in row] for row in rows] == [
        ["b.docx", "would create", "en,ru,ky", "3", "3", "4", "0"],
        ["c.pdf", "would create", "ru,en,ky", "2", "0", "7", "4"],
    ]
    assert out.splitlines()[0].split() == [
        "File",
        "Result",
        "Article",
        "Languages",
        "Sections",
        "References",
        "Keywords",
        "Warnings",
    ]
    assert "c.pdf: No keywords in Russian were found." in out
    assert out.rstrip().endswith("Dry run: nothing was saved.")
    assert "[" + "#" * 30 + "] 2/2" in err


def test_a_batch_creates_drafts_and_reports_the_bad_file(files):
    issue, section = make_issue(), make_section()
    editor = User.objects.create_user("editor", password="x-long-password-1")
    editor.groups.add(Group.objects.get(name="editor"))

    out, _err, error = run(
        *files.values(),
        "--issue",
        issue.slug,
        "--section",
        str(section.pk),
        "--user",
        "editor",
    )

    assert error == "1 of 4 files could not be imported."
    articles = list(Article.objects.order_by("id"))
    assert len(articles) == 3
    assert all(a.status == Article.Status.DRAFT for a in articles)
    assert all(
        (a.issue, a.section, a.created_by) == (issue, section, editor) for a in articles
    )
    rows = table(out)
    assert [row[1].strip() for row in rows] == [
        "created",
        "created",
        "created",
        "failed",
    ]
    assert [row[2].strip() for row in rows[:3]] == [f"#{a.pk}" for a in articles]
    assert "d.txt: The file is empty." in out
    assert articles[0].title_ky.startswith("Кыргыз-тажик чек арасындагы")


def test_a_second_run_skips_what_was_imported_unless_asked_to_update(files):
    run(files["b.docx"])
    article = Article.objects.get()

    out, _err, error = run(files["b.docx"])
    assert error is None
    assert table(out)[0][1].strip() == "imported before"
    assert Article.objects.count() == 1

    out, _err, _error = run(files["b.docx"], "--update")
    assert table(out)[0][1].strip() == "updated"
    article.refresh_from_db()
    assert article.version == 2
    assert Article.objects.count() == 1


def test_an_unknown_issue_stops_before_anything(files):
    _out, _err, error = run(files["a.txt"], "--issue", "no-such-issue")
    assert error == "There is no issue with the slug “no-such-issue”."
    assert Article.objects.count() == 0


def test_a_huge_file_is_refused_without_being_read(tmp_path, settings):
    settings.IMPORTER_MAX_BYTES = 20 * 1024 * 1024
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: nothing to read anyway

    out, _err, error = run(str(huge))

    assert error == "1 of 1 files could not be imported."
    assert "huge.pdf: The file is too large (50.0" in out.replace("\xa0", " ")


def test_a_user_who_may_not_import_is_refused_before_anything_is_read(files):
    User.objects.create_user("reader", password="x-long-password-1")
    User.objects.create_user("translator", password="x-long-password-1").groups.add(
        Group.objects.get(name="translator")
    )
    for name in ("reader", "translator"):
        _out, _err, error = run(*files.values(), "--user", name)
        assert "may not import manuscripts" in error
    assert not Article.objects.exists()
