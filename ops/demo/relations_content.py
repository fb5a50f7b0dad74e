"""The knowledge base's demo content, loaded at the end of `python manage.py load_demo`.

`load_demo` (ops) imports this module only when the `relations` app is installed, and
calls `load()` inside its own transaction. `load()` returns the loader, whose
`report()` prints a summary.

Facts: the Kyrgyz–Tajik events, people, organization names and the 2008 trade figure
come from docs/DOMAIN-FACTS.md and the journal's demo articles (journal_content);
the multilateral agreements and the SCO founding summit come from the documents named
in their `source` field. Dates keep the precision their source gives. Descriptions and
summaries are our own words; Kyrgyz text should be read by a Kyrgyz-speaking editor
before the demo is shown to the public.

Idempotent, like the journal's loader: rows are matched by natural keys (a country's
ISO code, the slug of a domain, organization, event, agreement or indicator, a person's
English name, an observation's indicator and year, a keyword's labels). What exists is
left as it is, so a second run creates and changes nothing and an editor's changes to
demo rows survive. Links (countries, domains, people, keywords, articles, …) are written
only when their row is created.
"""

from collections import Counter
from datetime import date
from decimal import Decimal

from articles.languages import LANGUAGE_CODES
from articles.models import Article, Keyword
from articles.services import keyword_from_labels
from ops.demo.journal_content import ARTICLES, ISSUES, JOURNAL, text
from ops.demo.journal_content import KEYWORDS as JOURNAL_KEYWORDS
from relations.models import (
    Agreement,
    Country,
    Domain,
    Event,
    Indicator,
    Observation,
    Organization,
    Person,
)

# Shown to readers as a source: the facts were compiled by the editorial office.
DOMAIN_FACTS = "Editorial compilation of the journal (demonstration data)"


def tr(ky, ru, en):
    """One text in the three languages."""
    return {"ky": ky, "ru": ru, "en": en}


def demo_article(slug):
    """How a source names one of the journal's demo articles."""
    item = next(a for a in ARTICLES if a["slug"] == slug)
    where = JOURNAL["name_en"]
    if item["issue"]:
        issue = ISSUES[item["issue"]]
        where = f"{where}, {issue['year']}, No. {issue['number']}"
    return f"{item['title']['en']}. {where} (demo article)"


def sources(*parts, articles=()):
    return "; ".join([*parts, *(demo_article(slug) for slug in articles)])


# -- countries, domains, organizations, people ----------------------------------------

# ISO 3166 code -> (slug, names). Besides the two neighbours and the region: the parties
# to the agreements below and the members of the four organizations.
COUNTRIES = {
    "KG": ("kyrgyzstan", tr("Кыргызстан", "Кыргызстан", "Kyrgyzstan")),
    "TJ": ("tajikistan", tr("Тажикстан", "Таджикистан", "Tajikistan")),
    "KZ": ("kazakhstan", tr("Казакстан", "Казахстан", "Kazakhstan")),
    "UZ": ("uzbekistan", tr("Өзбекстан", "Узбекистан", "Uzbekistan")),
    "TM": ("turkmenistan", tr("Түркмөнстан", "Туркменистан", "Turkmenistan")),
    "RU": ("russia", tr("Россия", "Россия", "Russia")),
    "CN": ("china", tr("Кытай", "Китай", "China")),
    "AM": ("armenia", tr("Армения", "Армения", "Armenia")),
    "AZ": ("azerbaijan", tr("Азербайжан", "Азербайджан", "Azerbaijan")),
    "BY": ("belarus", tr("Беларусь", "Беларусь", "Belarus")),
    "AF": ("afghanistan", tr("Афганистан", "Афганистан", "Afghanistan")),
    "PK": ("pakistan", tr("Пакистан", "Пакистан", "Pakistan")),
    "IN": ("india", tr("Индия", "Индия", "India")),
    "IR": ("iran", tr("Иран", "Иран", "Iran")),
}

# The relation domains of DOMAIN-FACTS, in this order.
DOMAINS = {
    "water-energy": {
        "name": tr("Суу-энергетика", "Водно-энергетическая сфера", "Water and energy"),
        "description": tr(
            "Жалпы дарыяларды пайдалануу, сууну бөлүштүрүү, гидроэнергетика жана "
            "электр энергиясын экспорттоо жаатындагы кызматташтык.",
            "Сотрудничество в использовании общих рек, распределении воды, "
            "гидроэнергетике и экспорте электроэнергии.",
            "Cooperation on shared rivers, the allocation of water, hydropower and "
            "the export of electricity.",
        ),
    },
    "border": {
        "name": tr("Чек ара", "Граница", "Border"),
        "description": tr(
            "Мамлекеттик чек араны делимитациялоо жана демаркациялоо, анын "
            "участокторундагы талаштарды жөнгө салуу.",
            "Делимитация и демаркация государственной границы и урегулирование "
            "споров на её участках.",
            "Delimitation and demarcation of the state border and the settlement of "
            "disputes on its sections.",
        ),
    },
    "cultural-humanitarian": {
        "name": tr(
            "Маданий-гуманитардык байланыштар",
            "Культурно-гуманитарные связи",
            "Cultural and humanitarian ties",
        ),
        "description": tr(
            "Адабият, билим берүү, илим жана маданият жаатындагы байланыштар, анын "
            "ичинде котормолор жана биргелешкен иш-чаралар.",
            "Связи в области литературы, образования, науки и культуры, включая "
            "переводы и совместные мероприятия.",
            "Ties in literature, education, science and culture, including "
            "translations and joint events.",
        ),
    },
    "diplomatic": {
        "name": tr(
            "Дипломатия жана тышкы саясат",
            "Дипломатия и внешняя политика",
            "Diplomacy and foreign policy",
        ),
        "description": tr(
            "Саясий диалог, жогорку деңгээлдеги сапарлар жана саммиттер, тышкы "
            "саясий позицияларды макулдашуу.",
            "Политический диалог, визиты и саммиты на высшем уровне, координация "
            "внешнеполитических позиций.",
            "Political dialogue, top-level visits and summits, and the coordination "
            "of foreign policy.",
        ),
    },
    "trade-economic": {
        "name": tr(
            "Соода-экономикалык байланыштар",
            "Торгово-экономические связи",
            "Trade and economy",
        ),
        "description": tr(
            "Өлкөлөрдүн ортосундагы соода жүгүртүү, инвестициялар жана экономикалык "
            "интеграция.",
            "Товарооборот, инвестиции и экономическая интеграция между странами.",
            "Trade turnover, investment and economic integration between the "
            "countries.",
        ),
    },
    "transport": {
        "name": tr("Транспорт", "Транспорт", "Transport"),
        "description": tr(
            "Автомобиль жана темир жолдор, транзиттик каттамдар, анын ичинде түштүк "
            "рынокторуна чыгуучу жолдор.",
            "Автомобильные и железные дороги, транзитные маршруты, в том числе к "
            "южным рынкам.",
            "Roads, railways and transit routes, including routes toward southern "
            "markets.",
        ),
    },
    "migration": {
        "name": tr("Миграция", "Миграция", "Migration"),
        "description": tr(
            "Өлкөлөрдүн ортосундагы калктын жылышы, анын статистикасы жана "
            "социалдык кесепеттери.",
            "Перемещение людей между странами, его статистика и социальные "
            "последствия.",
            "The movement of people between the countries, its statistics and its "
            "social consequences.",
        ),
    },
    "security": {
        "name": tr("Коопсуздук", "Безопасность", "Security"),
        "description": tr(
            "Аймактык коопсуздук, чек ара коопсуздугу жана жамааттык коопсуздук "
            "түзүмдөрүндөгү кызматташтык.",
            "Региональная безопасность, безопасность границ и сотрудничество в "
            "структурах коллективной безопасности.",
            "Regional security, border security and cooperation within collective "
            "security structures.",
        ),
    },
}

