"""Recognition: each sample manuscript, as .txt, .docx and PDF, field by field."""

import pytest
from django.utils import translation

from importer.extract import extract_text
from importer.parser import Line, content_hash, parse_manuscript, prepare_lines
from importer.parser.body import is_heading
from importer.parser.front import find_label, split_keywords
from importer.parser.text import Vocabulary, detect_language, join_lines, sentence_case
from tests.importer.documents import docx_bytes, pdf_bytes, sample
from tests.importer.expected import SAMPLES, fields, parsed_fields


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_text_gives_exactly_the_expected_fields(name):
    assert parsed_fields(sample(name)) == SAMPLES[name]


@pytest.mark.parametrize("name", sorted(SAMPLES))
@pytest.mark.parametrize("build", [docx_bytes, pdf_bytes], ids=["docx", "pdf"])
def test_the_same_manuscript_as_word_or_pdf_gives_the_same_fields(name, build):
    extracted = extract_text(build(sample(name)))

    assert extracted.format == build.__name__.split("_")[0]
    assert fields(parse_manuscript(extracted.text)) == SAMPLES[name]


def test_pdf_page_furniture_never_reaches_the_text():
    text = sample("ky_ru_en_pdf_damage.txt")
    manuscript = parse_manuscript(extract_text(pdf_bytes(text, lines_per_page=9)).text)

    everything = str(fields(manuscript))
    assert "№4/1" not in everything
    assert fields(manuscript) == SAMPLES["ky_ru_en_pdf_damage.txt"]


# --- the pieces ---


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["чек ара-", "сындагы суу"], "чек арасындагы суу"),
        (["кыргыз-", "тажик мамилелери"], "кыргыз-тажик мамилелери"),
        (["кыргызско-", "таджикские"], "кыргызско-таджикские"),
        (["1991-", "жылдан бери"], "1991-жылдан бери"),
        (["bilateral agree-", "ments"], "bilateral agreements"),
        (["дву-", "сторонние"], "двусторонние"),
        (["a dash -", "here"], "a dash - here"),
        (["no hyphen", "here"], "no hyphen here"),
    ],
)
def test_lines_are_joined_and_split_words_rejoined(lines, joined):
    vocabulary = Vocabulary("кыргыз тажик кыргыз тажик чек ара чек ара")
    assert join_lines(lines, vocabulary) == joined


def test_a_compound_written_elsewhere_keeps_its_hyphen_at_a_line_end():
    vocabulary = Vocabulary("суу-энергетикалык кызматташтык")
    assert join_lines(["суу-", "энергетикалык"], vocabulary) == "суу-энергетикалык"
    assert join_lines(["макулда-", "шуу"], vocabulary) == "макулдашуу"


def test_running_headers_and_page_numbers_are_removed_and_the_paragraph_rejoined():
    text = (
        "Аннотация: Статья.\nКлючевые слова: граница.\n\nВведение\n\n"
        "Граница между странами проходит по\n\n2024, № 4/1\n\n17\n\n"
        "горным районам [1].\n"
    )
    manuscript = parse_manuscript(text)

    assert [(s.heading, s.paragraphs) for s in manuscript.sections] == [
        ("Введение", ["Граница между странами проходит по горным районам [1]."])
    ]


def test_a_line_repeated_on_every_page_is_a_running_header():
    page = "Вестник Кыргызского университета\nТекст страницы {n} продолжается.\n\n"
    lines = prepare_lines("".join(page.format(n=n) for n in range(4)))

    assert [line.text for line in lines] == [
        f"Текст страницы {n} продолжается." for n in range(4)
    ]


@pytest.mark.parametrize(
    ("label_line", "kind"),
    [
        ("Аннотациясы: Текст.", "abstract"),
        ("Аннотация Текст.", "abstract"),
        ("АННОТАЦИЯ. Текст.", "abstract"),
        ("Annotation: Text.", "abstract"),
        ("Abstract The text.", "abstract"),
        ("Negizgi", None),
        ("Abstract thinking is hard.", None),
        ("Негизги сөздөр: суу.", "keywords"),
        ("Негизги сөздөр суу.", "keywords"),
        ("Түйүндүү сөздөр: суу.", "keywords"),
        ("Ключевые слова вода.", "keywords"),
        ("Keywords: water.", "keywords"),
        ("Key words water.", "keywords"),
        ("KEY WORDS: water.", "keywords"),
    ],
)
def test_labels_in_three_languages_with_or_without_the_colon(label_line, kind):
    found = find_label(Line(label_line))
    assert (found[0] if found else None) == kind


