"""Write the layout corpus: tests/importer/corpus/<name>.txt and <name>.pdf.

Run once after changing corpus_texts.py, and commit the files:
    .venv/bin/python -m tests.importer.make_corpus

Needs reportlab (requirements.txt) and the DejaVu fonts (Debian: fonts-dejavu-core).
The PDFs embed a subset of the font, so reading them back needs neither.
"""

import io

from tests.importer.corpus import (
    CORPUS,
    FONT_SIZE,
    MANUSCRIPTS,
    blank_line_text,
    furnished_pages,
    layout,
    width_function,
)

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # A4
LEFT, TOP = 97.0, 780.0
LEADING = 2 * FONT_SIZE  # double spacing, as manuscripts are often printed


def pdf_bytes(layout_):
    """The pages typeset with reportlab: header, lines, page number."""
    from reportlab.pdfgen import canvas

    width_function()  # registers the fonts
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1)
    pdf.setTitle("corpus")
    for page, furnished in zip(layout_.pages, furnished_pages(layout_), strict=True):
        pdf.setFont("corpus-regular", 9)
        pdf.drawRightString(PAGE_WIDTH - LEFT, TOP + 30, furnished[0])
        y = TOP
        for line in page:
            if line.space_before:
                y -= FONT_SIZE / 2
            pdf.setFont("corpus-bold" if line.bold else "corpus-regular", FONT_SIZE)
            pdf.drawString(LEFT, y, line.text)
            y -= LEADING
        pdf.setFont("corpus-regular", 9)
        pdf.drawCentredString(PAGE_WIDTH / 2, 50, furnished[-1])
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def marked_words(name):
    manuscript = MANUSCRIPTS[name]
    texts = [p for _h, ps in manuscript["sections"] for p in ps]
    return {w.replace("¦", "") for t in texts for w in t.split() if "¦" in w}


def main():
    CORPUS.mkdir(exist_ok=True)
    for name in MANUSCRIPTS:
        laid_out = layout(name)
        (CORPUS / f"{name}.txt").write_text(blank_line_text(laid_out), "utf-8")
        (CORPUS / f"{name}.pdf").write_bytes(pdf_bytes(laid_out))
        print(name, len(laid_out.pages), "pages", len(laid_out.splits), "splits")
        missed = marked_words(name) - {word for _h, _t, word in laid_out.splits}
        if missed:
            print("  marked but not split (reword the text before them):", missed)


if __name__ == "__main__":
    main()
