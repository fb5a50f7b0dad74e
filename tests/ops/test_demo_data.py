"""The demo content is data: TOML files under ops/demo/data/, read by the loaders."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from ops.demo import datafiles
from relations.models import Agreement, Event, Indicator


def load():
    call_command("load_demo", stdout=StringIO(), verbosity=0)


@pytest.mark.django_db
def test_load_demo_finds_its_data_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    load()
    assert Article.objects.filter(slug="water-energy-cooperation").exists()
    assert Event.objects.filter(
        slug="2001-06-15-sco-founding-summit-in-shanghai"
    ).exists()


@pytest.mark.django_db
def test_every_data_file_becomes_one_row_named_by_its_file():
    load()
    folders = {
        "articles": Article,
        "relations/events": Event,
        "relations/agreements": Agreement,
        "relations/indicators": Indicator,
    }
    for folder, model in folders.items():
        files = {path.stem for path in (datafiles.DATA / folder).glob("*.toml")}
        assert files, folder
        assert set(model.objects.values_list("slug", flat=True)) == files, folder


@pytest.mark.django_db
def test_events_cite_their_document_and_the_articles_they_link():
    load()
    summit = Event.objects.get(slug="2001-06-15-sco-founding-summit-in-shanghai")
    assert summit.source.startswith("Declaration on the Establishment of the Shanghai")
    assert summit.source.endswith("2025, No. 1 (demo article)")
    visit = Event.objects.get(slug="2007-09-official-visit-of-rahmon-to-kyrgyzstan")
    assert visit.source.startswith("Editorial compilation of the journal")


def test_wrapped_strings_are_one_text_and_one_line_strings_are_kept(
    tmp_path, monkeypatch
):
    (tmp_path / "sample.toml").write_text(
        'wrapped = """\nFirst paragraph,\n  over two lines.\n\nSecond."""\n'
        'exact = "two  spaces kept"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(datafiles, "DATA", tmp_path)
    data = datafiles.read("sample.toml")
    assert data["wrapped"] == "First paragraph, over two lines.\n\nSecond."
    assert data["exact"] == "two  spaces kept"


def test_a_broken_data_file_is_named_in_the_error(tmp_path, monkeypatch):
    (tmp_path / "broken.toml").write_text('title = "no end\n', encoding="utf-8")
    monkeypatch.setattr(datafiles, "DATA", tmp_path)
    with pytest.raises(ValueError, match="broken.toml"):
        datafiles.read("broken.toml")
