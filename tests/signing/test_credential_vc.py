import copy
import json
import unicodedata
from decimal import Decimal

import pytest
from certfixtures import credential_fields
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, strategies as st

from signing.credential import CONTEXTS, build_credential, check_shape, credential_digest, decimal_text, sign_credential
from signing.eddsa_jcs_2022 import verify_proof
from signing.errors import CredentialError
from signing.issue import verification_method_of


@pytest.fixture
def key():
    return Ed25519PrivateKey.generate()


@pytest.fixture
def credential(key):
    return build_credential(**credential_fields("certificate", key))


def _paths(doc):
    return [p.path for p in check_shape(doc)]


def test_built_certificate_has_the_vc_shape(credential, key):
    assert credential["@context"] == CONTEXTS
    assert credential["id"] == "urn:carbonreg:certificate:CN-2026-0001"
    assert credential["type"] == ["VerifiableCredential", "CarbonNeutralityCertificate"]
    assert credential["issuer"]["id"].startswith("did:key:z6Mk")
    subject = credential["credentialSubject"]
    assert subject["id"] == "urn:carbonreg:event:2025-pujiang-city-marathon"
    assert subject["certificateNumber"] == "CN-2026-0001" and subject["agency"]["id"] == "agency-green"
    assert check_shape(credential) == []


def test_declaration_has_no_agency_and_its_own_number(key):
    declaration = build_credential(**credential_fields("declaration", key, "D-2026-0001"))
    assert declaration["type"][1] == "CarbonNeutralityDeclaration"
    assert declaration["credentialSubject"]["declarationId"] == "D-2026-0001"
    assert "agency" not in declaration["credentialSubject"]
    with_agency = copy.deepcopy(declaration)
    with_agency["credentialSubject"]["agency"] = {"id": "agency-green", "name": {"zh": "甲", "en": "A"}}
    assert "/credentialSubject/agency" in _paths(with_agency)


def test_signed_certificate_verifies_and_tampering_fails(credential, key):
    signed = sign_credential(credential, key, verification_method_of(key), "2026-03-01T00:00:00Z")
    assert verify_proof(signed).verified
    tampered = copy.deepcopy(signed)
    tampered["credentialSubject"]["offsets"]["retired"] = "7400"
    assert not verify_proof(tampered).verified
    assert len(credential_digest(signed)) == 64 and credential_digest(signed) != credential_digest(tampered)


def test_signing_refuses_another_issuer_or_a_mismatched_key(credential, key):
    other = Ed25519PrivateKey.generate()
    with pytest.raises(CredentialError, match="does not belong to the issuer"):
        sign_credential(credential, other, verification_method_of(other), "2026-03-01T00:00:00Z")
    with pytest.raises(CredentialError, match="does not match"):
        sign_credential(credential, other, verification_method_of(key), "2026-03-01T00:00:00Z")


def test_decimals_are_written_as_strings(key):
    fields = credential_fields("certificate", key)
    fields["emissions"] = {"basic": Decimal("612.40"), "extended": Decimal("120.3"), "total": Decimal("732.70")}
    fields["offsets"]["needed"] = 733
    built = build_credential(**fields)
    assert built["credentialSubject"]["emissions"] == {"basic": "612.4", "extended": "120.3", "total": "732.7"}
    assert built["credentialSubject"]["offsets"]["needed"] == "733"
    assert decimal_text(Decimal("1E+2")) == "100" and decimal_text(0.5) == 0.5


def test_json_numbers_for_quantities_refused(key):
    fields = credential_fields("certificate", key)
    fields["offsets"]["retirements"][0]["quantity"] = 700.0
    with pytest.raises(CredentialError, match="not a JSON number") as caught:
        build_credential(**fields)
    assert [p.path for p in caught.value.problems] == ["/credentialSubject/offsets/retirements/0/quantity"]


