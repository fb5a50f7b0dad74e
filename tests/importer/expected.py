"""What the importer must recognise in each sample manuscript, field by field."""

from importer.parser import parse_manuscript

KY_RU_EN_PDF_DAMAGE = {
    "order": ["ky", "ru", "en"],
    "blocks": {
        "ky": {
            "title": "Кыргыз-тажик чек арасындагы суу маселелери: тарыхы жана азыркы "
            "абалы",
            "title_original": "КЫРГЫЗ-ТАЖИК ЧЕК АРАСЫНДАГЫ СУУ МАСЕЛЕЛЕРИ: ТАРЫХЫ ЖАНА "
            "АЗЫРКЫ АБАЛЫ",
            "abstract": "Бул макалада Кыргызстан менен Тажикстандын чек арасындагы суу "
            "ресурстарын бөлүштүрүү маселеси каралат. Автор 1991-жылдан бери түзүлгөн "
            "эки тараптуу келишимдерди талдап, кыргыз-тажик мамилелериндеги негизги "
            "карама-каршылыктарды көрсөтөт.",
            "keywords": [
                "чек ара",
                "суу ресурстары",
                "Баткен облусу",
                "эки тараптуу келишим",
                "Борбордук Азия",
            ],
        },
        "ru": {
            "title": "Кыргызско-таджикские водные вопросы на границе: история и "
            "современное состояние",
            "title_original": "КЫРГЫЗСКО-ТАДЖИКСКИЕ ВОДНЫЕ ВОПРОСЫ НА ГРАНИЦЕ: ИСТОРИЯ "
            "И СОВРЕМЕННОЕ СОСТОЯНИЕ",
            "abstract": "В статье рассматривается проблема распределения водных "
            "ресурсов на кыргызско-таджикской границе. Автор анализирует двусторонние "
            "соглашения, заключённые с 1991 года, и показывает основные противоречия в "
            "отношениях двух стран.",
            "keywords": [
                "граница",
                "водные ресурсы",
                "Баткенская область",
                "двустороннее соглашение",
                "Центральная Азия",
            ],
        },
        "en": {
            "title": "Kyrgyz-Tajik water issues on the border: history and the present "
            "state",
            "title_original": "KYRGYZ-TAJIK WATER ISSUES ON THE BORDER: HISTORY AND "
            "THE PRESENT STATE",
            "abstract": "The article examines the distribution of water resources on "
            "the Kyrgyz-Tajik border. The author analyses the bilateral agreements "
            "concluded since 1991 and shows the main contradictions in the relations "
            "between the two countries.",
            "keywords": [
                "border",
                "water resources",
                "Batken region",
                "bilateral agreement",
                "Central Asia",
            ],
        },
    },
    "body_language": "ky",
    "sections": [
        (
            "Киришүү",
            [
                "Кыргызстан менен Тажикстандын ортосундагы мамлекеттик чек аранын "
                "узундугу 970 километрден ашат [1, 175-б.]. Анын бир бөлүгү гана "
                "делимитацияланган, ошондуктан суу булактарына жетүү маселеси тез-тез "
                "чыр-чатакка алып келет [2]. Бул макаланын максаты – эки өлкөнүн суу "
                "саясатын салыштырып талдоо."
            ],
        ),
        (
            "1. Тарыхый негиздер",
            [
                "Советтик мезгилде суу ресурстары бирдиктүү система катары "
                "башкарылган. Союз тарагандан кийин эки өлкө суу-энергетикалык "
                "кызматташтыкты жаңы негизде курууга аргасыз болгон [3; 4]. 1996-жылы "
                "кол коюлган макулдашуу суу бөлүштүрүүнүн негизги принциптерин "
                "аныктаган [1,175-б,]. Бирок бул принциптер иш жүзүндө толук "
                "аткарылган эмес, анткени чек ара сызыгы так белгиленген эмес [5]. "
                "Ошол себептен Баткен облусунда суу үчүн талаштар бир нече жолу "
                "кайталанган."
            ],
        ),
        (
            "АЗЫРКЫ АБАЛЫ",
            [
                "Акыркы жылдары тараптар чек араны делимитациялоо боюнча олуттуу "
                "жылыштарга жетишти. 2025-жылы кол коюлган келишим кыргыз-тажик "
                "мамилелеринде жаңы баскычты ачты [2]."
            ],
        ),
        (
            "Корутунду",
            [
                "Суу маселеси эки өлкөнүн кызматташтыгынын өзөгү бойдон калууда. "
                "Туруктуу тынчтык үчүн суу бөлүштүрүүнүн ачык механизми зарыл [4]."
            ],
        ),
    ],
    "references": [
        (
            "Асанов Б.А. Кыргыз-тажик мамилелеринин тарыхы. – Бишкек: Илим, 2019. – "
            "245 б.",
            "",
            "",
        ),
        (
            "Петров И.И. Водные ресурсы Центральной Азии // Вестник КРСУ. – 2020. – "
            "№ 3. – С. 12–20. DOI: 10.1234/vestnik.2020.3.12",
            "10.1234/vestnik.2020.3.12",
            "",
        ),
        (
            "Smith J. Water and Power in Central Asia. – London: Routledge, 2018.",
            "",
            "",
        ),
        (
            "Осмонова Г.Т. Суу-энергетикалык кызматташтык // Илим жана билим. – "
            "2021. – № 2. – 44–51-б.",
            "",
            "",
        ),
        (
            "Чек ара маселелери боюнча маалымат. URL: https://www.gov.kg/border",
            "",
            "https://www.gov.kg/border",
        ),
    ],
    "citations": [
        ("[1, 175-б.]", [1], 0, []),
        ("[2]", [2], 0, []),
        ("[3; 4]", [3, 4], 1, []),
        ("[1,175-б,]", [1], 1, []),
        ("[5]", [5], 1, []),
        ("[2]", [2], 2, []),
        ("[4]", [4], 3, []),
    ],
    "keywords": [
        {"ky": "чек ара", "ru": "граница", "en": "border"},
        {"ky": "суу ресурстары", "ru": "водные ресурсы", "en": "water resources"},
        {"ky": "Баткен облусу", "ru": "Баткенская область", "en": "Batken region"},
        {
            "ky": "эки тараптуу келишим",
            "ru": "двустороннее соглашение",
            "en": "bilateral agreement",
        },
        {"ky": "Борбордук Азия", "ru": "Центральная Азия", "en": "Central Asia"},
    ],
    "leftovers": [
        "УДК 327(575.2:575.3)",
        "Асанов Б.А., тарых илимдеринин кандидаты, доцент Кыргыз улуттук "
        "университети, Бишкек",
    ],
    "warnings": [],
}

