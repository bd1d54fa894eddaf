"""The offer schema: the sample offers are valid; a bad offer is refused at the right file and line."""
from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from offerstestkit import CCER, CEA, SAMPLE, SHEA, SHVER, codes, edit, line_of, run

from generator.validation.schemas import BASE_URI, KINDS, SCHEMA_DIR


def test_schema_is_2020_12_with_id_and_registered_kind():
    schema = json.loads((SCHEMA_DIR / "offer.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == BASE_URI + "offer.schema.json"
    assert schema["additionalProperties"] is False
    assert KINDS["offer"] == "offer.schema.json"
    assert " / " in schema["title"] and "/ " in schema["description"]


@pytest.mark.parametrize("rel", [CCER, SHEA, SHVER, CEA])
def test_sample_offers_load_and_pass(rel):
    assert (SAMPLE / rel).is_file()
    result = run(SAMPLE)
    assert result.errors == 0
    assert any(o.doc.path == f"registry/{rel}" for o in result.registry.offers)
    assert not [f for f in result.findings if f.location.path.endswith(rel)]


def test_sample_registry_has_all_offer_terms():
    offers = run(SAMPLE).registry.offers
    assert {o.kind for o in offers} >= {"ccer", "shea", "shanghai_ver"}
    assert {o.method for o in offers} == {"purchase", "donation"}


def _schema_error_at(root, rel, needle):
    result = run(root)
    found = [f for f in result.findings if f.location.path == f"registry/{rel}"]
    assert found, codes(result)
    assert all(f.code.startswith("S2") for f in found), [(f.code, f.en) for f in found]
    assert line_of(root / rel, needle) in {f.location.line for f in found}, [(str(f.location), f.en) for f in found]
    return found


def test_purchase_needs_a_price(reg):
    edit(reg / CCER, '  price_per_tonne_cny: "86.50"\n', "")
    _schema_error_at(reg, CCER, "method: purchase")


def test_donation_has_no_price(reg):
    edit(reg / SHVER, "  method: donation\n", '  method: donation\n  price_per_tonne_cny: "10"\n')
    _schema_error_at(reg, SHVER, "price_per_tonne_cny")


def test_credits_need_a_project(reg):
    text = (reg / CCER).read_text(encoding="utf-8")
    start, end = text.index("project:\n"), text.index("vintage:")
    (reg / CCER).write_text(text[:start] + text[end:], encoding="utf-8")
    _schema_error_at(reg, CCER, "id: ccer-2026-chongming-wind")


def test_quantity_is_whole_tonnes(reg):
    edit(reg / SHEA, "quantity_available: 800", 'quantity_available: "800.5"')
    _schema_error_at(reg, SHEA, "quantity_available")


def test_unknown_field_refused(reg):
    edit(reg / CEA, "vintage: 2024", "vintage: 2024\ncontact_person: Zhang San")
    _schema_error_at(reg, CEA, "contact_person")


def test_personal_email_refused(reg):
    edit(reg / CCER, "email: carbon-sales@chongming-wind.example.org", "email: zhangsan1988@qq.com")
    result = run(reg)
    [f] = [f for f in result.findings if f.code == "P103"]
    assert (f.location.path, f.location.line) == (f"registry/{CCER}", line_of(reg / CCER, "zhangsan1988@qq.com"))


def test_personal_mobile_refused(reg):
    edit(reg / CCER, 'phone: "021-5966 0000"', 'phone: "138 0013 8000"')
    result = run(reg)
    [f] = [f for f in result.findings if f.code == "P101"]
    assert (f.location.path, f.location.line) == (f"registry/{CCER}", line_of(reg / CCER, "138 0013 8000"))


def test_business_contact_accepted():
    result = run(SAMPLE)
    assert not [f for f in result.findings if f.code.startswith("P1")]
