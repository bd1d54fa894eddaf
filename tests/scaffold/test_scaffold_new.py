"""``carbonreg new``: standard templates whose output passes ``carbonreg check`` once the TODOs are filled."""
from __future__ import annotations

import hashlib
import io
import subprocess
from pathlib import Path

from ruamel.yaml import YAML
from samplekit import unpublish

from generator.cli import main

TODAY = "2026-07-01"
FORUM = Path("registry/events/2026/2026-pujiang-low-carbon-forum")
EVENT = Path("registry/events/2026/2026-bund-lantern-walk/plan.yaml")

# What an organizer types into the TODO slots of a new plan.
PLAN_FILL = {
    ("organizer", "name", "zh"): "外滩文旅有限公司（示例）", ("organizer", "name", "en"): "Bund Culture Co. (sample)",
    ("venue", "name", "zh"): "外滩", ("venue", "name", "en"): "The Bund", ("venue", "district"): "huangpu",
    ("content", "zh"): "灯笼巡游", ("content", "en"): "A lantern walk",
    ("attendance", "on_site_participants"): 8000,
    ("reduction_measures", 0, "area"): "transport",
    ("reduction_measures", 0, "description", "zh"): "引导公共交通出行",
    ("reduction_measures", 0, "description", "en"): "Visitors steered to public transport",
    # Art. 9 under shanghai-2026: the estimate lines' amounts (the template writes the lines and their factor keys)
    ("estimate", "lines", 0, "activity", "amount"): "40000",
    ("estimate", "lines", 1, "activity", "people"): 8000, ("estimate", "lines", 1, "activity", "per_person"): "30",
    ("offset_plan", "target_scope"): "basic", ("offset_plan", "kinds"): ["ccer"],
    ("expected_neutral_by"): "2027-06-30",
}


def fill(path: Path, values: dict) -> None:
    """Set values in a YAML file, keeping its comments and its first line (round trip)."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    doc = yaml.load(path.read_text(encoding="utf-8"))
    for keys, value in values.items():
        keys = keys if isinstance(keys, tuple) else (keys,)
        node = doc
        for k in keys[:-1]:
            node = node[k]
        node[keys[-1]] = value
    out = io.StringIO()
    yaml.dump(doc, out)
    path.write_text(out.getvalue(), encoding="utf-8")


def check(capsys) -> tuple[int, str]:
    code = main(["check", "registry", "--today", TODAY])
    return code, capsys.readouterr().out


def new_event(*extra: str) -> int:
    return main(["new", "event", "--no-input", "--id", "2026-bund-lantern-walk", "--name-zh", "外滩灯笼巡游",
                 "--name-en", "Bund Lantern Walk", "--kind", "performance", "--start", "2026-09-20",
                 "--end", "2026-09-21", *extra])


def test_new_event_has_the_schema_line_and_todos(site, capsys):
    assert new_event() == 0
    text = EVENT.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../../schemas/v1/plan.schema.json"
    assert (EVENT.parent / first.split("=", 1)[1]).resolve() == (site / "schemas/v1/plan.schema.json").resolve()
    assert text.count("# TODO") == len(PLAN_FILL)  # one TODO line per field left to fill
    assert "已写入 / wrote" in capsys.readouterr().out


def test_unfilled_event_fails_check_at_each_todo_line(site, capsys):
    new_event()
    capsys.readouterr()
    code, out = check(capsys)
    assert code == 1
    todo_lines = {n for n, line in enumerate(EVENT.read_text(encoding="utf-8").splitlines(), 1) if "# TODO" in line}
    flagged = {int(x.split(":")[1]) for x in out.splitlines() if x.startswith(str(EVENT) + ":")}
    assert flagged == todo_lines


def test_filled_event_passes_check_unchanged(site, capsys):
    assert new_event() == 0
    fill(EVENT, PLAN_FILL)
    code, out = check(capsys)
    assert code == 0, out
    assert EVENT.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


def test_all_flags_need_no_filling(site, capsys):
    assert new_event("--organizer-zh", "外滩文旅", "--organizer-en", "Bund Culture", "--venue-zh", "外滩",
                     "--venue-en", "The Bund", "--district", "huangpu", "--content-zh", "巡游", "--content-en", "A walk",
                     "--on-site-participants", "8000", "--measure-area", "transport", "--measure-zh", "公交",
                     "--measure-en", "Public transport",
                     "--target-scope", "basic", "--offset-kind", "ccer", "--expected-neutral-by", "2027-06-30") == 0
    body = EVENT.read_text(encoding="utf-8").split("\n", 3)[3]
    # Only the estimate lines' amounts are left: no flag gives them (shanghai-2026, Art. 9)
    assert [x.split(":")[0].strip() for x in body.splitlines() if "TODO" in x] == ["amount", "people", "per_person"]
    fill(EVENT, {k: v for k, v in PLAN_FILL.items() if k[0] == "estimate"})
    assert check(capsys)[0] == 0


def test_typed_totals_refused_under_estimate_lines(site, capsys):
    """--estimate-basic/--estimate-total are the older rules' typed totals: under shanghai-2026 a clear error."""
    assert new_event("--estimate-basic", "12", "--estimate-total", "80") == 1
    err = capsys.readouterr().err
    assert "shanghai-2026" in err and "--estimate-basic" in err and "预估行" in err
    assert not EVENT.exists()


