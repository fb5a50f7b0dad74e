"""The manuscripts of the layout corpus, as their authors wrote them.

Each is the truth the importer must recover from the printed layout (corpus.py lays
them out in lines and pages; make_corpus.py writes the .txt and .pdf files). In a
paragraph, `¦` marks a place where the line may break inside a word when the line is
nearly full: after a hyphen or a dash it is a compound whose sign stays; between two
letters it is a soft hyphenation point (the printed line ends with "-"). Other long
words are hyphenated by the layout where they overflow.
"""

FRONT_WATER = {
    "ky": {
        "title": "КЫРГЫЗ-ТАЖИК ЧЕК АРАСЫНДАГЫ СУУ ЧАРБАСЫ ЖАНА КОШУНА ЭЛДЕРДИН "
        "КЫЗМАТТАШТЫГЫ",
        "byline": [
            "Асанова Г.Т., тарых илимдеринин кандидаты",
            "Ош мамлекеттик университети, Ош",
        ],
        "abstract": "Макалада Кыргызстан менен Тажикстандын чек ара аймактарындагы "
        "суу ресурстарын биргелешип башкаруунун тарыхы жана азыркы абалы "
        "каралат. Автор Борбордук Азиянын суу чарба комиссиясынын ишин, эки "
        "өлкөнүн ортосундагы келишимдерди жана чек арага жакын айылдардын "
        "күнүмдүк турмушундагы суу маселелерин талдайт.",
        "keywords": [
            "чек ара",
            "суу ресурстары",
            "мамлекеттер аралык комиссия",
            "Баткен облусу",
            "кошуна элдер",
            "эки тараптуу келишимдер",
            "Борбордук Азия",
        ],
    },
    "ru": {
        "title": "ВОДНОЕ ХОЗЯЙСТВО НА КЫРГЫЗСКО-ТАДЖИКСКОЙ ГРАНИЦЕ И СОТРУДНИЧЕСТВО "
        "СОСЕДНИХ НАРОДОВ",
        "byline": [
            "Асанова Г.Т., кандидат исторических наук",
            "Ошский государственный университет, Ош",
        ],
        "abstract": "В статье рассматриваются история и современное состояние "
        "совместного управления водными ресурсами в приграничных районах "
        "Кыргызстана и Таджикистана. Автор анализирует работу водохозяйственной "
        "комиссии Центральной Азии, соглашения между двумя странами и водные "
        "вопросы в повседневной жизни приграничных сёл.",
        "keywords": [
            "граница",
            "водные ресурсы",
            "межгосударственная комиссия",
            "Баткенская область",
            "соседние народы",
            "двусторонние соглашения",
            "Центральная Азия",
        ],
    },
    "en": {
        "title": "WATER MANAGEMENT ON THE KYRGYZ-TAJIK BORDER AND THE COOPERATION "
        "OF NEIGHBOURING PEOPLES",
        "byline": [
            "G.T. Asanova, Candidate of Historical Sciences",
            "Osh State University, Osh",
        ],
        "abstract": "The article examines the history and the present state of the "
        "joint management of water resources in the border districts of "
        "Kyrgyzstan and Tajikistan. The author analyses the work of the water "
        "commission of Central Asia, the agreements between the two countries and "
        "the water questions in the daily life of the border villages.",
        "keywords": [
            "border",
            "water resources",
            "interstate commission",
            "Batken region",
            "neighbouring peoples",
            "bilateral agreements",
            "Central Asia",
        ],
    },
}