# Acronyms and names as in the DOMAIN-FACTS table. Members: current members among the
# countries above that we are sure of (the SCO's six founders of 2001; India and
# Pakistan since 2017, Iran since 2023, Belarus since 2024).
ORGANIZATIONS = {
    "sco": {
        "acronym": tr("ШКУ", "ШОС", "SCO"),
        "name": tr(
            "Шанхай кызматташтык уюму",
            "Шанхайская организация сотрудничества",
            "Shanghai Cooperation Organisation",
        ),
        "description": tr(
            "Мүчө мамлекеттерди коопсуздук, экономика жана гуманитардык байланыштар "
            "жаатында кызматташтыкка бириктирген, 2001-жылы Шанхайда түзүлгөн "
            "аймактык уюм.",
            "Региональная организация, созданная в Шанхае в 2001 году, в рамках "
            "которой её члены сотрудничают в сферах безопасности, экономики и "
            "гуманитарных связей.",
            "A regional organization founded in Shanghai in 2001, within which its "
            "members cooperate on security, the economy and humanitarian ties.",
        ),
        "members": ["CN", "KZ", "KG", "RU", "TJ", "UZ", "IN", "PK", "IR", "BY"],
    },
    "csto": {
        "acronym": tr("ЖККУ", "ОДКБ", "CSTO"),
        "name": tr(
            "Жамааттык коопсуздук жөнүндө келишим уюму",
            "Организация Договора о коллективной безопасности",
            "Collective Security Treaty Organization",
        ),
        "description": tr(
            "1992-жылкы Жамааттык коопсуздук жөнүндө келишимге негизделген жана "
            "2002-жылы уюм катары түзүлгөн аскердик-саясий союз.",
            "Военно-политический союз, основанный на Договоре о коллективной "
            "безопасности 1992 года и оформленный как организация в 2002 году.",
            "A military and political alliance based on the Collective Security "
            "Treaty of 1992 and set up as an organization in 2002.",
        ),
        "members": ["AM", "BY", "KZ", "KG", "RU", "TJ"],
    },
    "eurasec": {
        "acronym": tr("ЕврАзЭС", "ЕврАзЭС", "EurAsEC"),
        "name": tr(
            "Евразиялык экономикалык коомдоштук",
            "Евразийское экономическое сообщество",
            "Eurasian Economic Community",
        ),
        "description": tr(
            "2000-жылы түзүлүп, 2015-жылдын 1-январында милдеттери Евразиялык "
            "экономикалык союзга өткөндө ишин токтоткон экономикалык интеграция "
            "уюму.",
            "Организация экономической интеграции, созданная в 2000 году и "
            "прекратившая существование 1 января 2015 года, когда её функции "
            "перешли к Евразийскому экономическому союзу.",
            "An organization for economic integration set up in 2000 that ceased to "
            "exist on 1 January 2015, when the Eurasian Economic Union took over its "
            "work.",
        ),
        "members": ["BY", "KZ", "KG", "RU", "TJ"],
    },
    "cis": {
        "acronym": tr("КМШ", "СНГ", "CIS"),
        "name": tr(
            "Көз карандысыз мамлекеттердин шериктештиги",
            "Содружество Независимых Государств",
            "Commonwealth of Independent States",
        ),
        "description": tr(
            "СССР тарагандан кийин кызматташтыкты улантуу үчүн 1991-жылдын "
            "декабрында түзүлгөн мурдагы советтик республикалардын бирикмеси.",
            "Объединение бывших советских республик, созданное в декабре 1991 года "
            "для продолжения сотрудничества после распада СССР.",
            "An association of former Soviet republics formed in December 1991 to "
            "continue their cooperation after the break-up of the USSR.",
        ),
        "members": ["AM", "AZ", "BY", "KZ", "KG", "RU", "TJ", "UZ"],
    },
}

# Matched by the English name.
PEOPLE = {
    "rahmon": {
        "name": tr("Эмомали Рахмон", "Эмомали Рахмон", "Emomali Rahmon"),
        "office": tr(
            "Тажикстан Республикасынын Президенти",
            "Президент Республики Таджикистан",
            "President of the Republic of Tajikistan",
        ),
        "country": "TJ",
    },
    "bakiyev": {
        "name": tr("Курманбек Бакиев", "Курманбек Бакиев", "Kurmanbek Bakiyev"),
        "office": tr(
            "Кыргыз Республикасынын Президенти, 2005–2010",
            "Президент Кыргызской Республики, 2005–2010",
            "President of the Kyrgyz Republic, 2005–2010",
        ),
        "country": "KG",
    },
    "rahmat": {
        "name": tr("Хикмат Рахмат", "Хикмат Рахмат", "Hikmat Rahmat"),
        "office": tr(
            "котормочу, Тажикстандын Жазуучулар союзунун мүчөсү",
            "переводчик, член Союза писателей Таджикистана",
            "translator, member of the Union of Writers of Tajikistan",
        ),
        "country": "TJ",
    },
    "rustenbekov": {
        "name": tr("Ж. Рустенбеков", "Ж. Рустенбеков", "J. Rustenbekov"),
        "office": tr(
            "Кыргыз Республикасынын Тажикстан Республикасындагы элчиси",
            "Посол Кыргызской Республики в Республике Таджикистан",
            "Ambassador of the Kyrgyz Republic to the Republic of Tajikistan",
        ),
        "country": "KG",
    },
}

# Keywords the journal's demo does not have; the journal's own (ops.demo.journal_content
# .KEYWORDS) are reused by their key, with exactly the labels they have there.
KEYWORDS = {
    "diplomatic-relations": {
        "ky": "дипломатиялык мамилелер",
        "ru": "дипломатические отношения",
        "en": "diplomatic relations",
    },
    "high-level-visit": {
        "ky": "жогорку деңгээлдеги сапар",
        "ru": "визит на высшем уровне",
        "en": "high-level visit",
    },
    "territorial-disputes": {
        "ky": "аймактык талаш-тартыштар",
        "ru": "территориальные споры",
        "en": "territorial disputes",
    },
    "collective-security": {
        "ky": "жамааттык коопсуздук",
        "ru": "коллективная безопасность",
        "en": "collective security",
    },
}

# -- events -------------------------------------------------------------------------

