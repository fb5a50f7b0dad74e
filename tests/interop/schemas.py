"""Official schemas of what we hand to machines, loaded offline from tests/schemas/.

See tests/schemas/README.md for where each file comes from and its terms. Any
schema location not found here fails the test instead of reaching the network.
"""

import functools
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
CROSSREF = SCHEMAS / "crossref"
SITEMAPS = SCHEMAS / "sitemaps"
JATS_ELEMENTS = CROSSREF / "JATS-journalpublishing1-3d2-mathml3-elements.xsd"

# Schema locations the files name on the web, and the copy of each kept here.
REMOTE = {
    "http://www.w3.org/2009/01/xml.xsd": CROSSREF / "xml.xsd",
    "http://www.w3.org/2001/xml.xsd": CROSSREF / "xml.xsd",
    "http://www.w3.org/Math/XMLSchema/mathml3/mathml3.xsd": (
        CROSSREF / "standard-modules" / "mathml3" / "mathml3.xsd"
    ),
}

# JATS's elements, declared with no namespace, as JATS documents are. Crossref's
# driver includes the same declarations into its JATS1 namespace instead.
JATS_DRIVER = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.w3.org/1999/xlink"
      schemaLocation="{CROSSREF.as_uri()}/standard-modules/xlink.xsd"/>
  <xsd:import namespace="http://www.w3.org/1998/Math/MathML"
      schemaLocation="{CROSSREF.as_uri()}/standard-modules/mathml3/mathml3.xsd"/>
  <xsd:import namespace="http://www.niso.org/schemas/ali/1.0/"
      schemaLocation="{CROSSREF.as_uri()}/standard-modules/module-ali.xsd"/>
  <xsd:import namespace="http://www.w3.org/XML/1998/namespace"
      schemaLocation="{CROSSREF.as_uri()}/standard-modules/xml.xsd"/>
  <xsd:include schemaLocation="{JATS_ELEMENTS.as_uri()}"/>
</xsd:schema>"""

# sitemap.xsd lets other namespaces in strictly; Google's hreflang alternates are
# XHTML <link> elements, and no XHTML schema is packaged for us: this stand-in
# declares <link> with the attributes XHTML 1.0 gives it that sitemaps use.
XHTML_LINK = """<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
    targetNamespace="http://www.w3.org/1999/xhtml" elementFormDefault="qualified">
  <xsd:element name="link">
    <xsd:complexType>
      <xsd:attribute name="rel" type="xsd:NMTOKENS" use="required"/>
      <xsd:attribute name="hreflang" type="xsd:language" use="required"/>
      <xsd:attribute name="href" type="xsd:anyURI" use="required"/>
    </xsd:complexType>
  </xsd:element>
</xsd:schema>"""


STAND_INS = {"urn:test:xhtml-link.xsd": XHTML_LINK}


class Offline(etree.Resolver):
    """Maps the web locations above to the files here; records any other URL."""

    def __init__(self):
        super().__init__()
        self.unresolved = []

    def resolve(self, url, pubid, context):
        if url in REMOTE:
            return self.resolve_filename(str(REMOTE[url]), context)
        if url in STAND_INS:
            return self.resolve_string(STAND_INS[url], context)
        if url.startswith(("http:", "https:")):
            self.unresolved.append(url)
        return None


def load(source, base_url=None):
    resolver = Offline()
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(resolver)
    if isinstance(source, Path):
        document = etree.parse(str(source), parser)
    else:
        document = etree.fromstring(source.encode(), parser, base_url=base_url)
    schema = etree.XMLSchema(document)
    assert resolver.unresolved == [], f"schemas wanted: {resolver.unresolved}"
    return schema


@functools.cache
def crossref_schema():
    """Crossref's deposit schema 5.4.0 (with its JATS abstract and MathML)."""
    return load(CROSSREF / "crossref5.4.0.xsd")


@functools.cache
def jats_publishing_schema():
    """NLM's JATS Journal Publishing 1.3d2 (MathML 3) XSD, as Crossref ships it."""
    return load(JATS_DRIVER, base_url=CROSSREF.as_uri() + "/")


@functools.cache
def sitemap_schema():
    """sitemaps.org's sitemap.xsd, with the XHTML <link> stand-in above."""
    driver = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9"
          schemaLocation="{(SITEMAPS / "sitemap.xsd").as_uri()}"/>
      <xsd:import namespace="http://www.w3.org/1999/xhtml"
          schemaLocation="urn:test:xhtml-link.xsd"/>
    </xsd:schema>"""
    return load(driver)


def assert_valid(schema, tree):
    """`tree` (an element or bytes) is valid against `schema`, or the errors."""
    if isinstance(tree, bytes):
        tree = etree.fromstring(tree, etree.XMLParser(no_network=True))
    if not schema.validate(tree):
        raise AssertionError(
            "\n".join(str(e) for e in schema.error_log)
            + "\n"
            + etree.tostring(tree, pretty_print=True).decode()[:3000]
        )
