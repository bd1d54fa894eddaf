"""The two rule lists (issue 18, change 1): an event rule sees one event, a registry rule sees the
registry-wide records and every event's facts. The rules that look at both (secrets, special
files, personal data and look-alike names in records) must find a problem on either side, in the
whole-registry check and in the event-by-event one alike."""
from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from gentestkit import MARATHON, SHOWN, TODAY, copy_sample, edit, line_of, shown

from generator.pipeline import check, check_whole
from generator.rules import EVENT_RULES, REGISTRY_RULES

AGENCY = "agencies/hupu-carbon-services.yaml"
OFFER = "offers/ccer-2026-chongming-wind.yaml"


def _pem() -> str:
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A copy of the sample with one problem of each mixed rule inside an event folder and one outside."""
    root = copy_sample(tmp_path_factory.mktemp("lists"))
    (root / "notes").mkdir()
    (root / "notes/deploy.pem").write_text(_pem())                                   # R901 outside events
    (root / MARATHON / "attachments/leftover.pem").write_text(_pem())                 # R901 in an event
    os.mkfifo(root / "pipe")                                                          # L303 outside events
    os.mkfifo(root / MARATHON / "attachments/pipe")                                   # L303 in an event
    edit(root / AGENCY, "  en: Hupu Carbon Management Services Co., Ltd. (sample)",
         "  en: Hupu Carbon Management Services Co., Ltd. (sample) Shаnghai")         # T101 (Cyrillic а), agency
    edit(root / OFFER, "    en: Chongming Offshore Wind Development Co., Ltd. (sample)",
         "    en: Chongming Offshore Wind Development Co., Ltd. (sample) call 13912345678")  # P101, offer
    whole, by_event = check_whole(root, TODAY, SHOWN), check(root, TODAY, SHOWN)
    return root, whole, by_event


@pytest.mark.parametrize("which", ["whole", "by_event"])
@pytest.mark.parametrize("code,rel,needle", [
    ("R901", "notes/deploy.pem", None),
    ("R901", f"{MARATHON}/attachments/leftover.pem", None),
    ("L303", "pipe", None),
    ("L303", f"{MARATHON}/attachments/pipe", None),
    ("T101", AGENCY, "Shаnghai"),
    ("P101", OFFER, "13912345678"),
])
def test_mixed_rules_find_problems_on_both_sides(planted, which, code, rel, needle):
    root, whole, by_event = planted
    result = whole if which == "whole" else by_event
    at = {(f.location.path, f.location.line) for f in result.findings if f.code == code}
    paths = {path for path, _ in at}
    assert shown(rel) in paths, (code, rel, sorted(at))
    if needle is not None:
        assert (shown(rel), line_of(root / rel, needle)) in at


def test_both_checks_give_the_same_findings(planted):
    _, whole, by_event = planted
    assert whole.findings == by_event.findings


def test_each_rule_is_listed_once_per_list():
    assert len(set(EVENT_RULES)) == len(EVENT_RULES)
    assert len(set(REGISTRY_RULES)) == len(REGISTRY_RULES)
