"""Issue 12, "Done when": the sample forum's certificate (CN-2026-0002, issued with ``carbonreg certify``
and the demo agency key) carries the exclusions, the intensity, the shares resting on placeholder
factors and on estimated activity data, and the agency's verification statement; it verifies as a
credential filed in a registry checkout (the site's bundle) and both shape checkers accept it.
Values restated by hand from the forum's YAML (tests/generator/accounting/test_accounting_indicators.py
shows each line)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from samplekit import SAMPLE

from signing.credential_shape import check_shape

FORUM = SAMPLE / "events/2026/2026-pujiang-low-carbon-forum"


def _credential() -> dict:
    return json.loads((FORUM / "certificate.json").read_text(encoding="utf-8"))


def test_the_subject_carries_exclusions_indicators_and_the_statement():
    credential = _credential()
    s = credential["credentialSubject"]
    assert (s["certificateNumber"], s["scope"], s["agency"]["id"]) == ("CN-2026-0002", "basic", "hupu-carbon-services")
    # basic: electricity 15.12 + green power 0 + heat 7.2 + kitchen gas 5.4 = 27.72; extended 285.2047
    assert s["emissions"] == {"basic": "27.72", "extended": "285.2047", "total": "312.9247"}
    assert (s["offsets"]["needed"], s["offsets"]["retired"]) == ("28", "28")  # ceil(27.72); one SHVER block of 28
    assert [x["category"] for x in s["exclusions"]] == ["event_vehicles"]
    assert s["exclusions"][0]["reason"]["en"].startswith("The forum ran no event vehicles")
    # placeholder 290.6047 / 312.9247 -> 0.9287; estimated (the paper line) 1.32 / 312.9247 -> 0.0042;
    # 312.9247 t / 1,200 on-site participants -> 0.260771
    assert s["indicators"] == {"placeholderShare": "0.9287", "estimatedShare": "0.0042",
                               "intensity": {"perParticipant": "0.260771"}}
    v = s["verification"]
    assert (v["assuranceLevel"], v["materiality"], v["siteVisit"]) == ("limited", "5", "2026-04-22")
    assert "27.72" in v["opinion"]["en"] and "27.72" in v["opinion"]["zh"]
    assert len(v["qualifications"]) == 2 and all(q["zh"] and q["en"] for q in v["qualifications"])
    assert check_shape(credential) == []


def test_it_verifies_as_the_site_ships_it():
    """The verifier builds the bundle from the checkout's trust/ (log, checkpoint, status list signed
    2026-12-02 for 31 days) and gives VALID at a pinned time."""
    env = dict(os.environ)  # CARBONREG_CACHE passes through: the session's temporary cache
    proc = subprocess.run([sys.executable, "-m", "signing.cli", str(FORUM / "certificate.json"), "--at", "2026-12-20T00:00:00Z"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "VALID" in proc.stdout and "CN-2026-0002" in proc.stdout
