"""Each change rule on real git history: the right code at the right place, and nothing else."""
from __future__ import annotations

import json
from pathlib import Path

from history_gitkit import EXPO, FESTIVAL, FORUM, SALON, make_repo

from generator.findings import Severity
from generator.history import check_change

FORUM_RET = f"{FORUM}/retirements/pjlcf-2026-shver-001.yaml"
SALON_RET = f"{SALON}/retirements/css-2026-ccer-001.yaml"
PEM = ("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n"
       "-----END PRIVATE KEY-----\n")


def found(base: str = "main") -> list:
    return check_change(Path("registry"), base)


def codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


def only(findings, code: str):
    hits = [f for f in findings if f.code == code]
    assert len(hits) == 1, findings
    return hits[0]


def new_event(repo, event_id: str = "2026-harbour-light-show", year: str = "2026") -> str:
    folder = f"registry/events/{year}/{event_id}"
    repo.copy(FESTIVAL, folder)
    repo.edit(f"{folder}/plan.yaml", "id: 2026-riverside-light-art-festival", f"id: {event_id}")
    return folder


def test_a_branch_adding_a_new_event_has_no_findings(repo):
    new_event(repo)
    repo.commit("new event")
    assert found() == []


def test_no_change_no_findings(repo):
    assert found() == []


def test_editing_a_published_certificate_is_H101_at_the_changed_line(repo):
    path = f"{EXPO}/certificate.json"
    doc = json.loads(repo.read(path))
    doc["credentialSubject"]["emissions"]["total"] = "1.00"
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    repo.write(path, text)
    repo.commit("lower the total")
    f = only(found(), "H101")
    assert f.severity is Severity.ERROR
    assert f.location.path == path
    assert 'total' in text.splitlines()[f.location.line - 1]
    assert "supersede" in f.en and "取代" in f.zh


def test_editing_a_published_declaration_yaml(repo):
    repo.edit(f"{SALON}/declaration.yaml", "declared_on: 2026-01-15", "declared_on: 2026-01-16")
    repo.commit()
    f = only(found(), "H101")
    assert (f.location.path, f.location.line) == (f"{SALON}/declaration.yaml", 5)


def test_deleting_a_retirement_is_H102_at_its_path(repo):
    repo.path(SALON_RET).unlink()
    repo.commit("drop a retirement")
    f = only(found(), "H102")
    assert (f.location.path, f.location.line, f.location.column) == (SALON_RET, 1, 1)


def test_deleting_a_revocation_notice(repo):
    repo.path("registry/revocations/rev-2026-001.yaml").unlink()
    repo.commit()
    assert codes(found()) == ["H102"]


def test_renaming_a_retirement_is_a_deletion_and_a_reused_id(repo):
    repo.git("mv", FORUM_RET, f"{FORUM}/retirements/renamed.yaml")
    repo.commit("rename")
    findings = found()
    assert codes(findings) == ["H102", "H104"]
    assert only(findings, "H102").related[0].path == f"{FORUM}/retirements/renamed.yaml"


def test_uncommitted_edit_counts(repo):
    repo.edit(SALON_RET, "quantity: 2", "quantity: 3")
    assert codes(found()) == ["H101"]


def test_a_change_to_a_certified_event_report_is_H103(repo):
    text = repo.read(f"{EXPO}/report.yaml").splitlines()
    number = next(i for i, line in enumerate(text) if "amount:" in line)
    text[number] = text[number] + "1"
    repo.write(f"{EXPO}/report.yaml", "\n".join(text) + "\n")
    repo.commit()
    f = only(found(), "H103")
    assert (f.location.path, f.location.line) == (f"{EXPO}/report.yaml", number + 1)
    assert "2025-yrd-green-building-expo" in f.en


def test_deleting_an_attachment_of_a_certified_event_is_H103(repo):
    repo.path(f"{EXPO}/attachments/gas-lab-report.pdf").unlink()
    repo.commit()
    assert codes(found()) == ["H103"]


def test_an_event_without_certificate_may_still_change_its_report(repo):
    """H103 freezes certified events only; the salon has a self-declaration and no certificate (the
    forum, used here before, has had one since issue 12)."""
    repo.write(f"{SALON}/report.yaml", repo.read(f"{SALON}/report.yaml") + "# reviewed\n")
    repo.commit()
    assert found() == []


def test_a_new_retirement_for_a_certified_event_and_a_new_notice_are_fine(repo):
    src = repo.read(f"{EXPO}/retirements/exhb-2026-shea-001.yaml")
    repo.write(f"{EXPO}/retirements/exhb-2026-shea-002.yaml", src.replace("exhb-2026-shea-001", "exhb-2026-shea-002"))
    notice = repo.read("registry/revocations/rev-2026-001.yaml").replace("rev-2026-001", "rev-2026-002")
    repo.write("registry/revocations/rev-2026-002.yaml", notice)
    repo.commit()
    assert found() == []


