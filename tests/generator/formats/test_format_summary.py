"""The summary counts what was checked; independent counts from the files on disk."""
from gentestkit import SAMPLE, run

from generator.formats.summary import counts, summary_lines


def test_counts_match_the_files_on_disk():
    c = counts(run(SAMPLE))
    events = [p for p in (SAMPLE / "events").glob("*/*") if p.is_dir()]
    assert c["events"] == len(events)
    assert c["reports"] == sum((e / "report.yaml").is_file() for e in events)
    assert c["retirements"] == len(list((SAMPLE / "events").glob("*/*/retirements/*.yaml")))
    assert c["declarations"] == sum((e / "declaration.yaml").is_file() for e in events)
    assert c["agencies"] == len(list((SAMPLE / "agencies").glob("*.yaml")))
    assert c["factor_sets"] == len(list((SAMPLE / "factors").glob("*.yaml")))
    assert c["placeholder_lines"] > 0


def test_summary_is_bilingual():
    zh, en = summary_lines(run(SAMPLE))
    assert "活动" in zh and "events" in en
