"""Write importer/static/importer/manuscript-template.docx: the house format, filled in.

Run again after changing the format
(`.venv/bin/python scripts/make_manuscript_template.py`);
the .docx is committed and linked from the admin's "Import manuscript" page.
"""

from pathlib import Path

from docx import Document

OUT = (
    Path(__file__).resolve().parents[1]
    / "importer/static/importer/manuscript-template.docx"
)

BLOCKS = [
    (
        "МАКАЛАНЫН АТАЛЫШЫ КЫРГЫЗ ТИЛИНДЕ",
        "Аннотациясы:",
        "Бул жерге кыргызча аннотацияны жазыңыз: изилдөөнүн максаты, материалы, "
        "ыкмалары жана негизги жыйынтыктары.",
        "Негизги сөздөр:",
        "биринчи сөз, экинчи сөз, үчүнчү сөз.",
    ),
    (
        "НАЗВАНИЕ СТАТЬИ НА РУССКОМ ЯЗЫКЕ",
        "Аннотация:",
        "Здесь — аннотация на русском языке: цель исследования, материал, методы и "
        "основные выводы.",
        "Ключевые слова:",
        "первое слово, второе слово, третье слово.",
    ),
    (
        "THE TITLE OF THE ARTICLE IN ENGLISH",
        "Abstract:",
        "The English abstract goes here: the aim of the study, its material, methods "
        "and main findings.",
        "Keywords:",
        "first word, second word, third word.",
    ),
]


def main():
    document = Document()
    document.add_paragraph("Асанов Б. А.")
    document.add_paragraph("Кыргыз улуттук университети, Бишкек")
    for title, abstract_label, abstract, keywords_label, keywords in BLOCKS:
        document.add_paragraph(title)
        document.add_paragraph(f"{abstract_label} {abstract}")
        document.add_paragraph(f"{keywords_label} {keywords}")
    document.add_paragraph("Киришүү")
    document.add_paragraph(
        "Негизги текст ушул жерден башталат. Булакка шилтеме чарчы кашаада "
        "берилет [1], бет менен болсо — [2, 15-б.]."
    )
    document.add_paragraph("Адабияттар")
    document.add_paragraph("1. Автор А. А. Китептин аталышы. — Бишкек, 2020. — 200 б.")
    document.add_paragraph(
        "2. Автор Б. Б. Макаланын аталышы // Журнал. 2021. № 2. 10–20-б."
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
