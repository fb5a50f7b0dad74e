"""Build the .docx and .pdf files the importer tests upload, from sample text.

The PDF is written by hand: a standard font (Helvetica) whose encoding maps the
non-ASCII characters to Unicode glyph names, so its text layer holds Kyrgyz, Russian
and English text exactly, as a PDF exported from a word processor does.
"""

import io
from pathlib import Path

SAMPLES = Path(__file__).parent / "samples"
RUNNING_HEADER = "2024, №4/1"


def sample(name):
    return (SAMPLES / name).read_text(encoding="utf-8")


def paragraphs(text):
    """Blank-line separated paragraphs, each a list of its lines."""
    chunks = [chunk.strip("\n") for chunk in text.split("\n\n")]
    return [chunk.split("\n") for chunk in chunks if chunk.strip()]


def docx_bytes(text, table=None):
    """A .docx with one Word paragraph per paragraph of `text`.

    Lines inside a paragraph become soft line breaks, as in a manuscript typed with
    Shift+Enter; `table` (rows of cells) is added at the end of the document.
    """
    from docx import Document

    document = Document()
    for lines in paragraphs(text):
        paragraph = document.add_paragraph()
        for n, line in enumerate(lines):
            run = paragraph.add_run(line)
            if n < len(lines) - 1:
                run.add_break()
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text, lines_per_page=40, header=RUNNING_HEADER):
    """A text-layer PDF of `text`, with a running header and page numbers."""
    lines = text.split("\n")
    pages = [
        lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)
    ]
    laid_out = [
        [header, ""] + page + ["", str(n)] if header else page
        for n, page in enumerate(pages, start=1)
    ]
    return hand_written_pdf(laid_out)


def hand_written_pdf(pages):
    """A minimal PDF 1.4: one Helvetica font, one content stream per page."""
    chars = sorted(
        {ch for page in pages for line in page for ch in line if ord(ch) > 126}
    )
    assert len(chars) <= 127, "too many distinct non-ASCII characters for one font"
    codes = {ch: 128 + i for i, ch in enumerate(chars)}
    differences = " ".join(f"/uni{ord(ch):04X}" for ch in chars)

    def encode(line):
        return "".join(f"{codes.get(ch, ord(ch)):02X}" for ch in line)

    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [{}] /Count {} >>".format(
            " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))), len(pages)
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type "
        "/Encoding /BaseEncoding /WinAnsiEncoding /Differences "
        f"[128 {differences}] >> >>",
    ]
    for n, page in enumerate(pages):
        operations = ["BT /F1 10 Tf 13 TL 50 800 Td"]
        operations += [f"<{encode(line)}> Tj T*" for line in page]
        operations.append("ET")
        stream = "\n".join(operations)
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
            f"<< /Font << /F1 3 0 R >> >> /Contents {5 + 2 * n} 0 R >>"
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    return _pdf(objects)


def scanned_pdf_bytes(pages=2):
    """A PDF whose pages hold only a drawing: what a scanner without OCR produces."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [{}] /Count {} >>".format(
            " ".join(f"{3 + 2 * i} 0 R" for i in range(pages)), pages
        ),
    ]
    stream = "0.5 g 50 50 495 742 re f"
    for n in range(pages):
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Contents {4 + 2 * n} 0 R >>"
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    return _pdf(objects)


def _pdf(objects):
    """The file around numbered objects: header, bodies, cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
        "%%EOF\n"
    ).encode()
    return bytes(out)


def encrypted_pdf_bytes(text="Abstract: A protected manuscript."):
    """A text-layer PDF that opens only with a password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text))))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bytes(files):
    """A zip archive of {name: text}: a .docx that is really something else."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