@pytest.mark.parametrize("value", ["01", "1.", ".5", "-1", "1e3", " 1", "1,000", "", "NaN"])
def test_malformed_decimal_strings_refused(credential, value):
    credential["credentialSubject"]["emissions"]["extended"] = value
    assert "/credentialSubject/emissions/extended" in _paths(credential)


@pytest.mark.parametrize("change, path", [
    (lambda c: c.update(validFrom="2026-03-01T00:00:00+08:00"), "/validFrom"),
    (lambda c: c.update(validFrom="2026-02-30T00:00:00Z"), "/validFrom"),
    (lambda c: c["credentialSubject"]["event"].update(start="2025/11/16"), "/credentialSubject/event/start"),
    (lambda c: c["credentialSubject"]["event"].update(end="2025-11-15"), "/credentialSubject/event/end"),
    (lambda c: c.update({"@context": CONTEXTS[:1]}), "/@context"),
    (lambda c: c.update(id="urn:carbonreg:certificate:CN 1"), "/id"),
    (lambda c: c.update(id="urn:carbonreg:declaration:CN-2026-0001"), "/id"),
    (lambda c: c.update(type=["VerifiableCredential"]), "/type"),
    (lambda c: c.update(extra="unsigned surprise"), "/extra"),
    (lambda c: c["issuer"].update(id="did:web:example.org"), "/issuer/id"),
    (lambda c: c["issuer"]["name"].pop("zh"), "/issuer/name/zh"),
    (lambda c: c["credentialSubject"].update(certificateNumber="CN-2026-0002"), "/credentialSubject/certificateNumber"),
    (lambda c: c["credentialSubject"].update(id="urn:carbonreg:event:other"), "/credentialSubject/id"),
    (lambda c: c["credentialSubject"].update(scope="partial"), "/credentialSubject/scope"),
    (lambda c: c["credentialSubject"]["emissions"].update(total="732.8"), "/credentialSubject/emissions/total"),
    (lambda c: c["credentialSubject"]["offsets"].update(needed="700"), "/credentialSubject/offsets/needed"),
    (lambda c: c["credentialSubject"]["offsets"].update(retired="741"), "/credentialSubject/offsets/retired"),
    (lambda c: c["credentialSubject"]["offsets"]["retirements"][0]["serials"][0].update(last="0"),
     "/credentialSubject/offsets/retirements/0/serials/0/last"),
    (lambda c: c["credentialSubject"]["offsets"]["retirements"][1].update(retiredOn="2026-01-15T00:00:00Z"),
     "/credentialSubject/offsets/retirements/1/retiredOn"),
    (lambda c: c["credentialSubject"]["evidence"][0].update(path="../../etc/passwd"), "/credentialSubject/evidence/0/path"),
    (lambda c: c["credentialSubject"]["evidence"][0].update(sha256="A" * 64), "/credentialSubject/evidence/0/sha256"),
    (lambda c: c["credentialSubject"]["evidence"].append(dict(c["credentialSubject"]["evidence"][0])), "/credentialSubject/evidence"),
    (lambda c: c["credentialSubject"].update(evidence=[]), "/credentialSubject/evidence"),
    (lambda c: c["credentialSubject"].pop("agency"), "/credentialSubject/agency"),
    (lambda c: c["credentialSubject"]["event"].update(name={"zh": unicodedata.normalize("NFD", "é"), "en": "x"}),
     "/credentialSubject/event/name/zh"),
    (lambda c: c["credentialSubject"]["event"].update(kind=5), "/credentialSubject/event/kind"),
    (lambda c: c.update(proof=[{}, {}]), "/proof"),
])
def test_each_shape_problem_is_reported_at_its_path(credential, change, path):
    change(credential)
    assert path in _paths(credential)


def test_problems_are_collected_not_stopped_at_the_first(credential):
    credential["validFrom"] = "yesterday"
    credential["credentialSubject"]["scope"] = "all"
    credential["credentialSubject"]["emissions"]["basic"] = 612
    assert {"/validFrom", "/credentialSubject/scope", "/credentialSubject/emissions/basic"} <= set(_paths(credential))


