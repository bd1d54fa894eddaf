"""The CI template for a sharded build: schema-valid, least privilege, one matrix job per shard and a
merge job that uses the same date and timestamp as every shard. It cannot run here, so it is read."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from ruamel.yaml import YAML

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "publish-sharded.yml"


def _workflow() -> dict:
    return YAML(typ="safe", pure=True).load(WORKFLOW.read_text(encoding="utf-8"))


def _runs(job: dict) -> str:
    return "\n".join(s.get("run", "") for s in job["steps"])


def test_valid_against_the_github_workflow_schema():
    """schemastore's github-workflow schema, vendored by check-jsonschema (no network needed)."""
    pytest.importorskip("check_jsonschema")
    from jsonschema import Draft7Validator

    schema = json.loads(resources.files("check_jsonschema.builtin_schemas.vendor")
                        .joinpath("github-workflows.json").read_text(encoding="utf-8"))
    errors = sorted(Draft7Validator(schema).iter_errors(_workflow()), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_shards_in_a_matrix_then_one_merge_with_the_same_date():
    wf = _workflow()
    assert wf["permissions"] == {}
    jobs = wf["jobs"]
    assert all("permissions" in job for job in jobs.values())
    shard, merge = jobs["shard"], jobs["merge"]
    matrix = shard["strategy"]["matrix"]["shard"]
    assert matrix == list(range(1, len(matrix) + 1)) and len(matrix) > 1
    assert "--shard" in _runs(shard) and "strategy.job-total" in json.dumps(shard)
    assert "--merge parts/part-*" in _runs(merge) and set(merge["needs"]) == {"plan", "shard"}
    for job in (shard, merge):
        env = next(s["env"] for s in job["steps"] if "carbonreg build" in s.get("run", ""))
        assert env["SOURCE_DATE_EPOCH"] == "${{ needs.plan.outputs.epoch }}"
        assert env["TODAY"] == "${{ needs.plan.outputs.today }}" and '--today "$TODAY"' in _runs(job)
    assert jobs["deploy"]["needs"] == "merge"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert {"push", "pull_request", "pull_request_target"}.isdisjoint(wf["on"])  # run on demand or called