KY_BODY_NO_HEADINGS = [
    (
        "",
        [
            "Кыргызстан менен Тажикстандын ортосундагы дипломатиялык мамилелер "
            "1992-жылы түзүлгөн. Ошол убактан бери эки өлкө чек ара, суу жана "
            "энергетика маселелерин биргелешип чечүүгө аракет кылып келет. Бүгүнкү "
            "күндө эки мамлекеттин ортосундагы кыргыз-¦тажик кызматташтыгынын укуктук "
            "негизи алтымыштан ашык келишимден "
            "турат, алардын көпчүлүгү чек ара аймактарындагы турмушка тиешелүү.",
            "Чек арага жакын айылдардын тургундары үчүн суу күнүмдүк турмуштун "
            "негизги шарты болуп саналат. Баткен облусундагы дыйкандар жайкы "
            "айларда сугат суусун кошуна айылдар менен бөлүшүүгө аргасыз. Мындай "
            "шартта суу маселеси эл аралык мамилелердин түп–¦тамырынан орун алган "
            "маселеге айланат, ал эми анын чечилиши эки тараптын ишенимине "
            "байланыштуу.",
            "Борбордук Азиянын мамлекеттер аралык суу чарба координациялык "
            "комиссиясы суу ресурстарын биргелешип башкаруунун негизги аянтчасы "
            "болуп калды. Комиссиянын жыйындарында эки өлкөнүн өкүлдөрү сугат "
            "мезгилиндеги суунун көлөмүн жана бөлүштүрүү тартибин макулдашат. "
            "Бул тажрыйба эки өлкөнүн ортосундагы ишенимди бекемдейт.",
            "Эки өлкөнүн президенттери 2008-жылы жана 2009-жылы бир нече жолу "
            "жолугушкан. Эки тараптуу мамилелер үчүн өзгөчө маанилүү болгон окуя ошол "
            "жылы, тагыраак айтканда 2008-¦жылдын май айында Кыргызстандын Президенти "
            "Тажикстанга расмий сапар менен барган, ал эми 2009-жылдын апрелинде "
            "Алматыда өткөн саммитте мамлекет башчылары чек ара жана суу "
            "маселелерин талкуулашкан.",
            "Соода-экономикалык байланыштар да суу маселеси менен тыгыз "
            "байланышкан. 2008-жылы эки тараптуу соода жүгүртүүсү кырк миллионго "
            "жеткен, бирок ал өз мүмкүнчүлүгүнөн бир топ төмөн бойдон калууда. "
            "Суу жана энергетика боюнча макулдашуулар соода жолдорун кеңейтүүгө "
            "жардам берет.",
            "Жыйынтыгында, суу ресурстарын биргелешип башкаруу кыргыз жана тажик "
            "элдеринин ортосундагы кошуналык мамилелердин маанилүү бөлүгү болуп "
            "саналат. Чек ара аймактарындагы тынчтык жана туруктуулук көп жагынан "
            "ушул кызматташтыктын ийгилигинен көз каранды.",
        ],
    )
]

KY_REFERENCES = [
    "Абдыкеримов Т. Кыргызстандын суу саясаты. – Бишкек: Илим, 2015. – 210 б.",
    "Рахимов С. Борбордук Азиядагы суу ресурстары. – Душанбе, 2012. – 180 б.",
]

FRONT_CULTURE = {
    "ky": {
        "title": "ЧЫҢГЫЗ АЙТМАТОВДУН ЧЫГАРМАЛАРЫ ТАЖИК ТИЛИНДЕ: МАДАНИЙ "
        "БАЙЛАНЫШТАРДЫН ТАРЫХЫНАН",
        "byline": [
            "Токтосунова А.К., филология илимдеринин кандидаты",
            "Кыргыз улуттук университети, Бишкек",
        ],
        "abstract": "Макалада Чыңгыз Айтматовдун «Тоолор кулаганда» романынын тажик "
        "тилине которулушу жана анын Душанбеде таанытылышы кыргыз-тажик маданий "
        "байланыштарынын мисалы катары каралат. Автор котормонун тарыхын жана "
        "анын эки элдин маданий жакындашуусундагы ордун көрсөтөт.",
        "keywords": [
            "Чыңгыз Айтматов",
            "көркөм котормо",
            "маданий байланыштар",
            "Тажикстандын Улуттук китепканасы",
            "кыргыз-тажик мамилелери",
        ],
    },
    "ru": {
        "title": "ПРОИЗВЕДЕНИЯ ЧИНГИЗА АЙТМАТОВА НА ТАДЖИКСКОМ ЯЗЫКЕ: ИЗ ИСТОРИИ "
        "КУЛЬТУРНЫХ СВЯЗЕЙ",
        "byline": [
            "Токтосунова А.К., кандидат филологических наук",
            "Кыргызский национальный университет, Бишкек",
        ],
        "abstract": "В статье перевод романа Чингиза Айтматова «Когда падают горы» на "
        "таджикский язык и его презентация в Душанбе рассматриваются как пример "
        "кыргызско-таджикских культурных связей. Автор прослеживает историю "
        "перевода и показывает его место в культурном сближении двух народов.",
        "keywords": [
            "Чингиз Айтматов",
            "художественный перевод",
            "культурные связи",
            "Национальная библиотека Таджикистана",
            "кыргызско-таджикские отношения",
        ],
    },
    "en": {
        "title": "THE WORKS OF CHINGIZ AITMATOV IN TAJIK: FROM THE HISTORY OF "
        "CULTURAL TIES",
        "byline": [
            "A.K. Toktosunova, Candidate of Philological Sciences",
            "Kyrgyz National University, Bishkek",
        ],
        "abstract": "The article considers the translation of Chingiz Aitmatov's "
        "novel When the Mountains Fall into Tajik and its presentation in Dushanbe "
        "as an example of Kyrgyz-Tajik cultural ties. The author traces the history "
        "of the translation and shows its place in the cultural rapprochement of "
        "the two peoples.",
        "keywords": [
            "Chingiz Aitmatov",
            "literary translation",
            "cultural ties",
            "National Library of Tajikistan",
            "Kyrgyz-Tajik relations",
        ],
    },
}