def test_reusing_a_retirement_id_of_another_event_is_H104_at_the_id_line(repo):
    text = repo.read(FORUM_RET).replace("id: pjlcf-2026-shver-001", "id: css-2026-ccer-001", 1)
    repo.write(f"{FORUM}/retirements/pjlcf-2026-shver-002.yaml", text)
    repo.commit()
    f = only(found(), "H104")
    assert f.location.path == f"{FORUM}/retirements/pjlcf-2026-shver-002.yaml"
    assert repo.read(f.location.path).splitlines()[f.location.line - 1] == "id: css-2026-ccer-001"
    assert f.related[0].path == SALON_RET


def test_reusing_the_id_of_a_deleted_retirement(repo):
    text = repo.read(FORUM_RET)
    repo.path(FORUM_RET).unlink()
    repo.write(f"{FORUM}/retirements/replacement.yaml", text)
    repo.commit("delete and re-add under another name")
    assert codes(found()) == ["H102", "H104"]


def test_reusing_a_declaration_id_as_a_retirement_id(repo):
    text = repo.read(FORUM_RET).replace("id: pjlcf-2026-shver-001", "id: css-2026-declaration", 1)
    repo.write(f"{FORUM}/retirements/x.yaml", text)
    repo.commit()
    assert codes(found()) == ["H104"]


def test_reusing_a_certificate_number(repo):
    doc = json.loads(repo.read(f"{EXPO}/certificate.json"))
    doc["credentialSubject"]["event"]["id"] = "2026-pujiang-low-carbon-forum"
    repo.write(f"{FORUM}/certificate.json", json.dumps(doc, indent=2))
    repo.commit()
    f = only(found(), "H104")
    assert f.location.path == f"{FORUM}/certificate.json"
    assert "CN-2026-0001" in f.en and "certificateNumber" in repo.read(f.location.path).splitlines()[f.location.line - 1]


def test_reusing_an_event_id_in_another_year_folder(repo):
    repo.path("registry/events/2027").mkdir()
    repo.git("mv", FESTIVAL, "registry/events/2027/2026-riverside-light-art-festival")
    repo.commit("move")
    f = only(found(), "H104")
    assert f.location.path.endswith("2027/2026-riverside-light-art-festival/plan.yaml")
    assert f.location.line == 3  # the id: line, after the schema and comment lines


def test_private_key_outside_the_registry_is_H105(repo):
    repo.write("deploy/notes.txt", "keys for the deploy\n" + PEM)
    repo.commit("oops")
    f = only(found(), "H105")
    assert (f.location.path, f.location.line) == ("deploy/notes.txt", 2)


def test_untracked_token_is_H106(repo):
    repo.write("scripts/env.sh", "export GITHUB_TOKEN=ghp_" + "a1B2" * 9 + "\n")
    f = only(found(), "H106")
    assert (f.location.path, f.location.line) == ("scripts/env.sh", 1)


def test_a_key_committed_then_removed_stays_in_history(repo):
    repo.write("deploy/key.pem", PEM)
    first = repo.commit("add key")
    repo.path("deploy/key.pem").unlink()
    repo.commit("remove key")
    f = only(found(), "H105")
    assert f.location.path == "deploy/key.pem" and first[:12] in f.en


def test_a_key_inside_the_registry_is_left_to_R901(repo):
    repo.write(f"{FORUM}/attachments/key.pem", PEM)
    repo.commit()
    assert "H105" not in codes(found())


def test_touching_two_events_is_a_warning(repo):
    new_event(repo)
    repo.write(f"{FORUM}/report.yaml", repo.read(f"{FORUM}/report.yaml") + "# note\n")
    repo.commit()
    f = only(found(), "H107")
    assert f.severity is Severity.WARNING
    assert "2026-harbour-light-show" in f.en and "2026-pujiang-low-carbon-forum" in f.en


def test_base_is_the_merge_base(repo):
    """Work that landed on main after the branch started is not this change's doing."""
    repo.git("checkout", "-q", "main")
    repo.path(SALON_RET).unlink()  # main itself changes (say, by an operator's fix)
    repo.commit("main moves on")
    repo.git("checkout", "-q", "pr")
    new_event(repo)
    repo.commit()
    assert found() == []


def test_registry_at_the_repository_root(tmp_path, monkeypatch):
    r = make_repo(tmp_path / "r")
    monkeypatch.chdir(r.root / "registry")
    (r.root / "registry" / "revocations" / "rev-2026-001.yaml").unlink()
    [f] = check_change(Path("."), "main")
    assert (f.code, f.location.path) == ("H102", "revocations/rev-2026-001.yaml")
