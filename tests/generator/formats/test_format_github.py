"""GitHub annotations: ``::error file=...,line=...,col=...,title=...::message`` with proper escaping."""
import re
from dataclasses import replace

from gentestkit import SALON, SAMPLE, line_of, run

from generator.findings import Location, error, warning
from generator.formats import github

ANNOTATION = re.compile(r"^::(error|warning) file=([^,]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$")


def test_sample_annotation():
    out = github.render(run(SAMPLE)).splitlines()
    m = ANNOTATION.match(out[0])
    assert m, out[0]
    assert m.group(1) == "warning" and m.group(2) == f"registry/{SALON}/plan.yaml"
    assert int(m.group(3)) == line_of(SAMPLE / SALON / "plan.yaml", "on_site_participants: 180")
    assert m.group(5) == "R201"
    assert out[-1].startswith("checked ") and "0 errors, 1 warnings" in out[-1]


def test_escaping_of_properties_and_data():
    result = run(SAMPLE)
    tricky = error("R604", Location("events/a,b:c%d/x.yaml", 4, 2), "第一行\n第二行 100%", "line one\r\nline two: 50%, ok")
    out = github.render(replace(result, findings=(tricky,))).splitlines()[0]
    assert out == ("::error file=events/a%2Cb%3Ac%25d/x.yaml,line=4,col=2,title=R604::"
                   "第一行%0A第二行 100% / line one%0D%0Aline two: 50%25, ok".replace("100%", "100%25"))
    assert "\n" not in out and "\r" not in out


def test_without_a_line():
    result = run(SAMPLE)
    f = warning("L301", Location("events/x.txt"), "忽略", "ignored")
    assert github.render(replace(result, findings=(f,))).splitlines()[0] == "::warning file=events/x.txt,title=L301::忽略 / ignored"