def test_upper_case_titles_go_to_sentence_case_keeping_names_and_acronyms():
    assert (
        sentence_case("РОЛЬ ШОС В ЦЕНТРАЛЬНОЙ АЗИИ И РОССИЙСКИЙ ФАКТОР В ХХ ВЕКЕ", "ru")
        == "Роль ШОС в Центральной Азии и российский фактор в ХХ веке"
    )
    assert (
        sentence_case("KYRGYZSTAN AND THE SCO. A NEW STAGE", "en")
        == "Kyrgyzstan and the SCO. A new stage"
    )
    assert (
        sentence_case("ОШ ШААРЫ ЖАНА ОШОНДОЙ ЭЛЕ БАТКЕН", "ky")
        == "Ош шаары жана ошондой эле Баткен"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Бул макалада эки өлкөнүн чек ара маселелери каралат.", "ky"),
        ("Макалада суу ресурстары жана чек ара талданат.", "ky"),
        ("В статье рассматриваются вопросы границы и воды.", "ru"),
        ("The article examines the border.", "en"),
        ("1991–2024", None),
    ],
)
def test_language_of_a_block_from_its_letters_and_words(text, language):
    assert detect_language(text)[0] == language


def test_keyword_lists_split_at_commas_and_semicolons_final_stop_dropped():
    assert split_keywords("Граница; вода, «горы», граница.") == [
        "граница",
        "вода",
        "горы",
    ]
    assert split_keywords("Кыргызстан, чек ара, суу.") == [
        "Кыргызстан",
        "чек ара",
        "суу",
    ]
    assert split_keywords("ЧЕК АРА, СУУ") == ["чек ара", "суу"]


def test_two_lists_of_equal_length_pair_and_the_odd_one_stays_alone():
    text = (
        "ТЕМА\nАннотациясы: Бул макалада суу каралат.\n"
        "Негизги сөздөр: чек ара, суу, тоо.\n\n"
        "ТЕМА НА РУССКОМ\nАннотация: В статье рассматривается вода.\n"
        "Ключевые слова: граница, вода, горы.\n\n"
        "TOPIC\nAbstract: The article is about water.\nKeywords: border, water.\n\n"
        "Киришүү\n\nТекст.\n"
    )
    manuscript = parse_manuscript(text)

    assert [plan.labels for plan in manuscript.keywords] == [
        {"ky": "чек ара", "ru": "граница"},
        {"ky": "суу", "ru": "вода"},
        {"ky": "тоо", "ru": "горы"},
        {"en": "border"},
        {"en": "water"},
    ]
    assert any("differ in length" in w for w in manuscript.warnings)


def test_body_headings_numbered_upper_case_standing_alone_or_known():
    text = (
        "Аннотация: Статья.\nКлючевые слова: граница.\n\n"
        "Первый абзац без заголовка.\n\n"
        "1. История вопроса\n\nТекст истории.\n\n"
        "СОВРЕМЕННОЕ СОСТОЯНИЕ\n\nТекст о настоящем.\n\n"
        "Перспективы сотрудничества\n\nТекст о будущем.\n\n"
        "Заключение\nИтоговый текст.\n"
    )
    sections = parse_manuscript(text).sections

    assert [(s.heading, s.paragraphs) for s in sections] == [
        ("", ["Первый абзац без заголовка."]),
        ("1. История вопроса", ["Текст истории."]),
        ("СОВРЕМЕННОЕ СОСТОЯНИЕ", ["Текст о настоящем."]),
        ("Перспективы сотрудничества", ["Текст о будущем."]),
        ("Заключение", ["Итоговый текст."]),
    ]


def test_a_short_line_inside_a_paragraph_is_not_a_heading():
    lines = [
        Line("Граница между двумя странами проходит по горным районам и долинам"),
        Line("Ферганской долины"),
        Line("и пересекает реки."),
    ]
    assert not is_heading(lines, 1, width=60)


def test_a_heading_needs_a_paragraph_after_it():
    lines = [Line("Первый абзац."), Line("Заключение", gap=True)]
    assert not is_heading(lines, 1, width=None)


def test_citations_link_to_the_reference_list_and_missing_entries_are_warned():
    text = (
        "Аннотация: Статья.\nКлючевые слова: граница.\n\n"
        "Текст [2], текст [1,175-б,] и текст [4; 5], и [2, с. 10].\n\n"
        "Литература\n1. Первый.\n2. Второй.\n3. Третий.\n4. Четвёртый.\n"
    )
    manuscript = parse_manuscript(text)

    assert [(c.text, c.numbers, c.missing) for c in manuscript.citations] == [
        ("[2]", [2], []),
        ("[1,175-б,]", [1], []),
        ("[4; 5]", [4, 5], [5]),
        ("[2, с. 10]", [2], []),
    ]
    assert [r.text for r in manuscript.references] == [
        "Первый.",
        "Второй.",
        "Третий.",
        "Четвёртый.",
    ]
    assert (
        "The citation [4; 5] points past the end of the reference list (4 entries)."
        in manuscript.warnings
    )