def test_never_overwrites(site, capsys):
    assert new_event() == 0
    before = EVENT.read_bytes()
    capsys.readouterr()
    assert new_event() == 1
    err = capsys.readouterr().err
    assert "已存在" in err and "already exists" in err
    assert EVENT.read_bytes() == before


def test_existing_declaration_is_not_overwritten(site, capsys):
    target = Path("registry/events/2025/2025-campus-sustainability-salon/declaration.yaml")
    before = target.read_bytes()
    assert main(["new", "declaration", "--no-input", "--event", "2025-campus-sustainability-salon", "--scope", "full"]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_bad_ids_never_become_paths(site, capsys):
    for bad in ("../../etc", "2026-Bad", "2026-x/../../y"):
        assert main(["new", "event", "--no-input", "--id", bad]) == 1
    assert "invalid event id" in capsys.readouterr().err
    assert main(["new", "retirement", "--no-input", "--event", "2026-pujiang-low-carbon-forum", "--id", "../x"]) == 1


def test_year_must_match_the_id(site, capsys):
    assert main(["new", "event", "--no-input", "--id", "2026-late-show", "--start", "2027-01-02"]) == 1
    assert "2027" in capsys.readouterr().err


def test_retirement_and_declaration_pass_check(site, capsys):
    # The forum's certificate signs 28 t retired; a second retirement changes that total (C103). The
    # scaffold is what is tested here, on the forum as it was before it was certified.
    unpublish(Path("registry"), FORUM.relative_to("registry"))  # as before it was certified (its log entry too: C108)
    proof = FORUM / "attachments" / "shver-cancellation-2.pdf"
    proof.write_bytes(b"%PDF-1.4 second cancellation (sample)\n")
    assert main(["new", "retirement", "--no-input", "--event", "2026-pujiang-low-carbon-forum",
                 "--id", "pjlcf-2026-shver-002", "--kind", "shanghai_ver", "--serial", "SHVER-2026-0042:000000900-000000909",
                 "--quantity", "10", "--retired-on", "2026-06-01", "--method", "purchase",
                 "--proof", "attachments/shver-cancellation-2.pdf"]) == 0
    path = FORUM / "retirements" / "pjlcf-2026-shver-002.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../../schemas/v1/retirement.schema.json\n")
    assert 'registry: "shanghai-ver-registry"' in text  # the only registry the rules allow for the kind
    assert hashlib.sha256(proof.read_bytes()).hexdigest() in text
    fill(path, {("acquisition", "from", "zh"): "某公司", ("acquisition", "from", "en"): "A company",
                ("project", "id"): "SHVER-2026-0042", ("project", "name", "zh"): "项目", ("project", "name", "en"): "A project",
                ("project", "vintage"): 2025})
    code, out = check(capsys)
    assert code == 0, out

    assert main(["new", "declaration", "--no-input", "--event", "2026-pujiang-low-carbon-forum", "--scope", "basic",
                 "--declared-on", "2026-06-10"]) == 0
    decl = FORUM / "declaration.yaml"
    assert '["pjlcf-2026-shver-001", "pjlcf-2026-shver-002"]' in decl.read_text(encoding="utf-8")
    assert "研究会" in decl.read_text(encoding="utf-8")  # the declarant comes from the plan's organizer
    fill(decl, {("statement", "zh"): "本论坛实现基本碳中和。", ("statement", "en"): "The forum is carbon neutral (basic scope)."})
    capsys.readouterr()
    code, out = check(capsys)
    assert code == 0, out


def test_interactive_questions_when_stdin_is_a_terminal(site, capsys, monkeypatch):
    answers = iter(["2026-bund-lantern-walk", "外滩灯笼巡游", "Bund Lantern Walk", "performance", "", "", "huangpu",
                    "2026-09-20", "2026-09-21"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["new", "event"]) == 0
    text = EVENT.read_text(encoding="utf-8")
    assert 'district: "huangpu"' in text and 'zh: "外滩灯笼巡游"' in text
    assert 'start: "2026-09-20"' in text


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_from_new_event_to_a_green_pull_request_check(site, capsys):
    """The filing guide's path: new event, fill the TODOs, commit on a branch, check --base main."""
    _git(site, "init", "-q", "-b", "main")
    _git(site, "config", "user.name", "Organizer")
    _git(site, "config", "user.email", "organizer@example.org")
    _git(site, "add", "-A")
    _git(site, "commit", "-q", "--no-verify", "-m", "registry")
    _git(site, "checkout", "-q", "-b", "file-bund-lantern-walk")
    assert new_event() == 0
    fill(EVENT, PLAN_FILL)
    _git(site, "add", "-A")
    _git(site, "commit", "-q", "--no-verify", "-m", "file the Bund Lantern Walk")
    capsys.readouterr()
    assert main(["check", "registry", "--base", "main", "--today", TODAY, "--format", "github"]) == 0
    assert "::error" not in capsys.readouterr().out
