"""The filing page's schema checks (site/theme/assets/filing/schema.js) give jsonschema's verdict: on
every record of the sample and of seeded demo events, and on seeded mutations of them (a field
removed, emptied, given a wrong value or a wrong type), a record is valid in the page exactly when it
is valid for `carbonreg check`'s validator; every problem the page reports has a sentence in both
languages and a path inside the record."""
from __future__ import annotations

import copy
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from sitetestkit import copy_registry

from generator.filing.pagedata import RECORD_KINDS, page_data, plain
from generator.loading.registry import load_registry
from generator.validation.schemas import python_validator

HERE = Path(__file__).resolve().parent
HARNESS = HERE / "filing_validation.mjs"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def _records(root: Path) -> list[tuple[str, dict]]:
    reg, _ = load_registry(root, "registry")
    out = []
    for e in reg.events:
        if e.plan:
            out.append(("plan", plain(e.plan.doc.data)))
        if e.report:
            out.append(("report", plain(e.report.doc.data)))
        out += [("retirement", plain(r.doc.data)) for r in e.retirements]
        if e.declaration:
            out.append(("declaration", plain(e.declaration.doc.data)))
    return out, reg


def _leaves(data, path=()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield path + (k,), v
            yield from _leaves(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield path + (i,), v
            yield from _leaves(v, path + (i,))


def _mutate(data: dict, path: tuple, how: str) -> dict:
    out = copy.deepcopy(data)
    node = out
    for step in path[:-1]:
        node = node[step]
    last = path[-1]
    if how == "remove":
        if isinstance(node, list):
            node.pop(last)
        else:
            del node[last]
    else:
        node[last] = {"empty": "", "bogus": "ZZ bogus, 值", "number": 12, "negative": -3, "list": [], "object": {}}[how]
    return out


def _cases(records, count: int, seed: int) -> list[tuple[str, dict]]:
    rng = random.Random(seed)
    cases = list(records)
    while len(cases) < count + len(records):
        kind, data = rng.choice(records)
        path, _ = rng.choice(list(_leaves(data)))
        cases.append((kind, _mutate(data, path, rng.choice(["remove", "empty", "bogus", "number", "negative", "list", "object"]))))
    return cases


def _compare(records, reg, count: int, seed: int) -> int:
    cases = _cases(records, count, seed)
    payload = {"schemas": page_data(reg)["schemas"], "cases": [{"kind": k, "data": d} for k, d in cases]}
    done = subprocess.run([NODE, str(HARNESS)], input=json.dumps(payload), capture_output=True, text=True, timeout=600, check=True)
    theirs = json.loads(done.stdout)
    mismatched = []
    for (kind, data), problems in zip(cases, theirs):
        ours = python_validator(kind).is_valid(data)
        if ours != (problems == []):
            mismatched.append((kind, ours, problems[:2], json.dumps(data, ensure_ascii=False)[:300]))
        for p in problems:
            assert p["zh"] and p["en"] and p["zh"] != p["en"] or p["zh"].startswith("应为 "), p
    assert not mismatched, mismatched[:5]
    return len(cases)


def test_the_sample_records_and_their_mutations(tmp_path):
    records, reg = _records(copy_registry(tmp_path / "registry"))
    assert {k for k, _ in records} == set(RECORD_KINDS)
    assert _compare(records, reg, 1500, 7) > 1500


def test_demo_records_and_their_mutations(tmp_path):
    from generator.demo.generate import generate

    generate(tmp_path / "registry", 40, 11)
    records, reg = _records(tmp_path / "registry")
    assert _compare(records, reg, 1500, 8) > 1500


def test_the_harness_can_fail(tmp_path):
    """A record the page must refuse (an unknown field) is refused by both; a planted disagreement
    (the page's schema for plan loosened) is seen."""
    records, reg = _records(copy_registry(tmp_path / "registry"))
    plan = next(d for k, d in records if k == "plan")
    schemas = page_data(reg)["schemas"]
    schemas["plan"] = {**schemas["plan"], "required": []}
    broken = {k: v for k, v in plan.items() if k != "id"}
    done = subprocess.run([NODE, str(HARNESS)], capture_output=True, text=True, timeout=120, check=True,
                          input=json.dumps({"schemas": schemas, "cases": [{"kind": "plan", "data": broken}]}))
    assert json.loads(done.stdout) == [[]]
    assert not python_validator("plan").is_valid(broken)
