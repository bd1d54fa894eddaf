"""The CI templates for a registry repository: schema-valid workflows with least privilege, the
pre-commit hooks and the pull-request template. They cannot run here, so they are read."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"


def load(path: Path):
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def workflow(name: str) -> dict:
    return load(WORKFLOWS / name)


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def run_text(job: dict) -> str:
    return "\n".join(s.get("run", "") for s in steps(job))


@pytest.mark.parametrize("name", ["check.yml", "comment.yml", "publish.yml", "status.yml"])
def test_valid_against_the_github_workflow_schema(name):
    """schemastore's github-workflow schema, vendored by check-jsonschema (no network needed)."""
    pytest.importorskip("check_jsonschema")
    from jsonschema import Draft7Validator

    schema = json.loads(resources.files("check_jsonschema.builtin_schemas.vendor")
                        .joinpath("github-workflows.json").read_text(encoding="utf-8"))
    errors = sorted(Draft7Validator(schema).iter_errors(workflow(name)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


@pytest.mark.parametrize("name", ["check.yml", "comment.yml", "publish.yml", "status.yml"])
def test_structure_and_least_privilege(name):
    wf = workflow(name)
    assert "on" in wf and wf["jobs"]
    assert wf["permissions"] == {}, "start from no permissions; grant per job"
    for job_id, job in wf["jobs"].items():
        assert "permissions" in job, job_id
        if "uses" not in job:
            assert job.get("runs-on") and steps(job), job_id
            assert all("uses" in s or "run" in s for s in steps(job))


def test_pull_request_check_is_read_only_and_checks_against_the_base():
    wf = workflow("check.yml")
    assert "pull_request" in wf["on"] and "pull_request_target" not in wf["on"]
    [job] = wf["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    checkout = next(s for s in steps(job) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False
    text = run_text(job)
    assert '--base "origin/$BASE_REF" --format github' in text
    assert '--format markdown > review/comment.md' in text and '>> "$GITHUB_STEP_SUMMARY"' in text
    assert "github.base_ref" in json.dumps(job)
    assert "${{" not in text, "expressions go through env, never into the script text"
    assert "secrets." not in json.dumps(wf)


def test_pages_permissions_only_where_deploying():
    wf = workflow("publish.yml")
    assert wf["on"]["push"]["branches"] == ["main"] and "workflow_call" in wf["on"]
    assert wf["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert "carbonreg build" in run_text(wf["jobs"]["build"])
    assert wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert steps(wf["jobs"]["deploy"])[0]["uses"].startswith("actions/deploy-pages@")


def test_status_list_is_resigned_on_a_schedule_with_the_key_from_a_secret():
    wf = workflow("status.yml")
    assert wf["on"]["schedule"][0]["cron"]
    sign = wf["jobs"]["sign"]
    assert sign["permissions"] == {"contents": "write"}
    text = run_text(sign)
    assert 'carbonreg status sign --registry "$REGISTRY" --key "$key"' in text
    assert "git push" in text and "umask 077" in text and "rm -f" in text
    env = next(s for s in steps(sign) if "status sign" in s.get("run", ""))["env"]
    assert env == {"CARBONREG_STATUS_KEY": "${{ secrets.CARBONREG_STATUS_KEY }}",
                   "CARBONREG_PASSPHRASE": "${{ secrets.CARBONREG_PASSPHRASE }}"}
    assert wf["jobs"]["publish"]["uses"] == "./.github/workflows/publish.yml"


def test_secrets_are_documented():
    doc = (ROOT / "docs" / "ci-for-registries.md").read_text(encoding="utf-8")
    for name in ("CARBONREG_STATUS_KEY", "CARBONREG_PASSPHRASE", "check.yml", "publish.yml", "status.yml"):
        assert name in doc


def test_pre_commit_hooks():
    hooks = load(ROOT / ".pre-commit-hooks.yaml")
    by_id = {h["id"]: h for h in hooks}
    hook = by_id["carbonreg-check"]
    assert hook["entry"] == "carbonreg check registry" and hook["language"] == "python"
    assert hook["files"] == "^registry/" and hook["pass_filenames"] is False
    assert all({"id", "name", "entry", "language"} <= set(h) for h in hooks)


def test_pull_request_template_has_the_checklist_in_both_languages():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ]")]
    assert len(boxes) >= 10
    assert all(any("\u4e00" <= c <= "\u9fff" for c in b) and " / " in b for b in boxes)
    assert "carbonreg check registry --base main" in text


def test_the_comment_job_is_separate_privileged_and_runs_no_pull_request_code():
    wf = workflow("comment.yml")
    assert list(wf["on"]) == ["workflow_run"] and wf["on"]["workflow_run"]["workflows"] == ["check"]
    [job] = wf["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    uses = [s.get("uses", "") for s in steps(job)]
    assert not any(u.startswith("actions/checkout") for u in uses)          # never the pull request's code
    assert any(u.startswith("actions/download-artifact") for u in uses)
    assert "carbonreg comment" in run_text(job)
    check = workflow("check.yml")
    [check_job] = check["jobs"].values()
    assert "secrets." not in json.dumps(check)   # the parsed workflow: comments aside
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps(check_job))
