"""A synthetic 20-page manuscript (~40,000 words) and how long parsing it takes.

Run: .venv/bin/python -m tests.importer.bench
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


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Run outside pytest with DEBUG off, the settings want a key; nothing is signed.
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    import django

    django.setup()
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