def test_a_second_transliterated_reference_list_is_not_imported():
    text = (
        "Аннотация: Статья.\nКлючевые слова: граница.\n\nТекст [1].\n\n"
        "Литература\n1. Иванов И. Граница. М., 2020.\n\n"
        "References\n1. Ivanov I. Granitsa. Moscow, 2020.\n"
    )
    manuscript = parse_manuscript(text)

    assert [r.text for r in manuscript.references] == ["Иванов И. Граница. М., 2020."]
    assert manuscript.leftovers == [
        "References",
        "1. Ivanov I. Granitsa. Moscow, 2020.",
    ]
    assert any("second reference list" in w for w in manuscript.warnings)


def test_unnumbered_references_are_one_entry_per_paragraph():
    text = (
        "Аннотация: Статья.\nКлючевые слова: граница.\n\nТекст.\n\n"
        "Список литературы\n\nИванов И. Граница.\nМосква, 2020.\n\n"
        "Петров П. Вода. Бишкек, 2019.\n"
    )
    references = parse_manuscript(text).references

    assert [r.text for r in references] == [
        "Иванов И. Граница. Москва, 2020.",
        "Петров П. Вода. Бишкек, 2019.",
    ]


def test_text_without_labels_is_body_with_a_warning():
    manuscript = parse_manuscript("Просто текст без меток.\n\nВторой абзац.\n")

    assert manuscript.blocks == {}
    assert not manuscript.has_title
    assert [s.paragraphs for s in manuscript.sections] == [
        ["Просто текст без меток.", "Второй абзац."]
    ]
    assert manuscript.warnings[0].startswith("No abstract or keyword labels were found")


def test_two_blocks_in_one_language_keep_the_first_and_say_so():
    text = (
        "ПЕРВОЕ НАЗВАНИЕ\nАннотация: Первая аннотация на русском языке.\n"
        "Ключевые слова: граница.\n\n"
        "ВТОРОЕ НАЗВАНИЕ\nАннотация: Вторая аннотация на русском языке.\n"
        "Ключевые слова: вода.\n\nТекст статьи и её содержание.\n"
    )
    manuscript = parse_manuscript(text)

    assert list(manuscript.blocks) == ["ru"]
    assert manuscript.blocks["ru"].abstract == "Первая аннотация на русском языке."
    assert "Вторая аннотация на русском языке." in manuscript.leftovers
    assert any("second block in Russian" in w for w in manuscript.warnings)


def test_the_content_hash_ignores_encoding_and_line_breaks():
    text = sample("ky_ru_en_pdf_damage.txt")
    assert content_hash(text) == content_hash(text.replace("\n", "\r\n"))
    assert content_hash(text) == parse_manuscript(text).content_hash
    assert content_hash(text) != content_hash(text + " Жаңы сөз.")


def test_keywords_may_come_before_the_abstract():
    text = (
        "ЧЕК АРА\nНегизги сөздөр: чек ара, суу.\n"
        "Аннотациясы: Бул макалада чек ара маселеси каралат.\n\n"
        "ГРАНИЦА\nКлючевые слова: граница, вода.\n"
        "Аннотация: В статье рассматривается граница.\n\n"
        "Киришүү\n\nМакаланын тексти.\n"
    )
    manuscript = parse_manuscript(text)

    assert {
        code: (b.title, b.abstract, b.keywords) for code, b in manuscript.blocks.items()
    } == {
        "ky": ("Чек ара", "Бул макалада чек ара маселеси каралат.", ["чек ара", "суу"]),
        "ru": ("Граница", "В статье рассматривается граница.", ["граница", "вода"]),
    }
    assert [s.heading for s in manuscript.sections] == ["Киришүү"]
    assert manuscript.leftovers == []


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_text_without_any_blank_lines_gives_the_same_fields(name):
    """Plain PDF extractors drop blank lines; widths and sentences carry the day."""
    lines = [line for line in sample(name).split("\n") if line.strip()]

    assert parsed_fields("\n".join(lines)) == SAMPLES[name]


def test_a_title_about_universities_is_still_a_title():
    text = (
        "Роль университетов в подготовке дипломатов\n"
        "Асанов Б.А.\nКыргызский национальный университет, Бишкек\n"
        "Аннотация: В статье рассматривается подготовка дипломатов.\n"
        "Ключевые слова: дипломатия, образование.\n\nТекст.\n"
    )
    manuscript = parse_manuscript(text)

    assert manuscript.blocks["ru"].title == "Роль университетов в подготовке дипломатов"
    assert manuscript.leftovers == [
        "Асанов Б.А. Кыргызский национальный университет, Бишкек"
    ]


def test_an_abstract_that_swallowed_the_body_is_pointed_out():
    sentence = "В статье рассматривается вопрос границы между двумя странами. "
    text = "ГРАНИЦА\nАннотация: " + sentence * 80 + "\n"
    manuscript = parse_manuscript(text)

    assert manuscript.warnings[0].startswith(
        "The Russian abstract is unusually long (4959 characters)"
    )
