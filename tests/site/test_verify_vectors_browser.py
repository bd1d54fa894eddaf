"""The verifier conformance vectors run by the browser verifier (``assets/verify/*.js``) on a blank
page, compared with ``case.json`` and, step by step (outcome and message id), with the Python
verifier (issue 18: both verifiers, one specification)."""
from __future__ import annotations

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
