"""OAI-PMH 2.0 at /oai/: every verb, every error, sets, dates, resumption, leaks.

Every response is validated against the official OAI-PMH schema, kept in
tests/schemas/ (see the README there), offline: the schemas it leads to (oai_dc,
Simple DC, oai-identifier and xml.xsd for xml:lang) are served from the strings below
by an lxml resolver, and a stub declares JATS's <article> in the namespace we publish
it under. A test fails if any schema asks for the network or the schema file is
missing."""

import functools
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from lxml import etree

from articles.models import Article
from articles.workflow import Role, transition
from interop import oai
from relations.models import Agreement, Domain, Event
from tests.builders import (
    add_galley,
    make_article,
    make_hidden_content,
    make_issue,
    make_keyword,
    make_section,
    make_staff,
)
from tests.interop.schemas import assert_valid as assert_schema_valid
from tests.interop.schemas import jats_publishing_schema
from tests.interop.test_jats import make_rich_article, make_rich_journal

pytestmark = pytest.mark.django_db

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
NS = {
    "o": OAI_NS,
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "j": "https://jats.nlm.nih.gov/ns/archiving/1.3/",
    "id": "http://www.openarchives.org/OAI/2.0/oai-identifier",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
S = Article.Status
CANARY = b"CANARY"
LIST_VERBS = ("ListIdentifiers", "ListRecords")

# --- Offline schema validation ------------------------------------------------

OAI_SCHEMA_URL = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "OAI-PMH.xsd"

SCHEMA_DIR = OAI_SCHEMA_PATH.parent
# The official files (tests/schemas/README.md says where they come from): the oai_dc
# schema of the OAI-PMH specification, DCMI's Simple Dublin Core schema it imports,
# and W3C's xml.xsd for xml:lang.
XML_XSD = (SCHEMA_DIR / "crossref" / "xml.xsd").read_text()
SIMPLE_DC_XSD = (SCHEMA_DIR / "oai_dc" / "simpledc20021212.xsd").read_text()
OAI_DC_XSD = (SCHEMA_DIR / "oai_dc" / "oai_dc.xsd").read_text()

OAI_IDENTIFIER_XSD = r"""<?xml version="1.0"?>
<schema xmlns="http://www.w3.org/2001/XMLSchema"
    xmlns:oai-identifier="http://www.openarchives.org/OAI/2.0/oai-identifier"
    targetNamespace="http://www.openarchives.org/OAI/2.0/oai-identifier"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <element name="oai-identifier" type="oai-identifier:oai-identifierType"/>
  <complexType name="oai-identifierType">
    <sequence>
      <element name="scheme" type="oai-identifier:schemeType"/>
      <element name="repositoryIdentifier"
          type="oai-identifier:repositoryIdentifierType"/>
      <element name="delimiter" type="oai-identifier:delimiterType"/>
      <element name="sampleIdentifier" type="oai-identifier:sampleIdentifierType"/>
    </sequence>
  </complexType>
  <simpleType name="schemeType">
    <restriction base="Name"><pattern value="oai"/></restriction>
  </simpleType>
  <simpleType name="repositoryIdentifierType">
    <restriction base="string">
      <pattern value="[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+"/>
    </restriction>
  </simpleType>
  <simpleType name="delimiterType">
    <restriction base="string"><pattern value=":"/></restriction>
  </simpleType>
  <simpleType name="sampleIdentifierType">
    <restriction base="string">
      <pattern value="SAMPLE_PATTERN"/>
    </restriction>
  </simpleType>
</schema>""".replace(
    "SAMPLE_PATTERN",
    r"oai:[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+:"
    r"[a-zA-Z0-9\-_\.!~\*'\(\);/\?:@&amp;=\+$,%]+",
)

# JATS has no namespace and no schema we can carry; OAI-PMH's strict wildcard needs
# a declaration for the record's root, so the stub declares <article> and lets its
# content through. JATS content is tested in test_jats.py.
JATS_STUB_XSD = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    targetNamespace="https://jats.nlm.nih.gov/ns/archiving/1.3/"
    elementFormDefault="qualified">
  <xs:element name="article">
    <xs:complexType>
      <xs:sequence>
        <xs:any namespace="##any" processContents="lax"
            minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:anyAttribute namespace="##any" processContents="lax"/>
    </xs:complexType>
  </xs:element>
</xs:schema>"""

LOCAL_SCHEMAS = {
    "http://www.w3.org/2001/xml.xsd": XML_XSD,
    "http://www.w3.org/2001/03/xml.xsd": XML_XSD,
    "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": SIMPLE_DC_XSD,
    "http://www.openarchives.org/OAI/2.0/oai_dc.xsd": OAI_DC_XSD,
    "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd": OAI_IDENTIFIER_XSD,
    "urn:test:jats-article-stub.xsd": JATS_STUB_XSD,
}


class OfflineSchemas(etree.Resolver):
    """Serves the schemas given; records anything else a schema asks for."""

    def __init__(self, schemas):
        super().__init__()
        self.schemas = schemas
        self.unresolved = []

    def resolve(self, url, pubid, context):
        if url in self.schemas:
            return self.resolve_string(self.schemas[url], context)
        self.unresolved.append(url)
        return None


def build_validator():
    # Read here, not through the resolver: libxml2 skips an import it cannot load
    # without an error, and a missing schema must fail loudly.
    schemas = {OAI_SCHEMA_URL: OAI_SCHEMA_PATH.read_bytes()}
    schemas.update((url, text.encode()) for url, text in LOCAL_SCHEMAS.items())
    resolver = OfflineSchemas(schemas)
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(resolver)
    imports = [
        (OAI_NS, OAI_SCHEMA_URL),
        (NS["oai_dc"], "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"),
        (NS["id"], "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"),
        (NS["j"], "urn:test:jats-article-stub.xsd"),
    ]
    driver = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{}</xs:schema>'
    driver = driver.format(
        "".join(
            f'<xs:import namespace="{ns}" schemaLocation="{location}"/>'
            for ns, location in imports
        )
    )
    schema = etree.XMLSchema(etree.fromstring(driver.encode(), parser))
    assert resolver.unresolved == [], "a schema wanted the network"
    return schema


@functools.cache
def validator():
    """The OAI-PMH schema with its imports, offline (a missing file is an error)."""
    return build_validator()


def assert_valid(tree):
    schema = validator()
    if not schema.validate(tree):
        raise AssertionError(
            "\n".join(str(e) for e in schema.error_log)
            + "\n"
            + etree.tostring(tree, pretty_print=True).decode()[:4000]
        )


# --- Requests -----------------------------------------------------------------


def harvest(client, params=None, method="get", **extra):
    """GET (or POST) /oai/ and return the parsed, schema-checked response."""
    if isinstance(params, str):
        response = client.get(f"/oai/?{params}", **extra)
    elif method == "post":
        response = client.post(
            "/oai/",
            urlencode(params or {}),
            **extra,
            content_type="application/x-www-form-urlencoded",
        )
    else:
        response = client.get("/oai/", params or {}, **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    tree = etree.fromstring(response.content)
    assert_valid(tree)
    return tree


def raw(tree):
    return etree.tostring(tree, encoding="unicode").encode()


def error_codes(tree):
    return [e.get("code") for e in tree.iterfind("o:error", NS)]


def identifiers(tree):
    return [el.text for el in tree.iterfind(".//o:header/o:identifier", NS)]


def token_of(tree):
    return tree.find(".//o:resumptionToken", NS)


def oai_id(article, host="testserver"):
    return f"oai:{host}:article/{article.pk}"


def withdraw(article):
    manager = make_staff(Role.MANAGING_EDITOR)
    return transition(article, S.WITHDRAWN, by=manager, note="Duplicate")


def set_times(article, moment):
    """Give `article` one moment as edit and publication time (its issue is older)."""
    Article.objects.filter(pk=article.pk).update(updated_at=moment, published_at=moment)


def link_domain(article, slug, published=True, via=Event):
    domain, _ = Domain.objects.get_or_create(
        slug=slug, defaults={"name_ky": slug.title(), "name_en": slug.title()}
    )
    fields = {"date": datetime(2009, 4, 28).date(), "is_published": published}
    if via is Event:
        entry = Event.objects.create(kind="summit", title_en=f"Event {slug}", **fields)
    else:
        entry = Agreement.objects.create(
            kind="treaty", status="signed", title_en=f"Treaty {slug}", **fields
        )
    entry.domains.add(domain)
    entry.articles.add(article)
    return domain


# --- Fixtures -----------------------------------------------------------------


@pytest.fixture
def world(db):
    """Three public articles, and every kind of hidden content (one withdrawn)."""
    rich = make_rich_article()
    issue = rich.issue
    plain = make_article(issue=issue, section=rich.section)
    other_issue = make_issue(journal=issue.journal, year=2025, number="1")
    third = make_article(issue=other_issue, section=None)
    link_domain(rich, "water-energy")
    link_domain(third, "border", via=Agreement)
    # An unpublished event does not put an article in its domain.
    link_domain(plain, "canary-domain", published=False)
    hidden = make_hidden_content(issue)
    # A published event does not put a draft in its domain.
    link_domain(hidden.draft, "canary-draft-domain")
    canaries = [a for a in hidden.articles if a != hidden.withdrawn]
    return {
        "rich": rich,
        "plain": plain,
        "third": third,
        "withdrawn": hidden.withdrawn,
        "public": [rich, plain, third],
        "draft": hidden.draft,
        "scheduled": hidden.scheduled,
        "in_scheduled_issue": hidden.in_scheduled_issue,
        "canaries": canaries,
        "tomorrow": hidden.when,
    }


@pytest.fixture
def one(db):
    return make_article()


def expected_ids(world):
    return sorted(oai_id(a) for a in [*world["public"], world["withdrawn"]])


# --- Schema -------------------------------------------------------------------


RECORD = (
    f'<OAI-PMH xmlns="{OAI_NS}"><responseDate>2024-01-01T00:00:00Z</responseDate>'
    '<request verb="GetRecord" identifier="oai:x:article/1" metadataPrefix="p">'
    "http://x/oai/</request><GetRecord><record><header>"
    "<identifier>oai:x:article/1</identifier>"
    "<datestamp>2024-01-01T00:00:00Z</datestamp></header>"
    "<metadata>{}</metadata></record></GetRecord></OAI-PMH>"
)
DC_OPEN = f'<oai_dc:dc xmlns:oai_dc="{NS["oai_dc"]}" xmlns:dc="{NS["dc"]}">'


@pytest.mark.parametrize(
    ("metadata", "valid"),
    [
        (DC_OPEN + '<dc:title xml:lang="ky">x</dc:title></oai_dc:dc>', True),
        (DC_OPEN + "<dc:titel>x</dc:titel></oai_dc:dc>", False),
        (DC_OPEN + '<dc:title xml:lang="k y">x</dc:title></oai_dc:dc>', False),
        (f'<article xmlns="{NS["j"]}"><front/></article>', True),
        (f'<articel xmlns="{NS["j"]}"><front/></articel>', False),
        ("<article><front/></article>", False),
        ('<x:dc xmlns:x="urn:unknown"/>', False),
    ],
)
def test_schema_checks_records_offline(metadata, valid):
    schema = build_validator()
    assert schema.validate(etree.fromstring(RECORD.format(metadata))) is valid
    bad = etree.fromstring(
        f'<OAI-PMH xmlns="{OAI_NS}"><responseDate>now</responseDate></OAI-PMH>'
    )
    assert not schema.validate(bad)


@pytest.mark.parametrize(
    "params",
    [
        {"verb": "Identify"},
        {"verb": "ListMetadataFormats"},
        {"verb": "ListSets"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords", "metadataPrefix": "jats"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "metadataPrefix": "jats"},
        {"verb": "Nope"},
    ],
)
def test_every_response_type_validates(client, world, params):
    if params["verb"] == "GetRecord":
        params = {**params, "identifier": oai_id(world["rich"])}
    tree = etree.fromstring(client.get("/oai/", params).content)
    assert validator().validate(tree), validator().error_log


# --- Identify, ListMetadataFormats, ListSets ----------------------------------


def test_identify(client, world):
    tree = harvest(client, {"verb": "Identify"})
    identify = tree.find("o:Identify", NS)
    assert identify.findtext("o:repositoryName", namespaces=NS) == (
        "Эл аралык мамилелер журналы"
    )
    assert identify.findtext("o:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("o:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("o:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("o:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    datestamps = [harvest_datestamp(client, world, a) for a in [*world["public"]]] + [
        harvest_datestamp(client, world, world["withdrawn"])
    ]
    assert identify.findtext("o:earliestDatestamp", namespaces=NS) == min(datestamps)
    assert tree.find("o:request", NS).attrib == {"verb": "Identify"}


def harvest_datestamp(client, world, article):
    tree = harvest(
        client,
        {
            "verb": "GetRecord",
            "metadataPrefix": "oai_dc",
            "identifier": oai_id(article),
        },
    )
    return tree.findtext(".//o:header/o:datestamp", namespaces=NS)


def test_identify_describes_identifiers_on_a_domain_host(client, world, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "journal.example.kg"]
    settings.ADMINS = [("Editor", "editor@example.kg")]
    tree = harvest(client, {"verb": "Identify"}, HTTP_HOST="journal.example.kg:8443")
    description = tree.find(".//o:description/id:oai-identifier", NS)
    assert description.findtext("id:repositoryIdentifier", namespaces=NS) == (
        "journal.example.kg"
    )
    assert description.findtext("id:sampleIdentifier", namespaces=NS) == (
        "oai:journal.example.kg:article/1"
    )
    assert tree.findtext(".//o:adminEmail", namespaces=NS) == "editor@example.kg"
    listed = harvest(
        client,
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"},
        HTTP_HOST="journal.example.kg:8443",
    )
    assert oai_id(world["rich"], "journal.example.kg") in identifiers(listed)


def test_list_metadata_formats(client, world):
    tree = harvest(client, {"verb": "ListMetadataFormats"})
    formats = {
        f.findtext("o:metadataPrefix", namespaces=NS): (
            f.findtext("o:schema", namespaces=NS),
            f.findtext("o:metadataNamespace", namespaces=NS),
        )
        for f in tree.iterfind(".//o:metadataFormat", NS)
    }
    assert formats == {
        "oai_dc": (
            "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
            "http://www.openarchives.org/OAI/2.0/oai_dc/",
        ),
        "jats": (
            "https://jats.nlm.nih.gov/archiving/1.3/xsd/JATS-archivearticle1-3.xsd",
            "https://jats.nlm.nih.gov/ns/archiving/1.3/",
        ),
    }
    for article in (world["rich"], world["withdrawn"]):
        tree = harvest(
            client, {"verb": "ListMetadataFormats", "identifier": oai_id(article)}
        )
        assert len(tree.findall(".//o:metadataFormat", NS)) == 2


def test_list_sets(client, world):
    tree = harvest(client, {"verb": "ListSets"})
    sets = {
        s.findtext("o:setSpec", namespaces=NS): s.findtext("o:setName", namespaces=NS)
        for s in tree.iterfind(".//o:set", NS)
    }
    rich = world["rich"]
    assert sets == {
        "journal": "Эл аралык мамилелер журналы",
        "issue": "Чыгарылыштар",
        f"issue:{rich.issue.slug}": "2024, № 4/1",
        f"issue:{world['third'].issue.slug}": "2025, № 1",
        "section": "Рубрикалар",
        f"section:{rich.section_id}": "Саясат",
        "domain": "Мамилелердин багыттары",
        "domain:border": "Border",
        "domain:water-energy": "Water-Energy",
    }
    issue_set = tree.find(f".//o:set[o:setSpec='issue:{rich.issue.slug}']", NS)
    titles = {
        t.get(XML_LANG): t.text
        for t in issue_set.iterfind("o:setDescription/oai_dc:dc/dc:title", NS)
    }
    assert titles == {"ky": "2024, № 4/1", "ru": "2024, № 4/1", "en": "2024, No. 4/1"}
    assert CANARY not in raw(tree)


# --- GetRecord ----------------------------------------------------------------


def get_record(client, article, prefix="oai_dc", **extra):
    return harvest(
        client,
        {"verb": "GetRecord", "metadataPrefix": prefix, "identifier": oai_id(article)},
        **extra,
    )


def dc_values(tree, name):
    return [
        (el.get(XML_LANG), el.text)
        for el in tree.iterfind(f".//oai_dc:dc/dc:{name}", NS)
    ]


def test_get_record_oai_dc_has_the_fields_of_the_article(client, world):
    rich = world["rich"]
    tree = get_record(client, rich, secure=True)
    header = tree.find(".//o:header", NS)
    assert header.get("status") is None
    assert header.findtext("o:identifier", namespaces=NS) == oai_id(rich)
    assert [s.text for s in header.iterfind("o:setSpec", NS)] == [
        "journal",
        f"issue:{rich.issue.slug}",
        f"section:{rich.section_id}",
        "domain:water-energy",
    ]
    assert dc_values(tree, "title") == [
        ("ky", "Чек ара жана суу"),
        ("ru", "Граница и вода"),
        ("en", "Border and Water: A Case Study"),
    ]
    assert dc_values(tree, "description") == [
        ("ky", "Кыргызча аннотация."),
        ("ru", "Русская аннотация.\n\nВторой абзац аннотации."),
        ("en", "English abstract."),
    ]
    assert sorted(dc_values(tree, "subject")) == [
        ("en", "border"),
        ("en", "water"),
        ("ky", "суу"),
        ("ky", "чек ара"),
        ("ru", "вода"),
        ("ru", "граница"),
    ]
    assert dc_values(tree, "creator") == [
        (None, "Асанов, Бакыт Токтогулович"),
        (None, "Токтосунова, Айгүл"),
    ]
    day = timezone.localtime(rich.published_at).date().isoformat()
    assert dc_values(tree, "date") == [(None, day)]
    # The scheme is the request's: https here.
    assert dc_values(tree, "identifier") == [
        (None, f"https://testserver/ky/articles/{rich.slug}/"),
        (None, "https://doi.org/10.1234/jir.2024.5"),
    ]
    assert dc_values(tree, "language") == [(None, "ky")]
    assert (None, "info:eu-repo/semantics/article") in dc_values(tree, "type")
    assert dc_values(tree, "publisher") == [("ky", "Кыргыз улуттук университети")]
    assert dc_values(tree, "source") == [
        ("ky", "Эл аралык мамилелер журналы; 2024, № 4/1; 15–27"),
        ("ru", "Журнал международных отношений; 2024, № 4/1; 15–27"),
        ("en", "Journal of International Relations; 2024, No. 4/1; 15–27"),
        (None, "ISSN 1694-5344"),
        (None, "ISSN 1694-8033"),
    ]
    assert dc_values(tree, "relation") == [
        (None, f"https://testserver/ru/articles/{rich.slug}/pdf/ru/"),
        (None, f"https://testserver/en/articles/{rich.slug}/pdf/en/"),
    ]
    assert dc_values(tree, "rights") == [
        (None, "https://creativecommons.org/licenses/by/4.0/"),
        (None, "CC BY 4.0"),
    ]


def test_galley_relations_resolve(client, world):
    tree = get_record(client, world["rich"])
    for _, url in dc_values(tree, "relation"):
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"


def test_get_record_jats(client, world):
    rich = world["rich"]
    tree = get_record(client, rich, "jats")
    article = tree.find(".//o:metadata/j:article", NS)
    assert article.get(XML_LANG) == "ky"
    assert article.findtext(".//j:article-meta/j:article-id", namespaces=NS) == (
        "10.1234/jir.2024.5"
    )
    assert article.findtext(".//j:title-group/j:article-title", namespaces=NS) == (
        "Чек ара жана суу"
    )
    assert [
        s.findtext("j:title", namespaces=NS)
        for s in article.iterfind("j:body/j:sec", NS)
    ] == ["Введение", "Заключение"]


def test_jats_record_is_the_jats_document_in_the_advertised_namespace(client, world):
    """The record's namespace is the one JATS 1.3 names for Archiving, the format
    of the advertised schema; without it, the record is the download, valid JATS."""
    tree = get_record(client, world["rich"], "jats")
    article = tree.find(".//o:metadata/j:article", NS)
    for element in article.iter(etree.Element):
        if element.tag.startswith(f"{{{NS['j']}}}"):
            element.tag = etree.QName(element).localname
    etree.cleanup_namespaces(article)
    article.set("dtd-version", "1.3d2")  # the draft the XSD knows (README)
    assert_schema_valid(jats_publishing_schema(), article)
    download = etree.fromstring(
        client.get(f"/en/articles/{world['rich'].slug}/jats.xml").content
    )
    assert [e.tag for e in download.iter(etree.Element)] == [
        e.tag for e in article.iter(etree.Element)
    ]


def test_withdrawn_article_is_a_deleted_header_without_metadata(client, world):
    withdrawn = world["withdrawn"]
    for prefix in ("oai_dc", "jats"):
        tree = get_record(client, withdrawn, prefix)
        record = tree.find(".//o:record", NS)
        assert record.find("o:header", NS).get("status") == "deleted"
        assert record.find("o:metadata", NS) is None
        assert CANARY not in raw(tree)
    for verb in LIST_VERBS:
        tree = harvest(client, {"verb": verb, "metadataPrefix": "oai_dc"})
        deleted = tree.findall(".//o:header[@status='deleted']", NS)
        assert [h.findtext("o:identifier", namespaces=NS) for h in deleted] == [
            oai_id(withdrawn)
        ]
    withdrawn.refresh_from_db()
    datestamp = harvest_datestamp(client, world, withdrawn)
    assert datestamp == withdrawn.updated_at.astimezone(UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )


# --- Errors -------------------------------------------------------------------

BAD_VERB = ["", "verb=", "verb=Nope", "verb=identify", "verb=Identify&verb=Identify"]
BAD_ARGUMENT = [
    "verb=Identify&foo=bar",
    "verb=Identify&identifier=oai:x:article/1",
    "verb=ListRecords",
    "verb=ListIdentifiers&set=journal",
    "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=jats",
    "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc",
    "verb=ListRecords&metadataPrefix=",
    "verb=ListRecords&metadataPrefix=oai dc",
    "verb=ListRecords&metadataPrefix=oai_dc&from=yesterday",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-30",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2024-1-1",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T10:00:00",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T25:00:00Z",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T10:00:00.5Z",
    "verb=ListRecords&metadataPrefix=oai_dc&until=0000-01-01",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-12-31T00:00:00Z",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-01&until=2024-01-01",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&from=2024-01-02",
    "verb=ListRecords&metadataPrefix=oai_dc&set=",
    "verb=ListRecords&metadataPrefix=oai_dc&set=issue::x",
    "verb=ListRecords&metadataPrefix=oai_dc&set=a%20b",
    "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc",
    "verb=ListSets&resumptionToken=abc&set=journal",
    "verb=ListSets&set=journal",
    "verb=GetRecord&metadataPrefix=oai_dc",
    "verb=GetRecord&identifier=oai:testserver:article/1",
    "verb=GetRecord&metadataPrefix=oai_dc&identifier=a%20b",
    "verb=GetRecord&metadataPrefix=oai_dc&identifier=%25zz",
    "verb=GetRecord&metadataPrefix=oai_dc&identifier=::::",
    "verb=GetRecord&metadataPrefix=oai_dc&identifier=a%0Bb",
    "verb=GetRecord&metadataPrefix=oai_dc&identifier=%00",
    "verb=ListMetadataFormats&metadataPrefix=oai_dc",
    "verb=Identify&a%0Bb=1",
]
OTHER_ERRORS = [
    ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
    ("verb=ListIdentifiers&metadataPrefix=marc21", "cannotDisseminateFormat"),
    (
        "verb=GetRecord&metadataPrefix=marc21&identifier=oai:testserver:article/1",
        "cannotDisseminateFormat",
    ),
    (
        "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:testserver:article/999999",
        "idDoesNotExist",
    ),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=nonsense", "idDoesNotExist"),
    (
        "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:testserver:article/"
        + "9" * 40,
        "idDoesNotExist",
    ),
    ("verb=ListMetadataFormats&identifier=oai:elsewhere:article/1", "idDoesNotExist"),
    (
        "verb=ListRecords&metadataPrefix=oai_dc&set=issue:no-such-issue",
        "noRecordsMatch",
    ),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=journal:nope", "noRecordsMatch"),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=section:99999999", "noRecordsMatch"),
    (
        "verb=ListRecords&metadataPrefix=oai_dc&set=section:" + "9" * 30,
        "noRecordsMatch",
    ),
    ("verb=ListIdentifiers&metadataPrefix=jats&set=nothing", "noRecordsMatch"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2200-01-01", "noRecordsMatch"),
    ("verb=ListRecords&metadataPrefix=oai_dc&until=1990-01-01", "noRecordsMatch"),
    ("verb=ListRecords&metadataPrefix=oai_dc&until=0001-01-01", "noRecordsMatch"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=9999-12-31", "noRecordsMatch"),
    ("verb=ListRecords&resumptionToken=abc", "badResumptionToken"),
    ("verb=ListIdentifiers&resumptionToken=", "badResumptionToken"),
    ("verb=ListSets&resumptionToken=abc", "badResumptionToken"),
]


@pytest.mark.parametrize("query", BAD_VERB)
def test_bad_verb(client, one, query):
    tree = harvest(client, query)
    assert error_codes(tree) == ["badVerb"]
    # badVerb and badArgument echo the base URL only.
    assert tree.find("o:request", NS).attrib == {}


@pytest.mark.parametrize("query", BAD_ARGUMENT)
def test_bad_argument(client, one, query):
    tree = harvest(client, query)
    assert error_codes(tree) == ["badArgument"]
    assert tree.find("o:request", NS).attrib == {}


@pytest.mark.parametrize(("query", "code"), OTHER_ERRORS)
def test_other_errors_echo_the_request(client, one, query, code):
    tree = harvest(client, query)
    assert error_codes(tree) == [code]
    assert tree.find("o:request", NS).get("verb") == query.split("&")[0][5:]
    assert tree.find("o:ListRecords", NS) is None


def test_post_is_answered_like_get_without_a_csrf_token(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    params = {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}
    assert identifiers(harvest(client, params, method="post")) == identifiers(
        harvest(client, params)
    )
    tree = harvest(client, {"verb": "Nope"}, method="post")
    assert error_codes(tree) == ["badVerb"]


def test_other_methods_are_refused(client):
    assert client.put("/oai/?verb=Identify").status_code == 405


def test_control_characters_in_data_keep_responses_valid(client, world):
    Article.objects.filter(pk=world["plain"].pk).update(
        title_en="Bad\x0btitle\u202e", abstract_ru="\x1f"
    )
    for prefix in ("oai_dc", "jats"):
        tree = harvest(client, {"verb": "ListRecords", "metadataPrefix": prefix})
        assert len(identifiers(tree)) == 4
    tree = get_record(client, world["plain"])
    assert ("en", "Badtitle") in dc_values(tree, "title")


# --- Selective harvesting: dates ----------------------------------------------


@pytest.fixture
def dated(db):
    """Four articles whose datestamps are fixed instants in 2024."""
    issue = make_issue(published_at=datetime(2023, 1, 1, tzinfo=UTC))
    moments = [
        datetime(2024, 3, 1, 23, 59, 59, tzinfo=UTC),
        datetime(2024, 3, 2, 0, 0, 0, tzinfo=UTC),
        datetime(2024, 3, 2, 12, 0, 0, 500000, tzinfo=UTC),
        datetime(2024, 3, 3, 0, 0, 1, tzinfo=UTC),
    ]
    articles = []
    for moment in moments:
        article = make_article(issue=issue)
        set_times(article, moment)
        articles.append(article)
    return articles


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({}, [0, 1, 2, 3]),
        ({"from": "2024-03-02"}, [1, 2, 3]),
        ({"until": "2024-03-02"}, [0, 1, 2]),
        ({"from": "2024-03-02", "until": "2024-03-02"}, [1, 2]),
        ({"from": "2024-03-02T00:00:00Z"}, [1, 2, 3]),
        ({"from": "2024-03-02T00:00:01Z"}, [2, 3]),
        ({"until": "2024-03-01T23:59:59Z"}, [0]),
        # A datestamp is shown to the second: 12:00:00.5 is 12:00:00.
        ({"until": "2024-03-02T12:00:00Z"}, [0, 1, 2]),
        ({"from": "2024-03-02T12:00:00Z", "until": "2024-03-02T12:00:00Z"}, [2]),
        ({"from": "2024-03-02T12:00:01Z", "until": "2024-03-03T00:00:00Z"}, []),
        ({"from": "2024-03-03", "until": "2024-03-03"}, [3]),
        ({"from": "0001-01-01", "until": "9999-12-31"}, [0, 1, 2, 3]),
    ],
)
@pytest.mark.parametrize("verb", LIST_VERBS)
def test_from_and_until_at_both_granularities(client, dated, verb, args, expected):
    tree = harvest(client, {"verb": verb, "metadataPrefix": "oai_dc", **args})
    if not expected:
        assert error_codes(tree) == ["noRecordsMatch"]
        return
    assert identifiers(tree) == [oai_id(dated[i]) for i in expected]
    assert [d.text for d in tree.iterfind(".//o:header/o:datestamp", NS)] == [
        [
            "2024-03-01T23:59:59Z",
            "2024-03-02T00:00:00Z",
            "2024-03-02T12:00:00Z",
            "2024-03-03T00:00:01Z",
        ][i]
        for i in expected
    ]
    request = tree.find("o:request", NS)
    assert {k: request.get(k) for k in args} == args


def test_earliest_datestamp_is_from_the_data(client, dated):
    tree = harvest(client, {"verb": "Identify"})
    assert tree.findtext(".//o:earliestDatestamp", namespaces=NS) == (
        "2024-03-01T23:59:59Z"
    )


def test_scheduled_articles_are_harvested_when_they_go_public(client, world):
    """An incremental harvest made before the publication time still gets it."""
    scheduled = world["scheduled"]
    # The next whole second: after every record the fixture wrote.
    before = (timezone.now() + timedelta(seconds=1)).astimezone(UTC)
    before = before.strftime("%Y-%m-%dT%H:%M:%SZ")
    tree = harvest(
        client, {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": before}
    )
    assert error_codes(tree) == ["noRecordsMatch"]
    with freeze_time(world["tomorrow"] + timedelta(seconds=1)):
        tree = harvest(
            client,
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": before},
        )
        both = [scheduled, world["in_scheduled_issue"]]
        assert identifiers(tree) == sorted(oai_id(a) for a in both)
        for article in both:
            titles = dc_values(get_record(client, article), "title")
            assert ("en", article.title_en) in titles


# --- Selective harvesting: sets -----------------------------------------------


def test_sets_select_records(client, world):
    rich, plain, third = world["rich"], world["plain"], world["third"]
    withdrawn = world["withdrawn"]
    cases = {
        "journal": [rich, plain, third, withdrawn],
        "issue": [rich, plain, third, withdrawn],
        f"issue:{rich.issue.slug}": [rich, plain, withdrawn],
        f"issue:{third.issue.slug}": [third],
        "section": [rich, plain],
        f"section:{rich.section_id}": [rich, plain],
        "domain": [rich, third],
        "domain:water-energy": [rich],
        "domain:border": [third],
    }
    for spec, articles in cases.items():
        for verb in LIST_VERBS:
            tree = harvest(
                client, {"verb": verb, "metadataPrefix": "jats", "set": spec}
            )
            assert identifiers(tree) == sorted(
                (oai_id(a) for a in articles), key=lambda i: int(i.split("/")[-1])
            ), spec
    for spec in ("domain:canary-domain", "domain:canary-draft-domain", "domain:x"):
        tree = harvest(
            client, {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": spec}
        )
        assert error_codes(tree) == ["noRecordsMatch"], spec


# --- Resumption ---------------------------------------------------------------


@pytest.fixture
def five(db, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    issue = make_issue()
    articles = [make_article(issue=issue, section=make_section()) for _ in range(4)]
    articles.append(withdraw(make_article(issue=issue)))
    return articles


def harvest_all(client, verb, prefix="oai_dc", **args):
    """Follow resumption tokens; return every page's tree."""
    pages = [harvest(client, {"verb": verb, "metadataPrefix": prefix, **args})]
    while (token := token_of(pages[-1])) is not None and token.text:
        pages.append(harvest(client, {"verb": verb, "resumptionToken": token.text}))
    return pages


@pytest.mark.parametrize("verb", LIST_VERBS)
@pytest.mark.parametrize("prefix", ["oai_dc", "jats"])
def test_resumption_across_pages(client, five, verb, prefix):
    pages = harvest_all(client, verb, prefix)
    assert [len(identifiers(p)) for p in pages] == [2, 2, 1]
    tokens = [token_of(p) for p in pages]
    assert [t.get("cursor") for t in tokens] == ["0", "2", "4"]
    assert [t.get("completeListSize") for t in tokens] == ["5", "5", "5"]
    assert [bool(t.text) for t in tokens] == [True, True, False]
    assert tokens[0].get("expirationDate") > timezone.now().strftime("%Y-%m-%dT")
    assert tokens[-1].get("expirationDate") is None
    harvested = [i for p in pages for i in identifiers(p)]
    assert harvested == [oai_id(a) for a in five]
    request = pages[1].find("o:request", NS)
    assert request.attrib == {"verb": verb, "resumptionToken": tokens[0].text}


def test_a_single_page_has_no_token(client, world):
    tree = harvest(client, {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    assert token_of(tree) is None


def test_tokens_keep_the_arguments(client, five):
    issue_set = f"issue:{five[0].issue.slug}"
    pages = harvest_all(
        client, "ListIdentifiers", "jats", set=issue_set, **{"from": "2000-01-01"}
    )
    assert len(pages) == 3
    pages = harvest_all(client, "ListIdentifiers", set=f"section:{five[0].section_id}")
    assert [identifiers(p) for p in pages] == [[oai_id(five[0])]]
    assert token_of(pages[0]) is None


def test_new_records_do_not_shift_the_pages(client, five):
    first = harvest(client, {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    Article.objects.filter(pk=five[0].pk).update(updated_at=timezone.now())
    make_article(issue=five[0].issue)
    token = token_of(first).text
    second = harvest(client, {"verb": "ListIdentifiers", "resumptionToken": token})
    assert identifiers(second) == [oai_id(five[2]), oai_id(five[3])]


def test_list_sets_resumes(client, world, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    pages = [harvest(client, {"verb": "ListSets"})]
    while (token := token_of(pages[-1])) is not None and token.text:
        pages.append(
            harvest(client, {"verb": "ListSets", "resumptionToken": token.text})
        )
    specs = [s.text for p in pages for s in p.iterfind(".//o:setSpec", NS)]
    assert len(specs) == 9 == len(set(specs))
    assert [token_of(p).get("cursor") for p in pages] == ["0", "2", "4", "6", "8"]
    assert {token_of(p).get("completeListSize") for p in pages} == {"9"}


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: t.replace(":", ";", 1),
        lambda t: t[1:],
        lambda t: t + "x",
    ],
)
def test_tampered_token_is_bad(client, five, tamper):
    first = harvest(client, {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    token = tamper(token_of(first).text)
    tree = harvest(client, {"verb": "ListRecords", "resumptionToken": token})
    assert error_codes(tree) == ["badResumptionToken"]
    assert tree.find("o:request", NS).get("resumptionToken") == token


def test_token_of_another_verb_is_bad(client, five):
    first = harvest(client, {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    for verb in ("ListRecords", "ListSets"):
        tree = harvest(client, {"verb": verb, "resumptionToken": token_of(first).text})
        assert error_codes(tree) == ["badResumptionToken"]


def test_expired_token_is_bad(client, five):
    first = harvest(client, {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    token = token_of(first).text
    with freeze_time(timezone.now() + timedelta(hours=23)):
        tree = harvest(client, {"verb": "ListRecords", "resumptionToken": token})
        assert len(identifiers(tree)) == 2
    with freeze_time(timezone.now() + timedelta(hours=25)):
        tree = harvest(client, {"verb": "ListRecords", "resumptionToken": token})
        assert error_codes(tree) == ["badResumptionToken"]


def test_token_signed_with_another_key_is_bad(client, five, settings):
    first = harvest(client, {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    settings.SECRET_KEY = "another-secret-key-for-this-test-0123456789abcdef"
    tree = harvest(
        client, {"verb": "ListRecords", "resumptionToken": token_of(first).text}
    )
    assert error_codes(tree) == ["badResumptionToken"]


# --- Canaries -----------------------------------------------------------------


def test_canaries_appear_in_no_response(client, world):
    responses = [
        harvest(client, {"verb": verb, "metadataPrefix": prefix})
        for verb in LIST_VERBS
        for prefix in ("oai_dc", "jats")
    ]
    responses += [
        harvest(client, {"verb": "ListSets"}),
        harvest(client, {"verb": "Identify"}),
        harvest(client, {"verb": "ListMetadataFormats"}),
    ]
    for tree in responses:
        assert CANARY not in raw(tree).replace(b"CANARY-WITHDRAWN", b"")
        assert b"CANARY-WITHDRAWN" not in raw(tree)
    for tree in responses[:4]:
        assert sorted(identifiers(tree)) == expected_ids(world)


def test_guessed_ids_of_unpublished_articles_do_not_exist(client, world):
    missing = Article.objects.order_by("-pk").first().pk + 1000
    nothing = harvest(
        client,
        {
            "verb": "GetRecord",
            "metadataPrefix": "oai_dc",
            "identifier": f"oai:testserver:article/{missing}",
        },
    )
    assert error_codes(nothing) == ["idDoesNotExist"]

    def anonymised(tree, pk):
        raw = etree.tostring(tree).replace(f"article/{pk}".encode(), b"article/N")
        return raw.split(b"</responseDate>")[1]

    for article in world["canaries"]:
        for prefix in ("oai_dc", "jats"):
            tree = get_record(client, article, prefix)
            assert error_codes(tree) == ["idDoesNotExist"]
            assert CANARY not in raw(tree)
            if prefix == "oai_dc":
                # A draft looks exactly like an id that was never used.
                assert anonymised(tree, article.pk) == anonymised(nothing, missing)
        tree = harvest(
            client, {"verb": "ListMetadataFormats", "identifier": oai_id(article)}
        )
        assert error_codes(tree) == ["idDoesNotExist"]


# --- Query counts -------------------------------------------------------------

# main page query, count (a token is issued), authors, keywords, galleys, domains via
# events, domains via agreements; JATS adds body sections and references.
QUERIES = {
    ("ListRecords", "oai_dc"): 7,
    ("ListRecords", "jats"): 9,
    ("ListIdentifiers", "oai_dc"): 4,
}


def populate(n):
    journal = make_rich_journal()
    issue = make_issue(journal=journal)
    section = make_section()
    shared = make_keyword()
    for i in range(n):
        article = make_article(
            issue=issue, authors=2, section=section, keywords=[shared, make_keyword()]
        )
        add_galley(article, "en")
        link_domain(article, f"d{i % 3}", via=Event if i % 2 else Agreement)


def test_a_full_page_runs_a_fixed_number_of_queries(client):
    populate(oai.PAGE_SIZE + 1)
    for (verb, prefix), expected in QUERIES.items():
        params = {"verb": verb, "metadataPrefix": prefix}
        harvest(client, params)  # warm per-process caches (content types)
        with CaptureQueriesContext(connection) as queries:
            tree = harvest(client, params)
        assert len(identifiers(tree)) == oai.PAGE_SIZE
        assert token_of(tree).get("completeListSize") == str(oai.PAGE_SIZE + 1)
        assert len(queries) == expected, [q["sql"] for q in queries]


@pytest.mark.parametrize(("verb", "prefix"), list(QUERIES))
def test_query_count_does_not_grow_with_the_page(client, monkeypatch, verb, prefix):
    populate(6)
    params = {"verb": verb, "metadataPrefix": prefix}
    counts = []
    for size in (2, 5):
        monkeypatch.setattr(oai, "PAGE_SIZE", size)
        harvest(client, params)
        with CaptureQueriesContext(connection) as queries:
            harvest(client, params)
        counts.append(len(queries))
    assert counts == [QUERIES[verb, prefix]] * 2


def test_other_verbs_run_few_queries(client, world, django_assert_max_num_queries):
    # journal and earliest datestamp; journal, issues, sections, domains.
    for params, most in (
        ({"verb": "Identify"}, 2),
        ({"verb": "ListSets"}, 4),
        ({"verb": "ListMetadataFormats"}, 0),
    ):
        with django_assert_max_num_queries(most):
            harvest(client, params)


# --- End to end with a real harvester -----------------------------------------


@pytest.mark.django_db(transaction=True)
def test_sickle_harvests_everything_across_tokens(live_server, monkeypatch):
    from sickle import Sickle

    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    make_rich_article()
    issue = make_issue()
    public = [make_article(issue=issue) for _ in range(3)]
    withdrawn = withdraw(make_article(issue=issue))
    make_article(issue=issue, status=S.DRAFT, published_at=None, title_en="CANARY")
    make_article(issue=make_issue(published_at=None), status=S.ACCEPTED)
    expected = {
        f"oai:localhost:article/{a.pk}"
        for a in Article.objects.public() | Article.objects.tombstones()
    }
    assert len(expected) == 5 and f"oai:localhost:article/{withdrawn.pk}" in expected

    for method in ("GET", "POST"):
        sickle = Sickle(f"{live_server.url}/oai/", http_method=method, max_retries=0)
        assert sickle.Identify().repositoryName == "Эл аралык мамилелер журналы"
        for prefix in ("oai_dc", "jats"):
            records = list(sickle.ListRecords(metadataPrefix=prefix))
            assert {r.header.identifier for r in records} == expected
            deleted = {r.header.identifier for r in records if r.header.deleted}
            assert deleted == {f"oai:localhost:article/{withdrawn.pk}"}
            headers = list(sickle.ListIdentifiers(metadataPrefix=prefix))
            assert {h.identifier for h in headers} == expected
        dc = sickle.GetRecord(
            identifier=f"oai:localhost:article/{public[0].pk}", metadataPrefix="oai_dc"
        )
        assert public[0].title_en in dc.metadata["title"]
        sets = {s.setSpec for s in sickle.ListSets()}
        assert {"journal", f"issue:{issue.slug}"} <= sets