EN_RU_KY_WORD = {
    "order": ["en", "ru", "ky"],
    "blocks": {
        "en": {
            "title": "The Shanghai Cooperation Organisation and border security in the "
            "Fergana Valley",
            "title_original": "The Shanghai Cooperation Organisation and border "
            "security in the Fergana Valley",
            "abstract": "The paper traces how the Shanghai Cooperation Organisation "
            "has shaped the border security agenda of Kyrgyzstan and Tajikistan since "
            "2001. It argues that multilateral formats complement, but do not "
            "replace, bilateral talks.",
            "keywords": [
                "SCO",
                "border security",
                "Fergana Valley",
                "multilateralism",
            ],
        },
        "ru": {
            "title": "Шанхайская организация сотрудничества и безопасность границ в "
            "Ферганской долине",
            "title_original": "Шанхайская организация сотрудничества и безопасность "
            "границ в Ферганской долине",
            "abstract": "В работе прослеживается, как Шанхайская организация "
            "сотрудничества влияла на повестку пограничной безопасности Кыргызстана и "
            "Таджикистана с 2001 года. Показано, что многосторонние форматы "
            "дополняют, но не заменяют двусторонние переговоры.",
            "keywords": [
                "ШОС",
                "безопасность границ",
                "Ферганская долина",
                "многосторонность",
            ],
        },
        "ky": {
            "title": "Шанхай кызматташтык уюму жана Фергана өрөөнүндөгү чек ара "
            "коопсуздугу",
            "title_original": "Шанхай кызматташтык уюму жана Фергана өрөөнүндөгү чек "
            "ара коопсуздугу",
            "abstract": "Макалада Шанхай кызматташтык уюму 2001-жылдан бери "
            "Кыргызстан менен Тажикстандын чек ара коопсуздугу боюнча күн тартибине "
            "кандай таасир этээри изилденет. Көп тараптуу форматтар эки тараптуу "
            "сүйлөшүүлөрдү толуктайт, бирок алардын ордун баспайт.",
            "keywords": [
                "ШОС",
                "чек ара коопсуздугу",
                "Фергана өрөөнү",
                "көп тараптуулук",
            ],
        },
    },
    "body_language": "ru",
    "sections": [
        (
            "Введение",
            [
                "Шанхайская организация сотрудничества (ШОС) была создана в 2001 году "
                "на основе «Шанхайской пятёрки» [1]. Для Кыргызстана и Таджикистана "
                "она стала площадкой, где вопросы границы обсуждаются в присутствии "
                "России и Китая [2, с. 45]."
            ],
        ),
        (
            "ШОС И ПОГРАНИЧНАЯ ПОВЕСТКА",
            [
                "В рамках организации действует Региональная антитеррористическая "
                "структура, которая собирает сведения о трансграничных угрозах [3]. "
                "Однако споры о линии границы остаются двусторонним делом [1; 3]."
            ],
        ),
        (
            "Заключение",
            [
                "Многосторонние механизмы создают доверие, но окончательное решение "
                "пограничных вопросов зависит от прямых переговоров двух столиц [2]."
            ],
        ),
    ],
    "references": [
        (
            "Alimov R. The Shanghai Cooperation Organisation: Its Role and Place in "
            "the Development of Eurasia. Journal of Eurasian Studies. 2018. Vol. 9, "
            "no. 2. P. 114–124. https://doi.org/10.1016/j.euras.2018.08.001",
            "10.1016/j.euras.2018.08.001",
            "",
        ),
        ("Абдыкеримов Т. ШОС и Центральная Азия. Бишкек, 2015. 210 с.", "", ""),
        (
            "Региональная антитеррористическая структура ШОС. URL: "
            "http://ecrats.org/ru/",
            "",
            "http://ecrats.org/ru/",
        ),
    ],
    "citations": [
        ("[1]", [1], 0, []),
        ("[2, с. 45]", [2], 0, []),
        ("[3]", [3], 1, []),
        ("[1; 3]", [1, 3], 1, []),
        ("[2]", [2], 2, []),
    ],
    "keywords": [
        {"ky": "ШОС", "ru": "ШОС", "en": "SCO"},
        {
            "ky": "чек ара коопсуздугу",
            "ru": "безопасность границ",
            "en": "border security",
        },
        {"ky": "Фергана өрөөнү", "ru": "Ферганская долина", "en": "Fergana Valley"},
        {"ky": "көп тараптуулук", "ru": "многосторонность", "en": "multilateralism"},
    ],
    "leftovers": ["Bakyt Asanov, PhD, Kyrgyz National University"],
    "warnings": [],
}

