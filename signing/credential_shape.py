"""The strict shape of a certificate or declaration credential, every problem collected.

``check_shape(doc)`` returns a list of :class:`Problem` (empty when the shape is right); it
never raises. It refuses unknown members at every level (a reader sees only what is signed
and understood), JSON numbers anywhere (quantities are decimal strings matching
``^(0|[1-9][0-9]*)(\\.[0-9]+)?$``), strings not in NFC, and timestamps other than
``YYYY-MM-DDTHH:MM:SSZ``. Event dates and ``retiredOn`` are calendar dates ``YYYY-MM-DD``,
as in the registry. It also checks that the signed figures agree with each other: total =
basic + extended, offsets needed cover the emissions of the stated scope, the retirements
add up to the quantity retired, and the quantity retired covers the quantity needed. The
proof object itself is checked by ``eddsa_jcs_2022`` and is only required to be an object.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from datetime import date
from typing import Any, Callable

from .errors import SigningError
from .multikey import DID_KEY_PREFIX, decode_public_key
from .records import record
from .timefmt import parse_timestamp
from .verifier_spec import LIMITS, text as spec_text

CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://carbonreg.org/contexts/v1"]
TYPES = {
    "certificate": ["VerifiableCredential", "CarbonNeutralityCertificate"],
    "declaration": ["VerifiableCredential", "CarbonNeutralityDeclaration"],
}
NUMBER_FIELD = {"certificate": "certificateNumber", "declaration": "declarationId"}
DECIMAL = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]+)?")
DOCUMENT_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
EVENT_ID = re.compile(r"[0-9]{4}(-[a-z0-9]+)+")
IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
SERIAL = re.compile(r"[0-9]{1,40}")
SHA256 = re.compile(r"[0-9a-f]{64}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SCOPES = ("basic", "full")
MAX_STRING = LIMITS["stringLength"]  # signing/verifier.json
EXACT_BELOW = 10**28  # the default Decimal precision: sums below it are never rounded


@record
class Problem:
    """One thing wrong with a credential, at a JSON path."""

    path: str
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.zh} / {self.en}"


class _Checker:
    """Collects problems while walking one document."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, zh: str, en: str) -> None:
        self.problems.append(Problem(path, zh, en))

    def obj(self, value: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict | None:
        if not isinstance(value, dict):
            self.add(path, *spec_text("shape.must-be-a-json-object"))
            return None
        for name in required:
            if name not in value:
                self.add(f"{path}/{name}", *spec_text("shape.required-field-is-missing"))
        for name in value:
            if name not in required and name not in optional:
                self.add(f"{path}/{name}", *spec_text("shape.field-is-not-allowed"))
        return value

    def text(self, value: Any, path: str, pattern: re.Pattern[str] | None = None) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.add(path, *spec_text("shape.must-be-a-non-empty-string"))
            return None
        if len(value) > MAX_STRING:
            self.add(path, *spec_text("shape.string-is-longer-than", limit=MAX_STRING))
        if pattern is not None and not pattern.fullmatch(value):
            self.add(path, *spec_text("shape.does-not-match-the-expected-format", value=repr(value)))
            return None
        return value

    def names(self, value: Any, path: str) -> None:
        names = self.obj(value, path, ("zh", "en"))
        if names is not None:
            self.text(names.get("zh"), f"{path}/zh")
            self.text(names.get("en"), f"{path}/en")

    def decimal(self, value: Any, path: str) -> str | None:
        """The text of a quantity (a decimal string); None once a problem is added."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.add(path, *spec_text("shape.quantity-must-be-a-decimal-string"))
            return None
        return self.text(value, path, DECIMAL)

    def timestamp(self, value: Any, path: str) -> Any:
        try:
            return parse_timestamp(value)
        except SigningError as error:
            self.add(path, error.zh, error.en)
            return None

    def date(self, value: Any, path: str) -> date | None:
        if isinstance(value, str) and DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.add(path, *spec_text("shape.date-must-be-yyyy-mm-dd", value=repr(value)))
        return None

    def array(self, value: Any, path: str, each: Callable[[Any, str], Any]) -> list[Any]:
        if not isinstance(value, list) or not value:
            self.add(path, *spec_text("shape.must-be-a-non-empty-array"))
            return []
        return [each(item, f"{path}/{index}") for index, item in enumerate(value)]


def _walk_nfc(value: Any, path: str, check: _Checker) -> None:
    """Refuse keys and strings not in NFC anywhere (numbers fail the typed checks)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and not unicodedata.is_normalized("NFC", key):
                check.add(f"{path}/{key}", *spec_text("shape.key-is-not-in-unicode-nfc"))
            _walk_nfc(item, f"{path}/{key}", check)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk_nfc(item, f"{path}/{index}", check)
    elif isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
        check.add(path, *spec_text("shape.string-is-not-in-unicode-nfc"))


def _event(check: _Checker, value: Any, path: str) -> str | None:
    event = check.obj(value, path, ("id", "name", "kind", "organizer", "venue", "district", "start", "end"))
    if event is None:
        return None
    event_id = check.text(event.get("id"), f"{path}/id", EVENT_ID)
    check.names(event.get("name"), f"{path}/name")
    check.text(event.get("kind"), f"{path}/kind", IDENTIFIER)
    check.names(event.get("organizer"), f"{path}/organizer")
    check.names(event.get("venue"), f"{path}/venue")
    check.text(event.get("district"), f"{path}/district", IDENTIFIER)
    start, end = check.date(event.get("start"), f"{path}/start"), check.date(event.get("end"), f"{path}/end")
    if start and end and end < start:
        check.add(f"{path}/end", *spec_text("shape.end-date-is-before-the-start"))
    return event_id


def _serial(check: _Checker, value: Any, path: str) -> None:
    serial = check.obj(value, path, ("prefix", "first", "last"))
    if serial is None:
        return
    check.text(serial.get("prefix"), f"{path}/prefix")
    first = check.text(serial.get("first"), f"{path}/first", SERIAL)
    last = check.text(serial.get("last"), f"{path}/last", SERIAL)
    if first and last and int(last) < int(first):
        check.add(f"{path}/last", *spec_text("shape.serial-block-ends-before-it-starts"))


def _retirement(check: _Checker, value: Any, path: str) -> str | None:
    item = check.obj(value, path, ("id", "kind", "registry", "quantity", "retiredOn", "serials"))
    if item is None:
        return None
    check.text(item.get("id"), f"{path}/id", DOCUMENT_NUMBER)
    check.text(item.get("kind"), f"{path}/kind", IDENTIFIER)
    check.text(item.get("registry"), f"{path}/registry", IDENTIFIER)
    check.date(item.get("retiredOn"), f"{path}/retiredOn")
    check.array(item.get("serials"), f"{path}/serials", lambda v, p: _serial(check, v, p))
    return check.decimal(item.get("quantity"), f"{path}/quantity")


def _amounts(*texts: str | None) -> list[Any]:
    """Each quantity text as a number that adds and compares exactly (None stays None): integers
    counting the smallest unit any of the texts uses, else the exact rational of ``Decimal(text)``
    (a Fraction: a sum of Decimals would round at the context's 28 digits, and an exact total
    with more digits, e.g. from a gas metered at 20 °C, would not equal basic + extended).

    Integers are used only when ``decimal`` was never imported (so its context is the default
    one: 28 digits) and all the texts together add up to less than 10**28 such units. Every
    sum made of them is then below 10**28 units, so Decimal, whose coefficients count units at
    most that small, makes it with at most 28 digits, exactly; exact sums compare as integers
    do. This spares a cold ``verify`` importing ``decimal`` (about 1.5 ms).
    """
    present = [text for text in texts if text is not None]
    if not _decimal_loaded() and all(len(text) <= 28 for text in present):
        scale = max((len(text) - text.index(".") - 1 for text in present if "." in text), default=0)
        units = [None if text is None else _units(text, scale) for text in texts]
        if sum(number for number in units if number is not None) < EXACT_BELOW:
            return units
    from decimal import Decimal
    from fractions import Fraction

    return [None if text is None else Fraction(Decimal(text)) for text in texts]


def _decimal_loaded() -> bool:
    """Whether ``decimal`` was imported: only then can its context differ from the default."""
    return "decimal" in sys.modules or "_decimal" in sys.modules or "_pydecimal" in sys.modules


def _units(text: str, scale: int) -> int:
    """A decimal text (``DECIMAL``) as an integer count of 10**-scale."""
    whole, _, fraction = text.partition(".")
    return int(whole + fraction.ljust(scale, "0"))


def _figures(check: _Checker, subject: dict, path: str) -> None:
    emissions = check.obj(subject.get("emissions"), f"{path}/emissions", ("basic", "extended", "total")) or {}
    basic, extended, total = (check.decimal(emissions.get(n), f"{path}/emissions/{n}") for n in ("basic", "extended", "total"))
    if None not in (basic, extended, total):
        basic_amount, extended_amount, total_amount = _amounts(basic, extended, total)
        if basic_amount + extended_amount != total_amount:
            check.add(f"{path}/emissions/total", *spec_text("shape.total-is-not-basic-extended"))
    offsets = check.obj(subject.get("offsets"), f"{path}/offsets", ("needed", "retired", "retirements")) or {}
    needed = check.decimal(offsets.get("needed"), f"{path}/offsets/needed")
    retired = check.decimal(offsets.get("retired"), f"{path}/offsets/retired")
    items = check.array(offsets.get("retirements"), f"{path}/offsets/retirements", lambda v, p: _retirement(check, v, p))
    listed = offsets.get("retirements")
    ids = [r.get("id") for r in listed if isinstance(r, dict)] if isinstance(listed, list) else []
    if len(set(map(str, ids))) != len(ids):
        check.add(f"{path}/offsets/retirements", *spec_text("shape.a-retirement-is-listed-twice"))
    scope = subject.get("scope")
    covered = basic if scope == "basic" else total
    zero, needed_amount, covered_amount, retired_amount, *item_amounts = _amounts("0", needed, covered, retired, *items)
    if needed is not None and covered is not None and needed_amount < covered_amount:
        check.add(f"{path}/offsets/needed", *spec_text("shape.offsets-needed-are-less-than-the"))
    if retired is not None and items and None not in items and sum(item_amounts, zero) != retired_amount:
        check.add(f"{path}/offsets/retired", *spec_text("shape.the-retirements-do-not-add-up"))
    if retired is not None and needed is not None and retired_amount < needed_amount:
        check.add(f"{path}/offsets/retired", *spec_text("shape.quantity-retired-does-not-cover-the"))


def _evidence(check: _Checker, value: Any, path: str) -> str | None:
    item = check.obj(value, path, ("path", "sha256"))
    if item is None:
        return None
    where = check.text(item.get("path"), f"{path}/path")
    check.text(item.get("sha256"), f"{path}/sha256", SHA256)
    if where and (where.startswith("/") or "\\" in where or ".." in where.split("/") or "" in where.split("/")):
        check.add(f"{path}/path", *spec_text("shape.evidence-path-must-be-relative-inside"))
    return where


# Optional parts of a subject (issue 12): what the accounting left out and how solid it is, and the
# agency's verification statement. Older credentials have none of them.
SUBJECT_OPTIONAL = ("exclusions", "indicators", "verification")
INTENSITY = ("perParticipant", "perVisit", "perSquareMetre")
ASSURANCE = ("reasonable", "limited")


def _exclusion(check: _Checker, value: Any, path: str) -> None:
    item = check.obj(value, path, ("category", "reason"))
    if item is not None:
        check.text(item.get("category"), f"{path}/category", IDENTIFIER)
        check.names(item.get("reason"), f"{path}/reason")


def _disclosures(check: _Checker, subject: dict, path: str) -> None:
    if "exclusions" in subject:
        check.array(subject["exclusions"], f"{path}/exclusions", lambda v, p: _exclusion(check, v, p))
    if "indicators" in subject:
        indicators = check.obj(subject["indicators"], f"{path}/indicators", ("placeholderShare",),
                               ("estimatedShare", "intensity"))
        if indicators is not None:
            check.decimal(indicators.get("placeholderShare"), f"{path}/indicators/placeholderShare")
            if "estimatedShare" in indicators:
                check.decimal(indicators["estimatedShare"], f"{path}/indicators/estimatedShare")
            if "intensity" in indicators:
                intensity = check.obj(indicators["intensity"], f"{path}/indicators/intensity", (), INTENSITY)
                for name in INTENSITY:
                    if intensity is not None and name in intensity:
                        check.decimal(intensity[name], f"{path}/indicators/intensity/{name}")
    if "verification" in subject:
        where = f"{path}/verification"
        statement = check.obj(subject["verification"], where, ("assuranceLevel", "materiality", "opinion"),
                              ("siteVisit", "qualifications"))
        if statement is not None:
            if statement.get("assuranceLevel") not in ASSURANCE:
                check.add(f"{where}/assuranceLevel", *spec_text("shape.assurance-level-must-be-reasonable-or"))
            check.decimal(statement.get("materiality"), f"{where}/materiality")
            check.names(statement.get("opinion"), f"{where}/opinion")
            if "siteVisit" in statement:
                check.date(statement["siteVisit"], f"{where}/siteVisit")
            if "qualifications" in statement:
                check.array(statement["qualifications"], f"{where}/qualifications", lambda v, p: check.names(v, p))


def _subject(check: _Checker, value: Any, kind: str, number: str | None) -> None:
    path = "/credentialSubject"
    field = NUMBER_FIELD[kind]
    required = ("id", field, "event", "scope", "emissions", "offsets", "evidence")
    subject = check.obj(value, path, required + (("agency",) if kind == "certificate" else ()), SUBJECT_OPTIONAL)
    if subject is None:
        return
    _disclosures(check, subject, path)
    if subject.get(field) != number:
        check.add(f"{path}/{field}", *spec_text("shape.number-does-not-match-the-credential"))
    event_id = _event(check, subject.get("event"), f"{path}/event")
    if event_id and subject.get("id") != f"urn:carbonreg:event:{event_id}":
        check.add(f"{path}/id", *spec_text("shape.subject-id-must-be-urn-carbonreg"))
    if subject.get("scope") not in SCOPES:
        check.add(f"{path}/scope", *spec_text("shape.scope-must-be-basic-or-full"))
    _figures(check, subject, path)
    if kind == "certificate":
        agency = check.obj(subject.get("agency"), f"{path}/agency", ("id", "name"))
        if agency is not None:
            check.text(agency.get("id"), f"{path}/agency/id", IDENTIFIER)
            check.names(agency.get("name"), f"{path}/agency/name")
    paths = check.array(subject.get("evidence"), f"{path}/evidence", lambda v, p: _evidence(check, v, p))
    if len(set(paths)) != len(paths):
        check.add(f"{path}/evidence", *spec_text("shape.an-evidence-path-is-listed-twice"))


def _kind_and_number(check: _Checker, doc: dict) -> tuple[str | None, str | None]:
    kind = next((k for k, types in TYPES.items() if doc.get("type") == types), None)
    if kind is None:
        check.add("/type", *spec_text("shape.type-must-be-that-of-a"))
        return None, None
    prefix = f"urn:carbonreg:{kind}:"
    credential_id = doc.get("id")
    if not isinstance(credential_id, str) or not credential_id.startswith(prefix):
        check.add("/id", *spec_text("shape.id-must-start-with", prefix=prefix))
        return kind, None
    number = credential_id[len(prefix):]
    if not DOCUMENT_NUMBER.fullmatch(number):
        check.add("/id", *spec_text("shape.number-has-the-wrong-format", number=repr(number)))
    return kind, number


def credential_kind(doc: Any) -> str | None:
    """``certificate`` or ``declaration`` from the credential's ``type``; None otherwise."""
    types = doc.get("type") if isinstance(doc, dict) else None
    return next((k for k, expected in TYPES.items() if types == expected), None)


def check_shape(doc: Any) -> list[Problem]:
    """Every problem with the shape of a credential (signed or not); empty when it is right."""
    check = _Checker()
    top = check.obj(doc, "", ("@context", "id", "type", "issuer", "validFrom", "credentialSubject"), ("proof",))
    if top is None:
        return check.problems
    _walk_nfc({k: v for k, v in top.items() if k != "proof"}, "", check)
    if top.get("@context") != CONTEXTS:
        check.add("/@context", *spec_text("shape.context-must-be-exactly-the-two"))
    kind, number = _kind_and_number(check, top)
    issuer = check.obj(top.get("issuer"), "/issuer", ("id", "name"))
    if issuer is not None:
        did = issuer.get("id")
        try:
            if not isinstance(did, str) or not did.startswith(DID_KEY_PREFIX):
                raise SigningError(*spec_text("shape.issuer-id-must-be-a-did-key"))
            decode_public_key(did[len(DID_KEY_PREFIX):])
        except SigningError as error:
            check.add("/issuer/id", error.zh, error.en)
        check.names(issuer.get("name"), "/issuer/name")
    check.timestamp(top.get("validFrom"), "/validFrom")
    if kind is not None:
        _subject(check, top.get("credentialSubject"), kind, number)
    if "proof" in top and not isinstance(top["proof"], dict):
        check.add("/proof", *spec_text("shape.proof-must-be-a-single-json"))
    return check.problems
