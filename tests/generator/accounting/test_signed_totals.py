"""accounting/signed_totals.py: the one comparison of a signed subject's totals with the registry's
account, used by the check (C103) and by ``carbonreg verify --registry``. The marathon's declaration
(full scope) states basic 39.1172, extended 692.9, total 732.0172 tCO2e, 733 needed and 740 retired;
those are restated here from the signed file, not from the code."""
from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest
from gentestkit import MARATHON, SAMPLE, run

from generator.accounting.signed_totals import differing_totals


@pytest.fixture(scope="module")
def marathon():
    subject = json.loads((SAMPLE / MARATHON / "declaration.json").read_text())["credentialSubject"]
    return subject, run(SAMPLE).accounts[MARATHON]


def test_the_signed_declaration_matches(marathon):
    subject, account = marathon
    assert subject["emissions"] == {"basic": "39.1172", "extended": "692.9", "total": "732.0172"}
    assert (subject["offsets"]["needed"], subject["offsets"]["retired"]) == ("733", "740")
    assert differing_totals(subject, account) == []


def test_equal_as_numbers_is_equal(marathon):
    subject, account = marathon
    changed = copy.deepcopy(subject)
    changed["emissions"]["extended"] = "692.9000"
    changed["offsets"]["retired"] = "7.40E+2"
    assert differing_totals(changed, account) == []


@pytest.mark.parametrize("section,key,value", [
    ("emissions", "basic", "39.1173"), ("emissions", "extended", "692.8"), ("emissions", "total", "732"),
    ("offsets", "retired", "739"), ("offsets", "needed", "732"), ("offsets", "needed", "not a number"),
])
def test_each_signed_total_is_compared(marathon, section, key, value):
    subject, account = marathon
    changed = copy.deepcopy(subject)
    changed[section][key] = value
    [(name, signed, computed)] = differing_totals(changed, account)
    assert (name, signed) == (f"{section}.{key}", value)
    assert Decimal(computed) == Decimal({"emissions.basic": "39.1172", "emissions.extended": "692.9", "emissions.total": "732.0172",
                             "offsets.retired": "740", "offsets.needed": "733"}[name])


def test_needed_is_compared_for_the_signed_scope_only(marathon):
    subject, account = marathon
    changed = copy.deepcopy(subject)
    changed["scope"] = "basic"  # the basic scope needs ceil(39.1172) = 40
    assert [(n, s, str(c)) for n, s, c in differing_totals(changed, account)] == [("offsets.needed", "733", "40")]
    changed["scope"] = "none"
    changed["offsets"]["needed"] = "1"
    assert differing_totals(changed, account) == []