RU_EN_KY_MISSING_PARTS = {
    "order": ["ru", "en", "ky"],
    "blocks": {
        "ru": {
            "title": "Трудовая миграция из Кыргызстана и Таджикистана в Россию",
            "title_original": "ТРУДОВАЯ МИГРАЦИЯ ИЗ КЫРГЫЗСТАНА И ТАДЖИКИСТАНА В "
            "РОССИЮ",
            "abstract": "Статья посвящена сравнению миграционных потоков из двух стран "
            "в 2010–2023 годах. Рассмотрены денежные переводы мигрантов и их влияние "
            "на экономику.",
            "keywords": [],
        },
        "en": {
            "title": "Labour migration from Kyrgyzstan and Tajikistan to Russia",
            "title_original": "LABOUR MIGRATION FROM KYRGYZSTAN AND TAJIKISTAN TO "
            "RUSSIA",
            "abstract": "",
            "keywords": ["labour migration", "remittances", "Eurasian Economic Union"],
        },
        "ky": {
            "title": "Кыргызстан жана Тажикстандан Орусияга эмгек миграциясы",
            "title_original": "КЫРГЫЗСТАН ЖАНА ТАЖИКСТАНДАН ОРУСИЯГА ЭМГЕК МИГРАЦИЯСЫ",
            "abstract": "Макалада эки өлкөдөн 2010–2023-жылдары болгон миграциялык "
            "агымдар салыштырылат. Мигранттардын акча которуулары жана алардын "
            "экономикага тийгизген таасири каралат.",
            "keywords": [
                "эмгек миграциясы",
                "акча которуулар",
                "Евразия экономикалык бирлиги",
                "Орусия",
            ],
        },
    },
    "body_language": "ky",
    "sections": [
        (
            "1. Киришүү",
            [
                "Эмгек миграциясы эки өлкөнүн тең экономикасы үчүн маанилүү [1]. Акча "
                "которуулар ички дүң продуктунун чоң бөлүгүн түзөт [2, 14-б.]."
            ],
        ),
        (
            "2. Жыйынтыктар",
            ["Эки өлкөнүн миграциялык саясаты окшош, бирок бирдей эмес [3]."],
        ),
    ],
    "references": [],
    "citations": [
        ("[1]", [1], 0, [1]),
        ("[2, 14-б.]", [2], 0, [2]),
        ("[3]", [3], 1, [3]),
    ],
    "keywords": [
        {"ky": "эмгек миграциясы"},
        {"ky": "акча которуулар"},
        {"ky": "Евразия экономикалык бирлиги"},
        {"ky": "Орусия"},
        {"en": "labour migration"},
        {"en": "remittances"},
        {"en": "Eurasian Economic Union"},
    ],
    "leftovers": [],
    "warnings": [
        "The text has 3 in-text citations but no reference list was found, so they "
        "point nowhere.",
        "The keyword lists differ in length (Kyrgyz: 4, English: 3), so not all can be "
        "paired as translations; a list with no other list of the same length is "
        "added as keywords in one language. Merge translations in the keyword admin.",
        "No keywords in Russian were found.",
        "No abstract in English was found.",
    ],
}

SAMPLES = {
    "ky_ru_en_pdf_damage.txt": KY_RU_EN_PDF_DAMAGE,
    "en_ru_ky_word.txt": EN_RU_KY_WORD,
    "ru_en_ky_missing_parts.txt": RU_EN_KY_MISSING_PARTS,
}


def fields(manuscript):
    """A manuscript as plain data, shaped like the expectations above."""
    return {
        "order": list(manuscript.blocks),
        "blocks": {
            code: {
                "title": block.title,
                "title_original": block.title_original,
                "abstract": block.abstract,
                "keywords": block.keywords,
            }
            for code, block in manuscript.blocks.items()
        },
        "body_language": manuscript.body_language,
        "sections": [(s.heading, s.paragraphs) for s in manuscript.sections],
        "references": [(r.text, r.doi, r.url) for r in manuscript.references],
        "citations": [
            (c.text, c.numbers, c.section, c.missing) for c in manuscript.citations
        ],
        "keywords": [plan.labels for plan in manuscript.keywords],
        "leftovers": manuscript.leftovers,
        "warnings": manuscript.warnings,
    }


def parsed_fields(text):
    return fields(parse_manuscript(text))
