"""Issue 13, section 3: ``carbonreg new`` checks each answer as it is typed and asks again; Ctrl-C
and Ctrl-D end it cleanly; ``new report`` writes the report template; ``new declaration`` fills
what the registry can compute. The command runs as a user runs it, with answers on its stdin."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ruamel.yaml import YAML

from generator.cli import main

CARBONREG = str(Path(sys.executable).parent / "carbonreg")
EVENT = Path("registry/events/2026/2026-bund-lantern-walk/plan.yaml")
MARATHON = Path("registry/events/2025/2025-pujiang-city-marathon")


def _run(site: Path, args: list[str], answers: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([CARBONREG, *args], cwd=site, input=answers, capture_output=True, text=True, timeout=timeout)


def test_each_answer_is_checked_and_asked_again(site):
    answers = "\n".join([
        "2026 Bund Walk", "2026-bund-lantern-walk",            # a bad id, then a good one
        "外滩灯笼巡游", "Bund Lantern Walk",
        "festival", "演出",                                       # not a kind, then the kind by its Chinese name
        "", "",
        "外滩", "黄浦区",                                          # not a district, then a district by its name
        "2026-09-31", "2026-09-20",                              # a day that does not exist, then a real one
        "2026-09-19", "2026-09-21",                              # an end before the start, then a good end
    ]) + "\n"
    done = _run(site, ["new", "event", "--ask"], answers)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "活动编号只能用小写字母" in out and "the event id takes lower-case letters" in out
    assert "'festival' 不在可选值中" in out and "type one of: performance, sports" in out
    assert "未知的区 '外滩'" in out and "huangpu (Huangpu)" in out and "huangpu（黄浦区）" in out
    assert "'2026-09-31' 不是有效日期" in out and "type YYYY-MM-DD" in out
    assert "结束日期 2026-09-19 早于开始日期 2026-09-20" in out and "is before the start" in out
    plan = YAML(typ="safe").load((site / EVENT).read_text(encoding="utf-8"))
    assert plan["kind"] == "performance" and plan["venue"]["district"] == "huangpu"
    assert plan["phases"]["hosting"] == {"start": "2026-09-20", "end": "2026-09-21"}


def test_ctrl_d_ends_cleanly_and_writes_nothing(site):
    done = _run(site, ["new", "event", "--ask"], "2026-bund-lantern-walk\n外滩灯笼巡游\n")  # input ends here
    assert done.returncode == 1
    assert "cancelled, nothing was written" in done.stderr and "已取消" in done.stderr
    assert "Traceback" not in done.stderr and not (site / EVENT).exists()


def _state(pid: int) -> str:
    """The process's state letter (R running, S sleeping: here, in its read of stdin), from /proc."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def test_ctrl_c_ends_cleanly_and_writes_nothing(site):
    proc = subprocess.Popen([CARBONREG, "new", "event", "--ask"], cwd=site, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdin.write("2026-bund-lantern-walk\n")
    proc.stdin.flush()
    seen, deadline = b"", time.monotonic() + 60
    while "event name in Chinese".encode() not in seen and time.monotonic() < deadline:  # the second question
        seen += os.read(proc.stdout.fileno(), 4096)
    # Ctrl-C while the question waits for its answer, as a user presses it. The prompt reaches the pipe
    # just before the child blocks reading stdin; a SIGINT in between, when only C code runs, is taken
    # by CPython only after that read returns (seen on a loaded machine). So wait until the child
    # sleeps in its read, and keep stdin open until it has exited (closing it would be Ctrl-D).
    while _state(proc.pid) != "S" and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, out + err
    assert "cancelled, nothing was written" in err and "Traceback" not in err
    assert not (site / EVENT).exists()


def test_new_report_lists_the_factors_in_force_and_fails_check_until_filled(site, capsys):
    (site / MARATHON / "report.yaml").unlink()
    (site / MARATHON / "declaration.json").unlink()
    assert main(["new", "report", "--no-input", "--event", "2025-pujiang-city-marathon", "--role", "agency",
                 "--agency", "hupu-carbon-services", "--prepared-on", "2025-12-20"]) == 0
    text = (site / MARATHON / "report.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../schemas/v1/report.schema.json\n")
    factor_keys = YAML(typ="safe").load((site / "registry/factors/shanghai-default-2022.yaml").read_text(encoding="utf-8"))
    for factor in factor_keys["factors"]:
        assert f"#   {factor['key']}: {factor['category']}, {factor['unit']}" in text
    capsys.readouterr()
    assert main(["check", "registry", "--today", "2026-07-01", "--format", "json"]) == 1
    unfilled = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["path"].endswith("report.yaml")]
    assert unfilled and all(f["code"].startswith("S2") for f in unfilled)  # each TODO slot, at its line
    yaml = YAML()
    report = yaml.load(text)
    line = report["lines"][0]
    line["category"], line["description"]["zh"], line["description"]["en"] = "purchased_electricity", "用电", "Power"
    line["activity"]["amount"], line["activity"]["unit"], line["factor"]["key"] = "60500", "kWh", "electricity-shanghai"
    with (site / MARATHON / "report.yaml").open("w", encoding="utf-8") as f:
        yaml.dump(report, f)
    main(["check", "registry", "--today", "2026-07-01", "--format", "json"])
    findings = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["path"].endswith("report.yaml")]
    assert findings == [], findings