SCO_DECLARATION_SOURCE = (
    "Declaration on the Establishment of the Shanghai Cooperation Organisation, "
    "Shanghai, 15 June 2001 (text published by the SCO Secretariat)"
)
WATER_AGREEMENT_SOURCE = (
    "Agreement on cooperation in the joint management, use and protection of water "
    "resources of interstate sources, Almaty, 18 February 1992 (text published by "
    "the Interstate Commission for Water Coordination of Central Asia, ICWC)"
)
SCO_FOUNDERS = ["CN", "KZ", "KG", "RU", "TJ", "UZ"]
WATER_PARTIES = ["KZ", "KG", "TJ", "TM", "UZ"]

# date: the first day of the period the source gives (year, month or day).
EVENTS = [
    {
        "slug": "1992-diplomatic-relations-kyrgyzstan-tajikistan",
        "date": date(1992, 1, 1),
        "precision": "year",
        "kind": "other",
        "title": tr(
            "Кыргызстан менен Тажикстандын ортосунда дипломатиялык мамилелердин "
            "түзүлүшү",
            "Установление дипломатических отношений между Кыргызстаном и Таджикистаном",
            "Diplomatic relations established between Kyrgyzstan and Tajikistan",
        ),
        "place": None,
        "description": tr(
            text(
                """
                1992-жылы, эгемендүүлүккө ээ болгондон көп өтпөй, Кыргызстан менен
                Тажикстан дипломатиялык мамилелерди түзүшкөн. Булактарда бул окуянын
                жылы гана көрсөтүлгөн. Ушундан баштап эки тараптуу мамилелердин
                келишимдик-укуктук базасы калыптанып, убакыт өткөн сайын 60тан ашык
                макулдашууга чейин көбөйгөн.
                """
            ),
            text(
                """
                В 1992 году, вскоре после обретения независимости, Кыргызстан и
                Таджикистан установили дипломатические отношения. Источники называют
                только год этого события. С него началось формирование
                договорно-правовой базы двусторонних отношений, которая со временем
                выросла до более чем 60 соглашений.
                """
            ),
            text(
                """
                In 1992, soon after both countries became independent, Kyrgyzstan and
                Tajikistan established diplomatic relations. The sources give only
                the year. From this point the treaty base of the relations took
                shape, growing over time to more than 60 agreements.
                """
            ),
        ),
        "countries": ["KG", "TJ"],
        "domains": ["diplomatic"],
        "people": [],
        "organizations": [],
        "keywords": [
            "diplomatic-relations",
            "bilateral",
            "diplomacy",
            "kyrgyzstan",
            "tajikistan",
        ],
        "articles": ["kyrgyz-tajik-relations-since-1992"],
    },
    {
        "slug": "2007-09-official-visit-of-rahmon-to-kyrgyzstan",
        "date": date(2007, 9, 1),
        "precision": "month",
        "kind": "visit",
        "title": tr(
            "Тажикстандын Президентинин Кыргызстанга расмий сапары",
            "Официальный визит Президента Таджикистана в Кыргызстан",
            "Official visit of the President of Tajikistan to Kyrgyzstan",
        ),
        "place": tr("Кыргызстан", "Кыргызстан", "Kyrgyzstan"),
        "description": tr(
            text(
                """
                2007-жылдын сентябрында Тажикстандын Президенти Эмомали Рахмон
                Кыргызстанга расмий сапар менен келген. Журналдын макалаларында бул
                сапар жогорку деңгээлдеги байланыштардын жанданышынын башталышы
                катары каралат. Кийинки жылдын май айында Кыргызстандын Президенти
                Тажикстанга барган.
                """
            ),
            text(
                """
                В сентябре 2007 года Президент Таджикистана Эмомали Рахмон посетил
                Кыргызстан с официальным визитом. В статьях журнала этот визит
                рассматривается как начало более активного периода контактов на
                высшем уровне. В мае следующего года Президент Кыргызстана побывал в
                Таджикистане.
                """
            ),
            text(
                """
                In September 2007 President Emomali Rahmon of Tajikistan paid an
                official visit to Kyrgyzstan. The journal's articles see the visit as
                the start of a livelier period of top-level contacts. The president
                of Kyrgyzstan went to Tajikistan the following May.
                """
            ),
        ),
        "countries": ["KG", "TJ"],
        "domains": ["diplomatic"],
        "people": ["rahmon"],
        "organizations": [],
        "keywords": ["high-level-visit", "diplomacy", "bilateral"],
        "articles": [
            "kyrgyz-tajik-relations-since-1992",
            "summit-diplomacy-2007-2010",
        ],
    },
    {
        "slug": "2008-05-visit-of-bakiyev-to-tajikistan",
        "date": date(2008, 5, 1),
        "precision": "month",
        "kind": "visit",
        "title": tr(
            "Кыргызстандын Президентинин Тажикстанга сапары",
            "Визит Президента Кыргызстана в Таджикистан",
            "Visit of the President of Kyrgyzstan to Tajikistan",
        ),
        "place": tr("Тажикстан", "Таджикистан", "Tajikistan"),
        "description": tr(
            text(
                """
                2008-жылдын май айында Кыргызстандын Президенти Курманбек Бакиев
                Тажикстанга барган. Тажикстан Президентинин Кыргызстанга расмий
                сапарынан сегиз ай өткөндөн кийин болгон бул сапар жогорку
                деңгээлдеги байланыштарды улантты. Журналдын авторлору бул сапарларды
                өкмөттөр аралык комиссиянын ишинин жанданышы менен байланыштырышат.
                """
            ),
            text(
                """
                В мае 2008 года Президент Кыргызстана Курманбек Бакиев посетил
                Таджикистан. Визит, состоявшийся через восемь месяцев после
                официального визита таджикского президента в Кыргызстан, продолжил
                контакты на высшем уровне. Авторы журнала связывают эти визиты с
                оживлением работы межправительственной комиссии.
                """
            ),
            text(
                """
                In May 2008 President Kurmanbek Bakiyev of Kyrgyzstan visited
                Tajikistan. Coming eight months after the Tajik president's official
                visit to Kyrgyzstan, it kept up the contacts at the top level. The
                journal's authors link these visits to the renewed work of the
                intergovernmental commission.
                """
            ),
        ),
        "countries": ["KG", "TJ"],
        "domains": ["diplomatic"],
        "people": ["bakiyev"],
        "organizations": [],
        "keywords": ["high-level-visit", "diplomacy", "bilateral"],
        "articles": [
            "kyrgyz-tajik-relations-since-1992",
            "summit-diplomacy-2007-2010",
        ],
    },
    {
        "slug": "2009-03-settlement-of-border-disputes",
        "date": date(2009, 3, 1),
        "precision": "month",
        "kind": "negotiation",
        "title": tr(
            "Чек аранын айрым участокторундагы аймактык талаш-тартыштарды жөнгө салуу",
            "Урегулирование территориальных споров на участках границы",
            "Settlement of territorial disputes on sections of the border",
        ),
        "place": tr(
            "Кыргыз-тажик мамлекеттик чек арасы",
            "Кыргызско-таджикская государственная граница",
            "Kyrgyz–Tajik state border",
        ),
        "description": tr(
            text(
                """
                2009-жылдын мартында эки өлкө мамлекеттик чек аранын бир нече
                участогундагы аймактык талаш-тартыштарды жөнгө салуу боюнча иш
                жүргүзүп жаткан. Булактарда бул иш айы менен гана белгиленип,
                участоктор аталган эмес. Мындай маселелер менен чек ара маселелери
                боюнча эки тараптуу комиссия алектенет.
                """
            ),
            text(
                """
                В марте 2009 года стороны вели работу по урегулированию
                территориальных споров на нескольких участках государственной
                границы. Источники датируют эту работу только месяцем и не называют
                конкретных участков. Такими вопросами занимается двусторонняя
                комиссия по пограничным вопросам.
                """
            ),
            text(
                """
                In March 2009 the two countries were working to settle territorial
                disputes on several sections of their state border. The sources date
                this work only to the month and do not name the sections. Such
                matters are the business of the bilateral commission on border
                questions.
                """
            ),
        ),
        "countries": ["KG", "TJ"],
        "domains": ["border"],
        "people": [],
        "organizations": [],
        "keywords": ["border", "delimitation", "territorial-disputes"],
        "articles": [
            "border-question-2009-settlement",
            "summit-diplomacy-2007-2010",
        ],
    },
    {
        "slug": "2009-04-28-rahmon-and-bakiyev-at-the-almaty-summit",
        "date": date(2009, 4, 28),
        "precision": "day",
        "kind": "summit",
        "title": tr(
            "Рахмон менен Бакиевдин Алматыдагы саммитте жолугушуусу",
            "Встреча Рахмона и Бакиева на саммите в Алматы",
            "Rahmon and Bakiyev meet at the summit in Almaty",
        ),
        "place": tr("Алматы", "Алматы", "Almaty"),
        "description": tr(
            text(
                """
                2009-жылдын 28-апрелинде Тажикстандын жана Кыргызстандын
                президенттери Эмомали Рахмон менен Курманбек Бакиев Алматыдагы
                саммитте жолугушкан. Жолугушуу тараптар чек аранын айрым
                участокторундагы талаштарды жөнгө салуу үстүндө иштеп жаткан
                мезгилге туш келген. Журналдын авторлорунун пикиринде, мындай
                жолугушуулар ал ишке саясий түрткү берген.
                """
            ),
            text(
                """
                28 апреля 2009 года президенты Таджикистана и Кыргызстана Эмомали
                Рахмон и Курманбек Бакиев встретились на саммите в Алматы. Встреча
                пришлась на время, когда стороны работали над урегулированием споров
                на участках границы. По мнению авторов журнала, такие встречи
                придавали этой работе политический импульс.
                """
            ),
            text(
                """
                On 28 April 2009 the presidents of Tajikistan and Kyrgyzstan, Emomali
                Rahmon and Kurmanbek Bakiyev, met at a summit in Almaty. The meeting
                came while the two sides were working to settle disputes on sections
                of their border. The journal's authors hold that meetings of this
                kind gave that work political impetus.
                """
            ),
        ),
        "countries": ["KG", "TJ"],
        "domains": ["diplomatic", "border"],
        "people": ["rahmon", "bakiyev"],
        "organizations": [],
        "keywords": ["summit", "diplomacy", "border"],
        "articles": [
            "border-question-2009-settlement",
            "summit-diplomacy-2007-2010",
        ],
    },
    {
        "slug": "2010-12-02-presidents-at-the-astana-summit",
        "date": date(2010, 12, 2),
        "precision": "day",
        "kind": "summit",
        "title": tr(
            "Кыргызстан менен Тажикстандын президенттеринин Астанадагы саммитте "
            "жолугушуусу",
            "Встреча президентов Кыргызстана и Таджикистана на саммите в Астане",
            "Presidents of Kyrgyzstan and Tajikistan meet at the summit in Astana",
        ),
        "place": tr("Астана", "Астана", "Astana"),
        "description": tr(
            text(
                """
                2010-жылдын 2-декабрында эки мамлекеттин президенттери Астанадагы
                саммитте жолугушкан. Журналдын саммит дипломатиясы жөнүндөгү
                макаласында бул жолугушуу 2007–2010-жылдардагы эки тараптуу диалогду,
                анын ичинде чек ара маселелери боюнча диалогду колдоп турган жогорку
                деңгээлдеги байланыштардын катарына кошулат.
                """
            ),
            text(
                """
                2 декабря 2010 года президенты двух государств встретились на саммите
                в Астане. В статье журнала о саммитовой дипломатии эта встреча
                отнесена к контактам на высшем уровне 2007–2010 годов, которые
                поддерживали двусторонний диалог, в том числе по пограничным
                вопросам.
                """
            ),
            text(
                """
                On 2 December 2010 the presidents of both states met at a summit in
                Astana. The journal's article on summit diplomacy counts the meeting
                among the top-level contacts of 2007–2010 that kept the bilateral
                dialogue going, on border questions among others.
                """
            ),
        ),
        "countries": ["KG", "TJ"],
        "domains": ["diplomatic", "border"],
        # Rahmon was president of Tajikistan then; the source does not name the
        # Kyrgyz president, so no one else is linked.
        "people": ["rahmon"],
        "organizations": [],
        "keywords": ["summit", "diplomacy", "bilateral"],
        "articles": [
            "border-question-2009-settlement",
            "summit-diplomacy-2007-2010",
        ],
    },
    {
        "slug": "2018-12-27-aitmatov-when-the-mountains-fall-in-tajik",
        "date": date(2018, 12, 27),
        "precision": "day",
        "kind": "cultural",
        "title": tr(
            "Айтматовдун «Тоолор кулаганда» романынын тажикче котормосунун тушаукесери",
            "Презентация таджикского перевода романа Айтматова «Когда падают горы»",
            "Presentation of the Tajik translation of Aitmatov's "
            "“When the Mountains Fall”",
        ),
        "place": tr(
            "Тажикстандын Улуттук китепканасы, Душанбе",
            "Национальная библиотека Таджикистана, Душанбе",
            "National Library of Tajikistan, Dushanbe",
        ),
        "description": tr(
            text(
                """
                2018-жылдын 27-декабрында Душанбедеги Тажикстандын Улуттук
                китепканасында Чыңгыз Айтматовдун акыркы романы «Тоолор кулаганда»
                тажикче котормосунун тушаукесери болуп өттү. Китепти Тажикстандын
                Жазуучулар союзунун мүчөсү Хикмат Рахмат которгон; ал жазуучунун 90
                жылдык мааракесине карата Кыргызстандын элчилигинин колдоосу менен
                басылып чыккан, иш-чарага элчи Ж. Рустенбеков катышкан. Китептин 400
                нускасы Улуттук китепканага, 300 нускасы Тажикстандын Билим берүү
                жана илим министрлигине тапшырылган.
                """
            ),
            text(
                """
                27 декабря 2018 года в Национальной библиотеке Таджикистана в Душанбе
                представили таджикский перевод последнего романа Чингиза Айтматова
                «Когда падают горы». Книга в переводе члена Союза писателей
                Таджикистана Хикмата Рахмата издана к 90-летию писателя при поддержке
                посольства Кыргызстана; на презентации присутствовал посол
                Ж. Рустенбеков. 400 экземпляров получила Национальная библиотека,
                300 – Министерство образования и науки Таджикистана.
                """
            ),
            text(
                """
                On 27 December 2018 the National Library of Tajikistan in Dushanbe
                hosted the presentation of the Tajik translation of Chingiz
                Aitmatov's last novel, “When the Mountains Fall”. Translated by
                Hikmat Rahmat, a member of the Union of Writers of Tajikistan, the
                book came out for the writer's 90th anniversary with the support of
                the Kyrgyz embassy, and Ambassador J. Rustenbekov attended. The
                National Library received 400 copies and Tajikistan's Ministry of
                Education and Science 300.
                """
            ),
        ),
        "countries": ["KG", "TJ"],
        "domains": ["cultural-humanitarian"],
        "people": ["rahmat", "rustenbekov"],
        "organizations": [],
        "keywords": ["aitmatov", "translation", "culture"],
        "articles": [
            "aitmatov-in-tajik-when-the-mountains-fall",
            "cultural-humanitarian-cooperation",
        ],
    },
    # Two events of the multilateral agreements below: they give the timeline and the
    # country pairs content beyond Kyrgyzstan–Tajikistan.
    {
        "slug": "2001-06-15-sco-founding-summit-in-shanghai",
        "date": date(2001, 6, 15),
        "precision": "day",
        "kind": "summit",
        "title": tr(
            "Шанхай кызматташтык уюмунун Шанхайдагы уюштуруу саммити",
            "Учредительный саммит Шанхайской организации сотрудничества в Шанхае",
            "Founding summit of the Shanghai Cooperation Organisation in Shanghai",
        ),
        "place": tr("Шанхай", "Шанхай", "Shanghai"),
        "description": tr(
            text(
                """
                2001-жылдын 15-июнунда Казакстан, Кытай, Кыргызстан, Россия,
                Тажикстан жана Өзбекстандын лидерлери Шанхайда жолугуп, Шанхай
                кызматташтык уюмун түзүү жөнүндө декларацияга кол коюшкан. Ошентип
                Кыргызстан менен Тажикстан уюмду негиздөөчү мамлекеттердин катарына
                кирген. Бул мүчөлүктүн эки тараптуу диалог үчүн мааниси журналдын
                көп тараптуу контекст жөнүндөгү макаласында талданат.
                """
            ),
            text(
                """
                15 июня 2001 года руководители Казахстана, Китая, Кыргызстана,
                России, Таджикистана и Узбекистана встретились в Шанхае и подписали
                декларацию о создании Шанхайской организации сотрудничества. Тем
                самым Кыргызстан и Таджикистан вошли в число государств – основателей
                организации. Значение этого членства для двустороннего диалога
                разбирается в статье журнала о многостороннем контексте их отношений.
                """
            ),
            text(
                """
                On 15 June 2001 the leaders of China, Kazakhstan, Kyrgyzstan, Russia,
                Tajikistan and Uzbekistan met in Shanghai and signed the declaration
                establishing the Shanghai Cooperation Organisation. Kyrgyzstan and
                Tajikistan were thus among its founding members. What this means for
                their bilateral dialogue is discussed in the journal's article on the
                multilateral context of their relations.
                """
            ),
        ),
        "countries": SCO_FOUNDERS,
        "domains": ["diplomatic", "security"],
        "people": [],
        "organizations": ["sco"],
        "keywords": ["sco", "central-asia", "security"],
        "articles": ["kyrgyzstan-tajikistan-sco-csto-eurasec-cis"],
        "source": sources(
            SCO_DECLARATION_SOURCE,
            articles=["kyrgyzstan-tajikistan-sco-csto-eurasec-cis"],
        ),
    },
    {
        "slug": "1992-02-18-almaty-water-agreement-signed",
        "date": date(1992, 2, 18),
        "precision": "day",
        "kind": "signing",
        "title": tr(
            "Мамлекеттер аралык суу ресурстары боюнча Алматы макулдашуусуна кол коюу",
            "Подписание Алматинского соглашения о межгосударственных водных ресурсах",
            "Signing of the Almaty agreement on interstate water resources",
        ),
        "place": tr("Алматы", "Алматы", "Almaty"),
        "description": tr(
            text(
                """
                1992-жылдын 18-февралында Алматыда Казакстан, Кыргызстан, Тажикстан,
                Түркмөнстан жана Өзбекстан мамлекеттер аралык булактардын суу
                ресурстарын пайдаланууну жана коргоону биргелешип башкаруу
                жаатындагы кызматташтык жөнүндө макулдашууга кол коюшкан. Бул
                макулдашуу менен суу чарба боюнча мамлекеттер аралык координациялык
                комиссия түзүлгөн. Комиссиянын ролу журналдын суу-энергетикалык
                кызматташтык жана кыргыз-тажик кызматташтыгынын институттары
                жөнүндөгү макалаларында талданат.
                """
            ),
            text(
                """
                18 февраля 1992 года в Алматы Казахстан, Кыргызстан, Таджикистан,
                Туркменистан и Узбекистан подписали соглашение о сотрудничестве в
                сфере совместного управления использованием и охраной водных
                ресурсов межгосударственных источников. Этим соглашением была
                создана Межгосударственная координационная водохозяйственная
                комиссия. Её роль рассматривается в статьях журнала о
                водно-энергетическом сотрудничестве и об институтах
                кыргызско-таджикского сотрудничества.
                """
            ),
            text(
                """
                On 18 February 1992 in Almaty, Kazakhstan, Kyrgyzstan, Tajikistan,
                Turkmenistan and Uzbekistan signed an agreement on cooperation in the
                joint management, use and protection of the water resources of
                interstate sources. The agreement set up the Interstate Coordinating
                Water Commission. The journal's articles on water and energy and on
                the institutions of Kyrgyz–Tajik cooperation discuss its role.
                """
            ),
        ),
        "countries": WATER_PARTIES,
        "domains": ["water-energy"],
        "people": [],
        "organizations": [],
        "keywords": ["water-resources", "water-energy", "central-asia"],
        "articles": [
            "water-energy-cooperation",
            "institutions-of-kyrgyz-tajik-cooperation",
        ],
        "source": sources(
            WATER_AGREEMENT_SOURCE,
            articles=[
                "water-energy-cooperation",
                "institutions-of-kyrgyz-tajik-cooperation",
            ],
        ),
    },
    # Unpublished: the plans are real (DOMAIN-FACTS) but undated, so the year is a
    # placeholder and an editor keeps the entry back. Tests check it never shows.
    {
        "slug": "kbdraft-power-lines-to-afghanistan-and-pakistan",
        "date": date(2024, 1, 1),
        "precision": "year",
        "kind": "other",
        "title": tr(
            "KBDRAFT: Тажикстандан жана Кыргызстандан Афганистанга жана Пакистанга "
            "электр берүү линиялары (датасын текшерүү керек)",
            "KBDRAFT: линии электропередачи из Таджикистана и Кыргызстана в "
            "Афганистан и Пакистан (дату проверить)",
            "KBDRAFT: power lines from Tajikistan and Kyrgyzstan to Afghanistan and "
            "Pakistan (date to be checked)",
        ),
        "place": None,
        "description": tr(
            text(
                """
                Долбоор, жарыялоо үчүн эмес. Булактарда электр энергиясын экспорттоо
                үчүн Тажикстандан жана Кыргызстандан Афганистанга жана Пакистанга
                подстанцияларды жана электр берүү линияларын куруу пландары айтылат,
                бирок датасы көрсөтүлгөн эмес: бул жердеги жыл – пландар жөнүндө
                жазган макаланын жылы. Жарыялоодон мурун редактор датасы бар булак
                табышы керек.
                """
            ),
            text(
                """
                Черновик, не для публикации. Источники упоминают планы строительства
                подстанций и линий электропередачи из Таджикистана и Кыргызстана в
                Афганистан и Пакистан для экспорта электроэнергии, но без даты: год
                здесь – год статьи, в которой говорится об этих планах. Перед
                публикацией редактору нужно найти источник с датой.
                """
            ),
            text(
                """
                Draft, not for publication. The sources mention plans to build
                substations and power lines from Tajikistan and Kyrgyzstan to
                Afghanistan and Pakistan to export electricity, but give no date: the
                year here is that of the article that mentions the plans. An editor
                should find a dated source before publishing.
                """
            ),
        ),
        "countries": ["KG", "TJ", "AF", "PK"],
        "domains": ["water-energy"],
        "people": [],
        "organizations": [],
        "keywords": ["electricity-export", "water-energy"],
        "articles": ["water-energy-cooperation"],
        "is_published": False,
    },
]

