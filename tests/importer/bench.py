"""How long the importer takes on 20 pages.

Two measures:
- a synthetic 20-page manuscript as text (~40,000 words): parsing alone;
- a real 20-page PDF typeset with reportlab (the layout corpus's typesetter, double
  spaced, so its text comes out with an empty line after every printed line):
  reading its text layer, parsing, and creating the draft article in a scratch test
  database (rolled back).

Run: .venv/bin/python -m tests.importer.bench   (needs reportlab and the DejaVu fonts)
"""

import os
import random
import secrets
import statistics
import time

from tests.importer.documents import sample

WORDS_KY = (
    "Кыргызстан менен Тажикстандын ортосундагы суу ресурстарын бөлүштүрүү маселеси "
    "эки өлкөнүн мамилелериндеги эң татаал маселелердин бири бойдон калууда жана "
    "чек ара аймактарындагы калктын күнүмдүк турмушуна түздөн-түз таасир этет"
).split()


def synthetic_manuscript(words=40_000, pages=20, width=72):
    """Front matter of the Kyrgyz sample, then a hard-wrapped body with headings,
    citations, split words and page furniture, then a reference list."""
    front = sample("ky_ru_en_pdf_damage.txt").split("Киришүү")[0]
    chance = random.Random(7)  # noqa: S311 - test data, not security
    lines, count, paragraph = [], 0, 0
    while count < words:
        paragraph += 1
        if paragraph % 6 == 1:
            lines += [f"{paragraph // 6 + 1}. Бөлүмдүн аталышы {paragraph}", ""]
        text = []
        for i in range(90):
            text.append(chance.choice(WORDS_KY))
            if i % 17 == 16:
                text[-1] += f" [{(paragraph + i) % 40 + 1}]."
        count += len(text)
        text[0] = text[0].capitalize()
        lines += _wrap(" ".join(text) + ".", width) + [""]
    per_page = len(lines) // pages + 1
    paged = []
    for n in range(pages):
        paged += lines[n * per_page : (n + 1) * per_page]
        paged += ["", "2024, №4/1", "", str(n + 1), ""]
    references = [
        f"{n}. Автор {n}. Китептин аталышы. – Бишкек, 2020." for n in range(1, 41)
    ]
    return front + "\n".join(paged) + "\nАдабияттар\n" + "\n".join(references) + "\n"


def _wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            if len(word) > 8:  # split long words across lines, as PDFs do
                cut = len(word) // 2
                lines.append(f"{line} {word[:cut]}-".strip())
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def timings(text, runs=5):
    from importer.parser import parse_manuscript

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        manuscript = parse_manuscript(text)
        times.append(time.perf_counter() - start)
    return manuscript, times


def twenty_page_pdf(pages=20):
    """The ky_water corpus manuscript with its body repeated to fill `pages` pages."""
    from tests.importer import corpus
    from tests.importer.make_corpus import pdf_bytes

    body = corpus.MANUSCRIPTS["ky_water"]["sections"][0][1]
    manuscript = dict(corpus.MANUSCRIPTS["ky_water"])
    copies = 1
    while True:
        manuscript["sections"] = [("", body * copies)]
        corpus.MANUSCRIPTS["_bench"] = manuscript
        laid_out = corpus.layout("_bench")
        if len(laid_out.pages) >= pages:
            break
        copies += 1
    laid_out.pages = laid_out.pages[:pages]
    del corpus.MANUSCRIPTS["_bench"]
    return pdf_bytes(laid_out)


def pdf_import_timings(data, runs=7):
    """(extract, parse, import) seconds per run; the import is rolled back."""
    from django.contrib.auth.models import User
    from django.db import transaction

    from importer.extract import extract_text
    from importer.parser import parse_manuscript
    from importer.services import import_manuscript

    rows = []
    for _ in range(runs):
        start = time.perf_counter()
        text = extract_text(data).text
        extracted = time.perf_counter()
        manuscript = parse_manuscript(text)
        parsed = time.perf_counter()
        with transaction.atomic():
            user = User.objects.create_user("bench")
            import_manuscript(
                manuscript, user=user, file_name="bench.pdf", file_format="pdf"
            )
            transaction.set_rollback(True)
        rows.append(
            (extracted - start, parsed - extracted, time.perf_counter() - parsed)
        )
    return manuscript, rows


def pdf_benchmark():
    from django.db import connection

    data = twenty_page_pdf()
    connection.creation.create_test_db(verbosity=0)
    manuscript, rows = pdf_import_timings(data)
    paragraphs = sum(len(s.paragraphs) for s in manuscript.sections)
    print(
        f"20-page PDF ({len(data) // 1024} KB): {paragraphs} paragraphs, "
        f"{len(manuscript.keywords)} keyword pairs"
    )
    for label, values in zip(
        ["read text layer", "parse", "import (draft)", "parse + import", "all"],
        [
            [r[0] for r in rows],
            [r[1] for r in rows],
            [r[2] for r in rows],
            [r[1] + r[2] for r in rows],
            [sum(r) for r in rows],
        ],
        strict=True,
    ):
        print(
            f"  {label}: median {statistics.median(values) * 1000:.0f} ms, "
            f"best {min(values) * 1000:.0f} ms over {len(values)} runs"
        )


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Run outside pytest with DEBUG off, the settings want a key; nothing is signed.
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    import django

    django.setup()
    pdf_benchmark()
    text = synthetic_manuscript()
    manuscript, times = timings(text)
    print(
        f"{len(text.split())} words, {len(text)} characters, "
        f"{len(manuscript.sections)} sections, {len(manuscript.references)} "
        f"references, {len(manuscript.citations)} citations"
    )
    print(
        f"parse: best {min(times) * 1000:.0f} ms, "
        f"median {statistics.median(times) * 1000:.0f} ms over {len(times)} runs"
    )


if __name__ == "__main__":
    main()