def test_problems_are_bilingual_and_not_a_crash_on_junk():
    for junk in (None, [], "x", {"type": "nope"}, json.loads('{"credentialSubject": []}')):
        problems = check_shape(junk)
        assert problems and all(p.zh and p.en for p in problems)


# --- the figures are compared without importing decimal when that is exact -------------------

decimal_texts = st.from_regex(r"(0|[1-9][0-9]{0,29})(\.[0-9]{1,12})?", fullmatch=True)


@given(st.lists(decimal_texts, min_size=4, max_size=8), st.booleans())
def test_amounts_add_and_compare_exactly(some, decimal_imported):
    """Whether _amounts gives integers (decimal never imported) or rationals, every sum and
    comparison the figure checks make equals the exact one (rationals restated by hand from the
    digits, not Decimal: its 28-digit context rounds long sums)."""
    from fractions import Fraction

    from signing import credential_shape

    texts = ["0"] + some
    original = credential_shape._decimal_loaded
    credential_shape._decimal_loaded = lambda: decimal_imported
    try:
        amounts = credential_shape._amounts(*texts)
    finally:
        credential_shape._decimal_loaded = original

    def exact(text):
        whole, _, fraction = text.partition(".")
        return Fraction(int(whole + fraction), 10 ** len(fraction))

    zero, a, b, c, *rest = amounts
    e_zero, e_a, e_b, e_c, *e_rest = [exact(text) for text in texts]
    assert (a + b != c) == (e_a + e_b != e_c)
    assert (a < b, b < c, a == c) == (e_a < e_b, e_b < e_c, e_a == e_c)
    assert (sum([a, b] + rest, zero) != c) == (sum([e_a, e_b] + e_rest, e_zero) != e_c)


def test_a_long_exact_total_is_basic_plus_extended(credential):
    """Totals with more than 28 digits (a gas metered at 20 °C) add up exactly; one digit off is caught."""
    emissions = credential["credentialSubject"]["emissions"]
    basic, extended = "612.4000000000000000000000000000123", "120.3000000000000000000000000000001"
    emissions.update(basic=basic, extended=extended, total="732.7000000000000000000000000000124")
    assert "/credentialSubject/emissions/total" not in _paths(credential)
    emissions.update(total="732.7000000000000000000000000000125")
    assert "/credentialSubject/emissions/total" in _paths(credential)


def test_figures_checked_alike_with_and_without_decimal_loaded(key):
    """check_shape in a fresh interpreter (decimal never imported) reports what it reports here."""
    import subprocess
    import sys

    cases = []
    for change in ({}, {"total": "732.8"}, {"basic": "612.40"}, {"basic": "0.0000000000001"}):
        credential = build_credential(**credential_fields("certificate", key))
        credential["credentialSubject"]["emissions"].update(change)
        cases.append(credential)
    for needed, retired in (("700", "741"), ("733.0", "740.00"), ("740", "740.000"), ("1" + "0" * 27, "740")):
        credential = build_credential(**credential_fields("certificate", key))
        credential["credentialSubject"]["offsets"].update(needed=needed, retired=retired)
        cases.append(credential)
    credential = build_credential(**credential_fields("certificate", key))
    credential["credentialSubject"]["emissions"].update(total="9" * 30)  # too long: Decimal, imported last
    cases.append(credential)
    here = [[str(p) for p in check_shape(c)] for c in cases]
    code = ("import json, sys\nfrom signing.credential_shape import check_shape\n"
            "cases = json.load(sys.stdin)\nfirst = [[str(p) for p in check_shape(c)] for c in cases[:-2]]\n"
            "assert 'decimal' not in sys.modules\n"  # the integer path; the last two take Decimal's
            "print(json.dumps(first + [[str(p) for p in check_shape(c)] for c in cases[-2:]]))\n")
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(cases), capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == here
    assert any(here) and not all(here)