# -- agreements ---------------------------------------------------------------------

AGREEMENTS = [
    {
        "slug": "1992-agreement-on-interstate-water-resources",
        "date": date(1992, 2, 18),
        "precision": "day",
        "end_date": None,
        "kind": "agreement",
        "status": "in_force",
        "title": tr(
            "Мамлекеттер аралык булактардын суу ресурстарын пайдаланууну жана "
            "коргоону биргелешип башкаруу жаатындагы кызматташтык жөнүндө макулдашуу",
            "Соглашение о сотрудничестве в сфере совместного управления "
            "использованием и охраной водных ресурсов межгосударственных источников",
            "Agreement on Cooperation in the Joint Management, Use and Protection of "
            "Water Resources of Interstate Sources",
        ),
        "place": tr("Алматы", "Алматы", "Almaty"),
        "summary": tr(
            text(
                """
                Борбордук Азиянын беш мамлекети чек араларды кесип өткөн дарыялардын
                суусун биргелешип башкарууга жана аны пайдаланууну макулдашууга
                милдеттенишкен. Макулдашуу менен суу чарба боюнча мамлекеттер аралык
                координациялык комиссия түзүлгөн; ал суу алуунун лимиттерин
                макулдашат жана алардын сакталышына көз салат.
                """
            ),
            text(
                """
                Пять государств Центральной Азии обязались совместно управлять водой
                рек, пересекающих их границы, и согласовывать её использование.
                Соглашение учредило Межгосударственную координационную
                водохозяйственную комиссию, которая согласовывает лимиты водозабора и
                следит за их соблюдением.
                """
            ),
            text(
                """
                The five Central Asian states undertook to manage the water of rivers
                that cross their borders jointly and to coordinate its use. The
                agreement set up the Interstate Coordinating Water Commission, which
                agrees on limits for water withdrawal and watches over their
                observance.
                """
            ),
        ),
        "countries": WATER_PARTIES,
        "organizations": [],
        "domains": ["water-energy"],
        "keywords": ["water-resources", "water-energy", "central-asia"],
        "events": ["1992-02-18-almaty-water-agreement-signed"],
        "articles": [
            "water-energy-cooperation",
            "institutions-of-kyrgyz-tajik-cooperation",
        ],
        "source": WATER_AGREEMENT_SOURCE,
    },
    {
        "slug": "1992-collective-security-treaty",
        "date": date(1992, 5, 15),
        "precision": "day",
        "end_date": None,
        "kind": "treaty",
        "status": "in_force",
        "title": tr(
            "Жамааттык коопсуздук жөнүндө келишим",
            "Договор о коллективной безопасности",
            "Collective Security Treaty",
        ),
        "place": tr("Ташкент", "Ташкент", "Tashkent"),
        "summary": tr(
            text(
                """
                Ташкентте Армения, Казакстан, Кыргызстан, Россия, Тажикстан жана
                Өзбекстан кол койгон бул келишим тараптарды алардын бирине каршы
                агрессияны баарына каршы агрессия катары кароого милдеттендирет. Ал
                1994-жылы күчүнө кирип, кийин ага башка мамлекеттер да кошулган, ал
                эми 2002-жылы анын негизинде Жамааттык коопсуздук жөнүндө келишим
                уюму түзүлгөн. Бул жерде тараптар катары келишимге Ташкентте кол
                койгон мамлекеттер көрсөтүлгөн.
                """
            ),
            text(
                """
                Договор, подписанный в Ташкенте Арменией, Казахстаном, Кыргызстаном,
                Россией, Таджикистаном и Узбекистаном, обязывает участников
                рассматривать агрессию против одного из них как агрессию против всех.
                Он вступил в силу в 1994 году, позднее к нему присоединились другие
                государства, а в 2002 году на его основе была создана Организация
                Договора о коллективной безопасности. В качестве сторон здесь указаны
                государства, подписавшие договор в Ташкенте.
                """
            ),
            text(
                """
                Signed in Tashkent by Armenia, Kazakhstan, Kyrgyzstan, Russia,
                Tajikistan and Uzbekistan, the treaty commits its parties to regard
                aggression against one of them as aggression against all. It entered
                into force in 1994, other states acceded later, and in 2002 it became
                the basis of the Collective Security Treaty Organization. The parties
                listed here are the states that signed it in Tashkent.
                """
            ),
        ),
        "countries": ["AM", "KZ", "KG", "RU", "TJ", "UZ"],
        "organizations": ["csto"],
        "domains": ["security"],
        "keywords": ["csto", "collective-security", "security"],
        "events": [],
        "articles": ["kyrgyzstan-tajikistan-sco-csto-eurasec-cis"],
        "source": (
            "Collective Security Treaty, Tashkent, 15 May 1992 (text published by "
            "the CSTO Secretariat)"
        ),
    },
    {
        "slug": "2000-treaty-establishing-the-eurasian-economic-community",
        "date": date(2000, 10, 10),
        "precision": "day",
        "end_date": date(2015, 1, 1),
        "kind": "treaty",
        "status": "terminated",
        "title": tr(
            "Евразиялык экономикалык коомдоштукту түзүү жөнүндө келишим",
            "Договор об учреждении Евразийского экономического сообщества",
            "Treaty on the Establishment of the Eurasian Economic Community",
        ),
        "place": tr("Астана", "Астана", "Astana"),
        "summary": tr(
            text(
                """
                Беларусь, Казакстан, Кыргызстан, Россия жана Тажикстан экономикалык
                интеграцияны тереңдетүү үчүн эл аралык уюм түзүү максатында
                Астанада бул келишимге кол коюшкан. Коомдоштук 2015-жылдын
                1-январында ишин токтотуп, анын милдеттери Евразиялык экономикалык
                союзга өткөн; келишим да ошондо күчүн жоготкон.
                """
            ),
            text(
                """
                Беларусь, Казахстан, Кыргызстан, Россия и Таджикистан подписали в
                Астане этот договор, чтобы создать международную организацию для
                углубления экономической интеграции. Сообщество прекратило
                существование 1 января 2015 года, когда его функции перешли к
                Евразийскому экономическому союзу, и вместе с ним прекратил действие
                договор.
                """
            ),
            text(
                """
                Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan signed this
                treaty in Astana to set up an international organization for deeper
                economic integration. The Community ceased to exist on 1 January
                2015, when the Eurasian Economic Union took over its work, and the
                treaty was terminated with it.
                """
            ),
        ),
        "countries": ["BY", "KZ", "KG", "RU", "TJ"],
        "organizations": ["eurasec"],
        "domains": ["trade-economic"],
        "keywords": ["eurasec", "integration", "trade"],
        "events": [],
        "articles": ["kyrgyzstan-tajikistan-sco-csto-eurasec-cis"],
        "source": (
            "Treaty on the Establishment of the Eurasian Economic Community, Astana, "
            "10 October 2000; Treaty on the termination of the Eurasian Economic "
            "Community, Minsk, 10 October 2014, in connection with the start of the "
            "Eurasian Economic Union on 1 January 2015"
        ),
    },
    {
        "slug": "2001-declaration-on-the-establishment-of-the-sco",
        "date": date(2001, 6, 15),
        "precision": "day",
        "end_date": None,
        "kind": "declaration",
        "status": "signed",
        "title": tr(
            "Шанхай кызматташтык уюмун түзүү жөнүндө декларация",
            "Декларация о создании Шанхайской организации сотрудничества",
            "Declaration on the Establishment of the Shanghai Cooperation Organisation",
        ),
        "place": tr("Шанхай", "Шанхай", "Shanghai"),
        "summary": tr(
            text(
                """
                Бул декларация менен алты мамлекет мурда калыптанган «Шанхай
                бешилиги» форматынын негизинде Шанхай кызматташтык уюмунун
                түзүлгөнүн жарыялашкан. Бул саясий документ; уюмдун укуктук
                негиздери бир жылдан кийин анын Хартиясында бекитилген.
                """
            ),
            text(
                """
                Этой декларацией шесть государств объявили о создании Шанхайской
                организации сотрудничества на основе сложившегося ранее формата
                «Шанхайской пятёрки». Это политический документ; правовые основы
                организации были закреплены годом позже в её Хартии.
                """
            ),
            text(
                """
                With this declaration the six states announced the creation of the
                Shanghai Cooperation Organisation, building on the earlier “Shanghai
                Five” format. It is a political document; the organization's legal
                framework was laid down a year later in its Charter.
                """
            ),
        ),
        "countries": SCO_FOUNDERS,
        "organizations": ["sco"],
        "domains": ["diplomatic", "security"],
        "keywords": ["sco", "central-asia"],
        "events": ["2001-06-15-sco-founding-summit-in-shanghai"],
        "articles": ["kyrgyzstan-tajikistan-sco-csto-eurasec-cis"],
        "source": SCO_DECLARATION_SOURCE,
    },
    {
        "slug": "2002-charter-of-the-shanghai-cooperation-organisation",
        "date": date(2002, 6, 7),
        "precision": "day",
        "end_date": None,
        "kind": "charter",
        "status": "in_force",
        "title": tr(
            "Шанхай кызматташтык уюмунун Хартиясы",
            "Хартия Шанхайской организации сотрудничества",
            "Charter of the Shanghai Cooperation Organisation",
        ),
        "place": tr("Санкт-Петербург", "Санкт-Петербург", "Saint Petersburg"),
        "summary": tr(
            text(
                """
                ШКУнун уюштуруу документи; ага Санкт-Петербургда алты негиздөөчү
                мамлекеттин башчылары кол коюшкан. Хартияда уюмдун максаттары,
                принциптери, органдары жана мүчөлүк тартиби аныкталган. Ал 2003-жылы
                күчүнө кирген.
                """
            ),
            text(
                """
                Учредительный документ ШОС, подписанный в Санкт-Петербурге главами
                шести государств-основателей. Хартия определяет цели и принципы
                организации, её органы и порядок членства. Она вступила в силу в
                2003 году.
                """
            ),
            text(
                """
                The founding document of the SCO, signed in Saint Petersburg by the
                heads of the six founding states. It sets out the organization's
                aims and principles, its bodies and the rules of membership. It
                entered into force in 2003.
                """
            ),
        ),
        "countries": SCO_FOUNDERS,
        "organizations": ["sco"],
        "domains": ["diplomatic", "security"],
        "keywords": ["sco", "security", "integration"],
        "events": [],
        "articles": ["kyrgyzstan-tajikistan-sco-csto-eurasec-cis"],
        "source": (
            "Charter of the Shanghai Cooperation Organisation, Saint Petersburg, "
            "7 June 2002 (text published by the SCO Secretariat)"
        ),
    },
]

