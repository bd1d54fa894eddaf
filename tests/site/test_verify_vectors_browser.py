"""The verifier conformance vectors run by the browser verifier (``assets/verify/*.js``) on a blank
page, compared with ``case.json`` and, step by step (outcome, message id and both texts), with the
Python verifier (issue 18: both verifiers, one specification)."""
from __future__ import annotations

import json
import sys

import pytest
from sitetestkit import REPO

sys.path.insert(0, str(REPO / "tests" / "signing"))
from test_verify_vectors import CASES, VECTORS, expected, python_result, summary  # noqa: E402

pytestmark = pytest.mark.browser
PARTS = REPO / "site" / "theme" / "assets" / "verify"
ORDER = (PARTS / "ORDER").read_text(encoding="utf-8").split()
# signing/verifier.json (step names, limits, texts) as the verify page embeds it for the parts to read
SPEC_ELEMENT = ("<script type='application/json' id='carbonreg-verifier-spec'>"
                + (REPO / "signing" / "verifier.json").read_text(encoding="utf-8").replace("<", "\\u003c") + "</script>")


@pytest.fixture(scope="module")
def blank(browser, tmp_path_factory):
    """A blank page (a file, so that WebCrypto is available: a secure context) with the verifier's
    parts only, in their order."""
    folder = tmp_path_factory.mktemp("blank")
    for name in ORDER:
        (folder / f"{name}.js").write_bytes((PARTS / f"{name}.js").read_bytes())
    scripts = SPEC_ELEMENT + "".join(f"<script src='{name}.js'></script>" for name in ORDER)
    (folder / "blank.html").write_text("<!doctype html><html><head><meta charset='utf-8'></head>"
                                       f"<body>{scripts}</body></html>", encoding="utf-8")
    page = browser.new_page()
    page.goto((folder / "blank.html").as_uri())
    page.wait_for_function("() => window.carbonregVerify !== undefined")
    yield page
    page.close()


def browser_result(page, name: str) -> dict:
    folder = VECTORS / name
    case = expected(name)
    return page.evaluate("""async ([bundle, root, at]) => {
        const v = window.carbonregVerify;
        const anchor = { label: 'root.json', content: v.strictJson(new TextEncoder().encode(root)),
                         sourceZh: 'root.json', sourceEn: 'root.json' };
        const seconds = Date.parse(at) / 1000;
        const verdict = await v.verifyBundle(new TextEncoder().encode(bundle), anchor, seconds);
        const order = ['json', 'bundle', 'shape', 'root', 'authorizations', 'proof', 'publication', 'issuer', 'status', 'revocation'];
        const steps = [...verdict.steps].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
        return { exitCode: verdict.exitCode, outcome: verdict.outcome, steps: steps.map((s) => [s.name, s.outcome, s.id]) };
    }""", [(folder / "bundle.json").read_text(encoding="utf-8"), (folder / "root.json").read_text(encoding="utf-8"), case["at"]])


@pytest.mark.parametrize("name", CASES)
def test_browser_verifier_gives_each_vectors_expected_result_and_the_python_steps(name, blank):
    case = expected(name)
    seen = browser_result(blank, name)
    assert summary(seen) == {k: case[k] for k in ("exitCode", "outcome", "failed", "warnings")}
    assert seen["steps"] == python_result(name)["steps"]


def _python_texts(name: str) -> dict:
    from signing.timefmt import parse_timestamp
    from signing.verify import verify_bundle

    folder = VECTORS / name
    root = json.loads((folder / "root.json").read_text(encoding="utf-8"))
    verdict = verify_bundle((folder / "bundle.json").read_bytes(), root, at=parse_timestamp(expected(name)["at"]))
    return {s.name: [s.message_id, s.zh, s.en] for s in verdict.steps}


@pytest.mark.parametrize("name", CASES)
def test_browser_verifier_prints_the_python_verifiers_texts(name, blank):
    """Each step's Chinese and English text is the Python verifier's (both read signing/verifier.json).
    Only where the current status list can be found differs on purpose: the CLI's text says --status FILE
    (status.where.*.cli), the page's does not (status.where.*.browser)."""
    from signing.verifier_spec import text

    folder = VECTORS / name
    source_zh, source_en = text("label.pinned-root")  # the root's label in verify_bundle(data, root)
    seen = blank.evaluate("""async ([bundle, root, at, sourceZh, sourceEn]) => {
        const v = window.carbonregVerify;
        const anchor = { label: 'root', content: v.strictJson(new TextEncoder().encode(root)), sourceZh, sourceEn };
        const verdict = await v.verifyBundle(new TextEncoder().encode(bundle), anchor, Date.parse(at) / 1000);
        return Object.fromEntries(verdict.steps.map((s) => [s.name, [s.id, s.zh, s.en]]));
    }""", [(folder / "bundle.json").read_text(encoding="utf-8"), (folder / "root.json").read_text(encoding="utf-8"),
           expected(name)["at"], source_zh, source_en])
    python = _python_texts(name)
    assert set(seen) == set(python)
    for step, (message_id, zh, en) in python.items():
        if message_id in ("status.missing", "status.stale"):  # the same up to "; <where the list is>"
            assert [seen[step][0], seen[step][1].split("；")[0], seen[step][2].split("; ")[0]] \
                == [message_id, zh.split("；")[0], en.split("; ")[0]], step
            continue
        assert seen[step] == [message_id, zh, en], step