def test_new_declaration_fills_what_the_registry_computes(site, capsys):
    # The signed declaration.json holds the totals the platform signed: 732.0172 tCO2e, 733 needed.
    signed = json.loads((site / MARATHON / "declaration.json").read_text(encoding="utf-8"))
    subject = signed.get("credentialSubject") or signed["credential"]["credentialSubject"]
    (site / MARATHON / "declaration.yaml").unlink()
    assert main(["new", "declaration", "--no-input", "--event", "2025-pujiang-city-marathon",
                 "--declared-on", "2026-03-01"]) == 0
    decl = YAML(typ="safe").load((site / MARATHON / "declaration.yaml").read_text(encoding="utf-8"))
    assert decl["scope"] == "full"  # the plan's target scope
    assert sorted(decl["retirements"]) == ["pjm-2026-ccer-001", "pjm-2026-cea-001"]
    for text in (decl["statement"]["zh"], decl["statement"]["en"]):
        assert str(subject["emissions"]["total"]) in text and str(subject["offsets"]["needed"]) in text and "740" in text


def test_new_declaration_says_when_retirements_do_not_cover(site, capsys):
    (site / MARATHON / "declaration.yaml").unlink()
    (site / MARATHON / "retirements" / "pjm-2026-ccer-001.yaml").unlink()
    assert main(["new", "declaration", "--no-input", "--event", "2025-pujiang-city-marathon"]) == 0
    out = capsys.readouterr().out
    assert "40 吨" in out and "the listed retirements hold 40 t" in out and "R701" in out


def test_new_report_asks_for_the_activity_source_where_the_rules_require_it(site, capsys):
    """Issue 12: under shanghai-2026 (activity_source: required) the template has a source slot to fill,
    which check reports at its line until filled; under shanghai-2025 only a comment shows it."""
    riverside = "registry/events/2026/2026-riverside-light-art-festival"
    assert main(["new", "report", "--no-input", "--event", "2026-riverside-light-art-festival", "--role", "organizer",
                 "--prepared-on", "2027-01-20"]) == 0
    text = (site / riverside / "report.yaml").read_text(encoding="utf-8")
    slot = next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("      source: \"\""))
    assert "metered | invoiced | surveyed" in text.splitlines()[slot - 1]
    capsys.readouterr()
    main(["check", "registry", "--today", "2027-01-21", "--format", "json"])
    findings = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["path"].endswith(riverside + "/report.yaml")]
    assert any(f["line"] == slot and f["code"].startswith("S2") for f in findings), findings
    (site / MARATHON / "report.yaml").unlink()
    (site / MARATHON / "declaration.json").unlink()
    assert main(["new", "report", "--no-input", "--event", "2025-pujiang-city-marathon", "--role", "organizer",
                 "--prepared-on", "2025-12-20"]) == 0
    older = (site / MARATHON / "report.yaml").read_text(encoding="utf-8")
    assert "      # source: metered | invoiced | surveyed | estimated" in older and "source: \"\"" not in older