# -- indicators ---------------------------------------------------------------------

TRADE_ARTICLE = "kyrgyz-tajik-trade-turnover-and-potential"

# Only what a source states: one figure for 2008. DOMAIN-FACTS says the turnover grows
# year on year without giving figures, so no other year is filled in.
INDICATORS = {
    "kg-tj-trade-turnover": {
        "name": tr(
            "Кыргыз-тажик соода жүгүртүүсү",
            "Кыргызско-таджикский товарооборот",
            "Kyrgyz–Tajik trade turnover",
        ),
        "unit": tr(
            "млн (булакта валюта көрсөтүлгөн эмес)",
            "млн (валюта в источнике не указана)",
            "million (currency not stated in the source)",
        ),
        "description": tr(
            "Кыргызстан менен Тажикстандын ортосундагы жылдык соода жүгүртүү. "
            "Булакта 2008-жылдын гана көрсөткүчү берилип, соода жүгүртүү жыл сайын "
            "өсүп жатканы, бирок өз мүмкүнчүлүгүнөн төмөн бойдон калганы айтылат, "
            "ошондуктан башка жылдар көрсөтүлгөн эмес.",
            "Годовой товарооборот между Кыргызстаном и Таджикистаном. Источник "
            "приводит цифру только за 2008 год и отмечает, что товарооборот растёт "
            "из года в год, но остаётся ниже своего потенциала, поэтому другие годы "
            "не показаны.",
            "Yearly trade turnover between Kyrgyzstan and Tajikistan. The source "
            "gives a figure for 2008 only and says that the turnover grows year on "
            "year but stays below its potential, so no other years are shown.",
        ),
        "domain": "trade-economic",
        "countries": ["KG", "TJ"],
        "observations": [
            {
                "year": 2008,
                "value": Decimal("40"),
                "source": sources(DOMAIN_FACTS, articles=[TRADE_ARTICLE]),
                "note": "The source does not state the currency.",
            }
        ],
    },
}

