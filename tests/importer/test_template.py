"""The manuscript template the author guidelines link to is what the importer reads."""

import pytest

from importer.extract import extract_text
from importer.parser.parse import parse_manuscript


@pytest.mark.django_db
def test_the_template_downloads_as_a_word_file_the_importer_reads_in_full(client):
    response = client.get("/manuscript-template.docx")
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert 'filename="manuscript-template.docx"' in response["Content-Disposition"]

    extracted = extract_text(response.content)
    assert extracted.format == "docx"
    manuscript = parse_manuscript(extracted.text)
    assert list(manuscript.blocks) == ["ky", "ru", "en"]
    for block in manuscript.blocks.values():
        assert block.title and block.abstract
        assert len(block.keywords) == 3
    assert manuscript.blocks["ky"].keywords[0] == "биринчи сөз"
    assert manuscript.blocks["en"].keywords[-1] == "third keyword"
    assert [s.heading for s in manuscript.sections] == ["Киришүү", "Корутунду"]
    assert len(manuscript.references) == 2
    assert not manuscript.warnings