RU_BODY_HEADINGS = [
    (
        "Введение",
        [
            "Культурно-гуманитарное сотрудничество занимает особое место в "
            "отношениях Кыргызстана и Таджикистана. Литература, переводы и "
            "совместные праздники сближают народы не меньше, чем торговые и "
            "транспортные проекты, о которых обычно пишут в первую очередь. "
            "В этом ряду особое место занимают давние кыргызско-¦таджикские "
            "литературные связи.",
            "Целью статьи является рассмотрение одного события, которое хорошо "
            "показывает характер этих связей, и его значения для читателей "
            "Таджикистана [1].",
        ],
    ),
    (
        "1. Перевод романа и его презентация",
        [
            "Двадцать седьмого декабря 2018 года в Национальной библиотеке "
            "Таджикистана в Душанбе состоялась презентация таджикского перевода "
            "последнего романа Чингиза Айтматова «Когда падают горы». Перевод "
            "выполнил Хикмат Рахмат, член Союза писателей Таджикистана, а издание "
            "было подготовлено к девяностолетию писателя при поддержке "
            "посольства Кыргызстана.",
            "Четыреста экземпляров книги были переданы Национальной библиотеке, "
            "а ещё триста экземпляров получило Министерство образования и науки "
            "Таджикистана. Благодаря этому роман стал доступен школьникам и "
            "студентам в разных городах страны, в том числе в отдалённых горных "
            "районах [2].",
        ],
    ),
    (
        "2. Значение перевода",
        [
            "Перевод показывает, что культурные связи двух народов опираются не "
            "только на общую историю, но и на современные совместные усилия. "
            "Посол Кыргызстана Ж. Рустенбеков отметил на презентации, что "
            "произведения Айтматова давно стали общим достоянием народов "
            "Центральной Азии, а их перевод на языки соседей продолжает эту "
            "традицию.",
            "Культурное сотрудничество дополняет работу межправительственной "
            "комиссии и других двусторонних механизмов. Оно создаёт доверие, без "
            "которого трудно решать сложные вопросы границы и водных ресурсов.",
        ],
    ),
    (
        "Заключение",
        [
            "Презентация таджикского перевода романа Айтматова стала заметным "
            "событием культурной жизни двух стран. Подобные инициативы "
            "заслуживают поддержки, поскольку они укрепляют взаимопонимание между "
            "соседними народами.",
        ],
    ),
]

RU_REFERENCES = [
    "Айтматов Ч. Когда падают горы (Вечная невеста). – СПб.: Азбука, 2006. – 480 с.",
    "Сатыбалдиев А. Литературные связи народов Центральной Азии. – Бишкек, 2019.",
]

