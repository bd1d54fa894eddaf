"""The verifier conformance vectors (``tests/vectors/verify/<case>/``) run by the Python verifier:
exit code, outcome and the message ids of the failed and warning steps as ``case.json`` says.
The browser verifier runs the same folders (``tests/site/test_verify_vectors_browser.py``)."""

import json
from pathlib import Path

import pytest

from signing.timefmt import parse_timestamp
from signing.verify import verify_bundle
from signing.verify_steps import STEP_NAMES

VECTORS = Path(__file__).resolve().parents[1] / "vectors" / "verify"
CASES = sorted(p.name for p in VECTORS.iterdir() if (p / "case.json").is_file())


def python_result(name: str) -> dict:
    """Every step's (name, outcome, message id), the outcome and the exit code."""
    folder = VECTORS / name
    case = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    root = json.loads((folder / "root.json").read_text(encoding="utf-8"))
    verdict = verify_bundle((folder / "bundle.json").read_bytes(), root, at=parse_timestamp(case["at"]))
    order = list(STEP_NAMES)
    steps = sorted(verdict.steps, key=lambda s: order.index(s.name))
    return {"exitCode": verdict.exit_code, "outcome": verdict.outcome,
            "steps": [[s.name, s.outcome, s.message_id] for s in steps]}


def expected(name: str) -> dict:
    return json.loads((VECTORS / name / "case.json").read_text(encoding="utf-8"))


def summary(result: dict) -> dict:
    return {"exitCode": result["exitCode"], "outcome": result["outcome"],
            "failed": [i for _, o, i in result["steps"] if o == "failed"],
            "warnings": [i for _, o, i in result["steps"] if o == "warning"]}


def test_there_are_vectors_for_each_attack():
    assert {"backdated-with-old-authorizations", "issuer-binding", "forked-checkpoint", "never-logged",
            "older-root-than-the-status-list-names", "nested-too-deeply"} <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_python_verifier_gives_each_vectors_expected_result(name):
    case = expected(name)
    assert summary(python_result(name)) == {k: case[k] for k in ("exitCode", "outcome", "failed", "warnings")}
