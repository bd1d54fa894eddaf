"""``carbonreg init``: a new registry repository that checks at once, and the agency onboarding path
walked end to end with only the commands the program prints as next steps (issue 15)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from samplekit import SAMPLE

from generator.scaffold.init import PROFILES, installed_version, profile_ids

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
EXPO = "events/2025/2025-yrd-green-building-expo"


def env(tmp_path: Path) -> dict:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
            "CARBONREG_PASSPHRASE": "onboarding-test-passphrase", "CARBONREG_CACHE": str(tmp_path / "cache"),
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", "HOME": str(tmp_path)}


def sh(command: str, cwd: Path, tmp_path: Path, ok: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(["bash", "-c", command], cwd=cwd, env=env(tmp_path), capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)
    if ok:
        assert proc.returncode == 0, f"$ {command}\n{proc.stdout}\n{proc.stderr}"
    return proc


def printed(out: str) -> list[str]:
    """The commands a step printed after its "next" line (indented lines that start with a command)."""
    after = out[out.index("下一步"):]
    return [line.strip() for line in after.splitlines()
            if re.match(r"\s+(carbonreg|verify|git|mkdir|cd) ", line) and "…" not in line.split("--")[0]]


def one(commands: list[str], start: str) -> str:
    [found] = [c for c in commands if c.startswith(start)]
    return found


def test_init_gives_a_registry_that_checks_at_once(tmp_path):
    proc = sh("carbonreg init new-registry --jurisdiction shanghai", tmp_path, tmp_path)
    repo = tmp_path / "new-registry"
    assert (repo / ".git").is_dir()
    assert one(printed(proc.stdout), "carbonreg check") == "carbonreg check registry"
    check = sh("carbonreg check registry", repo, tmp_path)
    assert "0 errors, 0 warnings" in check.stdout
    for folder in ("events", "agencies", "revocations", "trust"):
        assert (repo / "registry" / folder).is_dir()
    for kind in ("rules", "factors"):   # the profile's data, byte for byte
        assert sorted(p.name for p in (repo / "registry" / kind).iterdir()) == \
            sorted(p.name for p in (PROFILES / "shanghai" / kind).iterdir())
    # the modelines point at the schemas copied beside the registry
    first = (repo / "registry" / "registry.yaml").read_text(encoding="utf-8").splitlines()[0]
    ref = first.split("$schema=")[1]
    assert (repo / "registry" / ref).resolve().is_file()
    for name in ("README.md", "CONTRIBUTING.md"):
        text = (repo / name).read_text(encoding="utf-8")
        assert "举办单位" in text and "Organizers" in text or "organizer" in text
        assert "技术服务机构" in text and "gencies" in text
    pins = {f"@v{installed_version()}\"" in (repo / ".github/workflows" / n).read_text(encoding="utf-8")
            for n in ("check.yml", "publish.yml", "status.yml")}
    assert pins == {True}
    assert f"rev: v{installed_version()}" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["check.yml", "comment.yml", "publish.yml", "status.yml"])
def test_the_new_repository_workflows_validate_against_the_github_schema(tmp_path, name):
    sh("carbonreg init r --jurisdiction shanghai --no-git", tmp_path, tmp_path)
    path = tmp_path / "r" / ".github" / "workflows" / name
    if not path.exists():
        pytest.skip(f"{name} is not among the templates yet")
    from jsonschema import Draft7Validator

    schema = json.loads(resources.files("check_jsonschema.builtin_schemas.vendor")
                        .joinpath("github-workflows.json").read_text(encoding="utf-8"))
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in Draft7Validator(schema).iter_errors(data)]
    assert not errors


def test_init_refuses_a_folder_with_files_and_an_unknown_profile(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me\n", encoding="utf-8")
    proc = sh("carbonreg init mine --jurisdiction shanghai", tmp_path, tmp_path, ok=False)
    assert proc.returncode == 1 and "不是空文件夹" in proc.stderr and "not empty" in proc.stderr
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]
    proc = sh("carbonreg init other --jurisdiction atlantis", tmp_path, tmp_path, ok=False)
    assert proc.returncode == 1 and "atlantis" in proc.stderr and "shanghai" in proc.stderr
    assert not (tmp_path / "other").exists()


@pytest.mark.parametrize("profile", profile_ids())
def test_every_profile_starts_a_registry_that_checks(tmp_path, profile):
    sh(f"carbonreg init r --jurisdiction {profile} --no-git", tmp_path, tmp_path)
    assert "0 errors" in sh("carbonreg check registry", tmp_path / "r", tmp_path).stdout


def test_the_sample_uses_the_shanghai_profile_data_unchanged():
    for path in sorted((PROFILES / "national" / "factors").glob("*.yaml")):   # the national grid factor sets too
        assert (SAMPLE / "factors" / path.name).read_bytes() == path.read_bytes(), \
            f"registry/factors/{path.name} and profiles/national/factors/{path.name} differ: change both"
    for kind in ("rules", "factors"):
        for path in sorted((PROFILES / "shanghai" / kind).glob("*.yaml")):
            assert (SAMPLE / kind / path.name).read_bytes() == path.read_bytes(), \
                f"registry/{kind}/{path.name} and profiles/shanghai/{kind}/{path.name} differ: change both"
        for path in sorted((SAMPLE / kind).glob("*.yaml")):   # and every Shanghai version of the sample is in it
            if "\njurisdiction: shanghai\n" in path.read_text(encoding="utf-8"):
                assert (PROFILES / "shanghai" / kind / path.name).is_file(), \
                    f"registry/{kind}/{path.name} is a Shanghai version missing from profiles/shanghai/{kind}/"


def test_an_agency_joins_certifies_and_its_bundle_verifies(tmp_path):
    """new agency -> authorize -> certify -> publish -> build -> verify exit 0, running what each step printed
    (placeholders such as <event-id> filled in, as a user would)."""
    out = sh("carbonreg init reg --jurisdiction shanghai", tmp_path, tmp_path).stdout
    repo = tmp_path / "reg"
    steps = printed(out)
    assert one(steps, "cd ") == "cd reg"
    sh(one(steps, "mkdir -p ../platform-keys"), repo, tmp_path)
    trust = sh(one(steps, "carbonreg trust init"), repo, tmp_path).stdout
    sh(one(printed(trust), "carbonreg status sign"), repo, tmp_path)
    sh(one(steps, "git add -A"), repo, tmp_path)

    # the agency: its record, then its key
    until = (date.today() + timedelta(days=3 * 365)).isoformat()
    agency = sh("carbonreg new agency --id my-agency --name-zh 示例机构 --name-en 'Sample Agency' "
                f"--accredited-from 2025-01-01 --accredited-until {until} --no-input", repo, tmp_path).stdout
    agency_steps = printed(agency)
    keygen = sh(one(agency_steps, "carbonreg keys generate"), repo, tmp_path).stdout
    public = re.search(r"z6Mk\w+", keygen).group(0)
    sh(one(agency_steps, "carbonreg check"), repo, tmp_path)
    sh("git add -A && git commit -qm 'Agency my-agency'", repo, tmp_path)

    # an event the agency verified (a copy of the sample's, its report prepared by this agency)
    shutil.copytree(SAMPLE / EXPO, repo / "registry" / EXPO)
    (repo / "registry" / EXPO / "certificate.json").unlink()
    report = repo / "registry" / EXPO / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("hupu-carbon-services", "my-agency"), encoding="utf-8")

    # the operator authorizes the key the agency sent
    authorize = one(agency_steps, "carbonreg trust authorize").replace("z6Mk…", public) \
        .replace("authorizations.pem", "../platform-keys/authorizations.pem")
    certify = one(printed(sh(authorize, repo, tmp_path).stdout), "carbonreg certify")
    certify = certify.replace("<year>/<event-id>", EXPO.removeprefix("events/")).replace("<my-agency.pem>", "../my-agency.pem") \
        .replace("<certificate-number>", "CN-2026-0101")
    publish = one(printed(sh(certify, repo, tmp_path).stdout), "carbonreg publish") \
        .replace("log.pem", "../platform-keys/log.pem").replace("platform.pem", "../platform-keys/platform.pem")
    build = one(printed(sh(publish, repo, tmp_path).stdout), "carbonreg build")
    built = sh(build, repo, tmp_path).stdout
    check = one(printed(built), "verify").replace("<event-id>", "2025-yrd-green-building-expo")
    verdict = sh(check, repo, tmp_path, ok=False)
    assert verdict.returncode == 0, verdict.stdout + verdict.stderr
    assert (repo / "_site").is_dir() and not (repo / "_site").is_symlink()
