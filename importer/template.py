"""The manuscript template authors download from the author guidelines.

A .docx in the house format the importer reads (DESIGN.md, "Manuscript house
format"): a block per language (ky, ru, en) of title, abstract label and abstract,
keywords label and a comma-separated list ending with a full stop; then the body
with its headings and in-text citations, then the reference list. Each language's
block is written in that language, so the file is the same for every reader; a test
imports it and finds every part.
"""

import io
from functools import cache

from django.http import HttpResponse
from django.views.decorators.http import require_safe

FILENAME = "manuscript-template.docx"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# (style, text): "title" paragraphs are the upper-case title lines of each block.
CONTENT = [
    ("title", "МАКАЛАНЫН АТАЛЫШЫ КЫРГЫЗ ТИЛИНДЕ"),
    ("text", "Автордун аты-жөнү, илимий даражасы, иштеген жери, ORCID iD"),
    (
        "text",
        "Аннотациясы: Изилдөөнүн максатын, ыкмаларын жана негизги жыйынтыктарын "
        "150–250 сөз менен кыска баяндаңыз.",
    ),
    ("text", "Негизги сөздөр: биринчи сөз, экинчи сөз, үчүнчү сөз."),
    ("title", "НАЗВАНИЕ СТАТЬИ НА РУССКОМ ЯЗЫКЕ"),
    ("text", "Фамилия и имя автора, учёная степень, место работы, ORCID iD"),
    (
        "text",
        "Аннотация: Кратко изложите цель исследования, его методы и главные выводы "
        "в 150–250 словах.",
    ),
    ("text", "Ключевые слова: первое слово, второе слово, третье слово."),
    ("title", "TITLE OF THE ARTICLE IN ENGLISH"),
    ("text", "Author's name, academic degree, affiliation, ORCID iD"),
    (
        "text",
        "Abstract: State the aim of the study, its methods and its main findings "
        "in 150–250 words.",
    ),
    ("text", "Keywords: first keyword, second keyword, third keyword."),
    ("heading", "Киришүү"),
    (
        "text",
        "Макаланын негизги тексти ушул жерден башталат. Булакка шилтеме чарчы "
        "кашаанын ичинде жазылат: [1] же бетин көрсөтүп [2, 15-б.].",
    ),
    ("heading", "Корутунду"),
    ("text", "Изилдөөнүн жыйынтыктары жана сунуштар [1]."),
    ("heading", "Адабияттар"),
    ("text", "[1] Автор А. А. Китептин аталышы. Бишкек: Басмакана, 2024. 200 б."),
    (
        "text",
        "[2] Автор Б. Б. Макаланын аталышы // Журналдын аталышы. 2023. № 2. "
        "15–30-б. https://doi.org/10.0000/example",
    ),
]


@cache
def template_bytes():
    """The .docx, built once per process (python-docx is what the importer reads)."""
    from docx import Document

    document = Document()
    for style, text in CONTENT:
        if style == "title":
            paragraph = document.add_paragraph()
            paragraph.add_run(text).bold = True
        elif style == "heading":
            document.add_heading(text, level=2)
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@require_safe
def manuscript_template(request):
    response = HttpResponse(template_bytes(), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    return response