# English labels for the summary, in the order it prints them.
LABELS = {
    Country: "countries",
    Domain: "domains",
    Organization: "organizations",
    Person: "people",
    Event: "events",
    Agreement: "agreements",
    Indicator: "indicators",
    Observation: "observations",
    Keyword: "keywords",
}


def translated(field, labels):
    """{"title": {"ky": …}} → {"title_ky": …, "title_ru": …, "title_en": …}."""
    labels = labels or {}
    return {f"{field}_{lang}": labels.get(lang, "") for lang in LANGUAGE_CODES}


class KnowledgeBaseLoader:
    """Loads the data above; counts what it creates."""

    def __init__(self):
        self.created = Counter()
        self.countries = {}
        self.domains = {}
        self.organizations = {}
        self.people = {}
        self.events = {}
        self.keywords = {}

    def _get_or_create(self, model, lookup, fields):
        """(row, created): the row matching `lookup`, else a new, validated one."""
        obj = model.objects.filter(**lookup).order_by("pk").first()
        if obj is not None:
            return obj, False
        obj = model(**lookup, **fields)
        obj.full_clean()
        obj.save()
        self.created[LABELS[model]] += 1
        return obj, True

    def load(self):
        for code, (slug, names) in COUNTRIES.items():
            self.countries[code], _ = self._get_or_create(
                Country, {"iso_code": code}, {"slug": slug, **translated("name", names)}
            )
        for order, (slug, data) in enumerate(DOMAINS.items(), start=1):
            self.domains[slug], _ = self._get_or_create(
                Domain,
                {"slug": slug},
                {
                    "order": order,
                    **translated("name", data["name"]),
                    **translated("description", data["description"]),
                },
            )
        for slug, data in ORGANIZATIONS.items():
            self.organizations[slug] = self.organization(slug, data)
        for key, data in PEOPLE.items():
            self.people[key], _ = self._get_or_create(
                Person,
                {"name_en": data["name"]["en"]},
                {
                    "name_ky": data["name"]["ky"],
                    "name_ru": data["name"]["ru"],
                    **translated("office", data["office"]),
                    "country": self.countries[data["country"]],
                },
            )
        for data in EVENTS:
            self.events[data["slug"]] = self.event(data)
        for data in AGREEMENTS:
            self.agreement(data)
        for slug, data in INDICATORS.items():
            self.indicator(slug, data)
        return self

    def organization(self, slug, data):
        org, created = self._get_or_create(
            Organization,
            {"slug": slug},
            {
                **translated("acronym", data["acronym"]),
                **translated("name", data["name"]),
                **translated("description", data["description"]),
            },
        )
        if created:
            org.members.set(self.countries[code] for code in data["members"])
        return org

    def _dated(self, data):
        return {
            "date": data["date"],
            "date_precision": data["precision"],
            "end_date": data.get("end_date"),
            "end_precision": "day",
        }

    def _link(self, obj, data):
        """The links an event and an agreement share, written once, at creation."""
        obj.countries.set(self.countries[code] for code in data["countries"])
        obj.domains.set(self.domains[slug] for slug in data["domains"])
        obj.organizations.set(self.organizations[s] for s in data["organizations"])
        obj.keywords.set([self.keyword(key) for key in data["keywords"]])
        obj.articles.set(Article.objects.filter(slug__in=data["articles"]))

    def event(self, data):
        fields = {
            **self._dated(data),
            "kind": data["kind"],
            **translated("title", data["title"]),
            **translated("description", data["description"]),
            **translated("place", data["place"]),
            "source": data.get("source")
            or sources(DOMAIN_FACTS, articles=data["articles"]),
            "is_published": data.get("is_published", True),
        }
        event, created = self._get_or_create(Event, {"slug": data["slug"]}, fields)
        if created:
            self._link(event, data)
            event.people.set(self.people[key] for key in data["people"])
        return event

    def agreement(self, data):
        fields = {
            **self._dated(data),
            "kind": data["kind"],
            "status": data["status"],
            **translated("title", data["title"]),
            **translated("summary", data["summary"]),
            **translated("place", data["place"]),
            "source": data["source"],
            "is_published": data.get("is_published", True),
        }
        agreement, created = self._get_or_create(
            Agreement, {"slug": data["slug"]}, fields
        )
        if created:
            self._link(agreement, data)
            agreement.events.set(
                self.events[slug] for slug in data["events"] if slug in self.events
            )
        return agreement

    def indicator(self, slug, data):
        indicator, created = self._get_or_create(
            Indicator,
            {"slug": slug},
            {
                **translated("name", data["name"]),
                **translated("unit", data["unit"]),
                **translated("description", data["description"]),
                "domain": self.domains[data["domain"]],
                "is_published": True,
            },
        )
        if created:
            indicator.countries.set(self.countries[code] for code in data["countries"])
        for item in data["observations"]:
            item = dict(item)
            self._get_or_create(
                Observation,
                {"indicator": indicator, "year": item.pop("year")},
                item,
            )
        return indicator

    def keyword(self, key):
        """A keyword by its labels: the journal's own if it has one, else a new one
        (articles.services.keyword_from_labels: empty labels filled, none taken)."""
        if key in self.keywords:
            return self.keywords[key]
        labels = JOURNAL_KEYWORDS.get(key) or KEYWORDS[key]
        keyword, created = keyword_from_labels(labels)
        if created:
            self.created[LABELS[Keyword]] += 1
        self.keywords[key] = keyword
        return keyword

    def report(self, stdout, style):
        events = Event.objects.all()
        agreements = Agreement.objects.all()
        rows = [
            ("countries", Country.objects.count()),
            ("domains", Domain.objects.count()),
            ("organizations", Organization.objects.count()),
            ("people", Person.objects.count()),
            ("events", events.count()),
            ("published events", events.published().count()),
            ("agreements", agreements.count()),
            ("published agreements", agreements.published().count()),
            ("indicators", Indicator.objects.count()),
            ("observations", Observation.objects.count()),
        ]
        stdout.write("Knowledge base:")
        for label, count in rows:
            stdout.write(f"  {label}: {count}")
        if self.created:
            order = list(LABELS.values())
            made = sorted(self.created.items(), key=lambda item: order.index(item[0]))
            made = ", ".join(f"{n} {what}" for what, n in made)
            stdout.write(style.SUCCESS(f"Created now in the knowledge base: {made}."))
        else:
            stdout.write("Nothing new in the knowledge base: it was already loaded.")


def load():
    """Load the demo knowledge base (call inside a transaction); returns the loader."""
    return KnowledgeBaseLoader().load()
