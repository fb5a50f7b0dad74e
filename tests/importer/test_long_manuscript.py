"""A 20-page manuscript (~40,000 words) parses into its parts.

How long that takes is measured by the benchmark, not here:
`.venv/bin/python -m tests.importer.bench`.
"""

from importer.parser import parse_manuscript
from tests.importer.bench import synthetic_manuscript


def test_a_twenty_page_manuscript_parses_into_its_parts():
    text = synthetic_manuscript(words=40_000, pages=20)
    assert len(text.split()) >= 40_000

    manuscript = parse_manuscript(text)

    assert len(manuscript.blocks) == 3
    assert len(manuscript.sections) == 75
    assert len(manuscript.references) == 40
    assert manuscript.warnings == []
    assert "№4/1" not in " ".join(s.text for s in manuscript.sections)