FRONT_DIPLOMACY = {
    "ky": {
        "title": "КЫРГЫЗСТАН МЕНЕН ТАЖИКСТАНДЫН ДИПЛОМАТИЯЛЫК МАМИЛЕЛЕРИ: "
        "ЖОГОРКУ ДЕҢГЭЭЛДЕГИ САПАРЛАР",
        "byline": [
            "Мамытов Э.Б., саясат илимдеринин доктору",
            "Кыргыз-Россия Славян университети, Бишкек",
        ],
        "abstract": "Макалада 1992-жылы түзүлгөн кыргыз-тажик дипломатиялык "
        "мамилелеринин өнүгүшү жогорку деңгээлдеги сапарлар жана жолугушуулар "
        "аркылуу каралат. Өзгөчө көңүл 2007–2010-жылдардагы президенттердин "
        "сапарларына жана саммиттердеги жолугушууларына бурулат.",
        "keywords": [
            "дипломатиялык мамилелер",
            "расмий сапар",
            "саммит",
            "Шанхай кызматташтык уюму",
            "Көз карандысыз мамлекеттердин шериктештиги",
            "соода жүгүртүү",
        ],
    },
    "ru": {
        "title": "ДИПЛОМАТИЧЕСКИЕ ОТНОШЕНИЯ КЫРГЫЗСТАНА И ТАДЖИКИСТАНА: ВИЗИТЫ "
        "НА ВЫСШЕМ УРОВНЕ",
        "byline": [
            "Мамытов Э.Б., доктор политических наук",
            "Кыргызско-Российский Славянский университет, Бишкек",
        ],
        "abstract": "В статье развитие кыргызско-таджикских дипломатических "
        "отношений, установленных в 1992 году, рассматривается через визиты и "
        "встречи на высшем уровне. Особое внимание уделено визитам президентов и "
        "их встречам на саммитах в 2007–2010 годах.",
        "keywords": [
            "дипломатические отношения",
            "официальный визит",
            "саммит",
            "Шанхайская организация сотрудничества",
            "Содружество Независимых Государств",
            "товарооборот",
        ],
    },
    "en": {
        "title": "DIPLOMATIC RELATIONS OF KYRGYZSTAN AND TAJIKISTAN: VISITS AT THE "
        "HIGHEST LEVEL",
        "byline": [
            "E.B. Mamytov, Doctor of Political Sciences",
            "Kyrgyz-Russian Slavic University, Bishkek",
        ],
        "abstract": "The article follows the development of the Kyrgyz-Tajik "
        "diplomatic relations established in 1992 through visits and meetings at "
        "the highest level. Particular attention is paid to the visits of the "
        "presidents and to their meetings at summits in 2007-2010.",
        "keywords": [
            "diplomatic relations",
            "official visit",
            "summit",
            "Shanghai Cooperation Organisation",
            "Commonwealth of Independent States",
            "trade turnover",
        ],
    },
}

EN_BODY_NO_HEADINGS = [
    (
        "",
        [
            "Kyrgyzstan and Tajikistan established diplomatic relations in 1992, "
            "soon after both states became independent. Since then the two "
            "neighbours have built a treaty base of more than sixty agreements, "
            "and their presidents have met both in bilateral visits and at the "
            "summits of regional organisations [1].",
            "In September 2007 the President of Tajikistan, Emomali Rahmon, paid "
            "an official visit to Kyrgyzstan. The return visit of the Kyrgyz "
            "President, Kurmanbek Bakiyev, to Tajikistan followed in May 2008. "
            "Both visits were devoted to border questions, to water and energy, "
            "and to the Kyrgyz-¦Tajik intergovernmental commission, which deals "
            "with bilateral questions as a whole.",
            "The presidents met again at a summit in Almaty on 28 April 2009 and "
            "at a summit in Astana on 2 December 2010. By March 2009 the "
            "settlement of territorial disputes on several sections of the "
            "interstate border was under way, and a bilateral commission on "
            "border questions continued its meetings.",
            "Trade remained the weak side of the relationship. In 2008 the "
            "bilateral trade turnover reached forty million, and although it "
            "grows year on year it stays well below its potential. Planned "
            "power lines to Afghanistan and Pakistan and new transport projects "
            "toward southern markets may change this picture [2].",
            "The record of these years shows that regular meetings at the "
            "highest level keep the dialogue open even when difficult questions "
            "remain unresolved. Membership in the Shanghai Cooperation "
            "Organisation and in the Commonwealth of Independent States gives "
            "the two states further places to meet.",
        ],
    )
]

EN_REFERENCES = [
    "Jumabaev K. Foreign policy of Kyrgyzstan in Central Asia. Bishkek, 2016.",
    "Saidov R. Tajikistan and its neighbours. Dushanbe, 2014.",
]


MANUSCRIPTS = {
    "ky_water": {
        "front": FRONT_WATER,
        "sections": KY_BODY_NO_HEADINGS,
        "references_heading": "Адабияттар",
        "references": KY_REFERENCES,
        "repeat_front": False,
    },
    "ru_culture": {
        "front": FRONT_CULTURE,
        "sections": RU_BODY_HEADINGS,
        "references_heading": "Литература",
        "references": RU_REFERENCES,
        "repeat_front": True,
    },
    "en_diplomacy": {
        "front": FRONT_DIPLOMACY,
        "sections": EN_BODY_NO_HEADINGS,
        "references_heading": "References",
        "references": EN_REFERENCES,
        "repeat_front": True,
    },
}
