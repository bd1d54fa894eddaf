"""``carbonreg check --base REF`` end to end on real git repositories: exit codes and formats."""
from __future__ import annotations

import json

from history_gitkit import EXPO, FESTIVAL, SALON, TODAY
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "registry", "--today", TODAY, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_new_event_branch_passes(repo, capsys):
    folder = "registry/events/2026/2026-harbour-light-show"
    repo.copy(FESTIVAL, folder)
    repo.edit(f"{folder}/plan.yaml", "id: 2026-riverside-light-art-festival", "id: 2026-harbour-light-show")
    repo.commit("file a new event")
    code, out, _ = run(capsys, "--base", "main")
    assert code == 0, out
    assert " H1" not in out


def test_edited_certificate_fails_with_an_annotation(repo, capsys):
    path = f"{EXPO}/certificate.json"
    doc = json.loads(repo.read(path))
    doc["credentialSubject"]["certificateNumber"] = "CN-2026-9999"
    repo.write(path, json.dumps(doc, ensure_ascii=False, indent=2))
    repo.commit()
    code, out, _ = run(capsys, "--base", "main", "--format", "github")
    assert code == 1
    [line] = [x for x in out.splitlines() if "title=H101" in x]
    assert line.startswith(f"::error file={path},line=")
    # the full check still runs: the signature no longer verifies
    assert any("title=C1" in x for x in out.splitlines())


def test_text_output_keeps_path_line_column(repo, capsys):
    repo.path(f"{SALON}/retirements/css-2026-ccer-001.yaml").unlink()
    repo.commit()
    code, out, _ = run(capsys, "--base", "main")
    assert code == 1
    assert f"{SALON}/retirements/css-2026-ccer-001.yaml:1:1: H102 error: " in out


def test_warning_only_passes_unless_strict(repo, capsys):
    for name in ("2026-harbour-light-show", "2026-bund-lantern-walk"):
        folder = f"registry/events/2026/{name}"
        repo.copy(FESTIVAL, folder)
        repo.edit(f"{folder}/plan.yaml", "id: 2026-riverside-light-art-festival", f"id: {name}")
    repo.commit("two events in one pull request")
    code, out, _ = run(capsys, "--base", "main")
    assert code == 0 and "H107 warning" in out
    assert run(capsys, "--base", "main", "--strict")[0] == 1


def test_unknown_base_is_a_usage_error(repo, capsys):
    code, out, err = run(capsys, "--base", "origin/nowhere")
    assert code == 2 and out == ""
    assert "origin/nowhere" in err and "找不到" in err and "not found" in err


def test_not_a_git_repository(tmp_path, monkeypatch, capsys):
    import shutil


    shutil.copytree(pristine_sample(), tmp_path / "registry")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--base", "main")
    assert code == 2 and "not inside a git repository" in err


def test_markdown_summary_of_a_failing_change(repo, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "example/registry")
    monkeypatch.setenv("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567")
    repo.path(f"{SALON}/retirements/css-2026-ccer-001.yaml").unlink()
    repo.commit()
    code, out, _ = run(capsys, "--base", "main", "--format", "markdown")
    assert code == 1
    assert out.startswith("<!-- carbonreg-check -->\n## ❌ carbonreg check")   # the sticky comment's marker
    assert "`H102`" in out
    assert (f"(https://github.com/example/registry/blob/0123456789abcdef0123456789abcdef01234567/"
            f"{SALON}/retirements/css-2026-ccer-001.yaml#L1)") in out
    assert "<details><summary>" in out and "</details>" in out


def test_pull_request_summary_shows_only_what_it_changes_in_both_languages(repo, capsys):
    """Issue 15: the summary of a new event included the salon's R201 warning; its labels were English."""
    folder = "registry/events/2026/2026-harbour-light-show"
    repo.copy(FESTIVAL, folder)
    repo.edit(f"{folder}/plan.yaml", "id: 2026-riverside-light-art-festival", "id: 2026-harbour-light-show")
    repo.commit("file a new event")
    code, out, _ = run(capsys, "--base", "main", "--format", "markdown")
    assert code == 0, out
    assert "R201" not in out                                     # the salon's warning is not this change's
    assert "0 errors and 1 warnings elsewhere" in out           # only counted
    assert "`2026-harbour-light-show`" in out and "新增 new" in out
    assert "| 活动 / events |" in out and "| 警告 / warnings |" in out
    assert "| events |" not in out


def test_pull_request_summary_totals_and_fixes(repo, capsys):
    """A changed event's emissions, offsets needed for its target scope, tonnes retired, and a fix per error."""
    repo.path(f"{SALON}/retirements/css-2026-ccer-001.yaml").unlink()
    repo.commit()
    code, out, _ = run(capsys, "--base", "main", "--format", "markdown")
    assert code == 1
    changed = [line for line in out.splitlines() if line.startswith("| `2025-campus-sustainability-salon`")]
    assert len(changed) == 1 and "修改 changed" in changed[0]
    cells = [c.strip() for c in changed[0].split("|")[1:-1]]
    emissions, scope, needed, retired, short = cells[2], cells[3], int(cells[4]), int(cells[5]), int(cells[6])
    assert emissions.replace("\\", "") and scope in ("basic", "full")
    assert short == max(needed - retired, 0)
    assert "### 错误（必须修正才能合并）/ Errors (blocking: fix before merging)" in out
    assert "file a new record" in out                           # how to fix H102
