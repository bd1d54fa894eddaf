"""A bare credential (``certificate.json`` / ``declaration.json`` as filed in a registry): inside a
registry checkout it gets the verdict of the site's bundle; outside, exit 2 and where the bundle is.
Real sample registry (copied), real signatures, the site's own bundle code for the comparison."""

import json
import shutil
from pathlib import Path

import pytest

from signing.cli import main

REPO = Path(__file__).resolve().parents[2]
AT = ["--at", "2026-12-10T00:00:00Z"]  # the sample status list is fresh then
EXPO = "events/2025/2025-yrd-green-building-expo"
REVOKED = "events/2025/2025-harbour-esports-showcase"


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    copy = tmp_path_factory.mktemp("bare") / "registry"
    shutil.copytree(REPO / "registry", copy)
    return copy


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in out + err
    return code, out


def _site_bundle(registry: Path, credential_path: Path, tmp_path: Path) -> Path:
    """The bundle the site ships for this credential, made by the site's own code."""
    from generator.loading.signed import load_trust
    from generator.model.bundles import bundle_bytes

    trust, findings = load_trust(registry / "trust", "trust")
    assert trust is not None, findings
    out = tmp_path / f"site-{credential_path.name}"
    out.write_bytes(bundle_bytes(trust, json.loads(credential_path.read_text(encoding="utf-8"))))
    return out


def _verdict(report: dict) -> dict:
    """A report without what names the input (its path, where the documents came from)."""
    return {"outcome": report["outcome"], "exitCode": report["exitCode"], "subject": report["subject"],
            "revocation": {k: v for k, v in report["revocation"].items() if k != "statusSource"},
            "steps": [(s["name"], s["outcome"], s["id"]) for s in report["steps"]],
            "time": report["time"], "issuer": report["issuer"]}


@pytest.mark.parametrize("filed", [f"{EXPO}/certificate.json", f"{REVOKED}/declaration.json",
                                   "events/2025/2025-pujiang-city-marathon/declaration.json"])
def test_a_bare_credential_inside_a_registry_gets_the_site_bundles_verdict(filed, registry, tmp_path, capsys):
    path = registry / filed
    root = registry / "trust" / "1.root.json"
    code, out = run(capsys, path, "--root", root, *AT, "--json")
    bare = json.loads(out)
    site_code, site_out = run(capsys, _site_bundle(registry, path, tmp_path), "--root", root, *AT, "--json")
    assert bare["input"]["kind"] == "credential" and "inside the registry" in bare["input"]["note"]["en"]
    assert (code, _verdict(bare)) == (site_code, _verdict(json.loads(site_out)))


def test_from_a_subfolder_and_with_the_shipped_root(registry, capsys, monkeypatch):
    monkeypatch.setenv("CARBONREG_ROOTS_DIR", str(REPO / "signing" / "roots"))
    monkeypatch.chdir(registry / EXPO)
    code, out = run(capsys, "certificate.json", *AT)
    assert code == 0 and "VALID" in out and "inside the registry" in out


def test_a_bare_credential_outside_a_registry_exits_2_and_says_where_the_bundle_is(registry, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CARBONREG_ROOTS_DIR", str(REPO / "signing" / "roots"))  # the package's sites.json
    outside = tmp_path / "certificate.json"
    shutil.copy(registry / EXPO / "certificate.json", outside)
    code, out = run(capsys, outside, *AT)
    assert code == 2 and "bare credential" in out and "INVALID" not in out
    assert "https://carbonreg.example.org/events/2025-yrd-green-building-expo/" in out
    assert "signature is valid" in out and "cannot be checked" in out
    code, out = run(capsys, outside, *AT, "--json")
    report = json.loads(out)
    assert code == 2 and report["outcome"] == "bare-credential" and report["exitCode"] == 2


def test_a_changed_bare_credential_outside_a_registry_is_invalid(registry, tmp_path, capsys):
    credential = json.loads((registry / EXPO / "certificate.json").read_text(encoding="utf-8"))
    credential["credentialSubject"]["event"]["organizer"]["en"] += " and friends"
    outside = tmp_path / "certificate.json"
    outside.write_text(json.dumps(credential, ensure_ascii=False), encoding="utf-8")
    code, out = run(capsys, outside, *AT)
    assert code == 1 and "✗ proof" in out


@pytest.mark.parametrize("log", [b"[]", b'{"leaves": 5}', b'{"leaves": [1, 2]}', b"{not json"])
def test_a_registry_whose_log_is_malformed_is_an_input_error_not_a_crash(log, tmp_path, capsys):
    copy = tmp_path / "registry"
    shutil.copytree(REPO / "registry", copy)
    (copy / "trust" / "log.json").write_bytes(log)
    code, out = run(capsys, copy / EXPO / "certificate.json", "--root", copy / "trust" / "1.root.json", *AT)
    assert code == 66 and "trust/ folder of the registry" in out and "INVALID" not in out
