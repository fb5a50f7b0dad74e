"""OAI-PMH 2.0 data provider at /oai/: oai_dc and JATS records of public articles.

Records are `harvestable()` articles: public ones, and withdrawn ones as deleted
headers (deletedRecord "persistent"). Every problem with a request is answered with
its OAI-PMH error code and HTTP 200. Resumption tokens are stateless: the signed
request arguments, the position in the list (last pk returned, keyset order) and
the list size, valid for `TOKEN_MAX_AGE`.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db.models import Min
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree

from articles.addresses import absolute_url, site_host
from articles.languages import localized
from articles.models import Journal

from . import jats, oai_dc, oai_records
from .oai_xml import (
    UTC_SECONDS,
    XSI_NS,
    XSI_SCHEMA_LOCATION,
    record_urls,
    sub,
    utc_stamp,
)
from .text import xml_text

PAGE_SIZE = 100
TOKEN_MAX_AGE = timedelta(hours=24)
SIGNING_SALT = "interop.oai.resumption-token"

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_IDENTIFIER_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_IDENTIFIER_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"

FORMATS = {
    "oai_dc": (oai_dc.OAI_DC_SCHEMA, oai_dc.OAI_DC_NS),
    "jats": (jats.OAI_SCHEMA, jats.OAI_NAMESPACE),
}
# verb: (required arguments, optional arguments); a resumptionToken is exclusive.
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), set()),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}),
}
RESUMABLE = {"ListSets", "ListIdentifiers", "ListRecords"}
ARGUMENT_ORDER = ("identifier", "metadataPrefix", "from", "until", "set")

# Argument syntax, as the OAI-PMH schema types it (anything else is badArgument).
PREFIX = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$")
SET_SPEC = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")
URI_CHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})"
URI = re.compile(rf"^(?:[A-Za-z][A-Za-z0-9+.\-]*:)?{URI_CHAR}+(?:#{URI_CHAR}*)?$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
EMAIL = re.compile(r"^\S+@(\S+\.)+\S+$")
DOMAIN_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+$")


class OaiError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def bad_argument(message):
    return OaiError("badArgument", message)


@dataclass
class Harvest:
    """One request: where we are (base URL, host) and its checked arguments."""

    request: object
    verb: str
    args: dict

    @property
    def host(self):
        """The identifiers' domain: SITE_URL's host, whatever host was asked."""
        return site_host(self.request) or "localhost"

    def identifier(self, pk):
        return oai_records.make_identifier(self.host, pk)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def endpoint(request):
    """The OAI-PMH endpoint: GET or POST (form-encoded), all six verbs."""
    params = request.POST if request.method == "POST" else request.GET
    root, request_element = envelope(request)
    try:
        verb, args = parse_arguments(params)
        harvest = Harvest(request, verb, args)
        # Arguments are echoed only once they are known to be well-formed.
        request_element.set("verb", verb)
        for name in ("resumptionToken", *ARGUMENT_ORDER):
            if name in args:
                request_element.set(name, args[name])
        root.append(VERB_HANDLERS[verb](harvest))
    except OaiError as error:
        if error.code in ("badVerb", "badArgument"):
            request_element.attrib.clear()
        sub(root, oai("error"), error.message, {"code": error.code})
    return HttpResponse(
        etree.tostring(root, xml_declaration=True, encoding="UTF-8"),
        content_type="text/xml; charset=utf-8",
    )


def oai(tag):
    return f"{{{OAI_NS}}}{tag}"


def envelope(request):
    root = etree.Element(oai("OAI-PMH"), nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(XSI_SCHEMA_LOCATION, f"{OAI_NS} {OAI_SCHEMA}")
    sub(root, oai("responseDate"), utc_stamp(timezone.now()))
    request_element = sub(root, oai("request"), base_url(request))
    return root, request_element


def base_url(request):
    return absolute_url(reverse("oai"), request)


# Arguments


def parse_arguments(params):
    """(verb, {argument: value}) of a request, or OaiError badVerb / badArgument."""
    lists = dict(params.lists())
    verbs = lists.pop("verb", [])
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OaiError("badVerb", "The verb is missing, repeated or not an OAI verb.")
    verb = verbs[0]
    if any(len(values) != 1 for values in lists.values()):
        raise bad_argument("An argument is repeated.")
    args = {key: values[0] for key, values in lists.items()}
    if any(xml_text(k) != k or xml_text(v) != v for k, v in args.items()):
        raise bad_argument("An argument contains characters XML cannot carry.")
    required, optional = VERBS[verb]
    allowed = required | optional
    if verb in RESUMABLE:
        allowed = allowed | {"resumptionToken"}
    if set(args) - allowed:
        raise bad_argument(f"{verb} does not take the argument(s) given.")
    if "resumptionToken" in args:
        if len(args) > 1:
            raise bad_argument("resumptionToken is an exclusive argument.")
        return verb, args
    if required - set(args):
        raise bad_argument(f"{verb} is missing a required argument.")
    check_syntax(args)
    return verb, args


def check_syntax(args):
    if "metadataPrefix" in args and not PREFIX.match(args["metadataPrefix"]):
        raise bad_argument("The metadataPrefix has an illegal syntax.")
    if "set" in args and not SET_SPEC.match(args["set"]):
        raise bad_argument("The set has an illegal syntax.")
    if "identifier" in args and not is_uri(args["identifier"]):
        raise bad_argument("The identifier is not a URI.")
    date_range(args)


def is_uri(value):
    head = re.split(r"[/?#]", value, maxsplit=1)[0]
    return bool(URI.match(value)) and (":" not in head or bool(SCHEME.match(value)))


def parse_datestamp(value):
    """(start instant, granularity) of a from/until value, or badArgument."""
    try:
        if DAY.match(value):
            return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC), "day"
        if SECOND.match(value):
            moment = datetime.strptime(value, UTC_SECONDS).replace(tzinfo=UTC)
            return moment, "second"
    except ValueError:
        pass
    raise bad_argument(f"Not a UTC datestamp (YYYY-MM-DD or {UTC_SECONDS}).")


def date_range(args):
    """(from, until-exclusive) instants of the request; either may be None."""
    start = end = None
    granularities = set()
    if "from" in args:
        start, granularity = parse_datestamp(args["from"])
        granularities.add(granularity)
    if "until" in args:
        until, granularity = parse_datestamp(args["until"])
        granularities.add(granularity)
        step = timedelta(days=1) if granularity == "day" else timedelta(seconds=1)
        try:
            end = until + step
        except OverflowError:
            end = None  # the end of time: no upper bound
        if start is not None and start > until:
            raise bad_argument("from is later than until.")
    if len(granularities) > 1:
        raise bad_argument("from and until have different granularities.")
    return start, end


def check_prefix(prefix):
    if prefix not in FORMATS:
        raise OaiError(
            "cannotDisseminateFormat", "This metadata format is not available."
        )


# Resumption tokens


def make_token(verb, args, *, offset, after, size):
    state = {
        "verb": verb,
        "args": {k: v for k, v in args.items() if k in ARGUMENT_ORDER},
        "offset": offset,
        "after": after,
        "size": size,
    }
    return signing.dumps(state, salt=SIGNING_SALT, compress=True)


def read_token(harvest):
    """The state of the harvest's resumptionToken (or of a first request)."""
    token = harvest.args.get("resumptionToken")
    if token is None:
        return {"args": harvest.args, "offset": 0, "after": 0, "size": None}
    try:
        state = signing.loads(
            token, salt=SIGNING_SALT, max_age=TOKEN_MAX_AGE.total_seconds()
        )
        valid = (
            state["verb"] == harvest.verb
            and isinstance(state["args"], dict)
            and all(isinstance(state[k], int) for k in ("offset", "after", "size"))
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        valid = False
    if not valid:
        raise OaiError(
            "badResumptionToken", "The resumptionToken is invalid or has expired."
        )
    return state


def token_element(parent, harvest, state, *, count, more, last_pk):
    """The resumptionToken that ends a page of an incomplete list (empty at the end)."""
    cursor = state["offset"]
    seen = cursor + count
    if state["size"] is None and not more:
        return None  # the whole list fitted in one response: no token at all
    size = max(state["size"] or 0, seen + (1 if more else 0))
    attrs = {"completeListSize": str(size), "cursor": str(cursor)}
    token = ""
    if more:
        expires = timezone.now() + TOKEN_MAX_AGE
        attrs["expirationDate"] = utc_stamp(expires)
        token = make_token(
            harvest.verb, state["args"], offset=seen, after=last_pk, size=size
        )
    return sub(parent, oai("resumptionToken"), token, attrs)


# Verbs


def identify(harvest):
    element = etree.Element(oai("Identify"))
    journal = Journal.objects.order_by("pk").first()
    name = localized(journal, "name", settings.LANGUAGE_CODE).text if journal else ""
    earliest = oai_records.harvestable().aggregate(first=Min("oai_datestamp"))["first"]
    sub(element, oai("repositoryName"), name or harvest.host)
    sub(element, oai("baseURL"), base_url(harvest.request))
    sub(element, oai("protocolVersion"), "2.0")
    for email in admin_emails(harvest.host):
        sub(element, oai("adminEmail"), email)
    sub(element, oai("earliestDatestamp"), utc_stamp(earliest or timezone.now()))
    sub(element, oai("deletedRecord"), "persistent")
    sub(element, oai("granularity"), "YYYY-MM-DDThh:mm:ssZ")
    if DOMAIN_NAME.match(harvest.host):
        identifier_description(sub(element, oai("description")), harvest)
    return element


def admin_emails(host):
    """Contacts for harvesters: OAI_ADMIN_EMAILS or ADMINS, else the site's sender."""
    configured = [
        *settings.OAI_ADMIN_EMAILS,
        *(admin if isinstance(admin, str) else admin[1] for admin in settings.ADMINS),
    ]
    valid = [email for email in configured if EMAIL.match(email)]
    if valid:
        return valid
    for fallback in (settings.DEFAULT_FROM_EMAIL, f"webmaster@{host}"):
        if EMAIL.match(fallback):
            return [fallback]
    return ["webmaster@localhost.localdomain"]


def identifier_description(parent, harvest):
    ns = OAI_IDENTIFIER_NS
    root = etree.SubElement(
        parent, f"{{{ns}}}oai-identifier", nsmap={None: ns, "xsi": XSI_NS}
    )
    root.set(XSI_SCHEMA_LOCATION, f"{ns} {OAI_IDENTIFIER_SCHEMA}")
    sub(root, f"{{{ns}}}scheme", "oai")
    sub(root, f"{{{ns}}}repositoryIdentifier", harvest.host)
    sub(root, f"{{{ns}}}delimiter", ":")
    sub(root, f"{{{ns}}}sampleIdentifier", harvest.identifier(1))


def list_metadata_formats(harvest):
    if "identifier" in harvest.args:
        find_record(harvest, harvest.args["identifier"])
    element = etree.Element(oai("ListMetadataFormats"))
    for prefix, (schema, namespace) in FORMATS.items():
        fmt = sub(element, oai("metadataFormat"))
        sub(fmt, oai("metadataPrefix"), prefix)
        sub(fmt, oai("schema"), schema)
        sub(fmt, oai("metadataNamespace"), namespace)
    return element


def list_sets(harvest):
    state = read_token(harvest)
    sets = oai_records.all_sets()
    offset = state["offset"]
    page = sets[offset : offset + PAGE_SIZE]
    if not page:
        raise OaiError("badResumptionToken", "The list has changed; start again.")
    element = etree.Element(oai("ListSets"))
    for oai_set in page:
        set_element = sub(element, oai("set"))
        sub(set_element, oai("setSpec"), oai_set.spec)
        sub(set_element, oai("setName"), oai_set.name)
        description = sub(set_element, oai("setDescription"))
        description.append(oai_dc.set_description(oai_set))
    more = offset + len(page) < len(sets)
    if state["size"] is None and more:
        state = {**state, "size": len(sets)}
    token_element(element, harvest, state, count=len(page), more=more, last_pk=0)
    return element


def find_record(harvest, identifier):
    """The harvestable article an identifier names; drafts are idDoesNotExist too."""
    pk = oai_records.record_pk(identifier, harvest.host)
    records = oai_records.harvestable()
    if harvest.verb == "GetRecord":
        records = oai_records.with_metadata(records, harvest.args["metadataPrefix"])
    article = records.filter(pk=pk).first() if pk else None
    if article is None:
        raise OaiError("idDoesNotExist", "No record has this identifier.")
    return article


def get_record(harvest):
    check_prefix(harvest.args["metadataPrefix"])
    article = find_record(harvest, harvest.args["identifier"])
    element = etree.Element(oai("GetRecord"))
    domains = oai_records.domain_specs([article.pk])
    add_record(element, harvest, article, domains, harvest.args["metadataPrefix"])
    return element


def list_identifiers(harvest):
    return list_records(harvest, with_metadata=False)


def list_records(harvest, with_metadata=True):
    state = read_token(harvest)
    args = state["args"]
    check_syntax(args)
    prefix = args["metadataPrefix"]
    check_prefix(prefix)
    records = matching_records(args)
    if with_metadata:
        records = oai_records.with_metadata(records, prefix)
    page = list(records.filter(pk__gt=state["after"])[: PAGE_SIZE + 1])
    more = len(page) > PAGE_SIZE
    page = page[:PAGE_SIZE]
    if not page:
        raise OaiError("noRecordsMatch", "No records match the request.")
    if state["size"] is None and more:
        state = {**state, "size": matching_records(args).count()}
    element = etree.Element(oai(harvest.verb))
    domains = oai_records.domain_specs([article.pk for article in page])
    for article in page:
        if with_metadata:
            add_record(element, harvest, article, domains, prefix)
        else:
            add_header(element, harvest, article, domains)
    token_element(
        element, harvest, state, count=len(page), more=more, last_pk=page[-1].pk
    )
    return element


def matching_records(args):
    start, end = date_range(args)
    records = oai_records.harvestable()
    if start is not None:
        records = records.filter(oai_datestamp__gte=start)
    if end is not None:
        records = records.filter(oai_datestamp__lt=end)
    if "set" in args:
        records = oai_records.in_set(records, args["set"])
    return records


def add_header(parent, harvest, article, domains):
    attrs = {"status": "deleted"} if oai_records.is_deleted(article) else None
    header = sub(parent, oai("header"), attrs=attrs)
    sub(header, oai("identifier"), harvest.identifier(article.pk))
    sub(header, oai("datestamp"), utc_stamp(article.oai_datestamp))
    for spec in oai_records.set_specs(article, domains):
        sub(header, oai("setSpec"), spec)
    return header


def add_record(parent, harvest, article, domains, prefix):
    record = sub(parent, oai("record"))
    add_header(record, harvest, article, domains)
    if oai_records.is_deleted(article):
        return record
    urls = record_urls(harvest.request, article)
    if prefix == "jats":
        metadata = jats.article_jats(article, urls=urls, namespace=jats.OAI_NAMESPACE)
    else:
        metadata = oai_dc.article_dc(article, urls)
    sub(record, oai("metadata")).append(metadata)
    return record


VERB_HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
